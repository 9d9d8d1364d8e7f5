/**
 * The bundled sample: the August 2017 tables of samples/seed/tables-2017-08.json laid out the
 * way staff keep them — a title per table, the 主管(责任)单位 header merged over two columns,
 * `下属单位` merged down the sub-unit rows, `本月无应处置案件` rows, 备注 and 说明 rows —
 * with every figure exactly as the bulletin prints it (including its one wrong rate).
 */
import ExcelJS from 'exceljs';
import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { reportZhCN } from '../src/i18n/report';
import { formatScaled, percentOf } from '../src/core/fixed';
import { fillTemplate, summaryTemplate } from '../src/summary/template';
import { BULLETIN_COLUMNS, COUNT_FIELDS, printedHeader } from '../src/tables/columns';

export interface SeedEvaluationRow {
  table: string;
  parent: string | null;
  name: string;
  [column: string]: string | number | null;
}

export interface SeedHotlineRow {
  name: string;
  count?: number;
  satisfaction?: string;
  total?: number;
  connected?: number;
  missed?: number;
  timely?: number;
  late?: number;
  connectRate?: string;
  timelyRate?: string;
}

export interface Seed {
  evaluation: SeedEvaluationRow[];
  hotline: {
    departments: SeedHotlineRow[];
    districts: SeedHotlineRow[];
    transfers: SeedHotlineRow[];
  };
}

/** The seed travels with the repository (samples/seed/, see its README). */
export const SEED_PATH = fileURLToPath(
  new URL('../samples/seed/tables-2017-08.json', import.meta.url),
);

export function loadSeed(path = SEED_PATH): Seed {
  return JSON.parse(readFileSync(path, 'utf8')) as Seed;
}

/** The seed's column keys in printed order, after the name column(s): rates read “返工率(%)”. */
const SEED_COLUMNS = BULLETIN_COLUMNS.map((f) => printedHeader(f));

interface TableLayout {
  readonly number: string;
  readonly title: string;
  readonly nameHeader: string;
  /** How the header spells the rate columns: the bulletin uses both. */
  readonly percent: ' (%)' | '(%)';
  readonly twoNameColumns: boolean;
  /** Sub-units with no cases this month, listed after the named sibling (from the bulletin). */
  readonly noCases?: Readonly<Record<string, readonly { parent: string; after: string }[]>>;
  readonly remark?: string;
}

const TABLES: readonly TableLayout[] = [
  {
    number: '(一)',
    title: '各区政府综合评价表',
    nameHeader: '区政府',
    percent: ' (%)',
    twoNameColumns: false,
  },
  {
    number: '(二)',
    title: '各县(市)政府综合评价表',
    nameHeader: '区政府',
    percent: ' (%)',
    twoNameColumns: false,
  },
  {
    number: '(三)',
    title: '市直单位综合评价表',
    nameHeader: '主管(责任)单位',
    percent: ' (%)',
    twoNameColumns: true,
    noCases: {
      市渣土办: [{ parent: '市城管委', after: '市环卫处' }],
      市交通综合执法支队: [{ parent: '市交通委', after: '市公路局' }],
      市闽江下游管理处: [{ parent: '市水利局', after: '本局' }],
    },
    remark:
      '备注：市卫计委（市计生避孕具站）、市国土局、市民政局、市规划局、市气象局、市地震局、市旅游局、市环保局本月均无应处置案件。',
  },
  {
    number: '（四）',
    title: '在榕中央及省属企业综合评价表',
    nameHeader: '处置责任单位',
    percent: '(%)',
    twoNameColumns: false,
    remark: '备注：中石油福州分公司、中石化福州分公司本月均无应处置案件。',
  },
  {
    number: '(五)',
    title: '市属企业综合评价表',
    nameHeader: '处置责任单位',
    percent: '(%)',
    twoNameColumns: false,
    remark: '备注：本月市公交集团公司无应处置案件。',
  },
];

const NOTES = [
  '说明：1) 本期综合评价表是对本期评价周期内已派遣至处置责任单位的案件处置情况进行评价。',
  '2) 结案率=结案数/应结案数×100%；',
  '3) 按期结案率=按期结案数/应结案数×100%；',
  '4) 返工率=返工数/处置数×100%；',
  '5) 综合指标值=结案率×100×20%+按期结案率×100×30%+(1-返工率)×100×50%。',
];

const thin: Partial<ExcelJS.Borders> = {
  top: { style: 'thin' },
  left: { style: 'thin' },
  bottom: { style: 'thin' },
  right: { style: 'thin' },
};

function header(layout: TableLayout): string[] {
  const p = layout.percent;
  const cols = SEED_COLUMNS.map((c) => c.replace('(%)', p));
  return layout.twoNameColumns ? [layout.nameHeader, '', ...cols] : [layout.nameHeader, ...cols];
}

function addEvaluationSheet(wb: ExcelJS.Workbook, seed: Seed): void {
  const ws = wb.addWorksheet('数字城管综合评价表');
  const width = 15;
  ws.columns = Array.from({ length: width }, (_, i) => ({
    width: i === 0 ? 30 : i === 1 ? 18 : 10,
  }));
  ws.addRow(['附件2']);
  ws.addRow(['2017年8月份数字城管系统运行情况综合评价表']);
  ws.mergeCells(ws.rowCount, 1, ws.rowCount, width);
  ws.getRow(ws.rowCount).font = { bold: true, size: 14 };
  ws.getRow(ws.rowCount).alignment = { horizontal: 'center' };
  for (const layout of TABLES) {
    ws.addRow([]);
    ws.addRow([`${layout.number} ${layout.title}`]);
    ws.getRow(ws.rowCount).font = { bold: true };
    const cols = header(layout);
    const head = ws.addRow(cols);
    head.font = { bold: true };
    head.alignment = { wrapText: true, vertical: 'middle', horizontal: 'center' };
    if (layout.twoNameColumns) ws.mergeCells(head.number, 1, head.number, 2);
    const last = cols.length;
    const styleRow = (row: ExcelJS.Row) => {
      for (let c = 1; c <= last; c++) row.getCell(c).border = thin;
    };
    styleRow(head);
    const rows = seed.evaluation.filter((r) => r.table === layout.title);
    let childBlockStart: number | null = null;
    const closeChildBlock = () => {
      if (childBlockStart !== null && ws.rowCount > childBlockStart)
        ws.mergeCells(childBlockStart, 1, ws.rowCount, 1);
      childBlockStart = null;
    };
    const noCasesAfter = new Map<string, string[]>();
    for (const [unit, places] of Object.entries(layout.noCases ?? {})) {
      for (const p of places)
        noCasesAfter.set(`${p.parent}/${p.after}`, [
          ...(noCasesAfter.get(`${p.parent}/${p.after}`) ?? []),
          unit,
        ]);
    }
    for (const r of rows) {
      const figures = SEED_COLUMNS.map((c) => r[c] ?? null);
      if (!layout.twoNameColumns) {
        styleRow(ws.addRow([r.name, ...figures]));
        continue;
      }
      if (r.parent === null) {
        closeChildBlock();
        const row = ws.addRow([r.name, '', ...figures]);
        ws.mergeCells(row.number, 1, row.number, 2);
        styleRow(row);
        continue;
      }
      const first = childBlockStart === null;
      const row = ws.addRow([first ? '下属单位' : '', r.name, ...figures]);
      if (first) childBlockStart = row.number;
      styleRow(row);
      for (const unit of noCasesAfter.get(`${r.parent}/${r.name}`) ?? []) {
        const empty = ws.addRow(['', unit, '本月无应处置案件']);
        ws.mergeCells(empty.number, 3, empty.number, last);
        styleRow(empty);
      }
    }
    closeChildBlock();
    if (layout.remark) {
      const remark = ws.addRow([layout.remark]);
      ws.mergeCells(remark.number, 1, remark.number, last);
    }
  }
  ws.addRow([]);
  for (const note of NOTES) ws.addRow([note]);
}

function addHotlineSheet(wb: ExcelJS.Workbook, seed: Seed): void {
  const ws = wb.addWorksheet('12345平台运行情况表');
  ws.columns = [
    { width: 44 },
    { width: 14 },
    { width: 12 },
    { width: 12 },
    { width: 12 },
    { width: 12 },
    { width: 10 },
    { width: 12 },
  ];
  ws.addRow(['附件1']);
  ws.addRow(['2017年8月份12345平台运行情况表']);
  ws.getRow(ws.rowCount).font = { bold: true, size: 14 };
  const simple = (title: string, rows: SeedHotlineRow[]) => {
    ws.addRow([]);
    ws.addRow([title]).font = { bold: true };
    ws.addRow([...reportZhCN.hotlineHeader]).font = { bold: true };
    for (const r of rows) ws.addRow([r.name, r.count ?? null, r.satisfaction ?? null]);
  };
  simple('(一) 12345平台市直部门（单位）诉求件受理情况表', seed.hotline.departments);
  simple('(二) 12345平台县（市）区诉求件受理情况表', seed.hotline.districts);
  ws.addRow([]);
  ws.addRow(['(三) 12345平台诉求转接电话接听情况表']).font = { bold: true };
  ws.addRow([...reportZhCN.transferHeader]).font = { bold: true };
  for (const r of seed.hotline.transfers) {
    ws.addRow([
      r.name,
      r.total ?? null,
      r.connected ?? null,
      r.missed ?? null,
      r.timely ?? null,
      r.late ?? null,
      r.connectRate ?? null,
      r.timelyRate ?? null,
    ]);
  }
}

export function buildSampleWorkbook(seed: Seed = loadSeed()): ExcelJS.Workbook {
  const wb = new ExcelJS.Workbook();
  wb.creator = 'Tongbao sample builder';
  // Fixed dates keep the file's content stable from build to build.
  wb.created = new Date(Date.UTC(2017, 8, 25));
  wb.modified = wb.created;
  addHotlineSheet(wb, seed);
  addEvaluationSheet(wb, seed);
  addSummarySheets(wb);
  return wb;
}

/**
 * Last month's counts, *constructed* for the demo and the tests (the seed has only August):
 * August's counts with a few units made worse in July so that the month-over-month sentences
 * of the published bulletin come out — 晋安区 rose; 福清市、连江县、永泰县 rose; 新榕城 +15分
 * and +50%, 市水利局 +12.5分, 客运场站 +10.22分 and +41.22%, 城乡建设发展总公司 +24.84%.
 * Keyed by “parent/name”; values in the order 应处置数, 处置数, 超期未处置数, 超期处置数, 返工数,
 * 应结案数, 结案数, 按期结案数.
 */
export const JULY_CHANGES: Readonly<Record<string, readonly number[]>> = {
  '/晋安区政府': [14613, 14432, 159, 460, 27, 14591, 14431, 13900],
  '/福清市政府': [1647, 1647, 0, 11, 1, 1647, 1647, 1590],
  '/连江县政府': [1053, 1053, 0, 0, 0, 1053, 1052, 1030],
  '/永泰县政府': [1668, 1667, 0, 5, 18, 1667, 1667, 1650],
  '/福州新榕城市建设发展有限公司': [4, 4, 0, 0, 0, 4, 4, 2],
  '/市水利局': [4, 4, 0, 2, 1, 3, 3, 1],
  '市水利局/本局': [4, 4, 0, 2, 1, 3, 3, 1],
  '/福州城市客运场站公司': [595, 589, 0, 12, 49, 589, 589, 289],
  '/市城乡建设发展总公司': [880, 867, 4, 30, 58, 865, 847, 545],
};

const JULY_SHEETS: readonly { sheet: string; table: string; nameHeader: string }[] = [
  { sheet: '各区政府', table: '各区政府综合评价表', nameHeader: '区政府' },
  { sheet: '各县(市)政府', table: '各县(市)政府综合评价表', nameHeader: '县(市)政府' },
  { sheet: '市直单位', table: '市直单位综合评价表', nameHeader: '主管单位' },
  {
    sheet: '在榕中央及省属企业',
    table: '在榕中央及省属企业综合评价表',
    nameHeader: '处置责任单位',
  },
  { sheet: '市属企业', table: '市属企业综合评价表', nameHeader: '处置责任单位' },
];

/**
 * The previous month's workbook, laid out differently from August's on purpose: one table
 * per sheet, the title in row 1, counts only (no computed columns), the sub-unit in a column
 * headed 下属单位.
 */
export function buildPreviousSampleWorkbook(seed: Seed = loadSeed()): ExcelJS.Workbook {
  const wb = new ExcelJS.Workbook();
  wb.creator = 'Tongbao sample builder';
  wb.created = new Date(Date.UTC(2017, 7, 25));
  wb.modified = wb.created;
  for (const layout of JULY_SHEETS) {
    const ws = wb.addWorksheet(layout.sheet);
    const twoColumns = layout.sheet === '市直单位';
    ws.columns = Array.from({ length: 10 }, (_, i) => ({
      width: i === 0 ? 30 : i === 1 && twoColumns ? 18 : 10,
    }));
    ws.addRow([`2017年7月份${layout.table}（演示用构造数据：8月数据改动个别单位）`]).font = {
      bold: true,
    };
    const counts = [...COUNT_FIELDS];
    ws.addRow(
      twoColumns ? [layout.nameHeader, '下属单位', ...counts] : [layout.nameHeader, ...counts],
    ).font = { bold: true };
    for (const r of seed.evaluation.filter((x) => x.table === layout.table)) {
      const august = COUNT_FIELDS.map((c) => r[c] as number);
      const figures = JULY_CHANGES[`${r.parent ?? ''}/${r.name}`] ?? august;
      if (!twoColumns) ws.addRow([r.name, ...figures]);
      else ws.addRow(r.parent === null ? [r.name, '', ...figures] : ['', r.name, ...figures]);
    }
  }
  addPreviousSummarySheet(wb);
  return wb;
}

// ─── The summary tables (issue #10): the systems' own monthly statistics ──────────────────

/**
 * August 2017's summary figures. From the bulletin's text: 109169, 35275, 99.74 %, 73894,
 * 73373, 72835, 1018, 事件 68234 / 部件 5660, the three main 12345 类别 (11939, 3761, 2707),
 * 投诉 25884 and 咨询 7224, the three main 事件 小类 (together 30474) and 部件 小类 (3085), the
 * 大类 and 小类 named in the order printed, 机动车乱停放 6811 and 报刊亭 4 (its 热点问题).
 * *Constructed* (the bulletin does not print them; see samples/seed/README.md): 按期结案数
 * 69256 and 处置数 72906 (giving the printed 94.39 % and 1.4 %), how 30474 and 3085 split,
 * every other category count, the 渠道, and the per-area lists — each consistent with every
 * total.
 */
export const AUGUST_SUMMARY = {
  period: '2017年8月',
  system: 109169,
  hotline: 35275,
  satisfaction: '99.74%',
  city: 73894,
  events: 68234,
  parts: 5660,
  toClose: 73373,
  closed: 72835,
  closedRate: '99.27%',
  closedOnTime: 69256,
  onTimeRate: '94.39%',
  disposed: 72906,
  rework: 1018,
  reworkRate: '1.40%',
  categories: [
    ['城乡建设类', 11939],
    ['交通环保类', 3761],
    ['政法类', 2707],
    ['劳动社保类', 2650],
    ['经济综合类', 2590],
    ['教育文体类', 2470],
    ['卫生计生类', 2315],
    ['农业农村类', 1980],
    ['党务政务类', 1766],
    ['民政类', 1540],
    ['其他类', 1557],
  ],
  types: [
    ['投诉', 25884],
    ['咨询', 7224],
    ['求助', 1240],
    ['建议', 583],
    ['举报', 276],
    ['表扬', 68],
  ],
  channels: [
    ['网站', 15820],
    ['电话', 14960],
    ['微信', 2430],
    ['手机APP', 1285],
    ['省平台转办', 780],
  ],
  eventMajors: [
    ['街面秩序', 26974],
    ['市容环境', 24924],
    ['广告宣传', 9543],
    ['其他事件', 3908],
    ['施工管理', 2777],
    ['突发事件', 108],
  ],
  partMajors: [
    ['公用设施', 1865],
    ['道路交通', 1800],
    ['园林绿化', 811],
    ['其他设施', 579],
    ['房屋土地', 450],
    ['市容环境', 155],
  ],
  eventMinors: [
    ['乱堆物堆料', 12563],
    ['无证经营游商', 9645],
    ['暴露垃圾', 8266],
    ['非法小广告', 7380],
    ['机动车乱停放', 6811],
    ['店外经营', 5236],
    ['非机动车乱停放', 4102],
    ['其他事件', 3908],
    ['施工废弃料', 2311],
    ['违规户外广告', 2163],
    ['道路不洁', 2105],
    ['积存垃圾渣土', 1388],
    ['占道废品收购', 1180],
    ['绿地脏乱', 602],
    ['无证掘路', 466],
    ['自来水管破裂', 67],
    ['路面塌陷', 41],
  ],
  partMinors: [
    ['车行道', 1402],
    ['路灯', 958],
    ['行道树', 725],
    ['其他部件', 579],
    ['上水井盖', 312],
    ['人行道', 301],
    ['污水井盖', 268],
    ['宣传栏', 260],
    ['地下通道', 190],
    ['雨水算子', 176],
    ['电力井盖', 151],
    ['果皮箱', 121],
    ['护栏', 97],
    ['绿地', 86],
    ['公共厕所', 30],
    ['报刊亭', 4],
  ],
  // Each area's own export: the bulletin spells the 七县（市） 小类 “无照经营游商” and
  // “雨水算子” (its 全市 sentence has “无证经营游商”); each list keeps the bulletin's spelling.
  areaEventMinors: {
    五城区: [
      ['乱堆物堆料', 9870],
      ['无证经营游商', 7032],
      ['机动车乱停放', 5690],
      ['暴露垃圾', 5012],
      ['店外经营', 4350],
    ],
    '七县（市）': [
      ['暴露垃圾', 2830],
      ['无照经营游商', 2160],
      ['乱堆物堆料', 1950],
      ['机动车乱停放', 820],
      ['店外经营', 610],
    ],
  },
  areaPartMinors: {
    五城区: [
      ['车行道', 1010],
      ['路灯', 702],
      ['行道树', 488],
      ['上水井盖', 230],
    ],
    '七县（市）': [
      ['行道树', 160],
      ['车行道', 152],
      ['雨水算子', 98],
      ['路灯', 90],
    ],
  },
} as const;

/**
 * July 2017, *constructed* backwards from the August bulletin's 环比 so that its sentences come
 * out word for word: 110951 (−1.61 %), 12345 34199 (+3.15 %), 数字城管 76752 (−3.72 %) — the
 * only integers with 110951 = 34199 + 76752 —, 满意度 99.83 % (−0.09 points), 结案率 99 %
 * (75438/76200, +0.27), 按期结案率 94.31 % (71864/76200, +0.08), 城乡建设类 11947 (−0.07 %),
 * 交通环保类 4019 (−6.42 %), 政法类 2790 (−2.97 %); the rest plausible and consistent.
 */
export const JULY_SUMMARY = {
  period: '2017年7月',
  system: 110951,
  hotline: 34199,
  satisfaction: '99.83%',
  city: 76752,
  events: 70990,
  parts: 5762,
  toClose: 76200,
  closed: 75438,
  closedOnTime: 71864,
  disposed: 75510,
  rework: 1107,
  categories: [
    ['城乡建设类', 11947],
    ['交通环保类', 4019],
    ['政法类', 2790],
    ['劳动社保类', 2580],
    ['经济综合类', 2455],
    ['教育文体类', 2301],
    ['卫生计生类', 2150],
    ['农业农村类', 1820],
    ['党务政务类', 1640],
    ['民政类', 1402],
    ['其他类', 1095],
  ],
  types: [
    ['投诉', 25050],
    ['咨询', 7060],
    ['求助', 1250],
    ['建议', 560],
    ['举报', 210],
    ['表扬', 69],
  ],
  channels: [
    ['网站', 15100],
    ['电话', 14800],
    ['微信', 2300],
    ['手机APP', 1299],
    ['省平台转办', 700],
  ],
} as const;

type Pairs = readonly (readonly [string, number])[];

/** Lists side by side: one name column and one count column each, a 合计 row under each. */
function sideBySide(
  ws: ExcelJS.Worksheet,
  header: readonly (string | null)[],
  lists: readonly Pairs[],
  totals: readonly (number | null)[],
): void {
  ws.addRow([...header]).font = { bold: true };
  // Each list takes the columns its header gives it: name, count, and any up to the next name.
  const starts = header.flatMap((h, c) => (h !== null && !/受理量|立案数|占比/.test(h) ? [c] : []));
  const rows = Math.max(...lists.map((l, li) => l.length + (totals[li] === null ? 0 : 1)));
  for (let i = 0; i < rows; i++) {
    const cells: (string | number | null)[] = Array<null>(header.length).fill(null);
    lists.forEach((list, li) => {
      const at = starts[li]!;
      const pair = list[i];
      const total = totals[li] ?? null;
      if (pair) [cells[at], cells[at + 1]] = [pair[0], pair[1]];
      else if (i === list.length && total !== null) [cells[at], cells[at + 1]] = ['合计', total];
    });
    ws.addRow(cells);
  }
}

/**
 * The August summary sheets, laid out as columns: totals under a header of indicators (one row
 * for the month), and the category lists side by side with their 合计 rows.
 */
function addSummarySheets(wb: ExcelJS.Workbook): void {
  const a = AUGUST_SUMMARY;
  const ws = wb.addWorksheet('通报数据汇总');
  ws.columns = [{ width: 12 }, ...Array.from({ length: 8 }, () => ({ width: 18 }))];
  ws.addRow(['2017年8月份12345政府公共服务系统运行情况汇总']).font = { bold: true, size: 14 };
  ws.addRow([]);
  ws.addRow(['一、基本情况']).font = { bold: true };
  ws.addRow([
    '月份',
    '全系统受理诉求件（案件）',
    '12345平台受理诉求件',
    '12345平台群众基本满意度',
    '数字城管受理有效案件',
    '数字城管事件立案',
    '数字城管部件立案',
  ]).font = { bold: true };
  ws.addRow([a.period, a.system, a.hotline, a.satisfaction, a.city, a.events, a.parts]);
  ws.addRow([]);
  ws.addRow(['数字城管系统案件办理情况']).font = { bold: true };
  ws.addRow([
    '月份',
    '数字城管应结案数',
    '数字城管结案数',
    '数字城管结案率',
    '数字城管按期结案数',
    '数字城管按期结案率',
    '数字城管处置数',
    '数字城管返工数',
    '数字城管返工率',
  ]).font = { bold: true };
  ws.addRow([
    a.period,
    a.toClose,
    a.closed,
    a.closedRate,
    a.closedOnTime,
    a.onTimeRate,
    a.disposed,
    a.rework,
    a.reworkRate,
  ]);
  ws.addRow([]);
  ws.addRow([
    '备注：数据来自12345平台和数字城管系统的月度统计（示例：部分数字为构造数据，见 samples/seed/README.md）。',
  ]);

  const c = wb.addWorksheet('诉求件及案件分类');
  c.columns = Array.from({ length: 11 }, (_, i) => ({ width: i % 4 === 0 ? 20 : 12 }));
  c.addRow(['2017年8月份诉求件及案件分类统计']).font = { bold: true, size: 14 };
  c.addRow([]);
  c.addRow(['二、12345平台诉求件分类']).font = { bold: true };
  const pct = (v: number) => `${formatScaled(percentOf(v, a.hotline), 2, false)}%`;
  sideBySide(
    c,
    [
      '诉求类别',
      '受理量（件）',
      '占比',
      null,
      '诉求类型',
      '受理量（件）',
      null,
      '受理渠道',
      '受理量（件）',
    ],
    [a.categories, a.types, a.channels],
    [a.hotline, a.hotline, a.hotline],
  );
  // The 占比 column of the first list (for the eye only: shares are not checked).
  const first = c.rowCount - a.categories.length;
  a.categories.forEach(([, v], i) => (c.getCell(first + i, 3).value = pct(v)));
  c.getCell(first + a.categories.length, 3).value = '100.00%';
  c.addRow([]);
  c.addRow(['三、数字城管案件分类']).font = { bold: true };
  sideBySide(
    c,
    ['事件大类', '立案数', null, '部件大类', '立案数'],
    [a.eventMajors, a.partMajors],
    [a.events, a.parts],
  );
  c.addRow([]);
  sideBySide(
    c,
    ['事件小类', '立案数', null, '部件小类', '立案数'],
    [a.eventMinors, a.partMinors],
    [a.events, a.parts],
  );
  c.addRow([]);
  c.addRow(['（三）各区域高发案件（前几位）']).font = { bold: true };
  sideBySide(
    c,
    ['五城区事件小类', '立案数', null, '七县（市）事件小类', '立案数'],
    [a.areaEventMinors['五城区'], a.areaEventMinors['七县（市）']],
    [null, null],
  );
  c.addRow([]);
  sideBySide(
    c,
    ['五城区部件小类', '立案数', null, '七县（市）部件小类', '立案数'],
    [a.areaPartMinors['五城区'], a.areaPartMinors['七县（市）']],
    [null, null],
  );
}

/** July's summary: the 通报数据 template (label/value, 指标 | 本月 | 上月), filled in. */
function addPreviousSummarySheet(wb: ExcelJS.Workbook): void {
  const j = JULY_SUMMARY;
  const sheet = fillTemplate(summaryTemplate(), {
    period: j.period,
    figures: {
      'system.accepted': j.system,
      'hotline.accepted': j.hotline,
      'hotline.satisfaction': j.satisfaction,
      'city.accepted': j.city,
      'city.events': j.events,
      'city.parts': j.parts,
      'city.toClose': j.toClose,
      'city.closed': j.closed,
      'city.closedOnTime': j.closedOnTime,
      'city.disposed': j.disposed,
      'city.rework': j.rework,
    },
    lists: [
      { dimension: 'hotline.category', area: null, items: j.categories, total: j.hotline },
      { dimension: 'hotline.type', area: null, items: j.types, total: j.hotline },
      { dimension: 'hotline.channel', area: null, items: j.channels, total: j.hotline },
    ],
  });
  const ws = wb.addWorksheet(sheet.name);
  ws.columns = sheet.columnWidths.map((width) => ({ width }));
  for (const row of sheet.values) ws.addRow([...row]);
  for (const m of sheet.merges) ws.mergeCells(m.top + 1, m.left + 1, m.bottom + 1, m.right + 1);
  for (const r of [sheet.titleRow, sheet.headerRow, ...sheet.headingRows])
    ws.getRow(r + 1).font = { bold: true };
}
