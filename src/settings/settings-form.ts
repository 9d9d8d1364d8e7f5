import { SettingsError, type SettingsRule } from '../core/errors';
import { formatScaled, toScaled } from '../core/fixed';
import { FUZHOU_ID } from '../scheme/fuzhou';
import {
  DEFAULT_SETTINGS,
  resolveSettings,
  type Denominator,
  type Settings,
  type SettingsInput,
} from './settings';

/** The picker's value for a scheme written out in a settings file (not a preset). */
export const CUSTOM_SCHEME = '(custom)';

/**
 * The settings as the 设置 dialog edits them: every field a string as typed (weights in
 * percent), turned back into settings exactly (no binary arithmetic on what the user typed)
 * and validated by `resolveSettings`. Host-agnostic so that the Excel pane, the Word pane and
 * the web page share it, and so that Node tests can check it.
 */
export interface SettingsForm {
  /** A preset's id, or CUSTOM_SCHEME for the scheme object the settings carry. */
  readonly scheme: string;
  readonly weightClosed: string;
  readonly weightOnTime: string;
  readonly weightRework: string;
  readonly denomRework: Denominator;
  readonly denomClosed: Denominator;
  readonly denomOnTime: Denominator;
  readonly decimals: string;
  readonly rounding: Settings['evaluation']['rounding'];
  readonly zeroRule: Settings['evaluation']['reworkTermWhenNoneDisposed'];
  readonly bands: readonly { readonly grade: string; readonly min: string }[];
  readonly namedInTies: string;
  readonly bottomCount: string;
  readonly improvedCount: string;
  readonly tiesAtCutoff: Settings['narrative']['tiesAtCutoff'];
  readonly rateChange: Settings['narrative']['rateChange'];
  /** One alias a line: 原名=显示名. */
  readonly aliases: string;
  /** One unit name a line. */
  readonly leftOut: string;
  readonly issuer: string;
  readonly recipients: string;
  /** Empty: built from the issuer and the month. */
  readonly title: string;
  /** Empty: no date printed. */
  readonly date: string;
}

export interface FormProblem {
  readonly path: string;
  readonly rule: SettingsRule;
}

export type FormResult =
  | { readonly ok: true; readonly settings: Settings }
  | { readonly ok: false; readonly problems: readonly FormProblem[] };

/** A weight (0.2) as the percent the dialog shows (“20”), from its exact decimal digits. */
function percentText(weight: number): string {
  return formatScaled(toScaled(weight, 4, 'halfUp')?.scaled ?? 0, 2);
}

const lines = (text: string) =>
  text
    .split(/\r?\n/)
    .map((l) => l.trim())
    .filter((l) => l !== '');

export function toForm(s: Settings): SettingsForm {
  const e = s.evaluation;
  const n = s.narrative;
  return {
    scheme: typeof s.scheme === 'string' ? s.scheme : CUSTOM_SCHEME,
    weightClosed: percentText(e.weights.closed),
    weightOnTime: percentText(e.weights.onTime),
    weightRework: percentText(e.weights.rework),
    denomRework: e.denominators.rework,
    denomClosed: e.denominators.closed,
    denomOnTime: e.denominators.onTime,
    decimals: String(e.decimals),
    rounding: e.rounding,
    zeroRule: e.reworkTermWhenNoneDisposed,
    bands: e.bands.map((b) => ({ grade: b.grade, min: String(b.min) })),
    namedInTies: String(n.namedInTies),
    bottomCount: String(n.bottomCount),
    improvedCount: String(n.improvedCount),
    tiesAtCutoff: n.tiesAtCutoff,
    rateChange: n.rateChange,
    aliases: Object.entries(n.aliases)
      .map(([from, to]) => `${from}=${to}`)
      .join('\n'),
    leftOut: n.hotline.leftOut.join('\n'),
    issuer: s.report.issuer,
    recipients: s.report.recipients,
    title: s.report.title ?? '',
    date: s.report.date ?? '',
  };
}

/** “20” or “12.5” percent → 0.2 / 0.125, by moving the decimal point in the text. */
export function percentToFraction(text: string): number | null {
  const m = /^\s*(\d+)(?:\.(\d+))?\s*%?\s*$/.exec(text.replace(/[０-９．]/g, fullWidth));
  if (!m) return null;
  const digits = m[1]! + (m[2] ?? '');
  const point = m[1]!.length - 2;
  const shifted =
    point <= 0
      ? `0.${'0'.repeat(-point)}${digits}`
      : `${digits.slice(0, point)}.${digits.slice(point)}`;
  return Number(shifted);
}

function fullWidth(ch: string): string {
  return ch === '．' ? '.' : String.fromCharCode(ch.charCodeAt(0) - 0xfee0);
}

function plainNumber(text: string): number | null {
  const t = text.replace(/[０-９．]/g, fullWidth).trim();
  return /^\d+(\.\d+)?$/.test(t) ? Number(t) : null;
}

function integer(text: string): number | null {
  const t = text.replace(/[０-９]/g, fullWidth).trim();
  return /^\d+$/.test(t) ? Number(t) : null;
}

/**
 * The form back into settings: every field that cannot be read is reported (all of them at
 * once, each with its path); a form that reads is then validated as a whole by the engine's
 * own rules, whose first refusal is reported the same way.
 */
export function fromForm(form: SettingsForm, base: Settings): FormResult {
  const problems: FormProblem[] = [];
  const need = <T>(value: T | null, path: string, rule: SettingsRule): T => {
    if (value === null) problems.push({ path, rule });
    return value as T;
  };
  const weight = (text: string, key: string) =>
    need(percentToFraction(text), `evaluation.weights.${key}`, { kind: 'weight' });
  const count = (text: string, path: string, min: number) =>
    need(integer(text), `narrative.${path}`, { kind: 'integer', min, max: 50 });
  const decimals = need(integer(form.decimals), 'evaluation.decimals', {
    kind: 'integer',
    min: 0,
    max: 4,
  });
  const aliases: Record<string, string> = Object.create(null) as Record<string, string>;
  for (const line of lines(form.aliases)) {
    const m = /^(.+?)[=＝](.+)$/.exec(line);
    if (!m || !m[1]!.trim() || !m[2]!.trim()) {
      problems.push({ path: 'narrative.aliases', rule: { kind: 'aliases' } });
      break;
    }
    aliases[m[1]!.trim()] = m[2]!.trim();
  }
  const scheme = form.scheme === CUSTOM_SCHEME ? base.scheme : form.scheme;
  // The evaluation fields are the default scheme's; another scheme carries its own formulas.
  const own = scheme === FUZHOU_ID;
  const input: SettingsInput = {
    scheme,
    evaluation: own
      ? {
          decimals,
          rounding: form.rounding,
          weights: {
            closed: weight(form.weightClosed, 'closed'),
            onTime: weight(form.weightOnTime, 'onTime'),
            rework: weight(form.weightRework, 'rework'),
          },
          denominators: {
            rework: form.denomRework,
            closed: form.denomClosed,
            onTime: form.denomOnTime,
          },
          reworkTermWhenNoneDisposed: form.zeroRule,
          bands: form.bands.map((b, i) => ({
            grade: b.grade.trim(),
            min: need(plainNumber(b.min), `evaluation.bands[${i}].min`, {
              kind: 'bandMin',
              decimals: decimals ?? base.evaluation.decimals,
            }),
          })),
        }
      : DEFAULT_SETTINGS.evaluation,
    narrative: {
      namedInTies: count(form.namedInTies, 'namedInTies', 1),
      bottomCount: count(form.bottomCount, 'bottomCount', 0),
      improvedCount: count(form.improvedCount, 'improvedCount', 0),
      tiesAtCutoff: form.tiesAtCutoff,
      rateChange: form.rateChange,
      aliases: { ...aliases },
      hotline: { ...base.narrative.hotline, leftOut: lines(form.leftOut) },
    },
    // Not edited in the dialog: kept as the settings had them.
    summary: base.summary,
    report: {
      issuer: form.issuer.trim(),
      recipients: form.recipients.trim(),
      title: form.title.trim() || null,
      date: form.date.trim() || null,
      fonts: base.report.fonts,
    },
  };
  if (problems.length > 0) return { ok: false, problems };
  try {
    return { ok: true, settings: resolveSettings(input) };
  } catch (e) {
    if (e instanceof SettingsError)
      return { ok: false, problems: [{ path: e.path, rule: e.rule }] };
    throw e;
  }
}
