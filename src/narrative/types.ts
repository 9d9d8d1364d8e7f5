import type { Group } from '../tables/groups';

/** The two measures the bulletin ranks 数字城管 units by. */
export type Measure = 'index' | 'onTime';

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
  readonly facts: readonly Fact[];
}

export type SectionId = 'hotline-handling' | 'hotline-transfers' | 'city-handling';

export interface Section {
  readonly id: SectionId;
  /** The bulletin part it belongs to: 12345 平台 or 数字城管系统. */
  readonly part: 'hotline' | 'cityManagement';
  readonly title: string;
  readonly paragraphs: readonly Paragraph[];
}

export interface UnitKey {
  readonly group: Group;
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
  /** Null when no previous month was given. */
  readonly comparison: Comparison | null;
}
