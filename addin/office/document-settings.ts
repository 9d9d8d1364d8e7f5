import type { Settings } from '../../src/core/settings';
import type { SettingsStore } from '../taskpane/settings-store';

/** The name under which the settings live in the document's add-in property bag. */
export const DOCUMENT_SETTINGS_KEY = 'tongbao.settings';

/** The document's settings could not be saved (read-only file, view mode, host error). */
export class DocumentSettingsError extends Error {
  override readonly name = 'DocumentSettingsError';
  constructor(
    message: string,
    /** The host's error code (Office.Error.code), kept for the details. */
    readonly code: number | null,
  ) {
    super(message);
  }
}

/**
 * The settings kept in the open document (Office.Settings, Common API): loaded with the
 * document when the add-in starts, changed in memory by `set`, written into the file only by
 * `saveAsync` — so they travel with the workbook to every colleague who opens it.
 */
export function documentSettingsStore(where: 'workbook' | 'document'): SettingsStore {
  const bag = () => Office.context.document.settings;
  return {
    where,
    load: () => Promise.resolve(bag().get(DOCUMENT_SETTINGS_KEY) as unknown),
    save: (settings: Settings) =>
      new Promise<void>((resolve, reject) => {
        const previous = bag().get(DOCUMENT_SETTINGS_KEY) as unknown;
        bag().set(DOCUMENT_SETTINGS_KEY, settings);
        bag().saveAsync((result) => {
          if (result.status === Office.AsyncResultStatus.Succeeded) return resolve();
          // Not saved: put the in-memory bag back as it was, so what is in force is what is stored.
          if (previous === null || previous === undefined) bag().remove(DOCUMENT_SETTINGS_KEY);
          else bag().set(DOCUMENT_SETTINGS_KEY, previous);
          reject(new DocumentSettingsError(result.error.message, result.error.code));
        });
      }),
  };
}
