import ExcelJS from 'exceljs';
import { mkdtemp, readFile, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { recompute } from '../addin/excel/adapter';
import { readWorkbookFile } from '../addin/taskpane/workbook-file';
import { runCli } from '../src/cli/run';
import type { CellValue, SheetGrid } from '../src/core/grid';
import { resolveSettings } from '../src/settings/settings';
import { analyzeWorkbook, type Analysis } from '../src/evaluation/analyze';
import { analyzeByPeriod, PeriodsUnclearError, splitPeriods } from '../src/evaluation/periods';
import { zhCN } from '../src/i18n/catalog';
import { readWorkbookGrids } from '../src/io/xlsx-read';
import { buildNarrative, narrativeText } from '../src/narrative/build';
import { describeDiagnostic } from '../src/report/describe';
import type { EvaluationJson } from '../src/report/json';
import { FakeWorkbook } from './fake/excel-fake';
import { installFake } from './helpers/fake-host';
import { COUNT_HEADER, UNITS, type UnitKey } from './helpers/grid';
import { published } from './helpers/seed-text';
import { publishedDraftText } from './helpers/proofread-draft';

/** An .xlsx holding these grids (values at their origin, merged areas kept). */
async function xlsx(sheets: readonly SheetGrid[]): Promise<Buffer> {
  const wb = new ExcelJS.Workbook();
  for (const g of sheets) {
    const ws = wb.addWorksheet(g.name);
    const o = g.origin ?? { row: 0, col: 0 };
    g.values.forEach((row, r) =>
      row.forEach((v, c) => {
        if (v !== null && v !== '') ws.getCell(r + o.row + 1, c + o.col + 1).value = v;
      }),
    );
    for (const m of g.merges ?? [])
      ws.mergeCells(
        m.top + o.row + 1,
        m.left + o.col + 1,
        m.bottom + o.row + 1,
        m.right + o.col + 1,
      );
  }
  return Buffer.from(await wb.xlsx.writeBuffer());
}

async function cli(...argv: string[]) {
  const out: string[] = [];
  const err: string[] = [];
  const code = await runCli(argv, { out: (l) => out.push(l), err: (l) => err.push(l) });
  return { code, out: out.join('\n'), err: err.join('\n') };
}

const key = (u: { parent: string | null; name: string }) =>
  u.parent ? `${u.parent}/${u.name}` : u.name;
const periodNote = (a: Analysis) =>
  a.diagnostics.filter((d) => d.code === 'periodsRead').map((d) => describeDiagnostic(d, zhCN));
const codes = (a: Analysis) =>
  a.diagnostics
    .map((d) => d.code)
    .filter(
      (c) => c.startsWith('period') || c === 'unitInTwoSheets' || c === 'previousNotAdjacent',
    );

let dir: string;
let july: SheetGrid[];
let august: SheetGrid[];
let both: string;
const AUGUST_SHEETS = [
  '12345平台运行情况表',
  '数字城管综合评价表',
  '通报数据汇总',
  '诉求件及案件分类',
];
const JULY_SHEETS = [
  '各区政府',
  '各县(市)政府',
  '市直单位',
  '在榕中央及省属企业',
  '市属企业',
  '通报数据',
];

beforeAll(async () => {
  dir = await mkdtemp(join(tmpdir(), 'tongbao-periods-'));
  july = await readWorkbookGrids(await readFile('samples/2017-07.xlsx'));
  august = await readWorkbookGrids(await readFile('samples/2017-08.xlsx'));
  // One workbook a year: July's sheets, then August's.
  both = join(dir, '2017.xlsx');
  await writeFile(both, await xlsx([...july, ...august]));
});

describe('[issue 16] a workbook holding July’s and August’s sheets (the two samples in one)', () => {
  it('was read as one month before: every unit twice (the failure this fixes)', async () => {
    const all = analyzeWorkbook(await readWorkbookGrids(await readFile(both)));
    const names = all.units.map(key);
    expect(names.length - new Set(names).size).toBeGreaterThan(40);
  });

  it('evaluate --json: August’s units once each, period 2017年8月, the sheets of each period said', async () => {
    const file = join(dir, 'both.json');
    const r = await cli('evaluate', both, '--json', file);
    expect(r.code).toBe(0);
    expect(r.out).toContain('共找到 5 张评价表，53 个单位，其中 50 个参加评价。');
    const json = JSON.parse(await readFile(file, 'utf8')) as EvaluationJson;
    expect(json.period).toEqual({ year: 2017, month: 8 });
    expect(json.units).toHaveLength(53);
    expect(new Set(json.units.map(key)).size).toBe(53);
    expect(new Set(json.units.map((u) => u.sheet))).toEqual(new Set(['数字城管综合评价表']));
    // August's own figures: the bulletin's 台江区 and the one misprint it has.
    expect(json.units.find((u) => u.name === '台江区政府')!.figures['综合指标值']).toBe(98.88);
    expect(json.discrepancies.map((d) => [d.sheet, d.cell, d.printed, d.recomputed])).toEqual([
      ['数字城管综合评价表', 'L62', 98.5, 98.51],
    ]);
    expect(json.periods).toEqual([
      { role: 'current', period: { kind: 'month', year: 2017, index: 8 }, sheets: AUGUST_SHEETS },
      { role: 'previous', period: { kind: 'month', year: 2017, index: 7 }, sheets: JULY_SHEETS },
    ]);
    const note = json.diagnostics.find((d) => d.code === 'periodsRead')!;
    expect(note.severity).toBe('info');
    expect(note.message).toBe(
      '按期间读取：2017年8月 — 工作表“12345平台运行情况表”、“数字城管综合评价表”、“通报数据汇总”、“诉求件及案件分类”（本期）；' +
        '2017年7月 — 工作表“各区政府”、“各县(市)政府”、“市直单位”、“在榕中央及省属企业”、“市属企业”、“通报数据”（上月）',
    );
    // The 较上月 comparison came from July's sheets with no --previous.
    expect(json.comparison).toMatchObject({
      previousPeriod: { year: 2017, month: 7 },
      matched: 50,
    });
  });

  it('proofreading checks 环比 against the workbook’s own July, as with --previous', async () => {
    const { proofread } = await import('../src/proofread/check');
    const { draftFromText } = await import('../src/proofread/text');
    const grids = await readWorkbookGrids(await readFile(both));
    const a = analyzeByPeriod(grids, {}, { ownPrevious: true });
    const draft = draftFromText(publishedDraftText());
    const own = proofread(draft, a);
    const julyApart = analyzeWorkbook(july);
    const given = proofread(draft, analyzeWorkbook(august), julyApart);
    // The published text's 环比 claims are checked (not “no last month”) in both ways alike.
    expect(own.checked).toEqual(given.checked);
    expect(own.findings.map((f) => [f.unit, f.written, f.expected])).toEqual([
      ['闽侯县政府', '95.13%', '85.13%'],
    ]);
  });

  it('evaluate --text: the 较上月 sentences of --previous samples/2017-07.xlsx, word for word', async () => {
    const one = await cli('evaluate', both, '--text');
    const two = await cli(
      'evaluate',
      'samples/2017-08.xlsx',
      '--previous',
      'samples/2017-07.xlsx',
      '--text',
    );
    expect([one.code, two.code]).toEqual([0, 0]);
    const lines = one.out.split('\n');
    expect(lines.at(-1)).toMatch(/^按期间读取：2017年8月 — 工作表/);
    expect(lines.slice(0, -1).join('\n')).toBe(two.out);
    const folded = one.out
      .replace(/\s+/g, '')
      .replace(/\(/g, '（')
      .replace(/\)/g, '）')
      .replace(/,/g, '，')
      .replace(/;/g, '；');
    // August's figures beside August's last place (today's failure quoted July's 99.33).
    expect(folded).toContain(
      '五城区中综合指标值较好的为台江区（98.88分），排名最后一位的是马尾区（93.81分）',
    );
    expect(folded).toContain(published('较上月进步较大的市直单位是', '。'));
    expect(folded).toContain(published('本月晋安区综合指标值较上月有所上升', '；'));
  });

  it('the summary starts with the sheets read as each period', async () => {
    const r = await cli('evaluate', both);
    expect(r.code).toBe(0);
    expect(r.out.split('\n')[0]).toMatch(
      /^按期间读取：2017年8月 — 工作表“12345平台运行情况表”.*（本期）；2017年7月 — 工作表“各区政府”.*（上月）$/,
    );
  });

  it('with --previous, the workbook’s latest is this month and its earlier sheets are said not read', async () => {
    const r = await cli('evaluate', both, '--previous', 'samples/2017-07.xlsx', '--text');
    expect(r.code).toBe(0);
    expect(r.out).toContain(
      '上月取自另选的上月工作簿，本工作簿中较早的 2017年7月 — 工作表“各区政府”、“各县(市)政府”、“市直单位”、“在榕中央及省属企业”、“市属企业”、“通报数据” 未读取',
    );
  });

  it('the web page and Word pane (readWorkbookFile): August, with July as last month', async () => {
    const file = new File([await readFile(both)], '2017.xlsx');
    const read = await readWorkbookFile(file, resolveSettings({}), zhCN.ui);
    if ('error' in read) throw new Error(read.error);
    expect(read.analysis.units).toHaveLength(53);
    expect(periodNote(read.analysis)).toHaveLength(1);
    // The pages pass no last month: buildNarrative takes the workbook's own.
    const text = narrativeText(buildNarrative(read.analysis, null));
    const separate = narrativeText(buildNarrative(analyzeWorkbook(august), analyzeWorkbook(july)));
    expect(text).toBe(separate);
  });

  it('the Excel pane (重新计算): August’s columns only, the note among the results', async () => {
    const fake = new FakeWorkbook();
    for (const g of [...july, ...august]) fake.addSheet(g.name, g.values, [...(g.merges ?? [])]);
    installFake(fake);
    const result = await recompute();
    expect(result.analysis.units).toHaveLength(53);
    expect(result.plan.sheets.map((s) => s.sheet)).toEqual(['数字城管综合评价表']);
    expect(periodNote(result.analysis)[0]).toMatch(/^按期间读取：2017年8月/);
    expect(buildNarrative(result.analysis).comparison).toMatchObject({ matched: 50 });
  });
});

// ---- Layouts of our own -------------------------------------------------------------------

const counts = (k: UnitKey, change: Partial<Record<number, number>> = {}) =>
  UNITS[k].counts.map((v, i) => change[i] ?? v);

/** One 各区政府 table: an optional title row, the header, a row per unit. */
function table(title: string | null, rows: [string, number[]][]): CellValue[][] {
  return [
    ...(title === null ? [] : [[title]]),
    ['区政府', ...COUNT_HEADER],
    ...rows.map(([name, c]) => [name, ...c]),
  ];
}

const AUG_ROWS: [string, number[]][] = [
  ['台江区政府', counts('台江区政府')],
  ['马尾区政府', counts('马尾区政府')],
];
// July: 台江区 finished fewer cases on time, 马尾区 more (按期结案数 is the 8th count).
const JUL_ROWS: [string, number[]][] = [
  ['台江区政府', counts('台江区政府', { 7: 6500 })],
  ['马尾区政府', counts('马尾区政府', { 7: 5600 })],
];

/** The bulletin's text for August given July as last month, each read alone. */
function separately(aug: SheetGrid[], jul: SheetGrid[]): string {
  return narrativeText(buildNarrative(analyzeWorkbook(aug), analyzeWorkbook(jul)));
}

describe('[issue 16] periods from our own layouts', () => {
  it('sheets named 2017年7月 and 2017年8月 (tables without titles)', () => {
    const jul = { name: '2017年7月', values: table(null, JUL_ROWS) };
    const aug = { name: '2017年8月', values: table(null, AUG_ROWS) };
    const a = analyzeByPeriod([jul, aug]);
    expect(a.units.map((u) => [u.sheet, u.name])).toEqual([
      ['2017年8月', '台江区政府'],
      ['2017年8月', '马尾区政府'],
    ]);
    expect(a.period).toEqual({ year: 2017, month: 8 });
    const text = narrativeText(buildNarrative(a));
    expect(text).toBe(separately([aug], [jul]));
    expect(buildNarrative(a).comparison).toMatchObject({
      matched: 2,
      previousPeriod: { year: 2017, month: 7 },
    });
    expect(periodNote(a)).toEqual([
      '按期间读取：2017年8月 — 工作表“2017年8月”（本期）；2017年7月 — 工作表“2017年7月”（上月）',
    ]);
  });

  it('sheets named Sheet1 and Sheet2, the month in each table’s title (August first)', () => {
    const aug = { name: 'Sheet1', values: table('2017年8月份各区政府综合评价表', AUG_ROWS) };
    const jul = { name: 'Sheet2', values: table('2017年7月份各区政府综合评价表', JUL_ROWS) };
    const a = analyzeByPeriod([aug, jul]);
    expect(a.units.map((u) => u.sheet)).toEqual(['Sheet1', 'Sheet1']);
    expect(a.periods?.previous?.units.map((u) => u.sheet)).toEqual(['Sheet2', 'Sheet2']);
    expect(narrativeText(buildNarrative(a))).toBe(separately([aug], [jul]));
    expect(periodNote(a)).toEqual([
      '按期间读取：2017年8月 — 工作表“Sheet1”（本期）；2017年7月 — 工作表“Sheet2”（上月）',
    ]);
  });

  it('a 月份 | 2017年8月 row above the table names its month', () => {
    const withLabel = (m: string, rows: [string, number[]][]) => [
      ['月份', m],
      ...table(null, rows),
    ];
    const a = analyzeByPeriod([
      { name: '甲', values: withLabel('2017年7月', JUL_ROWS) },
      { name: '乙', values: withLabel('2017年8月', AUG_ROWS) },
    ]);
    expect(a.units.map((u) => u.sheet)).toEqual(['乙', '乙']);
    expect(a.periods?.previous?.units.map((u) => u.sheet)).toEqual(['甲', '甲']);
  });

  it('weeks: 第34周 and 第35周 — the 35th is evaluated, the 34th is last period', () => {
    const w34 = { name: '第34周', values: table(null, JUL_ROWS) };
    const w35 = { name: '第35周', values: table(null, AUG_ROWS) };
    const a = analyzeByPeriod([w34, w35]);
    expect(a.units.map((u) => u.sheet)).toEqual(['第35周', '第35周']);
    expect(narrativeText(buildNarrative(a))).toBe(separately([w35], [w34]));
    expect(periodNote(a)).toEqual([
      '按期间读取：第35周 — 工作表“第35周”（本期）；第34周 — 工作表“第34周”（上一期）',
    ]);
  });

  it('weeks in titles, with the year: 2021年第7周 beside 2021年第6周', () => {
    const a = analyzeByPeriod([
      { name: 'A', values: table('12319热线2021年第7周办理情况', AUG_ROWS) },
      { name: 'B', values: table('12319热线2021年第6周办理情况', JUL_ROWS) },
    ]);
    expect(a.units.map((u) => u.sheet)).toEqual(['A', 'A']);
    expect(a.periods?.previousPeriod).toEqual({ kind: 'week', year: 2021, index: 6 });
  });

  it('quarters: 2025年第一季度, 二季度 and 三季度 — the third is evaluated, the second is last period', () => {
    const a = analyzeByPeriod([
      { name: '2025年第一季度', values: table(null, JUL_ROWS) },
      { name: '2025年二季度', values: table(null, JUL_ROWS) },
      { name: '2025年三季度', values: table(null, AUG_ROWS) },
    ]);
    expect(a.units.map((u) => u.sheet)).toEqual(['2025年三季度', '2025年三季度']);
    expect(periodNote(a)).toEqual([
      '按期间读取：2025年第三季度 — 工作表“2025年三季度”（本期）；2025年第二季度 — 工作表“2025年二季度”（上一期）；未读取：2025年第一季度 — 工作表“2025年第一季度”',
    ]);
  });

  it('two sheets naming no period that repeat units: one line naming them, nothing evaluated', async () => {
    const sheets = [
      { name: 'Sheet1', values: table('各区政府综合评价表', JUL_ROWS) },
      { name: 'Sheet2', values: table('各区政府综合评价表', AUG_ROWS) },
    ];
    expect(() => analyzeByPeriod(sheets)).toThrow(PeriodsUnclearError);
    const line =
      '工作表“Sheet1”、“Sheet2”中有相同的单位，但名称和标题都没有注明期间，无法判断各属哪个月，未复核。请在工作表名称或标题中注明月份（如“2017年8月”），或把其他月份的工作表移到另一个工作簿后再试。';
    // The command line: exit 2, one line.
    const file = join(dir, 'undated.xlsx');
    await writeFile(file, await xlsx(sheets));
    const r = await cli('evaluate', file);
    expect(r.code).toBe(2);
    expect(r.out).toBe('');
    expect(r.err).toBe(`错误：${file}：${line}`);
    // The web page and the Word pane: the same sentence.
    const read = await readWorkbookFile(
      new File([await readFile(file)], 'undated.xlsx'),
      resolveSettings({}),
      zhCN.ui,
    );
    expect(read).toEqual({ error: line });
  });

  it('two sheets naming no period with different units: one period, as before', () => {
    const sheets = [
      { name: 'Sheet1', values: table('各区政府', [AUG_ROWS[0]!]) },
      { name: 'Sheet2', values: table('各区政府', [AUG_ROWS[1]!]) },
    ];
    const a = analyzeByPeriod(sheets);
    const plain = analyzeWorkbook(sheets);
    expect(a.units).toEqual(plain.units);
    expect(a.diagnostics).toEqual(plain.diagnostics);
    expect(a.periods).toMatchObject({ split: false, previous: null });
  });

  it('two sheets of one month repeating units: evaluated, with a warning naming both sheets', () => {
    const a = analyzeByPeriod([
      { name: '8月', values: table(null, AUG_ROWS) },
      { name: '8月 (2)', values: table(null, AUG_ROWS) },
    ]);
    expect(a.units).toHaveLength(4);
    const twice = a.diagnostics.filter((d) => d.code === 'unitInTwoSheets');
    expect(twice.map((d) => [d.sheet, d.cell, describeDiagnostic(d, zhCN)])).toEqual([
      [
        '8月 (2)',
        'A2',
        '“台江区政府”等 2 个单位也在工作表“8月”中（同为8月）：同一期间的单位重复出现，排名和合计中会算两次；请删除重复的工作表，或在工作表名称中注明各自的月份',
      ],
    ]);
  });

  it('a sheet naming no period that repeats a dated sheet’s units is not read, and said', () => {
    const a = analyzeByPeriod([
      { name: '7月', values: table(null, JUL_ROWS) },
      { name: '8月', values: table(null, AUG_ROWS) },
      { name: '汇总', values: table('各区政府综合评价表', AUG_ROWS) },
    ]);
    expect(a.units.map((u) => u.sheet)).toEqual(['8月', '8月']);
    const note = a.diagnostics.find((d) => d.code === 'periodUnknownRepeats')!;
    expect([note.sheet, note.cell, describeDiagnostic(note, zhCN)]).toEqual([
      '汇总',
      'A3',
      '此工作表的名称和标题中没有注明期间，其中“台江区政府”等 2 个单位与工作表“8月”（8月）重复，无法判断属于哪一期，未读取；如要复核，请在工作表名称或标题中注明月份',
    ]);
    expect(periodNote(a)).toEqual([
      '按期间读取：8月 — 工作表“8月”（本期）；7月 — 工作表“7月”（上月）；未读取：未注明期间 — 工作表“汇总”',
    ]);
  });

  it('a sheet naming no period beside dated ones, with units of its own: read as this month’s, and said', () => {
    const a = analyzeByPeriod([
      { name: '7月', values: table(null, [AUG_ROWS[0]!]) },
      { name: '8月', values: table(null, [AUG_ROWS[0]!]) },
      { name: '县(市)', values: table(null, [['连江县政府', counts('连江县政府')]]) },
    ]);
    expect(a.units.map((u) => [u.sheet, u.name])).toEqual([
      ['8月', '台江区政府'],
      ['县(市)', '连江县政府'],
    ]);
    const note = a.diagnostics.find((d) => d.code === 'periodAssumed')!;
    expect([note.sheet, describeDiagnostic(note, zhCN)]).toEqual([
      '县(市)',
      '此工作表的名称和标题中没有注明期间，已按8月读取；如不是8月的数据，请在工作表名称或标题中注明期间',
    ]);
  });

  it('a blank sheet prepared for next month does not become this month', () => {
    const a = analyzeByPeriod([
      { name: '7月', values: table(null, JUL_ROWS) },
      { name: '8月', values: table(null, AUG_ROWS) },
      { name: '9月', values: [['2017年9月份各区政府综合评价表']] },
    ]);
    expect(a.units.map((u) => u.sheet)).toEqual(['8月', '8月']);
    expect(a.periods?.previous?.units.map((u) => u.sheet)).toEqual(['7月', '7月']);
    // The year comes from the 9月 sheet's title, the workbook's only year.
    expect(periodNote(a)).toEqual([
      '按期间读取：2017年8月 — 工作表“8月”（本期）；2017年7月 — 工作表“7月”（上月）；未读取：2017年9月 — 工作表“9月”',
    ]);
  });

  it('a sheet’s name and title naming different months: the name is taken, and said', () => {
    const a = analyzeByPeriod([
      { name: '7月', values: table('2017年7月份各区政府综合评价表', JUL_ROWS) },
      // Copied from July: the tab renamed, the title not.
      { name: '8月', values: table('2017年7月份各区政府综合评价表', AUG_ROWS) },
    ]);
    expect(a.units.map((u) => u.sheet)).toEqual(['8月', '8月']);
    const note = a.diagnostics.find((d) => d.code === 'periodConflict')!;
    expect([note.sheet, note.cell, describeDiagnostic(note, zhCN)]).toEqual([
      '8月',
      'A1',
      '工作表名称为8月，标题“2017年7月份各区政府综合评价表”却是2017年7月：已按工作表名称读作8月，请核对后改正其一',
    ]);
  });

  it('June and August: August is compared with June, and the note says June is not last month', () => {
    const a = analyzeByPeriod([
      { name: '2017年6月', values: table(null, JUL_ROWS) },
      { name: '2017年8月', values: table(null, AUG_ROWS) },
    ]);
    const note = a.diagnostics.find((d) => d.code === 'previousNotAdjacent')!;
    expect(describeDiagnostic(note, zhCN)).toBe(
      '本工作簿中2017年8月之前最近的是2017年6月，不是上月：“较上月”的句子是与2017年6月比较的，请核对',
    );
  });

  it('a 1—8月 cumulative sheet beside the months is not a month: not read, and said', () => {
    const cumulative = { name: '1-8月累计', values: table(null, AUG_ROWS) };
    const a = analyzeByPeriod([
      { name: '7月', values: table(null, JUL_ROWS) },
      { name: '8月', values: table(null, AUG_ROWS) },
      cumulative,
    ]);
    expect(a.units.map((u) => u.sheet)).toEqual(['8月', '8月']);
    expect(periodNote(a)[0]).toBe(
      '按期间读取：8月 — 工作表“8月”（本期）；7月 — 工作表“7月”（上月）；未读取：1—8月 — 工作表“1-8月累计”',
    );
  });

  it('splitPeriods keeps workbook order within a period, and one period means every sheet', () => {
    const s = (name: string) => ({ name, values: table(null, AUG_ROWS) });
    const split = splitPeriods([s('8月数字城管'), s('7月数字城管'), s('8月12345'), s('说明')]);
    expect(split.current.map((g) => g.name)).toEqual(['8月数字城管', '8月12345', '说明']);
    expect(split.previous?.map((g) => g.name)).toEqual(['7月数字城管']);
    const one = splitPeriods([s('8月数字城管'), s('8月12345'), s('说明')]);
    expect([one.split, one.current.length, one.previous]).toEqual([false, 3, null]);
    // One period, a sheet of notes: no period note at all.
    const notes = { name: '说明', values: [['本工作簿为8月数据']] };
    expect(codes(analyzeByPeriod([s('8月数字城管'), notes]))).toEqual([]);
  });
});
