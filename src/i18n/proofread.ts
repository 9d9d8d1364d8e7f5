import type { FigureId } from '../summary/types';

/**
 * What proofreading a draft says (issue #17): each finding in one line — “闽侯县 按期结案率：文中为
 * 95.13%，表中为85.13%（数字城管综合评价表!M13）” —, why a number was not checked, and the notes
 * said once about a draft. Kept apart from catalog.ts: the engine and the CLI import it
 * when they proofread, so the panes' first load does not carry it.
 */
export type ProofreadReason =
  | 'date'
  | 'caseNumber'
  | 'documentNumber'
  | 'formula'
  | 'hotspot'
  | 'supervision'
  | 'cases'
  | 'requirements'
  | 'notInTables'
  | 'noPrevious'
  | 'previousMissing'
  | 'notEvaluated'
  | 'ambiguous'
  | 'unknownName'
  | 'sameYear';

export type RankingOrder = 'best' | 'bottom' | 'last' | 'top' | 'improved';

export interface FindingText {
  /** The unit or category as the text names it; null for a figure of the whole. */
  readonly subject: string | null;
  /** 按期结案率, 受理量环比, 综合指标值排名后三位… */
  readonly figure: string;
  readonly written: string;
  readonly expected: string;
  /** What the expected value rests on: a cell, a sum, last month's value. */
  readonly detail: string | null;
  /**
   * 'table': 表中为…; 'computed': 按表中数字计算为…; 'text': 按文中数字计算为… (a share of counts
   * the text gives); 'sum': 各项相加为….
   */
  readonly basis: 'table' | 'computed' | 'text' | 'sum';
}

export interface ProofreadMessages {
  readonly finding: (f: FindingText) => string;
  readonly reasons: { readonly [K in ProofreadReason]: string };
  readonly figures: { readonly [K in FigureId]: string };
  /** 满意度 → 满意度环比. */
  readonly change: (figure: string) => string;
  readonly share: string;
  readonly sum: string;
  readonly allUnits: (figure: string) => string;
  readonly ranking: (figure: string, order: RankingOrder, count: number) => string;
  readonly tieCount: (figure: string) => string;
  readonly sharedValue: (figure: string) => string;
  readonly shareStability: string;
  readonly shareStabilityExpected: (points: string) => string;
  /** Where a value is: a cell, a row of a sheet. */
  readonly cell: (sheet: string, cell: string) => string;
  readonly row: (sheet: string, row: number) => string;
  /** A printed cell that differs from the recomputed figure. */
  readonly misprinted: (where: string, printed: string) => string;
  readonly computedFrom: (where: string) => string;
  readonly months: (current: string, previous: string) => string;
  readonly lowest: (name: string, value: string) => string;
  readonly words: {
    readonly up: string;
    readonly down: string;
    readonly flat: string;
    readonly slight: string;
    readonly marked: string;
    /** 基本 (as in 基本持平). */
    readonly roughly: string;
    /** 有所 (as in 有所上升). */
    readonly some: string;
  };
  readonly notes: {
    /** Shares rounded so that they add up to 100% (largest remainder), said once. */
    readonly largestRemainder: (count: number, paragraphs: readonly number[]) => string;
    /** Paragraphs of the draft's tables not read for claims. */
    readonly tables: (count: number) => string;
  };
  /** “共 52 处：一致 40，不一致 1，未核对 11”. */
  readonly summary: (c: {
    claims: number;
    matched: number;
    wrong: number;
    notChecked: number;
  }) => string;
}

/** 3 → 三 (as in 后三位); larger counts stay in digits. */
const cn = (n: number) => (n >= 1 && n <= 10 ? '一两三四五六七八九十'[n - 1]! : String(n));

const FIGURES_ZH: ProofreadMessages['figures'] = {
  'system.accepted': '全系统受理诉求件（案件）',
  'hotline.accepted': '12345平台受理诉求件',
  'hotline.satisfaction': '12345平台群众满意度',
  'city.accepted': '数字城管受理有效案件',
  'city.events': '数字城管事件立案',
  'city.parts': '数字城管部件立案',
  'city.toClose': '数字城管应结案数',
  'city.closed': '数字城管结案数',
  'city.closedOnTime': '数字城管按期结案数',
  'city.disposed': '数字城管处置数',
  'city.rework': '数字城管返工数',
  'city.closedRate': '数字城管结案率',
  'city.onTimeRate': '数字城管按期结案率',
  'city.reworkRate': '数字城管返工率',
};

export const proofreadZhCN: ProofreadMessages = {
  finding: (f) =>
    `${f.subject === null ? '' : `${f.subject} `}${f.figure}：文中为${f.written}，${
      f.basis === 'table'
        ? '表中为'
        : f.basis === 'computed'
          ? '按表中数字计算为'
          : f.basis === 'text'
            ? '按文中数字计算为'
            : '各项相加为'
    }${f.expected}${f.detail === null ? '' : `（${f.detail}）`}`,
  reasons: {
    date: '日期，不核对',
    caseNumber: '诉求件（案件）编号，不核对',
    documentNumber: '文号，不核对',
    formula: '计算说明中的数字，不核对',
    hotspot: '诉求热点、热点问题的数字，表中没有',
    supervision: '督办及反馈的数字，表中没有',
    cases: '典型案例中的数字，表中没有',
    requirements: '工作要求中的数字，表中没有',
    notInTables: '表中没有可对照的数字',
    noPrevious: '未提供上月数据，无法核对环比',
    previousMissing: '上月表中没有此项，无法核对环比',
    notEvaluated: '该单位本月未参与评价',
    ambiguous: '无法确定所指的指标或单位',
    unknownName: '表中找不到文中所写的单位或类别',
    sameYear: '同比需要去年同期数据，不核对',
  },
  figures: FIGURES_ZH,
  change: (figure) => `${figure}环比`,
  share: '占比',
  sum: '合计',
  allUnits: (figure) => `各单位${figure}`,
  ranking: (figure, order, count) => {
    switch (order) {
      case 'best':
        return `${figure}较好的单位`;
      case 'bottom':
        return `${figure}排名后${cn(count)}位`;
      case 'last':
        return `${figure}排名最后一位`;
      case 'top':
        return `${figure}排名前${cn(count)}位`;
      case 'improved':
        return `${figure}较上月进步较大的单位`;
    }
  },
  tieCount: (figure) => `${figure}并列最好的单位数`,
  sharedValue: (figure) => `${figure}并列最好的值`,
  shareStability: '各类占比与上月相比',
  shareStabilityExpected: (points) => `有变化（最大变动${points}个百分点）`,
  cell: (sheet, cell) => `${sheet}!${cell}`,
  row: (sheet, row) => `${sheet}第${row}行`,
  misprinted: (where, printed) => `${where}印为${printed}，按计数复核`,
  computedFrom: (where) => `${where}，按计数计算`,
  months: (current, previous) => `本月${current}，上月${previous}`,
  lowest: (name, value) => `最低为${name}${value}`,
  words: {
    up: '上升',
    down: '下降',
    flat: '持平',
    slight: '略有',
    marked: '明显',
    roughly: '基本',
    some: '有所',
  },
  notes: {
    largestRemainder: (count, paragraphs) =>
      `第${paragraphs.join('、')}段有${count}个占比按“最大余数法”取整（各项合计为100%），与逐项四舍五入相差0.01个百分点，视为一致。`,
    tables: (count) => `文中表格（${count}段）未逐项核对：附表中的数字请以工作簿的复核结果为准。`,
  },
  summary: (c) =>
    `共找到 ${c.claims} 处可核对的内容：一致 ${c.matched} 处，不一致 ${c.wrong} 处，未核对 ${c.notChecked} 处。`,
};

export const proofreadEnUS: ProofreadMessages = {
  finding: (f) =>
    `${f.subject === null ? '' : `${f.subject} `}${f.figure}: the text says ${f.written}, ${
      f.basis === 'table'
        ? 'the tables give'
        : f.basis === 'computed'
          ? 'the tables’ counts give'
          : 'its parts add up to'
    } ${f.expected}${f.detail === null ? '' : ` (${f.detail})`}`,
  reasons: {
    date: 'a date, not checked',
    caseNumber: 'a case number, not checked',
    documentNumber: 'a document number, not checked',
    formula: 'a number of the notes on the formulas, not checked',
    hotspot: 'a hotspot figure: not in the tables',
    supervision: 'a supervision figure: not in the tables',
    cases: 'a figure of a typical case: not in the tables',
    requirements: 'a figure of the work requirements: not in the tables',
    notInTables: 'nothing in the tables to compare with',
    noPrevious: 'no previous month given: the change cannot be checked',
    previousMissing: 'last month’s tables lack this item',
    notEvaluated: 'the unit is not evaluated this month',
    ambiguous: 'which figure or unit is meant is unclear',
    unknownName: 'the unit or category named is not in the tables',
    sameYear: 'a year-on-year change needs last year’s figures: not checked',
  },
  figures: {
    'system.accepted': 'cases received (whole system)',
    'hotline.accepted': '12345 cases received',
    'hotline.satisfaction': '12345 satisfaction',
    'city.accepted': 'city management cases',
    'city.events': 'event cases',
    'city.parts': 'component cases',
    'city.toClose': 'cases to close',
    'city.closed': 'cases closed',
    'city.closedOnTime': 'cases closed on time',
    'city.disposed': 'cases disposed',
    'city.rework': 'cases reworked',
    'city.closedRate': 'closing rate',
    'city.onTimeRate': 'on-time closing rate',
    'city.reworkRate': 'rework rate',
  },
  change: (figure) => `${figure}, change on last month`,
  share: 'share',
  sum: 'total',
  allUnits: (figure) => `${figure} of every unit`,
  ranking: (figure, order, count) => {
    switch (order) {
      case 'best':
        return `best ${figure}`;
      case 'bottom':
        return `${figure}, bottom ${count}`;
      case 'last':
        return `${figure}, last place`;
      case 'top':
        return `${figure}, top ${count}`;
      case 'improved':
        return `${figure}, most improved`;
    }
  },
  tieCount: (figure) => `units tied at the best ${figure}`,
  sharedValue: (figure) => `best ${figure}`,
  shareStability: 'shares compared with last month',
  shareStabilityExpected: (points) => `changed (up to ${points} points)`,
  cell: (sheet, cell) => `${sheet}!${cell}`,
  row: (sheet, row) => `${sheet}, row ${row}`,
  misprinted: (where, printed) => `${where} prints ${printed}; recomputed from the counts`,
  computedFrom: (where) => `${where}, computed from the counts`,
  months: (current, previous) => `this month ${current}, last month ${previous}`,
  lowest: (name, value) => `lowest: ${name} ${value}`,
  words: {
    up: 'up',
    down: 'down',
    flat: 'flat',
    slight: 'slightly ',
    marked: 'markedly ',
    roughly: 'roughly ',
    some: '',
  },
  notes: {
    largestRemainder: (count, paragraphs) =>
      `Paragraph ${paragraphs.join(', ')}: ${count} shares are rounded by largest remainder (adding up to 100%); 0.01 points from rounding each alone, taken as agreeing.`,
    tables: (count) =>
      `The draft's tables (${count} paragraphs) were not checked cell by cell: the workbook's audit covers them.`,
  },
  summary: (c) =>
    `${c.claims} checkable items found: ${c.matched} agree, ${c.wrong} disagree, ${c.notChecked} not checked.`,
};
