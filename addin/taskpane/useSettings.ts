import { useEffect, useState } from 'react';
import { resolveSettings, type Settings } from '../../src/core/settings';
import type { Catalog } from '../../src/i18n/catalog';
import { DocumentSettingsError } from '../office/document-settings';
import {
  StorageBlockedError,
  effectiveSettings,
  loadUserDefaults,
  saveUserDefaults,
  webStorage,
  type SettingsStore,
  type UserDefaults,
} from './settings-store';

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
        const found = effectiveSettings(saved, defaults);
        setUser(defaults);
        setSettings(found.settings);
        setProblem(
          found.problem
            ? catalog.ui.savedSettingsBad(
                catalog.settings.problem(found.problem.path, found.problem.rule),
              )
            : webStorage(partition) === null && store.where === 'browser'
              ? catalog.ui.storageBlocked
              : null,
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
  /** Put `next` in force and keep it; false when it is in force but could not be kept. */
  const save = async (next: Settings): Promise<boolean> => {
    try {
      await store.save(next);
    } catch (e) {
      if (e instanceof DocumentSettingsError)
        throw new Error(
          e.code === 5002
            ? catalog.ui.settingsReadOnly
            : catalog.ui.settingsHostError(e.code, e.message),
        );
      if (!(e instanceof StorageBlockedError)) throw e;
      // Nowhere to keep them: in force for this session all the same, and said so.
      setSettings(next);
      setProblem(catalog.ui.storageBlocked);
      return false;
    }
    if (saveUserDefaults(next, partition))
      setUser({ issuer: next.report.issuer, recipients: next.report.recipients });
    setSettings(next);
    setProblem(null);
    return true;
  };
  return { settings, user, problem, loaded, save };
}
