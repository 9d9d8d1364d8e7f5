import ExcelJS from 'exceljs';
import { mkdtemp, readFile, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { runCli } from '../src/cli/run';
import type { CellValue } from '../src/core/grid';
import type { EvaluationJson, UnitJson } from '../src/report/json';
import { docxParts, paragraphs } from './helpers/docx-xml';
import { COUNT_HEADER, FULL_HEADER } from './helpers/grid';

/**
 * Every setting the README advertises, given a non-default value in a settings *file* and run
 * through the command line (`evaluate --settings … --json … --docx … --text`): what a user
 * would see in the JSON, the paragraphs and the Word document. Every expected figure is worked
 * out by hand in the comment next to it (the bulletin's 说明 2–5: each rate rounded once, the
 * index from the rounded rates, rounded once).
 */

let dir: string;
beforeAll(async () => {
  dir = await mkdtemp(join(tmpdir(), 'tongbao-settings-e2e-'));
});

let counter = 0;

interface Sheet {
  readonly name: string;
  readonly rows: readonly (readonly CellValue[])[];
}

async function xlsx(sheets: readonly Sheet[]): Promise<string> {
  const wb = new ExcelJS.Workbook();
  for (const s of sheets) {
    const ws = wb.addWorksheet(s.name);
    for (const row of s.rows) ws.addRow([...row]);
  }
  const file = join(dir, `book-${++counter}.xlsx`);
  await wb.xlsx.writeFile(file);
  return file;
}

interface Result {
  readonly json: EvaluationJson;
  readonly paragraphs: string[];
  readonly docx: Record<string, string>;
  /** Plain text of every paragraph of word/document.xml. */
  readonly docText: string[];
  readonly unit: (name: string) => UnitJson;
}

/** `tongbao evaluate` with a settings file, as a user runs it. */
async function evaluate(
  book: string,
  settings: unknown,
  previous: string | null = null,
): Promise<Result> {
  const n = ++counter;
  const settingsFile = join(dir, `settings-${n}.json`);
  await writeFile(settingsFile, JSON.stringify(settings, null, 2));
  const jsonFile = join(dir, `out-${n}.json`);
  const docxFile = join(dir, `out-${n}.docx`);
  const err: string[] = [];
  const code = await runCli(
    [
      'evaluate',
      book,
      ...(previous === null ? [] : ['--previous', previous]),
      '--settings',
      settingsFile,
      '--json',
      jsonFile,
      '--docx',
      docxFile,
    ],
    { out: () => undefined, err: (l) => err.push(l) },
  );
  expect(err.join('\n')).toBe('');
  expect(code).toBe(0);
  const json = JSON.parse(await readFile(jsonFile, 'utf8')) as EvaluationJson;
  const docx = await docxParts(new Uint8Array(await readFile(docxFile)));
  return {
    json,
    paragraphs: (json.narrative?.sections ?? []).flatMap((s) => s.paragraphs),
    docx,
    docText: paragraphs(docx['word/document.xml']!).map((p) => p.text),
    unit: (name) => {
      const found = json.units.filter((u) => u.name === name);
      expect(found, name).toHaveLength(1);
      return found[0]!;
    },
  };
}

const figures = (u: UnitJson) => [
  u.figures['返工率'],
  u.figures['结案率'],
  u.figures['按期结案率'],
  u.figures['综合指标值'],
  u.figures['评价等级'],
];
const TITLE = '2017年9月份市直单位综合评价表';

/** Counts only: 单位, 应处置数, 处置数, 超期未处置数, 超期处置数, 返工数, 应结案数, 结案数, 按期结案数. */
function countsSheet(title: string, rows: CellValue[][]): Sheet {
  return { name: '评价表', rows: [[title], ['单位', ...COUNT_HEADER], ...rows] };
}

/**
 * A unit with 100 cases, all disposed and closed, no rework, `onTime` of them on time:
 * 按期结案率 = onTime %, 综合指标值 = 0.2 × 100 + 0.3 × onTime + 0.5 × 100 = 70 + 0.3 × onTime.
 */
const unit100 = (name: string, onTime: number): CellValue[] => [
  name,
  100,
  100,
  0,
  0,
  0,
  100,
  100,
  onTime,
];

describe('evaluation settings, end to end', () => {
  // Printed as the bulletin lays a table out: counts and printed figures interleaved.
  //   甲: 返工 1 of 处置 800 → 返工率 1/800 = 0.125 % exactly, the tie in the third decimal.
  //       half-up 0.13 → index 20 + 30 + 0.5 × (100 − 0.13) = 99.935 → 99.94
  //       half-even 0.12 → index 20 + 30 + 0.5 × 99.88 = 99.94
  //   乙: 按期 1999 of 2000 → 99.95 % exactly; index 20 + 0.3 × 99.95 + 50 = 99.985, the tie:
  //       half-up 99.99, half-even 99.98 (8 is even).
  // The sheet prints what a half-up clerk wrote.
  const rounding = (): Sheet => ({
    name: '评价表',
    rows: [
      [TITLE],
      ['单位', ...FULL_HEADER],
      ['甲', 800, 800, 0, 0, 1, 0.13, 800, 800, 100, 800, 100, 99.94, 'A'],
      ['乙', 2000, 2000, 0, 0, 0, 0, 2000, 2000, 100, 1999, 99.95, 99.99, 'A'],
    ],
  });

  it('rounding halfUp (default): 0.125 → 0.13, 99.985 → 99.99, and the sheet agrees', async () => {
    const r = await evaluate(await xlsx([rounding()]), { evaluation: { rounding: 'halfUp' } });
    expect(figures(r.unit('甲'))).toEqual([0.13, 100, 100, 99.94, 'A']);
    expect(figures(r.unit('乙'))).toEqual([0, 100, 99.95, 99.99, 'A']);
    expect(r.json.discrepancies).toEqual([]);
  });

  it('rounding halfEven: 0.125 → 0.12, 99.985 → 99.98; the half-up figures are flagged', async () => {
    const r = await evaluate(await xlsx([rounding()]), { evaluation: { rounding: 'halfEven' } });
    expect(figures(r.unit('甲'))).toEqual([0.12, 100, 100, 99.94, 'A']);
    expect(figures(r.unit('乙'))).toEqual([0, 100, 99.95, 99.98, 'A']);
    expect(
      r.json.discrepancies.map((d) => [d.unit, d.field, d.cell, d.printed, d.recomputed]),
    ).toEqual([
      ['甲', '返工率', 'G3', 0.13, 0.12],
      ['乙', '综合指标值', 'M4', 99.99, 99.98],
    ]);
    // The paragraphs and the Word tables use the half-even figures.
    expect(r.paragraphs.join('')).toContain('办理较好的单位是：乙，综合分值为99.98分');
    expect(r.docText).toContain('99.98*');
  });

  // 丙: 应处置 4, 处置 0, 应结案 4, 结案 2, 按期 2: 结案率 50, 按期结案率 50, 返工率 0 (none disposed).
  //   'zero': index 0.2 × 50 + 0.3 × 50 + 0 = 25 → E
  //   'full': index 10 + 15 + 0.5 × (100 − 0) = 75 → B
  // 本局 (seed, 市公安局's sub-unit, counts 7 0 6 0 0 6 0 0; printed 0 0 0 0 E):
  //   'zero': 0 → E as printed; 'full': 0 + 0 + 50 = 50 → D.
  const noneDisposed = (): Sheet =>
    countsSheet(TITLE, [
      ['丙', 4, 0, 0, 0, 0, 4, 2, 2],
      ['本局', 7, 0, 6, 0, 0, 6, 0, 0],
    ]);

  it('reworkTermWhenNoneDisposed: zero (default) gives nothing for the rework term', async () => {
    const r = await evaluate(await xlsx([noneDisposed()]), {
      evaluation: { reworkTermWhenNoneDisposed: 'zero' },
    });
    expect(figures(r.unit('丙'))).toEqual([0, 50, 50, 25, 'E']);
    expect(figures(r.unit('本局'))).toEqual([0, 0, 0, 0, 'E']);
  });

  it('reworkTermWhenNoneDisposed: full awards the whole rework weight when 处置数 = 0', async () => {
    const r = await evaluate(await xlsx([noneDisposed()]), {
      evaluation: { reworkTermWhenNoneDisposed: 'full' },
    });
    expect(figures(r.unit('丙'))).toEqual([0, 50, 50, 75, 'B']);
    expect(figures(r.unit('本局'))).toEqual([0, 0, 0, 50, 'D']);
    expect(r.paragraphs.join('')).toContain('办理较好的单位是：丙，综合分值为75分');
  });

  // 丁: 应处置 200, 处置 160, 返工 8, 应结案 150, 结案 120, 按期 90.
  //   default (返工/处置, 结案/应结案, 按期/应结案): 8/160 = 5, 120/150 = 80, 90/150 = 60;
  //     index 16 + 18 + 0.5 × 95 = 81.5 → B
  //   返工/应处置, 结案/处置, 按期/应处置: 8/200 = 4, 120/160 = 75, 90/200 = 45;
  //     index 15 + 13.5 + 0.5 × 96 = 76.5 → B
  //   weights 结案 40 % / 按期 40 % / 返工 20 % (default denominators):
  //     0.4 × 80 + 0.4 × 60 + 0.2 × 95 = 32 + 24 + 19 = 75 → B (75 is B's own minimum)
  const denominators = (): Sheet => countsSheet(TITLE, [['丁', 200, 160, 0, 0, 8, 150, 120, 90]]);

  it('denominators: each rate over the column the settings name', async () => {
    const book = await xlsx([denominators()]);
    const plain = await evaluate(book, {});
    expect(figures(plain.unit('丁'))).toEqual([5, 80, 60, 81.5, 'B']);
    const other = await evaluate(book, {
      evaluation: { denominators: { rework: '应处置数', closed: '处置数', onTime: '应处置数' } },
    });
    expect(figures(other.unit('丁'))).toEqual([4, 75, 45, 76.5, 'B']);
    expect(other.paragraphs.join('')).toContain('办理较好的单位是：丁，综合分值为76.5分');
  });

  it('weights: other weights change the index, and a band minimum is reached inclusively', async () => {
    const r = await evaluate(await xlsx([denominators()]), {
      evaluation: { weights: { closed: 0.4, onTime: 0.4, rework: 0.2 } },
    });
    expect(figures(r.unit('丁'))).toEqual([5, 80, 60, 75, 'B']);
  });

  // 戊: 应处置 300, 处置 300, 返工 1, 应结案 300, 结案 299, 按期 290.
  //   2 decimals: 1/300 = 0.333… → 0.33, 299/300 = 99.666… → 99.67, 290/300 = 96.666… → 96.67;
  //     index 0.2 × 99.67 + 0.3 × 96.67 + 0.5 × 99.67 = 19.934 + 29.001 + 49.835 = 98.77
  //   1 decimal: 0.3, 99.7, 96.7; index 19.94 + 29.01 + 0.5 × 99.7 = 98.8
  it('decimals: 1 rounds every rate and the index to one place, in JSON, text and Word', async () => {
    const book = await xlsx([countsSheet(TITLE, [['戊', 300, 300, 0, 0, 1, 300, 299, 290]])]);
    const two = await evaluate(book, {});
    expect(figures(two.unit('戊'))).toEqual([0.33, 99.67, 96.67, 98.77, 'A']);
    const one = await evaluate(book, { evaluation: { decimals: 1 } });
    expect(figures(one.unit('戊'))).toEqual([0.3, 99.7, 96.7, 98.8, 'A']);
    expect(one.paragraphs.join('')).toContain('综合分值为98.8分');
    expect(one.paragraphs.join('')).toContain('按期结案率为96.7%');
    // The attachment table's row: 返工率 0.3 … 结案率 99.7 … 按期结案率 96.7, 98.8, A.
    const row = one.docx['word/document.xml']!.match(
      /<w:tr>(?:(?!<\/w:tr>)[\s\S])*戊[\s\S]*?<\/w:tr>/,
    )![0];
    expect(paragraphs(row).map((p) => p.text)).toEqual([
      '戊',
      '300',
      '300',
      '0',
      '0',
      '1',
      '0.3',
      '300',
      '299',
      '99.7',
      '290',
      '96.7',
      '98.8',
      'A',
    ]);
  });

  // Seed units (samples/seed/tables-2017-08.json): 台江区政府 98.88, 马尾区政府 93.81,
  // 市红星农场 35. Bands 优 ≥ 95, 良 ≥ 85, 中 ≥ 60, 差 ≥ 0: 优, 良, 差.
  it('bands: other grade names, compared with the printed grades in those names', async () => {
    const seedRow = (name: string, c: number[], p: number[], grade: string): CellValue[] => [
      name,
      c[0]!,
      c[1]!,
      c[2]!,
      c[3]!,
      c[4]!,
      p[0]!,
      c[5]!,
      c[6]!,
      p[1]!,
      c[7]!,
      p[2]!,
      p[3]!,
      grade,
    ];
    const book = await xlsx([
      {
        name: '评价表',
        rows: [
          [TITLE],
          ['单位', ...FULL_HEADER],
          seedRow(
            '台江区政府',
            [6949, 6901, 12, 137, 61, 6913, 6901, 6764],
            [0.88, 99.83, 97.84, 98.88],
            '优',
          ),
          seedRow(
            '马尾区政府',
            [6006, 5896, 87, 773, 187, 5983, 5896, 5123],
            [3.17, 98.55, 85.63, 93.81],
            '优', // wrong: 93.81 is 良
          ),
          seedRow('市红星农场', [4, 4, 0, 2, 4, 4, 4, 2], [100, 100, 50, 35], '差'),
        ],
      },
    ]);
    const r = await evaluate(book, {
      evaluation: {
        bands: [
          { grade: '优', min: 95 },
          { grade: '良', min: 85 },
          { grade: '中', min: 60 },
          { grade: '差', min: 0 },
        ],
      },
    });
    expect(
      ['台江区政府', '马尾区政府', '市红星农场'].map((n) => r.unit(n).figures['评价等级']),
    ).toEqual(['优', '良', '差']);
    expect(r.json.discrepancies.map((d) => [d.unit, d.field, d.printed, d.recomputed])).toEqual([
      ['马尾区政府', '评价等级', '优', '良'],
    ]);
    expect(r.docText).toContain('良*');
  });

  // Grades named with Roman numerals, as many Chinese evaluation schemes write them (Ⅰ级…):
  // a sheet that prints exactly the band's name must agree with it.
  it('bands: grade names with Roman numerals (Ⅰ级, Ⅱ级) match the same printed text', async () => {
    const book = await xlsx([
      {
        name: '评价表',
        rows: [
          [TITLE],
          ['单位', ...FULL_HEADER],
          // 连江县政府 (seed): 99.96
          ['连江县政府', 1053, 1053, 0, 0, 0, 0, 1053, 1052, 99.91, 1052, 99.91, 99.96, 'Ⅰ级'],
          // 市红星农场 (seed): 35
          ['市红星农场', 4, 4, 0, 2, 4, 100, 4, 4, 100, 2, 50, 35, 'Ⅱ级'],
        ],
      },
    ]);
    const r = await evaluate(book, {
      evaluation: {
        bands: [
          { grade: 'Ⅰ级', min: 90 },
          { grade: 'Ⅱ级', min: 0 },
        ],
      },
    });
    expect([
      r.unit('连江县政府').figures['评价等级'],
      r.unit('市红星农场').figures['评价等级'],
    ]).toEqual(['Ⅰ级', 'Ⅱ级']);
    expect(r.json.discrepancies).toEqual([]);
  });
});

describe('narrative settings, end to end', () => {
  // Index = 70 + 0.3 × onTime (unit100): 100 → 100, 90 → 97, 80 → 94, 70 → 91, 60 → 88.
  const current = countsSheet(TITLE, [
    unit100('福州市城乡建设委员会', 100),
    unit100('乙', 100),
    unit100('丙', 100),
    unit100('丁', 90),
    unit100('戊', 80),
    unit100('己', 70),
    unit100('庚', 70),
    unit100('辛', 60),
  ]);
  // Last month: 市建委 50 (index 85), 丁 80 (index 94); the rest as now.
  //   Rises: 市建委 +50 % (+15 分), 丁 +10 % (+3 分).
  const previous = countsSheet('2017年8月份市直单位综合评价表', [
    unit100('福州市城乡建设委员会', 50),
    unit100('乙', 100),
    unit100('丙', 100),
    unit100('丁', 80),
    unit100('戊', 80),
    unit100('己', 70),
    unit100('庚', 70),
    unit100('辛', 60),
  ]);
  const settings = {
    narrative: {
      namedInTies: 2,
      bottomCount: 2,
      improvedCount: 1,
      tiesAtCutoff: 'cut',
      rateChange: 'percentagePoints',
      aliases: { 福州市城乡建设委员会: '市建委' },
    },
  };

  it('namedInTies, bottomCount, tiesAtCutoff: cut, improvedCount, rateChange and aliases', async () => {
    const r = await evaluate(await xlsx([current]), settings, await xlsx([previous]));
    const [index, onTime] = r.paragraphs;
    // Three units at 100, two named (table order); below them, ascending: 辛 88, 己 91,
    // 庚 91, 戊 94, 丁 97 — the two lowest, 己 before 庚 (table order) and 庚 cut off.
    expect(index).toBe(
      '（1）从案件综合指标值看，办理较好的单位是：市建委、乙等3家单位，综合分值均为100分；' +
        '排名后两位的单位是：辛（88分）、己（91分）；' +
        '较上月进步较大的市直单位是：市建委（本月100分，提高15分）。',
    );
    expect(onTime).toContain('按期结案率较好的单位是：市建委、乙等3家单位，按期结案率均为100%');
    expect(onTime).toContain('排名后两位的市直单位是：辛（60%）、己（70%）');
    expect(onTime).toContain('市建委（本月100%，上升50个百分点）');
    expect(onTime).not.toContain('丁（本月');
    // The alias is what the text says, in the Word document too; the table keeps the sheet's name.
    expect(r.paragraphs.join('')).not.toContain('福州市城乡建设委员会');
    expect(r.docText).toContain(index);
    expect(r.docText).toContain('福州市城乡建设委员会');
  });

  it('the defaults for comparison: 等3家 named all, 后三位 with the tie, two risers, 上升N%', async () => {
    const r = await evaluate(await xlsx([current]), {}, await xlsx([previous]));
    const [index, onTime] = r.paragraphs;
    expect(index).toBe(
      '（1）从案件综合指标值看，办理较好的单位是：福州市城乡建设委员会、乙、丙，综合分值均为100分；' +
        '排名后三位的单位是：辛（88分）、己（91分）、庚（91分）；' +
        '较上月进步较大的市直单位是：福州市城乡建设委员会（本月100分，提高15分）、丁（本月97分，提高3分）。',
    );
    expect(onTime).toContain('福州市城乡建设委员会（本月100%，上升50%）、丁（本月90%，上升10%）');
  });

  it('bottomCount 0 leaves the 排名后 sentence out', async () => {
    const r = await evaluate(await xlsx([current]), { narrative: { bottomCount: 0 } });
    expect(r.paragraphs.join('')).not.toContain('排名后');
    expect(r.paragraphs.join('')).not.toContain('排名最后');
  });
});

describe('12345 list settings, end to end (samples/2017-08.xlsx, seed hotline tables)', () => {
  // samples/seed/tables-2017-08.json, hotline: all 件次 of both tables = 47249
  //   (109 市直 units + 12 districts); transfers: 566 in all.
  it('topDepartments, topDistricts, topTransfers, bottomSatisfaction and leftOut', async () => {
    const r = await evaluate('samples/2017-08.xlsx', {
      narrative: {
        hotline: {
          topDepartments: 4,
          topDistricts: 2,
          topTransfers: 2,
          bottomSatisfaction: 1,
          leftOut: [],
        },
      },
    });
    const text = r.paragraphs.join('\n');
    // With nothing left out the center itself (746) is 4th: 1782 + 998 + 757 + 746 = 4283;
    // 4283 / 47249 = 9.0647… % → 9.06 %.
    expect(text).toContain(
      '办理数量较多的市直单位为：福州市公安局交通警察支队1782件次，福州市道路运输管理处998件次，' +
        '福州市高新区管委会757件次，福州市“智慧福州”管理服务中心746件次，占诉求件总数的9.06%。',
    );
    // 7751 + 5056 = 12807; 12807 / 47249 = 27.1053… % → 27.11 %.
    expect(text).toContain(
      '诉求件办理数量较多的县（市）区为：仓山区7751件次，晋安区5056件次，占诉求件总数的27.11%。',
    );
    // The bulletin's lowest: 福州市水务投资发展有限公司 96.77 %, 罗源县 99.66 %.
    expect(text).toContain('列最后一位的是：福州市水务投资发展有限公司（96.77%）');
    expect(text).toContain('位列最后一位的县（市）区是：罗源县（满意率99.66%）');
    // 233 + 133 = 366; 366 / 566 = 64.664… % → 64.66 %.
    expect(text).toContain(
      '其中，受理量较多的单位是：晋安区市容局233件、鼓楼区市容局133件，占转接总数的64.66%。',
    );
  });
});

describe('report settings in the .docx', () => {
  const book = () => xlsx([countsSheet(TITLE, [unit100('甲', 100), unit100('乙', 90)])]);

  it('issuer, recipients, date and title as set', async () => {
    const r = await evaluate(await book(), {
      report: {
        issuer: '某某市城市管理局',
        recipients: '各区城管局，市直各有关单位：',
        date: '2017年10月9日',
        title: '关于2017年9月份数字城管案件办理情况的通报',
      },
    });
    const doc = r.docx['word/document.xml']!;
    const p = paragraphs(doc);
    const find = (text: string) => {
      const found = p.filter((x) => x.text === text);
      expect(found, text).toHaveLength(1);
      return found[0]!.xml;
    };
    expect(find('关于2017年9月份数字城管案件办理情况的通报')).toContain('<w:jc w:val="center"/>');
    expect(p.findIndex((x) => x.text === '关于2017年9月份数字城管案件办理情况的通报')).toBe(0);
    expect(p[1]!.text).toBe('各区城管局，市直各有关单位：');
    expect(find('某某市城市管理局')).toContain('<w:jc w:val="right"/>');
    expect(find('2017年10月9日')).toContain('<w:jc w:val="right"/>');
    // The signature comes after the body, the date right under the issuer.
    const issuerAt = p.findIndex((x) => x.text === '某某市城市管理局');
    expect(p[issuerAt + 1]!.text).toBe('2017年10月9日');
    expect(doc).not.toContain('智慧福州');
    expect(r.docx['docProps/core.xml']).toContain('关于2017年9月份数字城管案件办理情况的通报');
  });

  it('without a title setting the title is the issuer’s, with the workbook’s month', async () => {
    const r = await evaluate(await book(), { report: { issuer: '某某市城市管理局', date: null } });
    expect(r.docText[0]).toBe('某某市城市管理局关于2017年9月份12345政府公共服务系统运行情况的通报');
    // No date: the issuer is the signature's only line; the attachment's label comes next.
    const issuerAt = r.docText.lastIndexOf('某某市城市管理局');
    expect(r.docText[issuerAt + 1]).toBe('附件1');
  });

  it('fonts: every role’s font on its runs, and the stand-ins in the font table', async () => {
    const r = await evaluate(await book(), {
      report: {
        fonts: {
          title: ['华文中宋', '宋体'],
          body: ['仿宋'],
          heading1: ['方正黑体_GBK', '黑体'],
          heading2: ['楷体'],
          song: ['新宋体'],
          latin: 'Arial',
        },
      },
    });
    const p = paragraphs(r.docx['word/document.xml']!);
    const xml = (text: string) => p.find((x) => x.text === text)!.xml;
    expect(xml(r.docText[0]!)).toContain('w:eastAsia="华文中宋"');
    expect(xml('一、运行情况')).toContain('w:eastAsia="方正黑体_GBK"');
    expect(xml('（一）数字城管系统运行情况')).toContain('w:eastAsia="楷体"');
    const body = p.find((x) => x.text.startsWith('（1）从案件综合指标值看'))!.xml;
    expect(body).toContain('w:eastAsia="仿宋"');
    expect(body).toContain('w:ascii="Arial"');
    expect(body).not.toContain('仿宋_GB2312');
    const footers = Object.entries(r.docx).filter(([n]) => /^word\/footer\d+\.xml$/.test(n));
    expect(footers.length).toBeGreaterThan(0);
    for (const [, f] of footers) expect(f).toContain('w:eastAsia="新宋体"');
    expect(r.docx['word/fontTable.xml']).toContain(
      '<w:font w:name="方正黑体_GBK"><w:altName w:val="黑体"/>',
    );
    expect(r.docx['word/fontTable.xml']).toContain('<w:font w:name="Arial">');
  });
});
