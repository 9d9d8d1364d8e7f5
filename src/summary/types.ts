/**
 * The summary tables staff keep beside the evaluation tables — the systems' own monthly
 * statistics: totals (受理, 满意度, 应结案数 …) and counts by category (12345 类别/类型/渠道,
 * 数字城管 事件/部件 大类/小类). Every figure keeps the sheet and cell it was read from.
 */

/** Whose figure: the whole 12345政府公共服务系统, the 12345 平台, the 数字城管 system. */
export type SystemId = 'all' | 'hotline' | 'city';

export const FIGURE_IDS = [
  /** 12345政府公共服务系统 受理诉求件（案件）: 12345 + 数字城管. */
  'system.accepted',
  /** 12345平台 受理诉求件. */
  'hotline.accepted',
  /** 12345平台 群众(基本)满意度, percent. */
  'hotline.satisfaction',
  /** 数字城管 受理有效案件 (立案). */
  'city.accepted',
  /** 事件立案. */
  'city.events',
  /** 部件立案. */
  'city.parts',
  'city.toClose',
  'city.closed',
  'city.closedOnTime',
  'city.disposed',
  'city.rework',
  /** 结案率 = 结案数 / 应结案数, percent. */
  'city.closedRate',
  /** 按期结案率 = 按期结案数 / 应结案数, percent. */
  'city.onTimeRate',
  /** 返工率 = 返工数 / 处置数, percent. */
  'city.reworkRate',
] as const;
export type FigureId = (typeof FIGURE_IDS)[number];

export const RATE_FIGURES: readonly FigureId[] = [
  'hotline.satisfaction',
  'city.closedRate',
  'city.onTimeRate',
  'city.reworkRate',
];

export const isRate = (id: FigureId): boolean => RATE_FIGURES.includes(id);

/** A cell of the workbook: sheet, A1 address, 1-based sheet row. */
export interface Located {
  readonly sheet: string;
  readonly cell: string;
  readonly row: number;
}

/**
 * A figure as the sheet prints it. `value` is a count, or a percentage in hundredths
 * (99.74 % → 9974) for rates.
 */
export interface Figure extends Located {
  readonly id: FigureId;
  /** The label as the sheet has it (“数字城管应结案数”). */
  readonly label: string;
  readonly value: number;
  /** Last month's value from a 上月 column or row beside it, if the table has one. */
  readonly previous: number | null;
  /**
   * A 返工率 printed as a plain number up to 1 is ambiguous: 1.4 % may be stored as 0.014 (a
   * cell formatted as a percentage) or typed as 0.014 %. This is the fraction reading (140);
   * the counts decide which the sheet means.
   */
  readonly asFraction?: number;
}

/** The value a paragraph uses: printed, or computed from the counts (rates, sums). */
export interface FigureValue {
  readonly value: number;
  readonly source: 'printed' | 'computed';
  /** Where it was printed; null for a computed value that is printed nowhere. */
  readonly at: Located | null;
}

/** Which list of categories: 12345 by 类别/类型/渠道, 数字城管 事件/部件 by 大类/小类. */
export const CATEGORY_DIMENSIONS = [
  'hotline.category',
  'hotline.type',
  'hotline.channel',
  'city.event.major',
  'city.event.minor',
  'city.part.major',
  'city.part.minor',
] as const;
export type CategoryDimension = (typeof CATEGORY_DIMENSIONS)[number];

export interface CategoryItem extends Located {
  readonly name: string;
  readonly value: number;
  /** From a 上月 column, if the table has one. */
  readonly previous: number | null;
}

export interface CategoryList {
  readonly dimension: CategoryDimension;
  /** An area group (五城区, 七县（市）) as the sheet names it; null for all areas. */
  readonly area: string | null;
  readonly sheet: string;
  /** The title or heading the list was found under. */
  readonly title: string;
  /** In the sheet's order. */
  readonly items: readonly CategoryItem[];
  /** The list's own 合计 row, if it has one. */
  readonly total: (Located & { readonly value: number; readonly label: string }) | null;
}

/** A printed total that is not the sum of its parts, or a printed rate not its counts' rate. */
export interface SummaryDiscrepancy extends Located {
  readonly kind: 'total' | 'rate';
  /** What the total is (“合计”, “受理诉求件（案件）”, “诉求类别 合计”). */
  readonly label: string;
  readonly printed: number;
  readonly recomputed: number;
  /** 'percent': hundredths of a percent. */
  readonly unit: 'count' | 'percent';
  readonly parts: readonly (Located & { readonly label: string; readonly value: number })[];
}

export interface SummaryDiagnosticParams {
  /** A value cell beside a known label that is no number (“约3万”, “#N/A”). */
  summaryUnreadable: { readonly label: string; readonly text: string };
  /** A figure printed twice with different values: the first is used. */
  summaryDuplicate: {
    readonly label: string;
    readonly first: string;
    readonly value: number;
    readonly firstValue: number;
  };
  /** A count that is negative, fractional or too large. */
  summaryBadCount: { readonly label: string; readonly value: number };
  /**
   * [issue 16] Two cells read as the same figure with different values, one label naming it by
   * its own words (“立案数”), the other only through its context (“受理数” under a 数字城管
   * heading): the own one is used (the diagnostic's cell), the other is named (`other`
   * “sheet!A1”).
   */
  summaryAmbiguous: {
    readonly figure: FigureId;
    readonly label: string;
    readonly value: number;
    readonly otherLabel: string;
    readonly other: string;
    readonly otherValue: number;
  };
  /** [issue 16] A 受理 label (“受理量”) with a number where nothing says whose: left out. */
  summaryNoSystem: { readonly label: string; readonly value: number };
  /**
   * [issue 16] A label read as `figure` because of the heading or row around it, where the
   * label by itself names `alone` (“受理诉求件总数” under a 12345平台 heading): used, and said.
   */
  summaryContextReading: {
    readonly label: string;
    readonly figure: FigureId;
    readonly alone: FigureId;
  };
  /**
   * [issue 16] A 环比 too large to be likely (src/summary/compare.ts IMPLAUSIBLE): this month's
   * figure (the diagnostic's cell) and last month's, `change` in hundredths — of a percent for
   * a count, of a percentage point for a rate. `previousCell` “sheet!A1” of last month's
   * figure; null when it is printed in no cell Tongbao can name — `previousColumn`: this
   * table's own 上月 column, or a sum of its parts. `previousBook`: from last month's workbook.
   */
  summaryImplausibleChange: {
    readonly label: string;
    readonly unit: 'count' | 'percent';
    readonly value: number;
    readonly previous: number;
    readonly change: number;
    readonly previousCell: string | null;
    readonly previousColumn: boolean;
    readonly previousBook: boolean;
  };
}
export type SummaryDiagnosticCode = keyof SummaryDiagnosticParams;

export type SummaryDiagnostic = {
  [K in SummaryDiagnosticCode]: Located & {
    readonly code: K;
    readonly severity: 'error' | 'warning' | 'info';
    readonly params: SummaryDiagnosticParams[K];
  };
}[SummaryDiagnosticCode];

export interface SummaryReading {
  /** “2017年8月” in a title or a 月份 cell. */
  readonly period: { readonly year: number; readonly month: number } | null;
  /** Every figure as printed, first occurrence of each. */
  readonly figures: readonly Figure[];
  /** What the paragraphs use: printed figures, rates recomputed from their counts, sums. */
  readonly values: { readonly [K in FigureId]?: FigureValue };
  readonly lists: readonly CategoryList[];
  readonly discrepancies: readonly SummaryDiscrepancy[];
  readonly diagnostics: readonly SummaryDiagnostic[];
  /** Sheets where summary figures or lists were found. */
  readonly sheets: readonly string[];
  /** Totals and printed rates recomputed from their parts (whether they agreed or not). */
  readonly checked: number;
}

/** A month-over-month change: hundredths of a percent (relative) or of a percentage point. */
export interface Change {
  readonly value: number;
  readonly basis: 'relative' | 'difference';
  readonly size: 'flat' | 'slight' | 'marked';
}

export interface ComparedFigure {
  readonly id: FigureId;
  readonly value: number;
  readonly previous: number | null;
  readonly change: Change | null;
}

export interface ComparedItem {
  readonly name: string;
  readonly value: number;
  readonly previous: number | null;
  readonly change: Change | null;
  readonly at: Located;
}

export interface ComparedList {
  readonly dimension: CategoryDimension;
  readonly area: string | null;
  /** Largest value first; ties keep the sheet's order. */
  readonly items: readonly ComparedItem[];
  /** The items' total: the list's own total, else the matching figure, else their sum. */
  readonly total: number;
  /** Items of this month that last month's list lacks (no 环比 for them). */
  readonly newItems: readonly string[];
  /**
   * Largest change of an item's share of the total, in hundredths of a percentage point;
   * null without last month.
   */
  readonly maxShareChange: number | null;
}

export interface SummaryComparison {
  readonly period: SummaryReading['period'];
  readonly previousPeriod: SummaryReading['period'];
  readonly hasPrevious: boolean;
  readonly figures: { readonly [K in FigureId]?: ComparedFigure };
  readonly lists: readonly ComparedList[];
}

/** Facts the summary paragraphs state, as data (the pane can show and edit them). */
export type SummaryFact =
  | { readonly kind: 'figure'; readonly figure: ComparedFigure }
  | {
      readonly kind: 'trend';
      /** The figures the clause judges (满意度; 结案率 and 按期结案率). */
      readonly figures: readonly FigureId[];
      readonly sizes: readonly Change['size'][];
    }
  | {
      readonly kind: 'topCategories';
      readonly dimension: CategoryDimension;
      readonly area: string | null;
      readonly items: readonly ComparedItem[];
      /** Their sum and its share of `of`, hundredths of a percent. */
      readonly sum: number;
      readonly share: number;
      readonly of: number;
    }
  | {
      readonly kind: 'shareStability';
      readonly dimension: CategoryDimension;
      readonly maxShareChange: number;
      readonly flat: boolean;
    };

/**
 * A paragraph of the summary sections, shaped as src/narrative/types.ts's Paragraph (text and
 * facts), with two additions: `charts` names the ChartSpecs (by id) the paragraph announces
 * (“如下图所示”), to be placed after it; `editorial` marks a place the writer fills in (text is
 * then empty).
 */
export interface SummaryParagraph {
  readonly text: string;
  readonly facts: readonly SummaryFact[];
  readonly charts?: readonly string[];
  readonly editorial?: { readonly prompt: string };
}

/**
 * The bulletin's parts these sections belong to: 一、基本情况 ('overview'), （一）12345平台,
 * （二）数字城管系统, 二、典型案例 … ('editorial' parts, written by hand).
 */
export type SummaryPart = 'overview' | 'hotline' | 'cityManagement' | 'editorial';

export type SummarySectionId =
  | 'basic'
  | 'hotline-intro'
  | 'hotline-categories'
  | 'hotline-hotspots'
  | 'city-intro'
  | 'city-categories'
  | 'city-hotspots'
  | 'cases'
  | 'supervision'
  | 'requirements';

export interface SummarySection {
  readonly id: SummarySectionId;
  readonly part: SummaryPart;
  /** The heading as the bulletin prints it without its number; '' for a part's introduction. */
  readonly title: string;
  readonly paragraphs: readonly SummaryParagraph[];
}

/** The figure a complete list adds up to. */
export const LIST_TOTAL: { readonly [K in CategoryDimension]: FigureId } = {
  'hotline.category': 'hotline.accepted',
  'hotline.type': 'hotline.accepted',
  'hotline.channel': 'hotline.accepted',
  'city.event.major': 'city.events',
  'city.event.minor': 'city.events',
  'city.part.major': 'city.parts',
  'city.part.minor': 'city.parts',
};
