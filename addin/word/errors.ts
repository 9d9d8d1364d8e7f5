/**
 * Word's errors, for the user. office-js rejects with an OfficeExtension.Error whose `code` is
 * stable and whose message "isn't intended for consumption by end users" (Microsoft's error
 * handling guide), so the pane words each known code itself and keeps the code in the text.
 */
import type { UiStrings } from '../../src/i18n/catalog';

/** What went wrong, in the terms the pane explains. */
export type WordProblem = 'readOnly' | 'apiMissing' | 'tooLarge' | 'host';

/** 插入到文档 failed: the problem, the host's code (if any) and its own message. */
export class WordInsertError extends Error {
  override readonly name = 'WordInsertError';
  constructor(
    readonly problem: WordProblem,
    readonly code: string | null,
    message: string,
  ) {
    super(message);
  }
}

/** Codes by problem. AccessDenied: viewing mode, a read-only or protected file; NotAllowed:
 * Word.ErrorCodes' refusal of an edit (locked content control, restricted editing). */
const PROBLEMS: ReadonlyMap<string, WordProblem> = new Map([
  ['AccessDenied', 'readOnly'],
  ['NotAllowed', 'readOnly'],
  ['ApiNotFound', 'apiMissing'],
  ['ApiNotAvailable', 'apiMissing'],
  ['NotImplemented', 'apiMissing'],
  ['RequestPayloadSizeLimitExceeded', 'tooLarge'],
]);

/** The host's error code (OfficeExtension.Error.code), when there is one. */
export function errorCode(e: unknown): string | null {
  const code = (e as { code?: unknown } | null)?.code;
  return typeof code === 'string' && code !== '' ? code : null;
}

/** Any rejection of Word.run as a WordInsertError (unchanged if it already is one). */
export function toWordError(e: unknown): WordInsertError {
  if (e instanceof WordInsertError) return e;
  const code = errorCode(e);
  const message = e instanceof Error ? e.message : String(e);
  return new WordInsertError((code !== null && PROBLEMS.get(code)) || 'host', code, message);
}

/** The sentence the pane shows for a failed 插入到文档 (anything else: the generic one). */
export function wordErrorText(ui: UiStrings, e: unknown): string {
  if (!(e instanceof WordInsertError)) return ui.failed(e instanceof Error ? e.message : String(e));
  switch (e.problem) {
    case 'readOnly':
      return ui.wordReadOnly(e.code ?? '');
    case 'apiMissing':
      return ui.wordApiMissing(e.code ?? '');
    case 'tooLarge':
      return ui.wordTooLarge(e.code ?? '');
    case 'host':
      return ui.wordHostError(e.code, e.message);
  }
}
