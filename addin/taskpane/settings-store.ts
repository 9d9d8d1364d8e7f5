import { SettingsError } from '../../src/core/errors';
import { resolveSettings, type Settings } from '../../src/settings/settings';

/**
 * Where the settings the team shares are kept: in the add-in, the workbook itself (document
 * settings, so they travel with the file); in the web page, this browser. The value stored is
 * the whole settings object as JSON — the same shape `--settings` reads.
 */
export interface SettingsStore {
  readonly where: 'workbook' | 'document' | 'browser';
  /** What was saved, as stored (unknown JSON: validated by the caller), or null. */
  readonly load: () => Promise<unknown>;
  /**
   * Keep `settings`, the user's edit of `base` (the settings in force when the edit began);
   * resolves to what is kept now — in a shared document, with what a co-author saved in the
   * meantime merged in (see addin/office/document-settings.ts).
   */
  readonly save: (settings: Settings, base?: Settings) => Promise<Settings>;
}

/** Per-user defaults kept in this browser/webview: who issues the bulletin and to whom. */
export interface UserDefaults {
  readonly issuer?: string;
  readonly recipients?: string;
}

const USER_KEY = 'tongbao.userDefaults';
const SETTINGS_KEY = 'tongbao.settings';

/**
 * localStorage, or null where the browser blocks it (a SecurityError on access: private modes,
 * policies). `partition` is Office.context.partitionKey where the host partitions storage.
 */
export function webStorage(partition?: string): {
  get: (key: string) => string | null;
  set: (key: string, value: string) => void;
} | null {
  try {
    const storage = window.localStorage;
    const probe = '__tongbao_probe__';
    storage.setItem(probe, '1');
    storage.removeItem(probe);
    const scoped = (key: string) => (partition ? `${partition}${key}` : key);
    return {
      get: (key) => storage.getItem(scoped(key)),
      set: (key, value) => storage.setItem(scoped(key), value),
    };
  } catch {
    return null;
  }
}

function parse(text: string | null): unknown {
  if (text === null) return null;
  try {
    return JSON.parse(text) as unknown;
  } catch {
    return text; // kept as found: the caller reports it as unreadable
  }
}

export function loadUserDefaults(partition?: string): UserDefaults {
  const value = parse(webStorage(partition)?.get(USER_KEY) ?? null);
  if (typeof value !== 'object' || value === null) return {};
  const v = value as Record<string, unknown>;
  return {
    ...(typeof v.issuer === 'string' && v.issuer.trim() ? { issuer: v.issuer } : {}),
    ...(typeof v.recipients === 'string' && v.recipients.trim()
      ? { recipients: v.recipients }
      : {}),
  };
}

/** False when this browser keeps nothing (storage blocked). */
export function saveUserDefaults(settings: Settings, partition?: string): boolean {
  const storage = webStorage(partition);
  if (!storage) return false;
  const { issuer, recipients } = settings.report;
  storage.set(USER_KEY, JSON.stringify({ issuer, recipients }));
  return true;
}

/** The web page's store: this browser's localStorage. */
export function browserSettingsStore(partition?: string): SettingsStore {
  return {
    where: 'browser',
    load: () => Promise.resolve(parse(webStorage(partition)?.get(SETTINGS_KEY) ?? null)),
    save: (settings) => {
      const storage = webStorage(partition);
      if (!storage) return Promise.reject(new StorageBlockedError());
      storage.set(SETTINGS_KEY, JSON.stringify(settings));
      return Promise.resolve(settings);
    },
  };
}

export class StorageBlockedError extends Error {
  override readonly name = 'StorageBlockedError';
}

export interface EffectiveSettings {
  readonly settings: Settings;
  /** The saved settings could not be used (the defaults are in force): why. */
  readonly problem: SettingsError | null;
  /** Where what is in force came from. */
  readonly source: 'saved' | 'defaults';
}

/**
 * What is in force: the saved (shared) settings when there are some and they are valid;
 * otherwise the defaults with this user's issuer and 主送.
 */
export function effectiveSettings(saved: unknown, user: UserDefaults): EffectiveSettings {
  const fallback = () => resolveSettings({ report: { ...user } });
  if (saved === null || saved === undefined)
    return { settings: fallback(), problem: null, source: 'defaults' };
  try {
    return { settings: resolveSettings(saved), problem: null, source: 'saved' };
  } catch (e) {
    if (e instanceof SettingsError) return { settings: fallback(), problem: e, source: 'defaults' };
    throw e;
  }
}
