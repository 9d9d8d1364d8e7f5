import { SettingsError } from '../core/errors';
import type { EvaluationSettings } from './evaluation-settings';
import companyScore from './presets/company-score.json';
import districtRates from './presets/district-rates.json';
import hotlineDispatch from './presets/hotline-dispatch.json';
import { FUZHOU_EVALUATION, FUZHOU_ID, fuzhouScheme } from './fuzhou';
import { compileScheme, type Scheme, type SchemeInput } from './scheme';

/** The shipped schemes besides the default, by id (their JSON files are in `presets/`). */
const PRESETS: ReadonlyMap<string, unknown> = new Map<string, unknown>([
  ['district-rates', districtRates],
  ['company-score', companyScore],
  ['hotline-dispatch', hotlineDispatch],
]);

/** Ids a settings file or `--scheme` may name, the default first. */
export const PRESET_IDS: readonly string[] = [FUZHOU_ID, ...PRESETS.keys()];

/** A preset's display name (for the 设置 picker). */
export function presetName(id: string): string {
  if (id === FUZHOU_ID) return fuzhouScheme(FUZHOU_EVALUATION).name;
  const p = PRESETS.get(id) as { name?: string } | undefined;
  return p?.name ?? id;
}

/** What `settings.scheme` holds: a preset id, or a scheme written out. */
export type SchemeChoice = string | SchemeInput;

/**
 * The compiled scheme a choice names. The default (“fuzhou-2017”) is built from the
 * evaluation settings; every other scheme carries its own formulas.
 */
export function schemeFor(choice: SchemeChoice, evaluation: EvaluationSettings): Scheme {
  if (typeof choice === 'string') {
    if (choice === FUZHOU_ID) return compileScheme(fuzhouScheme(evaluation));
    const preset = PRESETS.get(choice);
    if (preset === undefined)
      throw new SettingsError('scheme', { kind: 'oneOf', options: PRESET_IDS });
    return compileScheme(preset);
  }
  return compileScheme(choice);
}

export { FUZHOU_ID };
