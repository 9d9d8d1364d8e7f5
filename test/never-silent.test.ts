/**
 * Issue #16 scope 5 (the text): never silent. An implausible 环比 is a warning naming both
 * months' cells and figures; a sentence built on a flagged figure (a total that is not its
 * parts' sum, an implausible 环比, a figure read with a doubt, a unit whose row has an error)
 * carries “【请核对】” right after the figure or its clause, highlighted in the .docx, and the
 * proofreader reads past the mark. Unflagged text is word for word as before (the seed tests).
 * Every expected sentence and figure here is worked out by hand from the sheets below.
 */
import ExcelJS from 'exceljs';
import { mkdtemp, readFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { runCli } from '../src/cli/run';
import { DEFAULT_SETTINGS } from '../src/settings/settings';
import type { CellValue, SheetGrid } from '../src/core/grid';
import { diagnostic } from '../src/core/diagnostics';
import { analyzeWorkbook, type Analysis } from '../src/evaluation/analyze';
import { zhCN } from '../src/i18n/catalog';
import { enUS } from '../src/i18n/catalog-en';
import { readWorkbookGrids } from '../src/io/xlsx-read';
import { buildNarrative, narrativeText } from '../src/narrative/build';
import type { Flag } from '../src/narrative/flags';
import { summaryFlags } from '../src/narrative/flags';
import type { Narrative } from '../src/narrative/types';
import { proofread } from '../src/proofread/check';
import { draftFromText } from '../src/proofread/text';
import { packDocx } from '../src/report/docx';
import { toEvaluationJson } from '../src/report/json';
import { buildReport } from '../src/report/model';
import {
  DEFAULT_SUMMARY_SETTINGS as S,
  lastMonthFromColumns,
  readSummary,
  type SummaryDiagnostic,
  type SummarySection,
} from '../src/summary';
import { summaryParagraphs } from '../src/narrative/summary';
import { docxParts, paragraphs } from './helpers/docx-xml';

const MARK = '【请核对】';

/** A label | 本月 (| 上月) sheet of summary figures under a title naming the month. */
function figures(
  name: string,
  title: string,
  rows: (readonly [string, ...CellValue[]])[],
): SheetGrid {
  const wide = rows.some((r) => r.length > 2);
  return {
    name,
    values: [
      [title],
      wide ? ['指标', '本月', '上月'] : ['指标', '本月'],
      ...rows.map((r) => [...r]),
    ],
  };
}

/** A 12345 类别 list (columns layout) on a sheet of its own. */
function categories(name: string, rows: [string, number][]): SheetGrid {
  return { name, values: [['12345诉求件分类'], ['诉求类别', '受理量（件）'], ...rows] };
}

const basic = (sections: readonly SummarySection[]) =>
  sections.find((s) => s.id === 'basic')!.paragraphs[0]!.text;
const sectionText = (sections: readonly SummarySection[], id: SummarySection['id']) =>
  sections.find((s) => s.id === id)?.paragraphs.filter((p) => !p.editorial)[0]?.text ?? null;
const implausible = (ds: readonly SummaryDiagnostic[]) =>
  ds.filter((d) => d.code === 'summaryImplausibleChange');

// The August figures of the seed, and July's as last month's workbook had them — but for 12345
// 受理, where July's sheet was read at the whole system's 110951 (the misreading).
const AUGUST_ROWS = [
  ['12345政府公共服务系统受理诉求件（案件）', 109169],
  ['12345平台受理诉求件', 35275],
  ['12345平台群众基本满意度（%）', '99.74%'],
  ['数字城管受理有效案件', 73894],
] as const;
const august = readSummary([figures('8月', '2017年8月份运行情况', [...AUGUST_ROWS])]);
const julyMisread = readSummary([
  figures('7月', '2017年7月份运行情况', [
    ['12345政府公共服务系统受理诉求件（案件）', 110951],
    ['12345平台受理诉求件', 110951],
    ['12345平台群众基本满意度（%）', '99.83%'],
    ['数字城管受理有效案件', 76752],
  ]),
]);

describe('an implausible 环比 is a warning naming both cells and both figures', () => {
  const found = summaryFlags(august, julyMisread, S, { columns: false, book: true });

  it('12345 受理 35275 against 110951 (−68.21 %): one warning at this month’s cell, naming last month’s', () => {
    const ds = implausible(found.diagnostics);
    expect(ds).toHaveLength(1);
    const d = ds[0]!;
    expect(d.severity).toBe('warning');
    expect(`${d.sheet}!${d.cell}`).toBe('8月!B4');
    const message = zhCN.summary.diagnostic(d);
    expect(message).toBe(
      '“12345平台受理诉求件”环比下降68.21%（本月 8月!B4 为 35275，上月工作簿 7月!B4 为 110951），变化超过上月的一半，可能取错了单元格，请核对',
    );
    // English fallback says the same facts.
    expect(enUS.summary.diagnostic(d)).toContain('7月!B4 has 110951');
    // The system total, −1.61 %, is no warning.
    expect(found.diagnostics.some((x) => x.cell === 'B3')).toBe(false);
  });

  it('the sentence built on it is marked after its 环比; the others are as they were', () => {
    const text = basic(summaryParagraphs(august, julyMisread, S));
    expect(text).toBe(
      '8月份，我市12345政府公共服务系统受理诉求件（案件）109169件，环比下降1.61%。' +
        '12345平台的群众基本满意度较上月略有下降。' +
        `其中：12345平台受理诉求35275件，环比下降68.21%${MARK}；群众基本满意度99.74%，环比下降0.09%。` +
        '数字城管系统本月共受理有效案件73894件，环比下降3.72%。',
    );
    // The 12345 introduction states the same figure: marked there too.
    expect(sectionText(summaryParagraphs(august, julyMisread, S), 'hotline-intro')).toBe(
      `8月份，12345平台受理诉求件35275件${MARK}。`,
    );
  });

  it('last month from this sheet’s own 上月 column: said so (the column has no cell of its own here)', () => {
    const withColumn = readSummary([
      figures('8月', '2017年8月份运行情况', [
        ['12345平台受理诉求件', 35275, 110951],
        ['数字城管受理有效案件', 73894, 76752],
      ]),
    ]);
    const previous = lastMonthFromColumns(withColumn);
    const [d] = implausible(
      summaryFlags(withColumn, previous, S, { columns: true, book: false }).diagnostics,
    );
    // Not told where last month came from, the same: its cell is this month's.
    expect(implausible(summaryFlags(withColumn, previous, S).diagnostics)).toEqual([d]);
    expect(zhCN.summary.diagnostic(d!)).toBe(
      '“12345平台受理诉求件”环比下降68.21%（本月 8月!B3 为 35275，上月（本表“上月”栏）为 110951），变化超过上月的一半，可能取错了单元格，请核对',
    );
  });

  it.each([
    // [this month, last month, marked?] — a count: more than half of last month's is implausible.
    [150, 100, false, '上升50%'],
    [151, 100, true, '上升51%'],
    [50, 100, false, '下降50%'],
    [49, 100, true, '下降51%'],
  ] as const)('a count %i against %i: marked %s', (now, before, marked, change) => {
    const cur = readSummary([figures('8月', '2017年8月', [['12345平台受理诉求件', now]])]);
    const prev = readSummary([figures('7月', '2017年7月', [['12345平台受理诉求件', before]])]);
    const text = basic(summaryParagraphs(cur, prev, S));
    expect(text).toBe(`8月份，12345平台受理诉求${now}件，环比${change}${marked ? MARK : ''}。`);
    expect(implausible(summaryFlags(cur, prev, S).diagnostics)).toHaveLength(marked ? 1 : 0);
  });

  it.each([
    // A rate: more than 20 percentage points is implausible.
    ['79.74%', false, '上升20%'],
    ['79.73%', true, '上升20.01%'],
  ] as const)('满意度 99.74%% against %s: marked %s', (before, marked, change) => {
    const cur = readSummary([
      figures('8月', '2017年8月', [['12345平台群众基本满意度（%）', '99.74%']]),
    ]);
    const prev = readSummary([
      figures('7月', '2017年7月', [['12345平台群众基本满意度（%）', before]]),
    ]);
    const text = basic(summaryParagraphs(cur, prev, S));
    expect(text).toBe(`8月份，12345平台群众基本满意度99.74%，环比${change}${marked ? MARK : ''}。`);
    const ds = implausible(summaryFlags(cur, prev, S).diagnostics);
    expect(ds.map((d) => zhCN.summary.diagnostic(d))).toEqual(
      marked
        ? [
            '“12345平台群众基本满意度（%）”环比上升20.01个百分点（本月 8月!B3 为 99.74%，上月 7月!B3 为 79.73%），变化超过20个百分点，可能取错了单元格，请核对',
          ]
        : [],
    );
  });

  it('the “较上月” judgement built on an implausible rate is marked after its clause', () => {
    const cur = readSummary([figures('8月', '2017年8月', [...AUGUST_ROWS])]);
    const prev = readSummary([
      figures('7月', '2017年7月', [
        ['12345政府公共服务系统受理诉求件（案件）', 110951],
        ['12345平台受理诉求件', 34199],
        ['12345平台群众基本满意度（%）', '69.74%'],
        ['数字城管受理有效案件', 76752],
      ]),
    ]);
    const text = basic(summaryParagraphs(cur, prev, S));
    expect(text).toContain(`12345平台的群众基本满意度较上月明显提升${MARK}。`);
    expect(text).toContain(`群众基本满意度99.74%，环比上升30%${MARK}。`);
  });

  it('a top 类别 whose 环比 is implausible: marked after its 环比; a small 类别 that doubles is no warning', () => {
    const cur = readSummary([
      categories('8月分类', [
        ['城乡建设类', 11939],
        ['交通环保类', 3761],
        ['政法类', 2707],
        ['其他类', 1557],
      ]),
    ]);
    const prev = readSummary([
      categories('7月分类', [
        ['城乡建设类', 5000],
        ['交通环保类', 4019],
        ['政法类', 2790],
        ['其他类', 700],
      ]),
    ]);
    const text = sectionText(summaryParagraphs(cur, prev, S), 'hotline-categories')!;
    // (11939 − 5000) / 5000 = 138.78 %; 交通环保类 −6.42 %, 政法类 −2.97 %.
    expect(text).toContain(`城乡建设类诉求受理量明显增加，环比上升138.78%${MARK}；`);
    expect(text).toContain(
      '诉求件受理排名前三位的是：城乡建设类11939件，交通环保类3761件，政法类2707件，',
    );
    const ds = implausible(summaryFlags(cur, prev, S).diagnostics);
    // 其他类 (700 → 1557, +122 %) is not among the categories the text gives a 环比.
    expect(ds.map((d) => [`${d.sheet}!${d.cell}`, d.params.label, d.params.previousCell])).toEqual([
      ['8月分类!B3', '城乡建设类', '7月分类!B3'],
    ]);
  });
});

describe('【请核对】 after a figure the reading doubts; a misprinted rate is not doubted', () => {
  it('a total that is not its parts’ sum: the total and both parts are marked, and the list says why', () => {
    // 35275 + 73894 = 109169, the sheet prints 109170.
    const reading = readSummary([
      figures('8月', '2017年8月份运行情况', [
        ['12345政府公共服务系统受理诉求件（案件）', 109170],
        ['12345平台受理诉求件', 35275],
        ['数字城管受理有效案件', 73894],
      ]),
    ]);
    expect(reading.discrepancies.map((d) => `${d.sheet}!${d.cell}`)).toEqual(['8月!B3']);
    expect(basic(summaryParagraphs(reading, null, S))).toBe(
      `8月份，我市12345政府公共服务系统受理诉求件（案件）109170件${MARK}。` +
        `其中：12345平台受理诉求35275件${MARK}。数字城管系统本月共受理有效案件73894件${MARK}。`,
    );
    const { flags } = summaryFlags(reading, null, S);
    expect(flags.map((f) => zhCN.summary.flag(f))).toEqual([
      '通报文字中“12345政府公共服务系统受理诉求件（案件）”处标有“【请核对】”：合计与各项之和不符（8月!B3）',
      '通报文字中“12345平台受理诉求件”处标有“【请核对】”：合计与各项之和不符（8月!B4、8月!B3）',
      '通报文字中“数字城管受理有效案件”处标有“【请核对】”：合计与各项之和不符（8月!B5、8月!B3）',
    ]);
  });

  it('a printed rate its counts disagree with: the recomputed rate is stated, unmarked', () => {
    // 72835 / 73373 = 99.27 %; the sheet prints 99.00 %.
    const reading = readSummary([
      figures('8月', '2017年8月', [
        ['数字城管应结案数', 73373],
        ['数字城管结案数', 72835],
        ['数字城管结案率', '99.00%'],
      ]),
    ]);
    expect(reading.discrepancies.map((d) => d.kind)).toEqual(['rate']);
    const text = basic(summaryParagraphs(reading, null, S));
    expect(text).toBe('数字城管系统应结案数73373件，结案数72835件，结案率99.27%。');
  });

  it('a figure printed twice with different values: the one used is marked, with both cells', () => {
    const reading = readSummary([
      figures('8月', '2017年8月', [
        ['12345平台受理诉求件', 35275],
        ['数字城管受理有效案件', 73894],
      ]),
      figures('汇总', '2017年8月', [['12345平台受理诉求件', 35257]]),
    ]);
    const text = basic(summaryParagraphs(reading, null, S));
    // The system's total, their sum here, is built on it: marked as well.
    expect(text).toBe(
      `8月份，我市12345政府公共服务系统受理诉求件（案件）109169件${MARK}。` +
        `其中：12345平台受理诉求35275件${MARK}。数字城管系统本月共受理有效案件73894件。`,
    );
    expect(summaryFlags(reading, null, S).flags.map((f) => zhCN.summary.flag(f))).toEqual([
      '通报文字中“12345平台受理诉求件”处标有“【请核对】”：读取时有疑问（见数据提示）（8月!B3、汇总!B3）',
    ]);
  });

  it('a rate computed from a doubted count is marked too (返工率 from 返工数)', () => {
    const reading = readSummary([
      figures('8月', '2017年8月', [
        ['数字城管处置数', 72906],
        ['数字城管返工数', 1018],
      ]),
      figures('汇总', '2017年8月', [['数字城管返工数', 1081]]),
    ]);
    // 1018 / 72906 = 1.40 %.
    expect(basic(summaryParagraphs(reading, null, S))).toBe(
      `数字城管系统返工数1018件${MARK}，返工率1.4%${MARK}。`,
    );
  });
});

// ---------------------------------------------------------------------------------------------
// The whole bulletin from the sample workbooks.

const analyze = async (file: string, edit?: (grids: SheetGrid[]) => void) => {
  const grids = await readWorkbookGrids(await readFile(file));
  edit?.(grids);
  return analyzeWorkbook(grids, { report: { date: '2017年9月25日' } });
};
const AUG = await analyze('samples/2017-08.xlsx');
const JUL = await analyze('samples/2017-07.xlsx');
const paragraphTexts = (n: Narrative) => n.sections.flatMap((s) => s.paragraphs.map((p) => p.text));

/** July's workbook with its 12345 受理 cell overwritten by the whole system's 110951. */
function misreadJuly(grids: SheetGrid[]): void {
  const cell = JUL.summary.figures.find((f) => f.id === 'hotline.accepted')!;
  const grid = grids.find((g) => g.name === cell.sheet)!;
  const [, col, row] = /^([A-Z]+)(\d+)$/.exec(cell.cell)!;
  const c = col!.charCodeAt(0) - 65;
  const values = grid.values as CellValue[][];
  values[Number(row) - 1 - (grid.origin?.row ?? 0)]![c - (grid.origin?.col ?? 0)] = 110951;
}

describe('the bulletin of the sample workbooks', () => {
  it('the published month has nothing to check: no flag, no warning, no mark', () => {
    const n = buildNarrative(AUG, JUL);
    expect(n.flags).toEqual([]);
    expect(n.diagnostics).toEqual([]);
    expect(narrativeText(n)).not.toContain('请核对');
  });

  it('last month misread: the warning and the reason are in the JSON, and the text is marked', async () => {
    const july = await analyze('samples/2017-07.xlsx', misreadJuly);
    const at = JUL.summary.figures.find((f) => f.id === 'hotline.accepted')!;
    const n = buildNarrative(AUG, july);
    const text = narrativeText(n);
    expect(text).toContain(`12345平台受理诉求35275件，环比下降68.21%${MARK}；`);
    expect(text.split(MARK)).toHaveLength(3); // 基本情况 and the 12345 introduction
    const json = toEvaluationJson(AUG, zhCN, n);
    const warning = json.summary!.diagnostics.find((d) => d.code === 'summaryImplausibleChange');
    expect(warning).toMatchObject({ sheet: '通报数据汇总', cell: 'C5', severity: 'warning' });
    expect(warning!.message).toContain(`上月工作簿 ${at.sheet}!${at.cell} 为 110951`);
    expect(json.narrative!.flags).toEqual([
      {
        reason: 'change',
        label: '12345平台受理诉求件',
        cells: ['通报数据汇总!C5', `${at.sheet}!${at.cell}`],
        message: `通报文字中“12345平台受理诉求件”处标有“【请核对】”：环比变化过大（通报数据汇总!C5、${at.sheet}!${at.cell}）`,
      },
    ]);
  });

  it('a unit whose row has an error: marked where a ranking sentence names it', () => {
    const named = buildNarrative(AUG, JUL);
    const fact = named.sections
      .flatMap((s) => s.paragraphs.flatMap((p) => p.facts))
      .find((f) => f.kind === 'groupRange' && f.group === '五城区');
    expect(fact?.kind).toBe('groupRange');
    const best = fact!.kind === 'groupRange' ? fact.best[0]! : null;
    expect(best!.name).toBe('台江区');
    const withError: Analysis = {
      ...AUG,
      diagnostics: [
        ...AUG.diagnostics,
        diagnostic('exceeds', best!.sheet, `C${best!.row}`, best!.row, {
          unit: best!.fullName,
          field: '结案数',
          value: 2,
          limitField: '应结案数',
          limit: 1,
        }),
      ],
    };
    const n = buildNarrative(withError, JUL);
    // Both measures name 台江区 as 五城区's best; nothing else is marked.
    const texts = paragraphTexts(n).filter((t) => t.includes(MARK));
    expect(texts).toEqual([
      `本月晋安区综合指标值较上月有所上升；五城区中综合指标值较好的为台江区（98.88分）${MARK}，排名最后一位的是马尾区（93.81分）。`,
      `本月晋安区按期结案率有所上升；五城区中按期结案率较好的为台江区（97.84%）${MARK}，排名最后一位的是马尾区（85.63%）。`,
    ]);
    expect(n.flags.map((f) => f.reason)).toEqual(['unit']);
    expect(zhCN.summary.flag(n.flags[0]!)).toBe(
      `通报文字中“台江区政府”处标有“【请核对】”：该单位所在行有数据错误（${best!.sheet}!C${best!.row}）`,
    );
  });

  it('another reader’s flag (the hook): its figure and the rate made from it are marked', () => {
    const flag: Flag = {
      target: { kind: 'figure', id: 'city.rework' },
      reason: 'reading',
      label: '数字城管返工数',
      cells: ['通报数据汇总!H9'],
    };
    const n = buildNarrative(AUG, JUL, undefined, [flag]);
    expect(narrativeText(n)).toContain(`返工数1018件${MARK}，返工率1.4%${MARK}。`);
    expect(n.flags).toEqual([flag]);
  });
});

describe('tongbao evaluate --text', () => {
  it('says the warning and why each mark is there before the text (stderr), the text marked', async () => {
    // July's workbook as a clerk might have it: 12345 受理 holding the system's 110951.
    const at = JUL.summary.figures.find((f) => f.id === 'hotline.accepted')!;
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.readFile('samples/2017-07.xlsx');
    wb.getWorksheet(at.sheet)!.getCell(at.cell).value = 110951;
    const july = join(await mkdtemp(join(tmpdir(), 'tongbao-never-silent-')), 'july.xlsx');
    await wb.xlsx.writeFile(july);
    const log: [string, string][] = [];
    const code = await runCli(['evaluate', 'samples/2017-08.xlsx', '--previous', july, '--text'], {
      out: (l) => log.push(['out', l]),
      err: (l) => log.push(['err', l]),
    });
    expect(code).toBe(0);
    expect(log.slice(0, 2)).toEqual([
      [
        'err',
        `[提醒] 通报数据汇总!C5  “12345平台受理诉求件”环比下降68.21%（本月 通报数据汇总!C5 为 35275，上月工作簿 ${at.sheet}!${at.cell} 为 110951），变化超过上月的一半，可能取错了单元格，请核对`,
      ],
      [
        'err',
        `通报文字中“12345平台受理诉求件”处标有“【请核对】”：环比变化过大（通报数据汇总!C5、${at.sheet}!${at.cell}）`,
      ],
    ]);
    expect(log[2]![0]).toBe('out');
    expect(log[2]![1]).toContain(`12345平台受理诉求35275件，环比下降68.21%${MARK}；`);
  });
});

describe('the .docx: each 【请核对】 highlighted as the places to write are, the rest of the line not', () => {
  it('a flagged paragraph is split into runs; only the marks carry the highlight', async () => {
    const text = `其中：12345平台受理诉求35275件，环比下降68.21%${MARK}；群众基本满意度99.74%${MARK}。`;
    const bytes = await packDocx(
      {
        title: '通报',
        sections: [
          {
            orientation: 'portrait',
            blocks: [
              { kind: 'paragraph', text },
              { kind: 'paragraph', text: '数字城管系统本月共受理有效案件73894件。' },
            ],
          },
        ],
      },
      DEFAULT_SETTINGS.report.fonts,
    );
    const doc = (await docxParts(bytes))['word/document.xml']!;
    const ps = paragraphs(doc);
    const flagged = ps.find((p) => p.text === text)!;
    expect(flagged).toBeDefined();
    const runs = [...flagged.xml.matchAll(/<w:r>[\s\S]*?<\/w:r>/g)].map((m) => ({
      text: /<w:t(?: [^>]*)?>([^<]*)<\/w:t>/.exec(m[0])?.[1] ?? '',
      highlighted: m[0].includes('<w:highlight w:val="yellow"/>'),
    }));
    expect(runs).toEqual([
      { text: '其中：12345平台受理诉求35275件，环比下降68.21%', highlighted: false },
      { text: MARK, highlighted: true },
      { text: '；群众基本满意度99.74%', highlighted: false },
      { text: MARK, highlighted: true },
      { text: '。', highlighted: false },
    ]);
    const plain = ps.find((p) => p.text === '数字城管系统本月共受理有效案件73894件。')!;
    expect(plain.xml).not.toContain('w:highlight');
  });

  it('the exported bulletin with a misread last month: the marks are highlighted', async () => {
    const july = await analyze('samples/2017-07.xlsx', misreadJuly);
    const model = buildReport(AUG, buildNarrative(AUG, july));
    const doc = (await docxParts(await packDocx(model, AUG.settings.report.fonts)))[
      'word/document.xml'
    ]!;
    const highlighted = [
      ...doc.matchAll(/<w:r>(?:(?!<\/w:r>)[\s\S])*?<w:highlight w:val="yellow"\/>[\s\S]*?<\/w:r>/g),
    ]
      .map((m) => /<w:t(?: [^>]*)?>([^<]*)<\/w:t>/.exec(m[0])?.[1] ?? '')
      .filter((t) => t === MARK);
    expect(highlighted).toHaveLength(2);
  });
});

describe('the proofreader reads a draft Tongbao wrote past its 【请核对】 marks', () => {
  const clean = narrativeText(buildNarrative(AUG, JUL));
  // Where Tongbao puts them: after a clause, after a unit and its figure, and after a unit
  // named in a list of ties (“永泰县【请核对】、闽清县，满意度均为100%” — read without
  // skipping the mark, this 100% was a false finding).
  const marked = clean
    .replace('35275件，环比上升3.15%', `35275件，环比上升3.15%${MARK}`)
    .replace('台江区（98.88分）', `台江区（98.88分）${MARK}`)
    .replace('永泰县、闽清县', `永泰县${MARK}、闽清县`)
    .replace('市建委、电信福州分公司', `市建委${MARK}、电信福州分公司`);

  it('the same claims, all right, none of them the mark', () => {
    expect(marked.split(MARK)).toHaveLength(5);
    const a = proofread(draftFromText(clean), AUG, JUL);
    const b = proofread(draftFromText(marked), AUG, JUL);
    expect(a.findings).toEqual([]);
    expect(b.findings).toEqual([]);
    expect(b.checked).toEqual(a.checked);
    expect(b.notChecked.map((x) => x.written)).toEqual(a.notChecked.map((x) => x.written));
    expect(b.notes).toEqual(a.notes);
  });

  it('a wrong figure right before a mark is still found, pointing at the figure, not the mark', () => {
    const draft = marked.replace(`35275件，环比上升3.15%${MARK}`, `35257件，环比上升3.15%${MARK}`);
    const r = proofread(draftFromText(draft), AUG, JUL);
    expect(r.findings.map((f) => f.written)).toEqual(['35257件']);
  });
});
