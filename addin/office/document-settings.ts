import { SettingsError } from '../../src/core/errors';
import { resolveSettings, type Settings } from '../../src/settings/settings';
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
    /**
     * What the document holds under DOCUMENT_SETTINGS_KEY after the failure (re-read from the
     * file: a co-author may have saved since the pane loaded), or undefined when unknown (the
     * failure came before anything changed).
     */
    readonly stored?: unknown,
  ) {
    super(message);
  }
}

/**
 * A co-author saved settings since this pane loaded them, and this user's changes cannot be
 * combined with theirs into valid settings: nothing was saved; `stored` is what the file holds.
 */
export class SettingsConflictError extends Error {
  override readonly name = 'SettingsConflictError';
  constructor(readonly stored: unknown) {
    super('the settings saved by another editor conflict with these changes');
  }
}

const isPlainObject = (v: unknown): v is Record<string, unknown> =>
  typeof v === 'object' && v !== null && !Array.isArray(v);
const has = (o: Record<string, unknown>, key: string) =>
  Object.prototype.hasOwnProperty.call(o, key);
/** Set `key` as an own property, even `__proto__` (an alias may be named anything). */
const define = (o: Record<string, unknown>, key: string, value: unknown) =>
  Object.defineProperty(o, key, { value, enumerable: true, writable: true, configurable: true });

/**
 * Objects that are one setting, changed as a whole: a scheme written out, and the three
 * weights (they must add up to 100 %). Lists (bands, names left out, fonts) are one setting
 * each too; every other object (aliases, hotline, fonts…) is merged key by key.
 */
const WHOLE = new Set(['scheme', 'evaluation.weights']);

type Change = { readonly path: readonly string[]; readonly value: unknown; readonly gone: boolean };

/** Each setting `mine` changed relative to `base` (a key present in one only included). */
function changes(base: unknown, mine: unknown, path: readonly string[], out: Change[]): void {
  if (isPlainObject(base) && isPlainObject(mine) && !WHOLE.has(path.join('.'))) {
    for (const key of new Set([...Object.keys(base), ...Object.keys(mine)])) {
      const at = [...path, key];
      if (!has(mine, key)) out.push({ path: at, value: undefined, gone: true });
      else if (!has(base, key)) out.push({ path: at, value: mine[key], gone: false });
      else changes(base[key], mine[key], at, out);
    }
  } else if (JSON.stringify(base) !== JSON.stringify(mine)) {
    out.push({ path, value: mine, gone: false });
  }
}

/**
 * Tongbao's merge rule for a save in a shared document: the settings this user changed
 * (relative to `base`, the settings in force when the edit began) are applied over `theirs`
 * (what the file holds now); every other setting stays as the file has it, so a co-author's
 * save made in the meantime is kept. The same setting changed by both: this save wins. Null
 * when the combination is not valid settings (a conflict: e.g. a co-author chose another
 * scheme while this user changed the default scheme's weights).
 */
export function mergeSettings(base: Settings, mine: Settings, theirs: Settings): Settings | null {
  const found: Change[] = [];
  changes(base, mine, [], found);
  const merged = JSON.parse(JSON.stringify(theirs)) as Record<string, unknown>;
  for (const { path, value, gone } of found) {
    let at = merged;
    for (const key of path.slice(0, -1)) {
      if (!isPlainObject(at[key])) define(at, key, {});
      at = at[key] as Record<string, unknown>;
    }
    const last = path[path.length - 1]!;
    if (gone) delete at[last];
    else define(at, last, JSON.parse(JSON.stringify(value)) as unknown);
  }
  try {
    return resolveSettings(merged);
  } catch (e) {
    if (e instanceof SettingsError) return null;
    throw e;
  }
}

/** A stored value as settings, or null when there is none or it no longer validates. */
function usable(stored: unknown): Settings | null {
  if (stored === null || stored === undefined) return null;
  try {
    return resolveSettings(stored);
  } catch (e) {
    if (e instanceof SettingsError) return null;
    throw e;
  }
}

type Async = (callback: (result: Office.AsyncResult<unknown>) => void) => void;

/** An Office callback API as a promise of its AsyncResult (failures resolve too). */
const call = (method: Async) =>
  new Promise<Office.AsyncResult<unknown>>((resolve) => method((result) => resolve(result)));

const failed = (r: Office.AsyncResult<unknown>) => r.status !== Office.AsyncResultStatus.Succeeded;

/**
 * The settings kept in the open document (Office.Settings, Common API — the Settings
 * requirement set, 1.1, which every Excel and Word that runs the add-in has; refreshAsync is
 * in no set): loaded with the document when the add-in starts, changed in memory by `set`,
 * written into the file only by `saveAsync` — so they travel with the workbook to every
 * colleague who opens it.
 *
 * Co-authoring: saveAsync writes this pane's whole in-memory bag, which was loaded when the
 * pane opened; a co-author's save since then would be overwritten. So a save first re-reads
 * the file (refreshAsync), writes only Tongbao's own key, with only the settings this user
 * changed (see mergeSettings), then saves. If the save fails, the bag is re-read again, and
 * the error carries what the file holds, so the pane puts in force what is really stored
 * (not what it believed before the save) — if even that re-read fails, the key is put back in
 * memory as the file held it a moment ago.
 */
export function documentSettingsStore(where: 'workbook' | 'document'): SettingsStore {
  const bag = () => Office.context.document.settings;
  const refresh = () => call((cb) => bag().refreshAsync(cb));
  return {
    where,
    load: () => Promise.resolve(bag().get(DOCUMENT_SETTINGS_KEY) as unknown),
    save: async (settings: Settings, base?: Settings) => {
      const fresh = await refresh();
      if (failed(fresh)) throw new DocumentSettingsError(fresh.error.message, fresh.error.code);
      const theirs = bag().get(DOCUMENT_SETTINGS_KEY) as unknown;
      const stored = usable(theirs);
      let next = settings;
      if (stored !== null && base !== undefined) {
        const merged = mergeSettings(base, settings, stored);
        if (merged === null) throw new SettingsConflictError(theirs);
        next = merged;
      }
      bag().set(DOCUMENT_SETTINGS_KEY, next);
      const saved = await call((cb) => bag().saveAsync(cb));
      if (!failed(saved)) return next;
      // Not saved: what is in force must be what the file holds, read again from it.
      let held = theirs;
      const again = await refresh();
      if (!failed(again)) held = bag().get(DOCUMENT_SETTINGS_KEY) as unknown;
      else if (theirs === null || theirs === undefined) bag().remove(DOCUMENT_SETTINGS_KEY);
      else bag().set(DOCUMENT_SETTINGS_KEY, theirs);
      throw new DocumentSettingsError(saved.error.message, saved.error.code, held);
    },
  };
}
