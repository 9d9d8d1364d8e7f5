/**
 * The errors the panes show, in one hierarchy, and the one handler that turns any of them into
 * the user's language. office.js rejects with an OfficeExtension.Error whose `code` is stable
 * and whose message “isn't intended for consumption by end users” (Microsoft's error-handling
 * guide): so the code picks the sentence, and the code is kept after it for whoever helps.
 *
 *   UserFacingError (src/core/errors.ts: key, code, subjects)
 *   ├── WorkbookReadError (src/io/xlsx-read.ts: a chosen file is .xls, encrypted, not a workbook)
 *   ├── InputError (src/cli/run.ts: the command line's inputs; its message is the terminal line)
 *   └── HostError (the Office host refused or failed)
 *       ├── ExcelTooOldError       no ExcelApi 1.7
 *       ├── ProtectedSheetsError   our refusal: a protected sheet needs new columns
 *       ├── ReadOnlyWorkbookError  our refusal: the workbook is open read-only
 *       ├── HiddenSheetError       our refusal: selecting a cell on a hidden sheet
 *       └── WordInsertError        (addin/word/errors.ts) Word refused or cannot insert
 */
import { UserFacingError, type ProblemKey } from '../../src/core/errors';
import type { UiStrings } from '../../src/i18n/catalog';

export class HostError extends UserFacingError {
  override readonly name: string = 'HostError';
}

export class ExcelTooOldError extends HostError {
  override readonly name = 'ExcelTooOldError';
  constructor() {
    super('ExcelApi 1.7 is not supported by this Excel', 'excelTooOld');
  }
}

export class ProtectedSheetsError extends HostError {
  override readonly name = 'ProtectedSheetsError';
  constructor(readonly sheets: readonly string[]) {
    super(
      `protected sheets need new columns: ${sheets.join(', ')}`,
      'protectedSheets',
      null,
      sheets,
    );
  }
}

export class ReadOnlyWorkbookError extends HostError {
  override readonly name = 'ReadOnlyWorkbookError';
  constructor() {
    super('the workbook is open read-only', 'readOnly');
  }
}

export class HiddenSheetError extends HostError {
  override readonly name = 'HiddenSheetError';
  constructor(readonly sheet: string) {
    super(`sheet ${sheet} is hidden`, 'hiddenSheet', null, [sheet]);
  }
}

/**
 * RichApi codes (Excel.ErrorCodes / OfficeExtension.ErrorCodes) by what the user is told.
 * Excel on the web in view mode has no code of its own: a write there is refused like any
 * other the user may not make (AccessDenied), and `workbook.readOnly` is checked beforehand.
 */
const PROBLEMS: Readonly<Record<string, ProblemKey>> = {
  InvalidOperationInCellEditMode: 'cellEditMode',
  AccessDenied: 'accessDenied',
  ItemNotFound: 'itemNotFound',
  GeneralException: 'hostGeneral',
  RequestPayloadSizeLimitExceeded: 'payloadTooLarge',
  ResponsePayloadSizeLimitExceeded: 'payloadTooLarge',
  ApiNotFound: 'excelTooOld',
};

/** The host's error code (OfficeExtension.Error.code), when there is one. */
export function errorCode(e: unknown): string | null {
  const code = (e as { code?: unknown } | null)?.code;
  return typeof code === 'string' && code !== '' ? code : null;
}

export function isPayloadLimit(e: unknown): boolean {
  const code = errorCode(e);
  return code === 'RequestPayloadSizeLimitExceeded' || code === 'ResponsePayloadSizeLimitExceeded';
}

/**
 * Any rejection from the host as a HostError (a UserFacingError stays as it is). Errors
 * without a code are bugs of ours, not the host's: they stay as they are too.
 */
export function hostError(e: unknown): unknown {
  if (e instanceof UserFacingError) return e;
  const code = errorCode(e);
  if (code === null) return e;
  const message = e instanceof Error ? e.message : String(e);
  return new HostError(message, PROBLEMS[code] ?? 'hostFailed', code);
}

/**
 * THE handler: any error → the sentence the user reads. `file` names the workbook a
 * WorkbookReadError is about. Anything that is not a known problem (a bug) keeps the generic
 * “计算失败：…” with its message, so it is never a blank.
 */
export function problemText(ui: UiStrings, e: unknown, file?: string): string {
  const known = hostError(e);
  if (!(known instanceof UserFacingError))
    return ui.failed(known instanceof Error ? known.message : String(known));
  const subjects = known.subjects.length > 0 || file === undefined ? known.subjects : [file];
  const text = ui.problems[known.key](subjects);
  return known.code ? `${text}${ui.problemCode(known.code)}` : text;
}
