import { useEffect, useState } from 'react';
import { resolveSettings, type Settings } from '../../src/settings/settings';
import type { Catalog } from '../../src/i18n/catalog';
import { DocumentSettingsError, SettingsConflictError } from '../office/document-settings';
import {
  StorageBlockedError,
  effectiveSettings,
  loadUserDefaults,
  saveUserDefaults,
  webStorage,
  type SettingsStore,
  type UserDefaults,
} from './settings-store';

/** What the store holds (`saved`, unknown JSON) as the settings in force, and the pane's note. */
function adopt(
  saved: unknown,
  user: UserDefaults,
  catalog: Catalog,
): { readonly inForce: Settings; readonly problem: string | null } {
  const found = effectiveSettings(saved, user);
  return {
    inForce: found.settings,
    problem: found.problem
      ? catalog.ui.savedSettingsBad(
          catalog.settings.problem(found.problem.path, found.problem.rule),
        )
      : null,
  };
}

/** What a save leaves for the pane: absent fields leave the pane's state as it is. */
export interface SaveOutcome {
  /** Kept in the store (false: not saved, or in force for this session only). */
  readonly kept: boolean;
  /** The settings in force afterwards. */
  readonly inForce?: Settings;
  /** The pane's standing note afterwards (null: none). */
  readonly problem?: string | null;
  /** Why the save failed, in the user's language (the 设置 dialog shows it). */
  readonly error?: string;
}

/**
 * Save `next`, the user's edit of `base` (the settings in force), and say what is in force
 * afterwards: what the store kept — in a shared document, with a co-author's settings saved
 * meanwhile merged in; when the document refuses, what the document holds afterwards (re-read
 * by the store, not what the pane believed); when this browser keeps nothing, `next` for this
 * session.
 */
export async function keepSettings(
  store: SettingsStore,
  next: Settings,
  base: Settings,
  user: UserDefaults,
  catalog: Catalog,
): Promise<SaveOutcome> {
  try {
    return { kept: true, inForce: await store.save(next, base), problem: null };
  } catch (e) {
    if (e instanceof SettingsConflictError)
      return { kept: false, ...adopt(e.stored, user, catalog), error: catalog.ui.settingsConflict };
    if (e instanceof DocumentSettingsError)
      return {
        kept: false,
        ...(e.stored !== undefined ? adopt(e.stored, user, catalog) : {}),
        error:
          e.code === 5002
            ? catalog.ui.settingsReadOnly
            : catalog.ui.settingsHostError(e.code, e.message),
      };
    if (!(e instanceof StorageBlockedError)) throw e;
    // Nowhere to keep them: in force for this session all the same, and said so.
    return { kept: false, inForce: next, problem: catalog.ui.storageBlocked };
  }
}

/**
 * The settings in force for a pane: loaded once from the host's store (the workbook, or this
 * browser) over this user's defaults; `save` persists them there and keeps the user's issuer
 * and 主送 as defaults. A saved value that no longer validates is reported, never used.
 */
export function useSettings(store: SettingsStore, catalog: Catalog, partition?: string) {
  const [settings, setSettings] = useState<Settings>(() => resolveSettings());
  const [user, setUser] = useState<UserDefaults>({});
  const [problem, setProblem] = useState<string | null>(null);
  const [loaded, setLoaded] = useState(false);
  useEffect(() => {
    let live = true;
    const defaults = loadUserDefaults(partition);
    store.load().then(
      (saved) => {
        if (!live) return;
        const found = adopt(saved, defaults, catalog);
        setUser(defaults);
        setSettings(found.inForce);
        setProblem(
          found.problem ??
            (webStorage(partition) === null && store.where === 'browser'
              ? catalog.ui.storageBlocked
              : null),
        );
        setLoaded(true);
      },
      (e: unknown) => {
        if (!live) return;
        setProblem(catalog.ui.settingsSaveFailed(e instanceof Error ? e.message : String(e)));
        setLoaded(true);
      },
    );
    return () => {
      live = false;
    };
  }, [store, catalog, partition]);
  /**
   * Put `next` in force and keep it; false when it is in force but could not be kept. Throws
   * the reason (for the dialog) when the store refused it; what is in force is then what the
   * store holds.
   */
  const save = async (next: Settings): Promise<boolean> => {
    const outcome = await keepSettings(store, next, settings, user, catalog);
    if (outcome.kept && saveUserDefaults(next, partition))
      setUser({ issuer: next.report.issuer, recipients: next.report.recipients });
    if (outcome.inForce) setSettings(outcome.inForce);
    if (outcome.problem !== undefined) setProblem(outcome.problem);
    if (outcome.error !== undefined) throw new Error(outcome.error);
    return outcome.kept;
  };
  return { settings, user, problem, loaded, save };
}
