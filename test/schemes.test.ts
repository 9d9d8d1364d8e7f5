import { cliZhCN, zhCNCli } from '../src/i18n/cli';
import ExcelJS from 'exceljs';
import { mkdtemp, readFile, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { runCli } from '../src/cli/run';
import { formatSummary } from '../src/cli/summary';
import { SettingsError } from '../src/core/errors';
import type { CellValue, SheetGrid } from '../src/core/grid';
import {
  DEFAULT_SETTINGS,
  resolveSettings,
  schemeOf,
  type SettingsInput,
} from '../src/settings/settings';
import { analyzeWorkbook, auditSummary, type Analysis } from '../src/evaluation/analyze';
import { zhCN } from '../src/i18n/catalog';
import { settingsZhCN } from '../src/i18n/settings';
import { readWorkbookGrids } from '../src/io/xlsx-read';
import { buildNarrative } from '../src/narrative/build';
import { planWrites } from '../src/plan/write-plan';
import { toEvaluationJson } from '../src/report/json';
import { fuzhouScheme } from '../src/scheme/fuzhou';
import { compileScheme } from '../src/scheme/scheme';
import companyScore from '../src/scheme/presets/company-score.json';
import districtRates from '../src/scheme/presets/district-rates.json';
import fuzhou2017 from '../src/scheme/presets/fuzhou-2017.json';
import hotlineDispatch from '../src/scheme/presets/hotline-dispatch.json';
import { asEngine, oracle } from './helpers/scheme-oracle';

/**
 * Issue #12: a scheme is data. Four tables shaped as other cities print them, each audited
 * under its scheme with one planted misprint: that one is flagged and nothing else. Every
 * expected figure is worked out by hand in the comment beside it (and the BigInt oracle of
 * test/helpers/scheme-oracle.ts must agree with the engine on every figure).
 */

const json = (a: Analysis) => toEvaluationJson(a);
const figuresOf = (a: Analysis) => json(a).units.map((u) => [u.name, u.figures]);
const discrepancies = (a: Analysis) =>
  a.discrepancies.map((d) => [
    d.cell,
    d.unit,
    d.field,
    d.printed,
    json(a).discrepancies.find((x) => x.cell === d.cell)!.recomputed,
  ]);
const checked = (a: Analysis) =>
  a.checked.map(({ figures, matched, discrepancies: bad, notChecked }) => ({
    figures,
    matched,
    discrepancies: bad,
    notChecked,
  }));

/** Each unit's figures from the engine equal the oracle's, figure by figure. */
function agreesWithOracle(a: Analysis, schemeJson: unknown): void {
  const units = a.units;
  const expected = oracle(
    schemeJson,
    units.map((u) => ({ ...u.counts })),
  );
  units.forEach((u, i) => {
    for (const key of Object.keys(expected[i]!))
      expect(u.figures[key], `${u.name} ${key}`).toBe(asEngine(expected[i]![key]!));
  });
}

// ─── 1. A rates-only district table ──────────────────────────────────────────────────────

const DISTRICT_HEADER = [
  '城区',
  '未派遣数',
  '应结案数',
  '结案数',
  '结案率',
  '按期结案数',
  '按期结案率',
  '返工数',
  '延期数',
  '延期率',
];

/**
 * 城区 | 未派遣数 | 应结案数 | 结案数 | 结案率 | 按期结案数 | 按期结案率 | 返工数 | 延期数 | 延期率,
 * rates printed as text with a % sign. Worked by hand (each rate rounded half-up once):
 *   鼓楼区 830/840 = 98.809… → 98.81   812/840 = 96.666… → 96.67   返工 5/840 = 0.595… → 0.60   延期 10/840 = 1.190… → 1.19
 *   台江区 1191/1200 = 99.25           1150/1200 = 95.833… → 95.83   12/1200 = 1.00               30/1200 = 2.50
 *   仓山区 665/673 = 98.811… → 98.81   640/673 = 95.096… → 95.10     9/673 = 1.337… → 1.34        21/673 = 3.120… → 3.12
 *   晋安区 1999/2000 = 99.95           1901/2000 = 95.05             40/2000 = 2.00               55/2000 = 2.75
 *   马尾区 797/800 = 99.625 → 99.63    779/800 = 97.375 → 97.38      3/800 = 0.375 → 0.38         7/800 = 0.875 → 0.88
 * The planted misprint: 仓山区 按期结案率 printed 95.09% (cut, not rounded).
 */
function districtRows(cangshanOnTime = '95.09%'): CellValue[][] {
  return [
    ['本周各区常规案件统计表'],
    DISTRICT_HEADER,
    ['鼓楼区', 0, 840, 830, '98.81%', 812, '96.67%', 5, 10, '1.19%'],
    ['台江区', 3, 1200, 1191, '99.25%', 1150, '95.83%', 12, 30, '2.50%'],
    ['仓山区', 29, 673, 665, '98.81%', 640, cangshanOnTime, 9, 21, '3.12%'],
    ['晋安区', 0, 2000, 1999, '99.95%', 1901, '95.05%', 40, 55, '2.75%'],
    ['马尾区', 0, 800, 797, '99.63%', 779, '97.38%', 3, 7, '0.88%'],
  ];
}
const DISTRICTS = ['鼓楼区', '台江区', '仓山区', '晋安区', '马尾区'];

const district = (rows = districtRows()): SheetGrid[] => [{ name: '常规案件', values: rows }];

describe('a rates-only district table (district-rates), rates printed as “98.81%” text', () => {
  const a = analyzeWorkbook(district(), { scheme: 'district-rates' });

  it('recomputes every rate, by hand', () => {
    expect(figuresOf(a)).toEqual([
      ['鼓楼区', { 结案率: 98.81, 按期结案率: 96.67, 返工率: 0.6, 延期率: 1.19 }],
      ['台江区', { 结案率: 99.25, 按期结案率: 95.83, 返工率: 1, 延期率: 2.5 }],
      ['仓山区', { 结案率: 98.81, 按期结案率: 95.1, 返工率: 1.34, 延期率: 3.12 }],
      ['晋安区', { 结案率: 99.95, 按期结案率: 95.05, 返工率: 2, 延期率: 2.75 }],
      ['马尾区', { 结案率: 99.63, 按期结案率: 97.38, 返工率: 0.38, 延期率: 0.88 }],
    ]);
    agreesWithOracle(a, districtRates);
    expect(a.units.every((u) => u.evaluated && u.reason === null && u.group === null)).toBe(true);
  });

  it('flags the one misprint and nothing else: 15 printed rates checked, 14 match', () => {
    expect(discrepancies(a)).toEqual([['G5', '仓山区', '按期结案率', '95.09%', 95.1]]);
    expect(checked(a)).toEqual([{ figures: 15, matched: 14, discrepancies: 1, notChecked: 0 }]);
    expect(a.checked[0]!.unknownColumns).toEqual([]);
    expect(a.diagnostics).toEqual([]);
    expect(json(a).scheme).toEqual({ id: 'district-rates', name: districtRates.name });
  });

  it('writes one “（复核）” column per figure of the scheme', () => {
    const t = planWrites(a).sheets[0]!.tables[0]!;
    expect(t.block.values[0]).toEqual([
      '结案率（复核）',
      '按期结案率（复核）',
      '返工率（复核）',
      '延期率（复核）',
    ]);
    // 仓山区 (the third unit): the recomputed rates as plain numbers.
    expect(t.block.values[3]).toEqual([98.81, 95.1, 1.34, 3.12]);
    expect(t.block.numberFormat[3]).toEqual(['0.00', '0.00', '0.00', '0.00']);
    // Right of the user's table (A–J): K onwards.
    expect(t.columns).toMatchObject({ col: 10, cols: 4 });
  });
});

describe('a rates-only table lacking the first rate’s column', () => {
  it('evaluates each unit on the rates it has, and says which figure it cannot compute', () => {
    // No 结案数 (nor 结案率): 结案率 is lost; 按期结案率, 返工率 and 延期率 as worked above.
    const rows = districtRows('95.10%').map((r) => [
      r[0]!,
      r[1]!,
      r[2]!,
      r[5]!,
      r[6]!,
      r[7]!,
      r[8]!,
      r[9]!,
    ]);
    const a = analyzeWorkbook(district(rows), { scheme: 'district-rates' });
    expect(
      a.units.map((u) => [
        u.name,
        u.evaluated,
        u.reason,
        u.figures['结案率'],
        u.figures['按期结案率'],
      ]),
    ).toEqual([
      ['鼓楼区', true, null, null, 9667],
      ['台江区', true, null, null, 9583],
      ['仓山区', true, null, null, 9510],
      ['晋安区', true, null, null, 9505],
      ['马尾区', true, null, null, 9738],
    ]);
    expect(a.diagnostics.map((d) => [d.code, d.params])).toEqual([
      [
        'figuresUnavailable',
        { table: '本周各区常规案件统计表', columns: ['结案数'], figures: ['结案率'] },
      ],
    ]);
    expect(checked(a)).toEqual([{ figures: 10, matched: 10, discrepancies: 0, notChecked: 0 }]);
  });
});

describe('the same district table under the DEFAULT scheme, 返工率 over 应结案数', () => {
  const settings: SettingsInput = { evaluation: { denominators: { rework: '应结案数' } } };
  const a = analyzeWorkbook(district(), settings);

  it('names the units by 城区 (never by the 未派遣数 0, 3, 29) and leaves them ungrouped', () => {
    expect(a.units.map((u) => u.name)).toEqual(DISTRICTS);
    // 本周各区常规案件统计表 is not 五城区: no rule of the scheme names it, nothing is guessed.
    expect(a.tables.map((t) => [t.title, t.group])).toEqual([['本周各区常规案件统计表', null]]);
    expect(a.units.every((u) => u.group === null)).toBe(true);
    expect(a.diagnostics.map((d) => d.code)).not.toContain('groupGuessed');
  });

  it('checks 结案率 and 按期结案率 by the scheme, 延期率 by the formula the table itself shows (said in a warning), and computes no index', () => {
    // 返工率 = 返工数 / 应结案数 (the settings' denominator): 5/840 → 0.60 … as the preset.
    expect(figuresOf(a)).toEqual([
      [
        '鼓楼区',
        { 返工率: 0.6, 结案率: 98.81, 按期结案率: 96.67, 综合指标值: null, 评价等级: null },
      ],
      ['台江区', { 返工率: 1, 结案率: 99.25, 按期结案率: 95.83, 综合指标值: null, 评价等级: null }],
      [
        '仓山区',
        { 返工率: 1.34, 结案率: 98.81, 按期结案率: 95.1, 综合指标值: null, 评价等级: null },
      ],
      ['晋安区', { 返工率: 2, 结案率: 99.95, 按期结案率: 95.05, 综合指标值: null, 评价等级: null }],
      [
        '马尾区',
        { 返工率: 0.38, 结案率: 99.63, 按期结案率: 97.38, 综合指标值: null, 评价等级: null },
      ],
    ]);
    // The index needs 应处置数, which the table lacks: not evaluated, for that reason.
    expect(a.units.map((u) => [u.evaluated, u.reason])).toEqual(
      DISTRICTS.map(() => [false, 'missingColumns']),
    );
    expect(discrepancies(a)).toEqual([['G5', '仓山区', '按期结案率', '95.09%', 95.1]]);
    // 2 rates × 5 units by the scheme; the scheme has no formula for the 5 printed 延期率, which
    // the table itself shows: 延期数 / 应结案数 (10/840 = 1.19 %, 7/800 = 0.875 → 0.88 % …, by hand).
    expect(checked(a)).toEqual([{ figures: 15, matched: 14, discrepancies: 1, notChecked: 0 }]);
    expect(a.checked[0]!.unknownColumns).toEqual([]);
    expect(json(a).tables[0]!.notCheckedColumns).toEqual([]);
    expect(a.diagnostics.map((d) => [d.cell, d.code, d.params])).toEqual([
      [
        'A2',
        'figuresUnavailable',
        {
          table: '本周各区常规案件统计表',
          columns: ['应处置数'],
          figures: ['综合指标值', '评价等级'],
        },
      ],
      [
        'J2',
        'formulaFromTable',
        {
          table: '本周各区常规案件统计表',
          column: '延期率',
          statement: '延期率 = 延期数 / 应结案数 ×100%，四舍五入到0.01%，5行中5行吻合',
        },
      ],
    ]);
  });

  it('with the default denominators 返工率 is lost too (处置数 missing)', () => {
    const b = analyzeWorkbook(district());
    expect(b.diagnostics.map((d) => [d.code, d.params]).slice(0, 1)).toEqual([
      [
        'figuresUnavailable',
        {
          table: '本周各区常规案件统计表',
          columns: ['应处置数', '处置数'],
          figures: ['返工率', '综合指标值', '评价等级'],
        },
      ],
    ]);
    expect(b.diagnostics.map((d) => d.code)).toEqual(['figuresUnavailable', 'formulaFromTable']);
    expect(b.units.map((u) => u.figures['返工率'])).toEqual([null, null, null, null, null]);
  });

  it('says what it checked, never “全部一致” for figures it did not check', () => {
    const sentence = cliZhCN.audit(auditSummary(a));
    expect(sentence).toContain('已核对表中 15 个计算值，其中 1 处与复核结果不一致');
    expect(sentence).not.toContain('未核对');
    expect(sentence).not.toContain('全部一致');
    expect(zhCN.ui.audit(auditSummary(a))).toBe(sentence);
    // Corrected, the 15 checked agree.
    const fixed = analyzeWorkbook(district(districtRows('95.10%')), settings);
    expect(fixed.discrepancies).toEqual([]);
    const ok = cliZhCN.audit(auditSummary(fixed));
    expect(ok).toContain('已核对表中 15 个计算值，全部一致');
    // 延期率 scrambled so that no formula over the counts reproduces it: owned up to, unchecked.
    const scrambled = districtRows('95.10%').map((r, i) =>
      i >= 2 ? [...r.slice(0, 9), ['7.77%', '0.01%', '3.50%', '1.00%', '9.99%'][i - 2]!] : r,
    );
    const unchecked = cliZhCN.audit(auditSummary(analyzeWorkbook(district(scrambled), settings)));
    expect(unchecked).toContain('已核对表中 10 个计算值，全部一致');
    expect(unchecked).toContain('另有 5 个计算值未核对');
  });
});

describe('tongbao evaluate --settings on the district table (default scheme)', () => {
  let dir: string;
  beforeAll(async () => {
    dir = await mkdtemp(join(tmpdir(), 'tongbao-schemes-'));
  });

  async function book(rows: readonly (readonly CellValue[])[]): Promise<string> {
    const wb = new ExcelJS.Workbook();
    const ws = wb.addWorksheet('常规案件');
    for (const row of rows) ws.addRow([...row]);
    const file = join(dir, `district-${Math.random().toString(36).slice(2)}.xlsx`);
    await wb.xlsx.writeFile(file);
    return file;
  }

  async function run(args: string[]) {
    const out: string[] = [];
    const err: string[] = [];
    const code = await runCli(args, { out: (l) => out.push(l), err: (l) => err.push(l) });
    return { code, out: out.join('\n'), err: err.join('\n') };
  }

  it('prints the districts by name, ungrouped, and the audit sentence with what was checked', async () => {
    const file = await book(districtRows());
    const settingsFile = join(dir, 'rework-over-closed.json');
    await writeFile(
      settingsFile,
      JSON.stringify({ evaluation: { denominators: { rework: '应结案数' } } }),
    );
    const r = await run(['evaluate', file, '--settings', settingsFile]);
    expect(r.err).toBe('');
    expect(r.code).toBe(0);
    const lines = r.out.split('\n');
    for (const name of DISTRICTS) expect(lines.some((l) => l.trim().startsWith(name))).toBe(true);
    // No unit row named by a number of the 未派遣数 column.
    expect(lines.some((l) => /^\s+(0|3|29)\s/.test(l))).toBe(false);
    expect(r.out).toContain('未分组');
    expect(r.out).toContain('已核对表中 15 个计算值');
    // The formula found for 延期率 is said, for the user to confirm.
    expect(r.out).toContain('延期率 = 延期数 / 应结案数');
    expect(r.out).not.toContain('全部一致');
    expect(r.out).toContain('G5');
  });

  it('a settings file naming an unknown scheme is refused with its path, in Chinese', async () => {
    const file = await book(districtRows());
    const settingsFile = join(dir, 'unknown-scheme.json');
    await writeFile(settingsFile, JSON.stringify({ scheme: 'shanghai-2020' }));
    const r = await run(['evaluate', file, '--settings', settingsFile]);
    expect(r.code).toBe(2);
    expect(r.err).toContain(settingsFile);
    expect(r.err).toContain('district-rates');
    expect(r.out).toBe('');
  });
});

describe('a table with nothing to check says so', () => {
  it('counts only: no printed figure, so nothing is “全部一致”', () => {
    const rows = districtRows().map((r) => [r[0]!, r[1]!, r[2]!, r[3]!, r[5]!, r[7]!, r[8]!]);
    const a = analyzeWorkbook(district(rows), { scheme: 'district-rates' });
    expect(a.units).toHaveLength(5);
    const audit = auditSummary(a);
    expect(audit).toMatchObject({ figures: 0, matched: 0, discrepancies: 0, notChecked: 0 });
    expect(cliZhCN.audit(audit)).toBe('表中没有可以核对的计算值。');
    expect(formatSummary(a, zhCNCli)).not.toContain('全部一致');
  });

  it('only 延期率 printed, which the default scheme has no formula for and no count column reproduces: 0 checked, 5 not checked', () => {
    const rows = districtRows().map((r, i) => [
      r[0]!,
      r[2]!,
      r[3]!,
      r[5]!,
      r[7]!,
      r[8]!,
      i >= 2 ? ['7.77%', '0.01%', '3.50%', '1.00%', '9.99%'][i - 2]! : r[9]!,
    ]);
    const a = analyzeWorkbook(district(rows), {
      evaluation: { denominators: { rework: '应结案数' } },
    });
    const audit = auditSummary(a);
    expect(audit).toMatchObject({ figures: 0, matched: 0, discrepancies: 0, notChecked: 5 });
    const sentence = cliZhCN.audit(audit);
    expect(sentence).toContain('表中没有可以核对的计算值');
    expect(sentence).toContain('另有 5 个计算值未核对');
    expect(formatSummary(a, zhCNCli)).not.toContain('全部一致');
  });
});

// ─── 2. A company table with capped rates ────────────────────────────────────────────────

/**
 * 企业名称 | 案件总数 (a header variant of 总案件数) | 结案数 | 结案率 | 按期结案数 | 按期结案率 |
 * 返工数 | 一次完成率 | 综合得分. Rates over 总案件数, capped at 100 %; 一次完成率 = 1 − 返工数/总案件数;
 * 综合得分 = 0.4 结案率 + 0.3 按期结案率 + 0.3 一次完成率 (rounded rates), rounded once:
 *   水务 500 | 500 → 100 | 490 → 98 | 5 → 495/500 = 99      → 40 + 29.4 + 29.7 = 99.10
 *   地铁 120 | 126 → 105 capped 100 | 121 → capped 100 | 2 → 118/120 = 98.333… → 98.33
 *                                                             → 40 + 30 + 29.499 = 99.499 → 99.50
 *   城投 333 | 320 → 96.096… → 96.10 | 301 → 90.390… → 90.39 | 7 → 326/333 = 97.897… → 97.90
 *                                                             → 38.44 + 27.117 + 29.37 = 94.927 → 94.93
 *   港务 80 | 79 → 98.75 | 70 → 87.50 | 1 → 79/80 = 98.75   → 39.5 + 26.25 + 29.625 = 95.375 → 95.38
 * 排名 by 综合得分, best first: 地铁 1, 水务 2, 港务 3, 城投 4.
 * The planted misprint: 地铁's 结案率 printed uncapped, 105.
 */
const COMPANY: SheetGrid[] = [
  {
    name: '企业',
    values: [
      ['市属企业案件办理考核表'],
      [
        '企业名称',
        '案件总数',
        '结案数',
        '结案率',
        '按期结案数',
        '按期结案率',
        '返工数',
        '一次完成率',
        '综合得分',
      ],
      ['福州水务集团', 500, 500, 100, 490, 98, 5, 99, 99.1],
      ['福州地铁集团', 120, 126, 105, 121, 100, 2, 98.33, 99.5],
      ['福州城投集团', 333, 320, 96.1, 301, 90.39, 7, 97.9, 94.93],
      ['福州港务集团', 80, 79, 98.75, 70, 87.5, 1, 98.75, 95.38],
    ],
  },
];

describe('a company table (company-score): 总案件数, 一次完成率, 综合得分, capped rates', () => {
  const a = analyzeWorkbook(COMPANY, { scheme: 'company-score' });

  it('recomputes every figure, capping rates at 100%', () => {
    expect(figuresOf(a)).toEqual([
      ['福州水务集团', { 结案率: 100, 按期结案率: 98, 一次完成率: 99, 综合得分: 99.1, 排名: 2 }],
      [
        '福州地铁集团',
        { 结案率: 100, 按期结案率: 100, 一次完成率: 98.33, 综合得分: 99.5, 排名: 1 },
      ],
      [
        '福州城投集团',
        { 结案率: 96.1, 按期结案率: 90.39, 一次完成率: 97.9, 综合得分: 94.93, 排名: 4 },
      ],
      [
        '福州港务集团',
        { 结案率: 98.75, 按期结案率: 87.5, 一次完成率: 98.75, 综合得分: 95.38, 排名: 3 },
      ],
    ]);
    agreesWithOracle(a, companyScore);
    // 结案数 > 总案件数 is what a capped rate allows: no data problem.
    expect(a.diagnostics).toEqual([]);
    expect(a.units.every((u) => u.evaluated)).toBe(true);
  });

  it('flags the uncapped 105 and nothing else', () => {
    expect(discrepancies(a)).toEqual([['D4', '福州地铁集团', '结案率', 105, 100]]);
    expect(checked(a)).toEqual([{ figures: 16, matched: 15, discrepancies: 1, notChecked: 0 }]);
  });

  it('narrates by 综合得分 and 按期结案率, with no grade sentence', () => {
    const n = buildNarrative(a);
    const ranking = n.sections
      .find((s) => s.id === 'city-handling')!
      .paragraphs.map((p) => p.text)
      .filter((t) => /^（\d）/.test(t));
    expect(ranking).toEqual([
      '（1）从案件综合得分看，市属企业案件办理考核表中综合得分较好的为福州地铁集团（99.5分），排名最后一位的是福州城投集团（94.93分）。',
      '（2）从案件按期结案率看，市属企业案件办理考核表中按期结案率较好的为福州地铁集团（100%），排名最后一位的是福州港务集团（87.5%）。',
    ]);
    const text = n.sections.flatMap((s) => s.paragraphs.map((p) => p.text)).join('');
    expect(text).not.toMatch(/等级|综合指标值|综合分值/);
  });

  it('writes the scheme’s figures as its own columns: rates, score and rank', () => {
    const t = planWrites(a).sheets[0]!.tables[0]!;
    expect(t.block.values[0]).toEqual([
      '结案率（复核）',
      '按期结案率（复核）',
      '一次完成率（复核）',
      '综合得分（复核）',
      '排名（复核）',
    ]);
    expect(t.block.values[2]).toEqual([100, 100, 98.33, 99.5, 1]); // 地铁
    expect(t.block.numberFormat[2]).toEqual(['0.00', '0.00', '0.00', '0.00', '0']);
    // A mismatch rule for each printed figure (four), none for the unprinted 排名.
    expect(t.rules.filter((r) => r.type === 'formula')).toHaveLength(4);
    // No grade colours: the scheme has no grade. One colour scale on the score.
    expect(t.rules.filter((r) => r.type === 'textEquals')).toEqual([]);
    expect(t.rules.filter((r) => r.type === 'colorScale').map((r) => r.range.col)).toEqual([12]);
  });
});

// ─── 3. A 12345 table with whole-percent rates ──────────────────────────────────────────

/**
 * 承办单位 | 派遣量 | 按时办结 | 按时办结率 | 超时办结 | 超时率 | 回访量 | 不满意 | 不满意率 | 满意率
 * (header variants of hotline-dispatch's counts). 按时办结率 and 超时率 over 派遣数 at 2
 * decimals; 不满意率 and 满意率 (= 1 − 不满意/回访) in whole percent, each rounded once:
 *   市城管委 400/412 = 97.087… → 97.09 | 12/412 = 2.912… → 2.91 | 7/200 = 3.5 → 4 | 193/200 = 96.5 → 97
 *   市住建局 150/150 = 100             | 0                       | 1/80 = 1.25 → 1 | 79/80 = 98.75 → 99
 *   市水利局 90/97 = 92.783… → 92.78   | 7/97 = 7.216… → 7.22    | 5/64 = 7.8125 → 8 | 59/64 = 92.1875 → 92
 * (市城管委's 4 % + 97 % = 101 %: each rate is rounded on its own.) The planted misprint:
 * 市城管委's 满意率 printed 96% (96.5 cut instead of rounded).
 */
const HOTLINE: SheetGrid[] = [
  {
    name: '12345',
    values: [
      ['12345派遣件办理情况'],
      [
        '承办单位',
        '派遣量',
        '按时办结',
        '按时办结率',
        '超时办结',
        '超时率',
        '回访量',
        '不满意',
        '不满意率',
        '满意率',
      ],
      ['市城管委', 412, 400, 97.09, 12, 2.91, 200, 7, '4%', '96%'],
      ['市住建局', 150, 150, 100, 0, 0, 80, 1, '1%', '99%'],
      ['市水利局', 97, 90, 92.78, 7, 7.22, 64, 5, '8%', '92%'],
    ],
  },
];

describe('a 12345 table (hotline-dispatch): 派遣/按时/超时/不满意 counts, whole-percent rates', () => {
  const a = analyzeWorkbook(HOTLINE, { scheme: 'hotline-dispatch' });

  it('recomputes every rate at its own decimals', () => {
    expect(figuresOf(a)).toEqual([
      ['市城管委', { 按时办结率: 97.09, 超时率: 2.91, 不满意率: 4, 满意率: 97 }],
      ['市住建局', { 按时办结率: 100, 超时率: 0, 不满意率: 1, 满意率: 99 }],
      ['市水利局', { 按时办结率: 92.78, 超时率: 7.22, 不满意率: 8, 满意率: 92 }],
    ]);
    // Scaled at 0 decimals: 97 is 97, not 9700.
    expect(a.units[0]!.figures['满意率']).toBe(97);
    expect(a.units[0]!.figures['按时办结率']).toBe(9709);
    agreesWithOracle(a, hotlineDispatch);
  });

  it('flags the one misprint and nothing else', () => {
    expect(discrepancies(a)).toEqual([['J3', '市城管委', '满意率', '96%', 97]]);
    expect(checked(a)).toEqual([{ figures: 12, matched: 11, discrepancies: 1, notChecked: 0 }]);
    expect(a.diagnostics).toEqual([]);
  });

  it('writes whole percents with a whole-number format', () => {
    const t = planWrites(a).sheets[0]!.tables[0]!;
    expect(t.block.values[0]).toEqual([
      '按时办结率（复核）',
      '超时率（复核）',
      '不满意率（复核）',
      '满意率（复核）',
    ]);
    expect(t.block.values[1]).toEqual([97.09, 2.91, 4, 97]);
    expect(t.block.numberFormat[1]).toEqual(['0.00', '0.00', '0', '0']);
  });
});

// ─── 4. A table with 排名, under a scheme written in the settings ─────────────────────────

/**
 * 街道 | 立案数 | 按期处置 | 按期处置率 | 排名, a scheme of its own: 按期处置率 at 1 decimal,
 * 排名 by it, best first, ties sharing a place and the next place skipped (1, 2, 3, 3, 5):
 *   鼓东 245/250 = 98.0 → 2   鼓西 171/180 = 95.0 → 3   温泉 57/60 = 95.0 → 3
 *   东街 330/333 = 99.099… → 99.1 → 1   南街 37/41 = 90.243… → 90.2 → 5
 * The planted misprint: 南街 printed 4 (the place counted without the tie).
 */
const STREET_SCHEME = {
  name: '街道按期处置排名',
  counts: ['立案数', { key: '按期处置数', headers: ['按期处置'] }],
  figures: [
    {
      kind: 'rate',
      key: '按期处置率',
      numerator: '按期处置数',
      denominator: '立案数',
      decimals: 1,
    },
    { kind: 'rank', key: '排名', by: '按期处置率' },
  ],
};
function streets(nanjie: number): SheetGrid[] {
  return [
    {
      name: '街道',
      values: [
        ['鼓楼区街道按期处置情况'],
        ['街道', '立案数', '按期处置', '按期处置率', '排名'],
        ['鼓东街道', 250, 245, 98, 2],
        ['鼓西街道', 180, 171, 95, 3],
        ['温泉街道', 60, 57, 95, 3],
        ['东街街道', 333, 330, 99.1, 1],
        ['南街街道', 41, 37, 90.2, nanjie],
      ],
    },
  ];
}

describe('a table with 排名 (a scheme written in the settings)', () => {
  const a = analyzeWorkbook(streets(4), { scheme: STREET_SCHEME });

  it('ranks within the table, ties sharing a place', () => {
    expect(figuresOf(a)).toEqual([
      ['鼓东街道', { 按期处置率: 98, 排名: 2 }],
      ['鼓西街道', { 按期处置率: 95, 排名: 3 }],
      ['温泉街道', { 按期处置率: 95, 排名: 3 }],
      ['东街街道', { 按期处置率: 99.1, 排名: 1 }],
      ['南街街道', { 按期处置率: 90.2, 排名: 5 }],
    ]);
    expect(a.units[3]!.figures['按期处置率']).toBe(991); // 1 decimal
    agreesWithOracle(a, STREET_SCHEME);
    expect(json(a).scheme).toEqual({ id: '街道按期处置排名', name: '街道按期处置排名' });
  });

  it('flags the miscounted place and nothing else', () => {
    expect(discrepancies(a)).toEqual([['E7', '南街街道', '排名', 4, 5]]);
    expect(checked(a)).toEqual([{ figures: 10, matched: 9, discrepancies: 1, notChecked: 0 }]);
    expect(a.diagnostics).toEqual([]);
  });

  it('with dense ties (1, 2, 3, 3, 4) the same 4 is right', () => {
    const dense = {
      ...STREET_SCHEME,
      figures: [STREET_SCHEME.figures[0]!, { ...STREET_SCHEME.figures[1]!, ties: 'dense' }],
    };
    const b = analyzeWorkbook(streets(4), { scheme: dense });
    expect(b.units.map((u) => u.figures['排名'])).toEqual([2, 3, 3, 1, 4]);
    expect(b.discrepancies).toEqual([]);
    agreesWithOracle(b, dense);
  });

  it('writes 按期处置率 at one decimal and 排名 as a whole number', () => {
    const t = planWrites(a).sheets[0]!.tables[0]!;
    expect(t.block.values[0]).toEqual(['按期处置率（复核）', '排名（复核）']);
    expect(t.block.values[5]).toEqual([90.2, 5]);
    expect(t.block.numberFormat[5]).toEqual(['0.0', '0']);
  });
});

// ─── Fuzhou stays as it was ──────────────────────────────────────────────────────────────

describe('the default scheme is Fuzhou 2017, unchanged', () => {
  it('presets/fuzhou-2017.json is the default scheme written out', () => {
    expect(fuzhou2017).toEqual(
      JSON.parse(JSON.stringify(fuzhouScheme(DEFAULT_SETTINGS.evaluation))),
    );
    expect(compileScheme(fuzhou2017)).toEqual(schemeOf(resolveSettings({})));
    expect(resolveSettings({}).scheme).toBe('fuzhou-2017');
  });

  it('naming it gives the same evaluation of the August sample as the defaults', async () => {
    const grids = await readWorkbookGrids(await readFile('samples/2017-08.xlsx'));
    const byDefault = json(analyzeWorkbook(grids));
    const named = json(analyzeWorkbook(grids, { scheme: 'fuzhou-2017' }));
    expect(named).toEqual(byDefault);
    expect(named.scheme.id).toBe('fuzhou-2017');
    // The bulletin's one wrong figure, and only it.
    expect(named.discrepancies.map((d) => [d.cell, d.field, d.printed, d.recomputed])).toEqual([
      ['L62', '按期结案率', 98.5, 98.51],
    ]);
    expect(named.tables.map((t) => t.group)).toEqual([
      '五城区',
      '七县(市)',
      '市直单位',
      '市直单位',
      '市直单位',
    ]);
  });
});

// ─── Settings that name or carry a scheme ───────────────────────────────────────────────

const RATES_ONLY = {
  name: '自定义',
  counts: ['立案数', '结案数'],
  figures: [{ kind: 'rate', key: '结案率', numerator: '结案数', denominator: '立案数' }],
};

/** [issue 16] A rate over sums: counts for the sum cases below. */
const SUMS = { name: '自定义', counts: ['立案数', '按时数', '超时数'] };
const sumRate = (numerator: unknown, denominator: unknown = '立案数') => ({
  scheme: { ...SUMS, figures: [{ kind: 'rate', key: '办结率', numerator, denominator }] },
});

describe('settings with a scheme are validated with the path of the problem', () => {
  it.each([
    [
      'a sum naming an unknown count',
      sumRate(['按时数', '超期数']),
      'scheme.figures[0].numerator[1]',
      'schemeUnknown',
      '评价方案中的 figures[0].numerator[1]：“超期数”不是方案中前面定义过的计数列',
    ],
    [
      'a difference naming an unknown count',
      sumRate('按时数', { 立案数: 1, 撤销数: -1 }),
      'scheme.figures[0].denominator.撤销数',
      'schemeUnknown',
      '评价方案中的 figures[0].denominator.撤销数：“撤销数”不是方案中前面定义过的计数列',
    ],
    [
      'an empty sum',
      sumRate([]),
      'scheme.figures[0].numerator',
      'schemeSum',
      '评价方案中的 figures[0].numerator：至少要写一个计数列',
    ],
    [
      'an empty object of terms',
      sumRate('按时数', {}),
      'scheme.figures[0].denominator',
      'schemeSum',
      '评价方案中的 figures[0].denominator：至少要写一个计数列',
    ],
    [
      'a zero coefficient',
      sumRate({ 按时数: 1, 超时数: 0 }),
      'scheme.figures[0].numerator.超时数',
      'schemeSum',
      '评价方案中的 figures[0].numerator.超时数：系数应为 -100 到 100 之间、不为 0 的整数',
    ],
    [
      'a coefficient that is not a whole number',
      sumRate({ 按时数: 1, 超时数: 0.5 }),
      'scheme.figures[0].numerator.超时数',
      'schemeSum',
      '系数应为 -100 到 100 之间、不为 0 的整数（1 为加，-1 为减）',
    ],
    [
      'a coefficient written as text',
      sumRate('按时数', { 立案数: 1, 超时数: '-1' }),
      'scheme.figures[0].denominator.超时数',
      'schemeSum',
      '不为 0 的整数',
    ],
    [
      'a coefficient too large to stay exact',
      sumRate({ 按时数: 1000 }),
      'scheme.figures[0].numerator.按时数',
      'schemeSum',
      '-100 到 100',
    ],
    [
      'a sum that only subtracts',
      sumRate({ 超时数: -1 }),
      'scheme.figures[0].numerator',
      'schemeSum',
      '至少要有一个计数列的系数为正数',
    ],
    [
      'a side that is a number',
      sumRate(12),
      'scheme.figures[0].numerator',
      'schemeSum',
      '应为一个计数列的名称（如 "结案数"）、几个计数列相加（如 ["按时办结数", "超时办结数"]），或带系数的计数列',
    ],
    [
      'a count added twice',
      sumRate(['按时数', '按时数']),
      'scheme.figures[0].numerator[1]',
      'schemeDuplicate',
      '评价方案中的 figures[0].numerator[1]：名称“按时数”重复定义',
    ],
    [
      'an unknown rounding',
      { scheme: { ...SUMS, rounding: 'truncate', figures: sumRate('按时数').scheme.figures } },
      'scheme.rounding',
      'oneOf',
      '评价方案中的 rounding：应为以下之一：四舍五入、四舍六入五成双、去尾（截断）、进一',
    ],
    [
      'a comment that is not text',
      { scheme: { ...SUMS, comment: [1], figures: sumRate('按时数').scheme.figures } },
      'scheme.comment[0]',
      'text',
      '评价方案中的 comment[0]：应为文字',
    ],
    [
      'an unknown scheme name',
      { scheme: 'shanghai-2020' },
      'scheme',
      'oneOf',
      '评价方案：应为以下之一：fuzhou-2017、district-rates、company-score、hotline-dispatch',
    ],
    [
      'a rate naming an unknown count',
      {
        scheme: {
          ...RATES_ONLY,
          figures: [{ kind: 'rate', key: '结案率', numerator: '结案量', denominator: '立案数' }],
        },
      },
      'scheme.figures[0].numerator',
      'schemeUnknown',
      '评价方案中的 figures[0].numerator：“结案量”不是方案中前面定义过的计数列',
    ],
    [
      'a misspelt key in a figure',
      {
        scheme: {
          ...RATES_ONLY,
          figures: [{ kind: 'rate', key: '结案率', numerator: '结案数', denominater: '立案数' }],
        },
      },
      'scheme.figures[0].denominater',
      'unknownKey',
      '评价方案中的 figures[0].denominater：不是可识别的设置项',
    ],
    [
      'a misspelt key in the scheme',
      { scheme: { name: '自定义', counts: ['立案数', '结案数'], figure: [] } },
      'scheme.figure',
      'unknownKey',
      '评价方案中的 figure：不是可识别的设置项',
    ],
    [
      'a grade graded from a figure defined after it',
      {
        scheme: {
          ...RATES_ONLY,
          figures: [
            { kind: 'grade', key: '等级', from: '结案率', bands: [{ grade: 'A', min: 0 }] },
            ...RATES_ONLY.figures,
          ],
        },
      },
      'scheme.figures[0].from',
      'schemeUnknown',
      '评价方案中的 figures[0].from：“结案率”不是方案中前面定义过的数值',
    ],
    [
      'a non-default scheme with changed evaluation weights',
      {
        scheme: 'company-score',
        evaluation: { weights: { closed: 0.4, onTime: 0.3, rework: 0.3 } },
      },
      'evaluation',
      'schemeOwnsFormulas',
      '评价方案“company-score”自带计算公式',
    ],
    [
      'a scheme object with changed evaluation bands',
      {
        scheme: RATES_ONLY,
        evaluation: {
          bands: [
            { grade: '好', min: 80 },
            { grade: '差', min: 0 },
          ],
        },
      },
      'evaluation',
      'schemeOwnsFormulas',
      '评价方案“自定义”自带计算公式',
    ],
  ] as const)('%s', (_what, input, path, kind, message) => {
    let error: unknown;
    try {
      resolveSettings(input as SettingsInput);
    } catch (e) {
      error = e;
    }
    expect(error).toBeInstanceOf(SettingsError);
    const e = error as SettingsError;
    expect(e.path).toBe(path);
    expect(e.rule.kind).toBe(kind);
    expect(settingsZhCN.problem(e.path, e.rule)).toContain(message);
  });

  it('a non-default scheme with the evaluation settings left at their defaults is fine', () => {
    expect(resolveSettings({ scheme: 'company-score', evaluation: {} }).scheme).toBe(
      'company-score',
    );
    expect(schemeOf(resolveSettings({ scheme: RATES_ONLY })).figures.map((f) => f.key)).toEqual([
      '结案率',
    ]);
  });

  it('every shipped preset compiles', () => {
    for (const p of [districtRates, companyScore, hotlineDispatch, fuzhou2017])
      expect(compileScheme(p).id).toBe(p.id);
  });
});
