/**
 * Misuse of the API throws one of these; problems in the *data* never throw — they become
 * diagnostics (see `Diagnostic`). Keeping the two apart lets a caller catch only real bugs.
 */
export class TongbaoError extends Error {
  override readonly name: string = 'TongbaoError';
}

/**
 * What a setting must be. The catalog turns a rule into a sentence for the user (zh-CN in the
 * 设置 dialog and the command line); the English `message` is for developers.
 */
export type SettingsRule =
  | { readonly kind: 'object' }
  | { readonly kind: 'unknownKey' }
  | { readonly kind: 'notNull' }
  | { readonly kind: 'text' }
  | { readonly kind: 'nonEmpty' }
  | { readonly kind: 'textOrNull' }
  | { readonly kind: 'fontList' }
  | { readonly kind: 'fontName' }
  | { readonly kind: 'integer'; readonly min: number; readonly max: number }
  | { readonly kind: 'oneOf'; readonly options: readonly string[] }
  | { readonly kind: 'aliases' }
  | { readonly kind: 'nameList' }
  | { readonly kind: 'weight' }
  | { readonly kind: 'weightsSum' }
  | { readonly kind: 'bandsList' }
  | { readonly kind: 'bandGrade' }
  | { readonly kind: 'bandMin'; readonly decimals: number }
  | { readonly kind: 'bandsOrder' }
  | { readonly kind: 'lastBandZero' }
  /** A list of the scheme with fewer than `min` entries (or not a list). */
  | { readonly kind: 'schemeList'; readonly min: number }
  /** Two counts or figures of one scheme with the same name. */
  | { readonly kind: 'schemeDuplicate'; readonly name: string }
  /** A name that is not a count / rate / figure defined (earlier) in the scheme. */
  | {
      readonly kind: 'schemeUnknown';
      readonly name: string;
      readonly what: 'count' | 'rate' | 'figure';
    }
  | { readonly kind: 'pattern' }
  /** A count or figure named as JavaScript objects' own properties (constructor, __proto__…). */
  | { readonly kind: 'schemeReserved'; readonly name: string }
  /**
   * A rate's numerator or denominator that is not a count, a list of counts or counts with
   * coefficients ('shape'); an empty sum; a coefficient that is not a whole number from −100 to
   * 100 other than 0; a sum with no positive coefficient.
   */
  | {
      readonly kind: 'schemeSum';
      readonly problem: 'shape' | 'empty' | 'coefficient' | 'noPositive';
    }
  /** The weights of a scheme's index terms do not add up to 1. */
  | { readonly kind: 'termWeightsSum' }
  /** Evaluation settings given with a scheme other than the default: the scheme owns its formulas. */
  | { readonly kind: 'schemeOwnsFormulas'; readonly scheme: string }
  /** `scheme` is neither a preset's name nor a scheme object. */
  | { readonly kind: 'schemeChoice'; readonly options: readonly string[] }
  /** A list (font names, unit names) with an entry that is not text — null, a number, … */
  | { readonly kind: 'listItem'; readonly index: number; readonly item: 'font' | 'name' };

function ruleText(rule: SettingsRule): string {
  switch (rule.kind) {
    case 'object':
      return 'must be an object';
    case 'unknownKey':
      return 'is not a known setting';
    case 'notNull':
      return 'may not be null (leave it out for the default)';
    case 'text':
      return 'must be text';
    case 'nonEmpty':
      return 'must be non-empty text';
    case 'textOrNull':
      return 'must be null or non-empty text';
    case 'fontList':
      return 'must list at least one font name';
    case 'fontName':
      return 'must name a font';
    case 'integer':
      return `must be an integer from ${rule.min} to ${rule.max}`;
    case 'oneOf':
      return `must be one of ${rule.options.join(', ')}`;
    case 'aliases':
      return 'must map names to non-empty display names';
    case 'nameList':
      return 'must be a list of unit names';
    case 'weight':
      return 'must be a number from 0 to 1 with at most 4 decimals';
    case 'weightsSum':
      return 'closed + onTime + rework must equal 1';
    case 'bandsList':
      return 'must list at least one grade';
    case 'bandGrade':
      return 'must be a unique, non-empty text';
    case 'bandMin':
      return `must be a number from 0 to 100 with at most ${rule.decimals} decimals`;
    case 'bandsOrder':
      return 'bands must be listed best first, minimums strictly decreasing';
    case 'lastBandZero':
      return 'the last band must start at 0 so every index gets a grade';
    case 'schemeList':
      return `must be a list of at least ${rule.min} entries`;
    case 'schemeDuplicate':
      return `${rule.name} is defined twice`;
    case 'schemeUnknown':
      return `${rule.name} is not a ${rule.what} defined earlier in the scheme`;
    case 'pattern':
      return 'must be a valid regular expression';
    case 'schemeReserved':
      return `${rule.name} is a reserved name`;
    case 'schemeSum':
      return {
        shape: 'must be a count, a list of counts or an object of counts with coefficients',
        empty: 'must name at least one count',
        coefficient: 'must be a whole number from -100 to 100 other than 0',
        noPositive: 'must have at least one count with a positive coefficient',
      }[rule.problem];
    case 'termWeightsSum':
      return 'the weights of the terms must add up to 1';
    case 'schemeOwnsFormulas':
      return `scheme ${rule.scheme} carries its own formulas: evaluation settings apply to the default scheme only`;
    case 'schemeChoice':
      return `must be one of ${rule.options.join(', ')} or a scheme object`;
    case 'listItem':
      return `entry ${rule.index + 1} must be ${rule.item === 'font' ? 'a font name' : 'a unit name'} (text)`;
  }
}

/** The settings object failed validation: `path` names the offending field, `rule` what it must be. */
export class SettingsError extends TongbaoError {
  override readonly name = 'SettingsError';
  constructor(
    readonly path: string,
    readonly rule: SettingsRule,
  ) {
    super(`Invalid settings at ${path}: ${ruleText(rule)}`);
  }
}

/** A grid handed to the engine is not shaped like one (not an array of rows, bad merge). */
export class GridShapeError extends TongbaoError {
  override readonly name = 'GridShapeError';
}

/**
 * What the user is told about, by name: `key` picks the catalog sentence (`ui.problems`),
 * `subjects` fills it (sheet or file names), `code` keeps the host's own code (a RichApi code
 * such as AccessDenied) for the details. These are expected in the field, not bugs: the pane,
 * the Word pane and the web page turn them into Chinese with one handler
 * (`addin/taskpane/errors.ts`, `problemText`).
 */
export type ProblemKey =
  | 'excelTooOld'
  | 'cellEditMode'
  | 'readOnly'
  | 'accessDenied'
  | 'protectedSheets'
  | 'itemNotFound'
  | 'hiddenSheet'
  | 'hostGeneral'
  | 'payloadTooLarge'
  | 'hostFailed'
  | 'wordReadOnly'
  | 'wordApiMissing'
  | 'wordTooLarge'
  | 'wordFailed'
  | 'fileMissing'
  | 'noTables'
  | 'badSettings'
  | 'legacyXls'
  | 'encrypted'
  | 'notXlsx'
  /** [grid bounds] A sheet whose values span more cells than can be read (subjects: sheet, range). */
  | 'tooBig'
  /** [issue 18] The annotated copy, read again before it is kept, could not be (subjects: reason). */
  | 'copyUnreadable'
  /** [issue 16] Sheets that name no period repeat each other's units (subjects: the sheets). */
  | 'periodsUnclear';

export class UserFacingError extends Error {
  override readonly name: string = 'UserFacingError';
  constructor(
    message: string,
    readonly key: ProblemKey,
    readonly code: string | null = null,
    readonly subjects: readonly string[] = [],
  ) {
    super(message);
  }
}
