/**
 * Word's errors, in the panes' one hierarchy (addin/taskpane/errors.ts): office-js rejects
 * with an OfficeExtension.Error whose `code` is stable and whose message “isn't intended for
 * consumption by end users”, so the code picks the catalog sentence and is kept after it;
 * `problemText` words it like every other problem.
 */
import type { ProblemKey } from '../../src/core/errors';
import { HostError, errorCode } from '../taskpane/errors';

/** What went wrong, in the terms the pane explains. */
export type WordProblem = 'readOnly' | 'apiMissing' | 'tooLarge' | 'host';

const KEYS: Readonly<Record<WordProblem, ProblemKey>> = {
  readOnly: 'wordReadOnly',
  apiMissing: 'wordApiMissing',
  tooLarge: 'wordTooLarge',
  host: 'wordFailed',
};

/** 插入到文档 failed: the problem, the host's code (if any) and its own message. */
export class WordInsertError extends HostError {
  override readonly name = 'WordInsertError';
  constructor(
    readonly problem: WordProblem,
    code: string | null,
    message: string,
  ) {
    // Word's own message “isn't intended for end users”: the code is what is kept.
    super(message, KEYS[problem], code);
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

/**
 * A rejection of Word.run as a WordInsertError (unchanged if it already is one). An error
 * without a host code is not Word's but ours (a bug): it stays as it is, for the generic
 * message with its text.
 */
export function toWordError(e: unknown): unknown {
  if (e instanceof WordInsertError) return e;
  const code = errorCode(e);
  if (code === null) return e;
  const message = e instanceof Error ? e.message : String(e);
  return new WordInsertError((code !== null && PROBLEMS.get(code)) || 'host', code, message);
}
