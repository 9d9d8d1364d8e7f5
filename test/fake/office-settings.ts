/**
 * Office.Settings (Common API) as documented (learn.microsoft.com/javascript/api/office
 * /office.settings; the error codes from “Office Common API error codes”):
 * - “The Settings object is automatically loaded as part of the Document object” when the
 *   add-in starts: each client (a co-author's pane) holds an in-memory copy of the bag.
 * - `get` returns null for a name never set; `set`/`remove` “affect only the in-memory copy”.
 * - `saveAsync` “persists the in-memory copy of the settings property bag in the document”:
 *   the WHOLE bag, so a co-author's save made since this copy was loaded is overwritten.
 * - `refreshAsync` (not in a requirement set) “reads all settings persisted in the document
 *   and refreshes the … copy of those settings held in memory”: what another instance saved
 *   becomes visible, and what this one set but never saved is dropped. Its AsyncResult.value
 *   is the refreshed Settings object.
 * - Values are stored as JSON (string, number, boolean, null, object, array), so what comes
 *   back is a copy, never the object set.
 * - A document open read-only (view mode, restricted editing) refuses the save with 5002
 *   “Permission Denied”; “Save Settings Error” is 4001; “Internal Error” 5001 (any host
 *   failure). Both calls answer later, never inside the call.
 *
 * `FakeSettingsDocument` is the file every co-author has open; `FakeDocumentSettings` is one
 * client's Office.context.document.settings over it (`new FakeDocumentSettings('{…}')` opens
 * a document of its own, as before; `.client()` opens another client on the same document).
 */
export interface FakeAsyncResult {
  readonly status: 'succeeded' | 'failed';
  readonly value?: unknown;
  readonly error?: { readonly code: number; readonly name: string; readonly message: string };
  readonly asyncContext?: unknown;
}

type Callback = (result: FakeAsyncResult) => void;

/** A host failure as AsyncResult.error carries it. */
export interface FakeOfficeError {
  readonly code: number;
  readonly name: string;
  readonly message: string;
}

export const SAVE_SETTINGS_ERROR: FakeOfficeError = {
  code: 4001,
  name: 'Save Settings Error',
  message: 'The settings could not be saved.',
};
export const INTERNAL_ERROR: FakeOfficeError = {
  code: 5001,
  name: 'Internal Error',
  message: 'An internal error has occurred.',
};
const PERMISSION_DENIED: FakeOfficeError = {
  code: 5002,
  name: 'Permission Denied',
  message: 'The requested operation is not allowed on the current document mode.',
};

/** The settings as persisted in the file every co-author has open. */
export class FakeSettingsDocument {
  constructor(public stored: string = '{}') {}

  /** One more client (a co-author's pane) opening this document: its bag is loaded now. */
  client(): FakeDocumentSettings {
    return new FakeDocumentSettings(this);
  }
}

export class FakeDocumentSettings {
  readonly document: FakeSettingsDocument;
  /** This client has the document open read-only: saves fail with 5002. */
  readOnly = false;
  /** Make the next save fail: true for 4001, or the error to give (e.g. INTERNAL_ERROR). */
  failNextSave: boolean | FakeOfficeError = false;
  /** Make the next refreshAsync fail with this error. */
  failNextRefresh: FakeOfficeError | null = null;
  saves = 0;
  refreshes = 0;
  private memory: Map<string, string>;

  constructor(document: string | FakeSettingsDocument = '{}') {
    this.document = typeof document === 'string' ? new FakeSettingsDocument(document) : document;
    this.memory = FakeDocumentSettings.parse(this.document.stored);
  }

  /** The bag as saved in the file: what a colleague opening the document gets. */
  get stored(): string {
    return this.document.stored;
  }
  set stored(json: string) {
    this.document.stored = json;
  }

  /** Another client on the same document. */
  client(): FakeDocumentSettings {
    return this.document.client();
  }

  private static parse(stored: string): Map<string, string> {
    const bag = JSON.parse(stored) as Record<string, unknown>;
    return new Map(Object.entries(bag).map(([k, v]) => [k, JSON.stringify(v)]));
  }

  get(name: string): unknown {
    const json = this.memory.get(name);
    return json === undefined ? null : (JSON.parse(json) as unknown);
  }

  set(name: string, value: unknown): void {
    if (typeof name !== 'string' || name === '') throw new Error('Settings.set: invalid name');
    const json = JSON.stringify(value);
    if (json === undefined) throw new Error('Settings.set: the value cannot be serialized');
    this.memory.set(name, json);
  }

  remove(name: string): void {
    this.memory.delete(name);
  }

  saveAsync(options?: { asyncContext?: unknown } | Callback, callback?: Callback): void {
    const cb = typeof options === 'function' ? options : callback;
    const asyncContext = typeof options === 'object' ? options?.asyncContext : undefined;
    setTimeout(() => {
      const failure = this.readOnly
        ? PERMISSION_DENIED
        : this.failNextSave === true
          ? SAVE_SETTINGS_ERROR
          : this.failNextSave || null;
      if (failure && !this.readOnly) this.failNextSave = false;
      if (failure) return cb?.({ status: 'failed', asyncContext, error: failure });
      this.saves++;
      // The whole in-memory bag replaces what the file held (last writer wins).
      this.document.stored = JSON.stringify(
        Object.fromEntries([...this.memory].map(([k, v]) => [k, JSON.parse(v) as unknown])),
      );
      cb?.({ status: 'succeeded', asyncContext });
    }, 0);
  }

  refreshAsync(callback?: Callback): void {
    setTimeout(() => {
      const failure = this.failNextRefresh;
      if (failure) {
        this.failNextRefresh = null;
        return callback?.({ status: 'failed', error: failure });
      }
      this.refreshes++;
      this.memory = FakeDocumentSettings.parse(this.document.stored);
      callback?.({ status: 'succeeded', value: this });
    }, 0);
  }

  /** Close and re-open the document: the in-memory bag is what the file holds. */
  reopen(): void {
    this.memory = FakeDocumentSettings.parse(this.document.stored);
  }
}
