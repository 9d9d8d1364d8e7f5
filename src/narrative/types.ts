import type { ChartSpec } from '../summary/chart-spec';
import type {
  SummaryComparison,
  SummaryDiagnostic,
  SummaryFact,
  SummarySectionId,
} from '../summary/types';
import type { Flag } from './flags';
import type { Group } from '../tables/groups';

/** A figure of the scheme the paragraphs rank units by (Fuzhou: 综合指标值, 按期结案率). */
export type Measure = string;

/** A unit as the text names it, with where it came from. */
export interface NamedUnit {
  /** As the text prints it: alias applied, 政府 dropped for districts. */
  readonly name: string;
  /** As the sheet has it. */
  readonly fullName: string;
  readonly parent: string | null;
  readonly sheet: string;
  readonly row: number;
}

/** A unit with its figure: a scaled integer (98.88 → 9888) in points or percent. */
export interface ValuedUnit extends NamedUnit {
  readonly value: number;
}

export interface ChangedUnit extends ValuedUnit {
  readonly previous: number;
  /** value − previous, scaled. */
  readonly change: number;
}

/** Every fact a sentence carries, as data: the UI can show and edit them. */
export type Fact =
  | {
      readonly kind: 'best';
      readonly measure: Measure;
      readonly group: Group;
      /** The tied units the sentence names (a few of them). */
      readonly named: readonly ValuedUnit[];
      /** How many units share the best value. */
      readonly count: number;
      readonly value: number;
    }
  | {
      readonly kind: 'bottom';
      readonly measure: Measure;
      readonly group: Group;
      readonly units: readonly ValuedUnit[];
    }
  | {
      readonly kind: 'improved';
      readonly measure: Measure;
      readonly group: Group;
      readonly units: readonly ChangedUnit[];
    }
  | {
      readonly kind: 'rose';
      readonly measure: Measure;
      readonly group: Group;
      readonly units: readonly ChangedUnit[];
    }
  | {
      readonly kind: 'groupRange';
      readonly measure: Measure;
      readonly group: Group;
      readonly best: readonly ValuedUnit[];
      readonly worst: readonly ValuedUnit[];
    }
  | {
      readonly kind: 'volume';
      readonly scope: 'departments' | 'districts';
      /** value = 件次. */
      readonly units: readonly ValuedUnit[];
      /** Their share of all 件次 of both 12345 tables, percent scaled. */
      readonly share: number;
      readonly total: number;
    }
  | {
      readonly kind: 'satisfactionBest';
      readonly scope: 'departments' | 'districts';
      readonly named: readonly ValuedUnit[];
      readonly count: number;
      readonly value: number;
    }
  | {
      readonly kind: 'satisfactionBottom';
      readonly scope: 'departments' | 'districts';
      readonly units: readonly ValuedUnit[];
    }
  | {
      readonly kind: 'transferRates';
      /** Units whose 接通率 / 及时反馈率 is below 100 % (value = the rate, scaled). */
      readonly notConnected: readonly ValuedUnit[];
      readonly notTimely: readonly ValuedUnit[];
    }
  | {
      readonly kind: 'transferVolume';
      readonly units: readonly ValuedUnit[];
      readonly share: number;
      readonly total: number;
    };

export interface Paragraph {
  readonly text: string;
  readonly facts: readonly (Fact | SummaryFact)[];
  /** Ids of the charts (`Narrative.charts`) the paragraph announces (“如下图所示”), shown after it. */
  readonly charts?: readonly string[];
  /** A place the writer fills in (诉求热点, 典型案例…): `text` is empty, `prompt` says what goes there. */
  readonly editorial?: { readonly prompt: string };
}

export type SectionId =
  'hotline-handling' | 'hotline-transfers' | 'city-handling' | 'city-figures' | SummarySectionId;

/**
 * The bulletin's parts: 一、基本情况 ('overview'), its （一）12345平台 and （二）数字城管系统
 * ('hotline', 'cityManagement'), and the parts written by hand (二、典型案例 …: 'editorial').
 */
export type Part = 'overview' | 'hotline' | 'cityManagement' | 'editorial';

export interface Section {
  readonly id: SectionId;
  readonly part: Part;
  /** The heading without its number; '' for a part's introduction (no heading of its own). */
  readonly title: string;
  readonly paragraphs: readonly Paragraph[];
}

export interface UnitKey {
  readonly group: Group | null;
  readonly parent: string | null;
  readonly name: string;
}

export interface Comparison {
  readonly previousPeriod: { readonly year: number; readonly month: number } | null;
  readonly matched: number;
  /** Units this month that last month's workbook does not have. */
  readonly newUnits: readonly UnitKey[];
  /** Units of last month's workbook that this month's does not have. */
  readonly goneUnits: readonly UnitKey[];
}

export interface Narrative {
  readonly sections: readonly Section[];
  /** Every chart a paragraph may announce, by id. */
  readonly charts: readonly ChartSpec[];
  /** The summary tables' figures and lists with last month's and the 环比; null without them. */
  readonly summary: SummaryComparison | null;
  /** Null when no previous month was given. */
  readonly comparison: Comparison | null;
  /**
   * [issue 16] What the text marks “【请核对】”, each with why and its cells (in the order the
   * flags were given): say them before the text.
   */
  readonly flags: readonly Flag[];
  /** [issue 16] Implausible 环比 (summaryImplausibleChange), each at this month's cell. */
  readonly diagnostics: readonly SummaryDiagnostic[];
}
