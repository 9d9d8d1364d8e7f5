import { afterEach, describe, expect, it } from 'vitest';
import { DEFAULT_SETTINGS, resolveSettings } from '../src/settings/settings';
import { fromForm, percentToFraction, toForm } from '../src/settings/settings-form';
import { analyzeWorkbook } from '../src/evaluation/analyze';
import { scaledToNumber } from '../src/core/fixed';
import { zhCN } from '../src/i18n/catalog';
import { documentSettingsStore, DocumentSettingsError } from '../addin/office/document-settings';
import { effectiveSettings } from '../addin/taskpane/settings-store';
import { FakeDocumentSettings } from './fake/office-settings';

describe('the 设置 form', () => {
  it('round-trips the defaults exactly', () => {
    const form = toForm(DEFAULT_SETTINGS);
    expect(form.weightClosed).toBe('20');
    expect(form.bands.map((b) => `${b.grade}${b.min}`).join(' ')).toBe('A90 B75 C60 D40 E0');
    const back = fromForm(form, DEFAULT_SETTINGS);
    expect(back).toEqual({ ok: true, settings: DEFAULT_SETTINGS });
  });

  it('picks a scheme: another preset keeps its own formulas, a scheme from a file stays', () => {
    const edited = { ...toForm(DEFAULT_SETTINGS), scheme: 'district-rates', weightClosed: '40' };
    const picked = fromForm(edited, DEFAULT_SETTINGS);
    // The weights the form shows are the default scheme's: another scheme ignores them.
    expect(picked).toMatchObject({ ok: true, settings: { scheme: 'district-rates' } });
    if (picked.ok) expect(picked.settings.evaluation).toEqual(DEFAULT_SETTINGS.evaluation);
    const custom = resolveSettings({
      scheme: {
        name: '某区',
        counts: ['应结案数', '结案数'],
        figures: [{ kind: 'rate', key: '结案率', numerator: '结案数', denominator: '应结案数' }],
      },
    });
    const form = toForm(custom);
    expect(form.scheme).toBe('(custom)');
    const back = fromForm(form, custom);
    expect(back.ok && back.settings.scheme).toEqual(custom.scheme);
  });

  it('reads typed percents by moving the decimal point, never by binary division', () => {
    expect(percentToFraction('14.3')).toBe(0.143); // 14.3 / 100 is 0.14300000000000002
    expect(percentToFraction('２０')).toBe(0.2);
    expect(percentToFraction('5%')).toBe(0.05);
    expect(percentToFraction('100')).toBe(1);
    expect(percentToFraction('abc')).toBeNull();
    const form = {
      ...toForm(DEFAULT_SETTINGS),
      weightClosed: '14.3',
      weightOnTime: '35.7',
      weightRework: '50',
    };
    const r = fromForm(form, DEFAULT_SETTINGS);
    expect(r.ok && r.settings.evaluation.weights).toEqual({
      closed: 0.143,
      onTime: 0.357,
      rework: 0.5,
    });
  });

  it('a form with other weights changes the figures (连江县 99.96 → 99.93)', () => {
    const form = {
      ...toForm(DEFAULT_SETTINGS),
      weightClosed: '40',
      weightOnTime: '40',
      weightRework: '20',
    };
    const r = fromForm(form, DEFAULT_SETTINGS);
    if (!r.ok) throw new Error('refused');
    const grid = [
      {
        name: 'S',
        values: [
          ['(二) 各县(市)政府综合评价表'],
          ['区政府', '应处置数', '处置数', '返工数', '应结案数', '结案数', '按期结案数'],
          ['连江县政府', 1053, 1053, 0, 1053, 1052, 1052],
        ],
      },
    ];
    const u = analyzeWorkbook(grid, r.settings).units[0]!;
    expect(scaledToNumber(u.figures['综合指标值'] as number, 2)).toBe(99.93);
  });

  it('reports every unreadable field at once, each with its path and a Chinese sentence', () => {
    const form = {
      ...toForm(DEFAULT_SETTINGS),
      weightClosed: '二十',
      bottomCount: '3.5',
      aliases: '市建委',
      bands: [{ grade: 'A', min: '九十' }, ...toForm(DEFAULT_SETTINGS).bands.slice(1)],
    };
    const r = fromForm(form, DEFAULT_SETTINGS);
    expect(r.ok).toBe(false);
    if (r.ok) return;
    expect(r.problems.map((p) => p.path).sort()).toEqual([
      'evaluation.bands[0].min',
      'evaluation.weights.closed',
      'narrative.aliases',
      'narrative.bottomCount',
    ]);
    expect(r.problems.map((p) => zhCN.settings.problem(p.path, p.rule))).toContain(
      '第1级的最低分：应为 0 到 100 之间的数，最多 2 位小数',
    );
  });

  it('refuses weights that do not add up, through the engine’s own rule', () => {
    const r = fromForm({ ...toForm(DEFAULT_SETTINGS), weightRework: '40' }, DEFAULT_SETTINGS);
    expect(r).toEqual({
      ok: false,
      problems: [{ path: 'evaluation.weights', rule: { kind: 'weightsSum' } }],
    });
  });

  it('writes aliases, left-out units, issuer and an empty date as the engine expects', () => {
    const r = fromForm(
      {
        ...toForm(DEFAULT_SETTINGS),
        aliases: '福州市公安局交通警察支队＝市交警支队\n\n constructor = 甲 ',
        leftOut: '甲\n乙\n',
        issuer: '某市数字城管中心',
        date: '  ',
      },
      DEFAULT_SETTINGS,
    );
    if (!r.ok) throw new Error('refused');
    expect(r.settings.narrative.aliases).toEqual({
      福州市公安局交通警察支队: '市交警支队',
      constructor: '甲',
    });
    expect(r.settings.narrative.hotline.leftOut).toEqual(['甲', '乙']);
    expect(r.settings.report).toMatchObject({ issuer: '某市数字城管中心', date: null });
  });
});

describe('settings kept in the workbook (Office.Settings)', () => {
  const g = globalThis as Record<string, unknown>;
  afterEach(() => {
    delete g.Office;
  });
  const install = (bag: FakeDocumentSettings) => {
    g.Office = {
      AsyncResultStatus: { Succeeded: 'succeeded', Failed: 'failed' },
      context: { document: { settings: bag } },
    };
  };

  it('saves into the document, and a re-opened document has them in force', async () => {
    const bag = new FakeDocumentSettings();
    install(bag);
    const store = documentSettingsStore('workbook');
    expect(await store.load()).toBeNull();
    const mine = resolveSettings({ evaluation: { rounding: 'halfEven' } });
    await store.save(mine);
    bag.reopen();
    const found = effectiveSettings(await store.load(), {});
    expect(found.source).toBe('saved');
    expect(found.settings.evaluation.rounding).toBe('halfEven');
  });

  it('a read-only workbook refuses the save with its code, and nothing changes', async () => {
    const bag = new FakeDocumentSettings('{"tongbao.settings":{"report":{"issuer":"甲"}}}');
    bag.readOnly = true;
    install(bag);
    const store = documentSettingsStore('workbook');
    const error = await store.save(resolveSettings()).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(DocumentSettingsError);
    expect((error as DocumentSettingsError).code).toBe(5002);
    expect(await store.load()).toEqual({ report: { issuer: '甲' } });
    expect(bag.stored).toBe('{"tongbao.settings":{"report":{"issuer":"甲"}}}');
  });

  it('saved settings that no longer validate are reported, and the defaults used', () => {
    const found = effectiveSettings({ evaluation: { decimals: 9 } }, { issuer: '乙' });
    expect(found.source).toBe('defaults');
    expect(found.problem?.path).toBe('evaluation.decimals');
    expect(found.settings.report.issuer).toBe('乙');
  });
});
