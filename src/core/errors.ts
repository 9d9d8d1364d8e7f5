/**
 * Misuse of the API throws one of these; problems in the *data* never throw — they become
 * diagnostics (see `Diagnostic`). Keeping the two apart lets a caller catch only real bugs.
 */
export class TongbaoError extends Error {
  override readonly name: string = 'TongbaoError';
}

/** The settings object failed validation: `path` names the offending field. */
export class SettingsError extends TongbaoError {
  override readonly name = 'SettingsError';
  constructor(
    readonly path: string,
    detail: string,
  ) {
    super(`Invalid settings at ${path}: ${detail}`);
  }
}

/** A grid handed to the engine is not shaped like one (not an array of rows, bad merge). */
export class GridShapeError extends TongbaoError {
  override readonly name = 'GridShapeError';
}
