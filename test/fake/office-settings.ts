/**
 * Office.Settings (Common API) as documented: the add-in's name/value pairs stored in the
 * document. The bag is loaded with the document; `get` returns null for a name never set;
 * `set`/`remove` change only the in-memory copy; `saveAsync` writes the whole bag into the
 * file and calls back with an AsyncResult. Values are stored as JSON (string, number,
 * boolean, null, object, array), so what comes back is a copy, never the object set.
 * A document opened read-only (Excel on the web in view mode, a file marked final) refuses
 * the save with 5002 “Permission Denied”; other failures use 4001 “Save Settings Error”.
 */
export interface FakeAsyncResult {
  readonly status: 'succeeded' | 'failed';
  readonly value?: unknown;
  readonly error?: { readonly code: number; readonly name: string; readonly message: string };
  readonly asyncContext?: unknown;
}

type Callback = (result: FakeAsyncResult) => void;

export class FakeDocumentSettings {
  /** The bag as saved in the file: what a colleague opening the document gets. */
  stored: string;
  /** The document is open read-only: saves fail with 5002. */
  readOnly = false;
  /** Make the next save fail with 4001 (a host or network failure). */
  failNextSave = false;
  saves = 0;
  private memory: Map<string, string>;

  constructor(stored: string = '{}') {
    this.stored = stored;
    this.memory = FakeDocumentSettings.parse(stored);
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
    // The host answers later, never inside the call.
    setTimeout(() => {
      let result: FakeAsyncResult;
      if (this.readOnly) {
        result = {
          status: 'failed',
          asyncContext,
          error: {
            code: 5002,
            name: 'Permission Denied',
            message: 'The requested operation is not allowed on the current document mode.',
          },
        };
      } else if (this.failNextSave) {
        this.failNextSave = false;
        result = {
          status: 'failed',
          asyncContext,
          error: {
            code: 4001,
            name: 'Save Settings Error',
            message: 'The settings could not be saved.',
          },
        };
      } else {
        this.saves++;
        this.stored = JSON.stringify(
          Object.fromEntries([...this.memory].map(([k, v]) => [k, JSON.parse(v) as unknown])),
        );
        result = { status: 'succeeded', asyncContext };
      }
      cb?.(result);
    }, 0);
  }

  /** Close and re-open the document: the in-memory bag is what the file holds. */
  reopen(): void {
    this.memory = FakeDocumentSettings.parse(this.stored);
  }
}
