/**
 * The 通报数据 sheet: an empty, labelled sheet for offices whose exports differ, filled in by
 * hand and read back by readSummary like any other summary table (label/value layout: 指标 |
 * 本月 | 上月, a heading per category list). Returned as data (a SheetGrid with column widths
 * and which rows are what); the .xlsx writer and the pane lay it out.
 */
import type { CellValue, MergedArea, SheetGrid } from '../core/grid';
import type { CategoryDimension, FigureId } from './types';

export const TEMPLATE_SHEET_NAME = '通报数据';

/** The figure rows, in order, with the label the template prints. */
export const TEMPLATE_FIGURES: readonly { readonly id: FigureId; readonly label: string }[] = [
  { id: 'system.accepted', label: '12345政府公共服务系统受理诉求件（案件）' },
  { id: 'hotline.accepted', label: '12345平台受理诉求件' },
  { id: 'hotline.satisfaction', label: '12345平台群众基本满意度（%）' },
  { id: 'city.accepted', label: '数字城管受理有效案件' },
  { id: 'city.events', label: '数字城管事件立案' },
  { id: 'city.parts', label: '数字城管部件立案' },
  { id: 'city.toClose', label: '数字城管应结案数' },
  { id: 'city.closed', label: '数字城管结案数' },
  { id: 'city.closedOnTime', label: '数字城管按期结案数' },
  { id: 'city.disposed', label: '数字城管处置数' },
  { id: 'city.rework', label: '数字城管返工数' },
];

export interface TemplateListSpec {
  readonly dimension: CategoryDimension;
  readonly area: string | null;
  readonly heading: string;
  /** Category names printed in advance (the common ones); blank rows follow for others. */
  readonly names: readonly string[];
  readonly blankRows: number;
}

export const TEMPLATE_LISTS: readonly TemplateListSpec[] = [
  {
    dimension: 'hotline.category',
    area: null,
    heading: '12345诉求件类别',
    names: [
      '城乡建设类',
      '交通环保类',
      '政法类',
      '劳动社保类',
      '经济综合类',
      '教育文体类',
      '卫生计生类',
      '农业农村类',
      '党务政务类',
      '民政类',
      '其他类',
    ],
    blankRows: 4,
  },
  {
    dimension: 'hotline.type',
    area: null,
    heading: '12345诉求件类型',
    names: ['投诉', '咨询', '求助', '建议', '举报', '表扬', '其他'],
    blankRows: 2,
  },
  {
    dimension: 'hotline.channel',
    area: null,
    heading: '12345诉求件受理渠道',
    names: ['电话', '网站', '微信', '手机APP', '短信', '省平台转办', '其他'],
    blankRows: 2,
  },
  {
    dimension: 'city.event.major',
    area: null,
    heading: '数字城管事件大类',
    names: ['市容环境', '宣传广告', '施工管理', '突发事件', '街面秩序', '其他事件'],
    blankRows: 2,
  },
  {
    dimension: 'city.event.minor',
    area: null,
    heading: '数字城管事件小类',
    names: [],
    blankRows: 20,
  },
  {
    dimension: 'city.part.major',
    area: null,
    heading: '数字城管部件大类',
    names: ['公用设施', '道路交通', '市容环境', '园林绿化', '房屋土地', '其他设施'],
    blankRows: 2,
  },
  {
    dimension: 'city.part.minor',
    area: null,
    heading: '数字城管部件小类',
    names: [],
    blankRows: 20,
  },
  {
    dimension: 'city.event.minor',
    area: '五城区',
    heading: '五城区事件小类',
    names: [],
    blankRows: 8,
  },
  {
    dimension: 'city.event.minor',
    area: '七县（市）',
    heading: '七县（市）事件小类',
    names: [],
    blankRows: 8,
  },
  {
    dimension: 'city.part.minor',
    area: '五城区',
    heading: '五城区部件小类',
    names: [],
    blankRows: 8,
  },
  {
    dimension: 'city.part.minor',
    area: '七县（市）',
    heading: '七县（市）部件小类',
    names: [],
    blankRows: 8,
  },
];

const NUMBERS = [
  '一',
  '二',
  '三',
  '四',
  '五',
  '六',
  '七',
  '八',
  '九',
  '十',
  '十一',
  '十二',
  '十三',
];

export interface TemplateSheet extends SheetGrid {
  readonly values: readonly (readonly CellValue[])[];
  readonly merges: readonly MergedArea[];
  /** Excel column widths (characters) of 指标, 本月, 上月. */
  readonly columnWidths: readonly number[];
  /** 0-based rows: the title, the 指标|本月|上月 header, headings (bold). */
  readonly titleRow: number;
  readonly headerRow: number;
  readonly headingRows: readonly number[];
  /** The row whose B cell takes the month (“2017年8月”). */
  readonly periodRow: number;
  readonly figureRows: { readonly [K in FigureId]?: number };
  readonly lists: readonly (TemplateListSpec & {
    /** Rows of the list's entries: printed names first, then blank rows. */
    readonly rows: readonly number[];
    readonly totalRow: number;
  })[];
  /** Column of this month's values and of last month's (0-based). */
  readonly valueCol: 1;
  readonly previousCol: 2;
}

/** The empty 通报数据 sheet. */
export function summaryTemplate(): TemplateSheet {
  const values: CellValue[][] = [];
  const add = (...cells: CellValue[]) => {
    values.push([cells[0] ?? null, cells[1] ?? null, cells[2] ?? null]);
    return values.length - 1;
  };
  const titleRow = add('通报数据');
  const periodRow = add('月份', null, null);
  add(
    '说明：在“本月”列填写本月数据，“上月”列可不填（另选上月工作簿时以其为准）；满意度填百分数；类别可在空行续填名称和件数，不用的行留空。',
  );
  const headerRow = add('指标', '本月', '上月');
  const headingRows: number[] = [];
  let n = 0;
  headingRows.push(add(`${NUMBERS[n++]}、基本情况`));
  const figureRows: { [K in FigureId]?: number } = {};
  for (const f of TEMPLATE_FIGURES) figureRows[f.id] = add(f.label);
  const lists: TemplateSheet['lists'][number][] = [];
  for (const spec of TEMPLATE_LISTS) {
    add();
    headingRows.push(add(`${NUMBERS[n++]}、${spec.heading}`));
    const rows = [
      ...spec.names.map((name) => add(name)),
      ...Array.from({ length: spec.blankRows }, () => add()),
    ];
    const totalRow = add('合计');
    lists.push({ ...spec, rows, totalRow });
  }
  return {
    name: '通报数据',
    values,
    merges: [{ top: 2, left: 0, bottom: 2, right: 2 }],
    columnWidths: [44, 14, 14],
    titleRow,
    headerRow,
    headingRows,
    periodRow,
    figureRows,
    lists,
    valueCol: 1,
    previousCol: 2,
  };
}

/** What to write into the template: a month, figures, category lists (name, this, last). */
export interface TemplateFill {
  readonly period?: string;
  readonly figures?: { readonly [K in FigureId]?: CellValue };
  readonly previousFigures?: { readonly [K in FigureId]?: CellValue };
  readonly lists?: readonly {
    readonly dimension: CategoryDimension;
    readonly area: string | null;
    readonly items: readonly (readonly [name: string, value: CellValue, previous?: CellValue])[];
    readonly total?: CellValue;
  }[];
}

/**
 * The template with values written in: names the template prints take their row, other names
 * the next blank row. Throws if a list has more names than rows (a caller's mistake).
 */
export function fillTemplate(template: TemplateSheet, fill: TemplateFill): TemplateSheet {
  const values = template.values.map((r) => [...r]);
  const set = (row: number, col: number, v: CellValue | undefined) => {
    if (v !== undefined) values[row]![col] = v;
  };
  if (fill.period !== undefined) set(template.periodRow, 1, fill.period);
  for (const [id, row] of Object.entries(template.figureRows) as [FigureId, number][]) {
    set(row, template.valueCol, fill.figures?.[id]);
    set(row, template.previousCol, fill.previousFigures?.[id]);
  }
  for (const list of fill.lists ?? []) {
    const spec = template.lists.find((l) => l.dimension === list.dimension && l.area === list.area);
    if (!spec) throw new Error(`the template has no list ${list.dimension} ${list.area ?? ''}`);
    const free = spec.rows.filter((r) => values[r]![0] === null);
    for (const [name, value, previous] of list.items) {
      const row = spec.rows.find((r) => values[r]![0] === name) ?? free.shift();
      if (row === undefined) throw new Error(`too many entries for ${spec.heading}`);
      values[row]![0] = name;
      set(row, template.valueCol, value);
      set(row, template.previousCol, previous);
    }
    set(spec.totalRow, template.valueCol, list.total);
  }
  return { ...template, values };
}
