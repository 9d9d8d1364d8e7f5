/**
 * Settings kept in a shared document (Office.Settings) while colleagues co-author it: a save
 * re-reads the file first and changes only what this user changed; a refused save leaves in
 * force what the file holds, said in Chinese. Run against the fake of test/fake/office-settings.ts
 * (its rules have their own tests in office-settings-fake.test.ts).
 */
import { afterEach, describe, expect, it } from 'vitest';
import {
  DOCUMENT_SETTINGS_KEY,
  DocumentSettingsError,
  SettingsConflictError,
  documentSettingsStore,
  mergeSettings,
} from '../addin/office/document-settings';
import { effectiveSettings, type SettingsStore } from '../addin/taskpane/settings-store';
import { keepSettings } from '../addin/taskpane/useSettings';
import { resolveSettings, type Settings, type SettingsInput } from '../src/settings/settings';
import { zhCN } from '../src/i18n/catalog';
import {
  FakeSettingsDocument,
  INTERNAL_ERROR,
  type FakeDocumentSettings,
} from './fake/office-settings';

const g = globalThis as Record<string, unknown>;
afterEach(() => {
  delete g.Office;
});

/**
 * A colleague's pane on `client`: every call runs with Office.context.document.settings being
 * that client's bag (one call at a time, as the tests await each).
 */
function pane(client: FakeDocumentSettings): SettingsStore & { client: FakeDocumentSettings } {
  const store = documentSettingsStore('workbook');
  const as = <T>(f: () => Promise<T>) => {
    g.Office = {
      AsyncResultStatus: { Succeeded: 'succeeded', Failed: 'failed' },
      context: { document: { settings: client } },
    };
    return f();
  };
  return {
    where: store.where,
    client,
    load: () => as(() => store.load()),
    save: (settings, base) => as(() => store.save(settings, base)),
  };
}

/** What the file holds under Tongbao's key, as settings. */
const inFile = (file: FakeSettingsDocument) =>
  resolveSettings(
    (JSON.parse(file.stored) as Record<string, SettingsInput>)[DOCUMENT_SETTINGS_KEY],
  );

/** `s` with `change` applied (the user's edit in the 设置 dialog). */
const edit = (s: Settings, change: SettingsInput): Settings =>
  resolveSettings({
    ...s,
    ...change,
    evaluation: { ...s.evaluation, ...change.evaluation },
    narrative: { ...s.narrative, ...change.narrative },
    report: { ...s.report, ...change.report },
  });

/** Two panes on one file holding `saved`, each with the settings in force as it loaded them. */
async function twoPanes(saved: SettingsInput | null) {
  const file = new FakeSettingsDocument(
    JSON.stringify(saved === null ? {} : { [DOCUMENT_SETTINGS_KEY]: resolveSettings(saved) }),
  );
  const a = pane(file.client());
  const b = pane(file.client());
  const baseA = effectiveSettings(await a.load(), {}).settings;
  const baseB = effectiveSettings(await b.load(), {}).settings;
  return { file, a, b, baseA, baseB };
}

describe('a save while a colleague co-authors the file', () => {
  it('a colleague saves between this pane’s load and its save: nothing either changed is lost', async () => {
    const { file, a, b, baseA, baseB } = await twoPanes({ report: { issuer: '甲' } });
    // B changes 排名后几位 and adds an alias, and B's pane also keeps another key in the bag.
    b.client.set('tongbao.other', { kept: true });
    await new Promise((resolve) => b.client.saveAsync(resolve));
    await b.save(
      edit(baseB, { narrative: { bottomCount: 5, aliases: { 福州市建设委员会: '市建委' } } }),
      baseB,
    );
    // A, loaded before B's save, changes the date and the decimals.
    const outcome = await keepSettings(
      a,
      edit(baseA, { report: { date: '2017年9月25日' }, evaluation: { decimals: 3 } }),
      baseA,
      {},
      zhCN,
    );
    const now = inFile(file);
    expect(now.report).toMatchObject({ issuer: '甲', date: '2017年9月25日' });
    expect(now.evaluation.decimals).toBe(3);
    expect(now.narrative.bottomCount).toBe(5);
    expect(now.narrative.aliases).toEqual({ 福州市建设委员会: '市建委' });
    expect((JSON.parse(file.stored) as Record<string, unknown>)['tongbao.other']).toEqual({
      kept: true,
    });
    // A's pane now has in force what the file holds, B's changes included.
    expect(outcome).toMatchObject({ kept: true, problem: null });
    expect(outcome.inForce).toEqual(now);
    expect(a.client.refreshes).toBe(1);
  });

  it('the same setting changed by both: this save wins (the last writer)', async () => {
    const { file, a, b, baseA, baseB } = await twoPanes({});
    await b.save(edit(baseB, { report: { issuer: '乙' } }), baseB);
    await a.save(edit(baseA, { report: { issuer: '丙' } }), baseA);
    expect(inFile(file).report.issuer).toBe('丙');
  });

  it('aliases merge name by name; a name this user removed is removed, one the colleague added stays', async () => {
    const { file, a, b, baseA, baseB } = await twoPanes({
      narrative: { aliases: { 甲单位: '甲', 乙单位: '乙' } },
    });
    await b.save(
      edit(baseB, { narrative: { aliases: { 甲单位: '甲', 乙单位: '乙', 丙单位: '丙' } } }),
      baseB,
    );
    const mine = edit(baseA, { narrative: { aliases: { 甲单位: '甲' } } });
    await a.save(mine, baseA);
    expect(inFile(file).narrative.aliases).toEqual({ 甲单位: '甲', 丙单位: '丙' });
  });

  it('changes that cannot be combined (the colleague chose another scheme, this user changed the weights): nothing saved, the file’s settings in force, said in Chinese', async () => {
    const { file, a, b, baseA, baseB } = await twoPanes({});
    await b.save({ ...baseB, scheme: 'district-rates' }, baseB);
    const before = file.stored;
    const mine = edit(baseA, {
      evaluation: { weights: { closed: 0.4, onTime: 0.4, rework: 0.2 } },
    });
    await expect(a.save(mine, baseA)).rejects.toBeInstanceOf(SettingsConflictError);
    expect(file.stored).toBe(before);
    const outcome = await keepSettings(a, mine, baseA, {}, zhCN);
    expect(outcome).toMatchObject({ kept: false, error: zhCN.ui.settingsConflict });
    expect(outcome.inForce).toEqual(inFile(file));
    expect(outcome.inForce!.scheme).toBe('district-rates');
    expect(outcome.error).toMatch(/其他编辑者.*未保存/);
    expect(a.client.saves).toBe(0);
  });

  it('the weights are one setting: two colleagues changing different weights do not add up to a wrong sum', () => {
    const base = resolveSettings({});
    const theirs = edit(base, {
      evaluation: { weights: { closed: 0.5, onTime: 0.3, rework: 0.2 } },
    });
    const mine = edit(base, { evaluation: { weights: { closed: 0.2, onTime: 0.6, rework: 0.2 } } });
    expect(mergeSettings(base, mine, theirs)!.evaluation.weights).toEqual({
      closed: 0.2,
      onTime: 0.6,
      rework: 0.2,
    });
  });

  it('nothing saved in the file yet: this user’s settings are saved whole', async () => {
    const { file, a, baseA } = await twoPanes(null);
    const mine = edit(baseA, { report: { issuer: '丁' } });
    expect(await a.save(mine, baseA)).toEqual(mine);
    expect(inFile(file)).toEqual(mine);
  });
});

describe('a save the document refuses: what is in force is what the file holds', () => {
  it('read-only (5002) after a colleague’s save: the colleague’s settings in force, the Chinese read-only message', async () => {
    const { file, a, b, baseA, baseB } = await twoPanes({ report: { issuer: '甲' } });
    await b.save(edit(baseB, { narrative: { bottomCount: 4 } }), baseB);
    a.client.readOnly = true;
    const before = file.stored;
    const outcome = await keepSettings(
      a,
      edit(baseA, { report: { issuer: '丙' } }),
      baseA,
      {},
      zhCN,
    );
    expect(outcome.kept).toBe(false);
    expect(outcome.error).toBe(zhCN.ui.settingsReadOnly);
    expect(outcome.error).toContain('只读');
    // Not what A's pane believed (issuer 甲, bottomCount 3) nor what it tried (丙): the file's.
    expect(outcome.inForce).toEqual(inFile(file));
    expect(outcome.inForce!.narrative.bottomCount).toBe(4);
    expect(outcome.inForce!.report.issuer).toBe('甲');
    expect(file.stored).toBe(before);
    // A's in-memory bag holds the file's value too, not the refused one.
    expect(a.client.get(DOCUMENT_SETTINGS_KEY)).toEqual(
      (JSON.parse(file.stored) as Record<string, unknown>)[DOCUMENT_SETTINGS_KEY],
    );
  });

  it('a host failure (5001): the same, and the message names the code', async () => {
    const { file, a, b, baseA, baseB } = await twoPanes({});
    await b.save(edit(baseB, { report: { issuer: '乙' } }), baseB);
    a.client.failNextSave = INTERNAL_ERROR;
    const outcome = await keepSettings(
      a,
      edit(baseA, { narrative: { bottomCount: 6 } }),
      baseA,
      {},
      zhCN,
    );
    expect(outcome.error).toMatch(/^Office 未能把设置保存到文件中（错误代码 5001/);
    expect(outcome.inForce).toEqual(inFile(file));
    expect(outcome.inForce!.report.issuer).toBe('乙');
    expect(outcome.inForce!.narrative.bottomCount).toBe(3);
  });

  it('a colleague’s save lands while this one fails: the re-read puts that one in force', async () => {
    const { file, a, b, baseA, baseB } = await twoPanes({ report: { issuer: '甲' } });
    const saveAsync = a.client.saveAsync.bind(a.client);
    a.client.failNextSave = INTERNAL_ERROR;
    a.client.saveAsync = (...args: Parameters<FakeDocumentSettings['saveAsync']>) => {
      // B saves after A's re-read, before A's save is answered; then A's pane goes on.
      const officeA = g.Office;
      void b.save(edit(baseB, { report: { issuer: '乙' } }), baseB).then(() => {
        g.Office = officeA;
        saveAsync(...args);
      });
    };
    const outcome = await keepSettings(
      a,
      edit(baseA, { report: { issuer: '丙' } }),
      baseA,
      {},
      zhCN,
    );
    expect(outcome.error).toContain('错误代码 5001');
    expect(inFile(file).report.issuer).toBe('乙');
    expect(outcome.inForce!.report.issuer).toBe('乙');
  });

  it('the re-read before saving fails: nothing saved, the pane left as it was, the code said', async () => {
    const { file, a, baseA } = await twoPanes({});
    a.client.failNextRefresh = INTERNAL_ERROR;
    const before = file.stored;
    const error = await a
      .save(edit(baseA, { report: { issuer: '乙' } }), baseA)
      .catch((e: unknown) => e);
    expect(error).toBeInstanceOf(DocumentSettingsError);
    expect(error).toMatchObject({ code: 5001, stored: undefined });
    expect(a.client.saves).toBe(0);
    expect(file.stored).toBe(before);
    a.client.failNextRefresh = INTERNAL_ERROR;
    const outcome = await keepSettings(
      a,
      edit(baseA, { report: { issuer: '乙' } }),
      baseA,
      {},
      zhCN,
    );
    expect(outcome.inForce).toBeUndefined();
    expect(outcome.error).toContain('错误代码 5001');
  });

  it('the save and the re-read after it both fail: the bag in memory goes back to what the file held, not the refused value', async () => {
    const { a, b, baseA, baseB } = await twoPanes({ report: { issuer: '甲' } });
    await b.save(edit(baseB, { report: { issuer: '乙' } }), baseB);
    const saveAsync = a.client.saveAsync.bind(a.client);
    a.client.failNextSave = true;
    a.client.saveAsync = (...args: Parameters<FakeDocumentSettings['saveAsync']>) => {
      a.client.failNextRefresh = INTERNAL_ERROR; // the re-read after the save will fail
      saveAsync(...args);
    };
    const error = (await a
      .save(edit(baseA, { report: { issuer: '丙' } }), baseA)
      .catch((e: unknown) => e)) as DocumentSettingsError;
    expect(error.code).toBe(4001);
    expect(resolveSettings(error.stored as SettingsInput).report.issuer).toBe('乙');
    expect((a.client.get(DOCUMENT_SETTINGS_KEY) as Settings).report.issuer).toBe('乙');
  });
});
