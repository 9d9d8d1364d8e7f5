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
  return wb;
}
