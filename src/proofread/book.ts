/**
 * What Tongbao computed for the month, arranged for checking a text against it: every unit of
 * the evaluation tables (recomputed figures, never the printed cells), every row of the 12345
 * tables, every category of the summary tables, the summary figures — each with last month's
 * value when last month is given — and the names a writer may call each by.
 */
import { percentOf } from '../core/fixed';
import { cellAddress } from '../core/grid';
import { decimalsOf, type Analysis, type Unit } from '../evaluation/analyze';
import type { HotlineKind, HotlineRow, HotlineTable } from '../hotline/detect';
import { matchMonths } from '../narrative/compare';
import { displayName } from '../narrative/names';
import { compareSummary, lastMonthFromColumns } from '../summary/index';
import type {
  ComparedItem,
  ComparedList,
  FigureId,
  Located,
  SummaryComparison,
} from '../summary/types';
import { foldName } from './fold';
import { categoryForms, nameForms } from './names';

export interface EvalEntity {
  readonly type: 'eval';
  readonly id: number;
  readonly unit: Unit;
  /** The ranking group: the table's narrative group, else its title. */
  readonly group: string;
  /** As the narrative writes it. */
  readonly name: string;
  readonly previous: Unit | null;
}

export interface HotlineEntity {
  readonly type: 'hotline';
  readonly id: number;
  readonly kind: HotlineKind;
  readonly table: HotlineTable;
  readonly row: HotlineRow;
  readonly name: string;
  readonly previous: HotlineRow | null;
  /** Named in no 12345 list (settings `narrative.hotline.leftOut`). */
  readonly leftOut: boolean;
}

export interface CategoryEntity {
  readonly type: 'category';
  readonly id: number;
  readonly list: ComparedList;
  readonly item: ComparedItem;
  readonly name: string;
}

export type Entity = EvalEntity | HotlineEntity | CategoryEntity;

export type Universe = 'eval' | 'hotline' | 'transfers' | 'category';

/** A figure a unit or category has: a scheme figure, a 12345 figure, a category's count. */
export interface Metric {
  readonly key: string;
  /** Its Chinese name in findings: 按期结案率, 受理量, 满意度… */
  readonly label: string;
  readonly universe: Universe;
  readonly decimals: number;
  /** As the bulletin writes it after the number. */
  readonly unit: '分' | '%' | '件次' | '件';
  /** A rate or index: its 环比 is a difference; a count's is relative. */
  readonly difference: boolean;
}

export function universeOf(e: Entity): Universe {
  if (e.type === 'hotline') return e.kind === 'transfers' ? 'transfers' : 'hotline';
  return e.type;
}

/** Where a figure is printed, for a finding: sheet, cell (null when no single cell). */
export interface Where {
  readonly sheet: string | null;
  readonly cell: string | null;
  /** 1-based row when there is no cell (the 12345 tables keep rows only). */
  readonly row: number | null;
  /** The printed cell differs from the recomputed figure: what it prints. */
  readonly printed: string | null;
}

export class Book {
  readonly entities: Entity[] = [];
  readonly metrics: Metric[] = [];
  /** Folded name form → the entities it names. */
  private readonly forms = new Map<string, Entity[]>();
  readonly maxForm: number;
  readonly summary: SummaryComparison;
  readonly hasPrevious: boolean;
  /** The summary figures' cells. */
  private readonly figureAt = new Map<FigureId, Located | null>();
  private readonly computedFigure = new Set<FigureId>();

  constructor(
    readonly current: Analysis,
    readonly previous: Analysis | null,
  ) {
    const s = current.settings.narrative;
    const match = previous === null ? null : matchMonths(current, previous);
    let id = 0;
    const groupOf = (u: Unit) => u.group ?? u.table;
    for (const unit of current.units) {
      const e: EvalEntity = {
        type: 'eval',
        id: id++,
        unit,
        group: groupOf(unit),
        name: displayName(unit.name, unit.group, s),
        previous: match?.previousOf.get(unit) ?? null,
      };
      this.entities.push(e);
      for (const f of nameForms(unit.name, unit.group, s)) this.addForm(f, e);
    }
    const leftOut = new Set(s.hotline.leftOut.map(foldName));
    const previousRows = new Map<string, HotlineRow>();
    for (const t of previous?.hotline ?? [])
      for (const r of t.rows) {
        const key = `${t.kind}|${foldName(r.name)}`;
        if (!previousRows.has(key)) previousRows.set(key, r);
      }
    for (const table of current.hotline) {
      for (const row of table.rows) {
        const e: HotlineEntity = {
          type: 'hotline',
          id: id++,
          kind: table.kind,
          table,
          row,
          name: displayName(row.name, null, s),
          previous: previousRows.get(`${table.kind}|${foldName(row.name)}`) ?? null,
          leftOut: leftOut.has(foldName(row.name)),
        };
        this.entities.push(e);
        for (const f of nameForms(row.name, null, s)) this.addForm(f, e);
      }
    }
    // The summary tables, with last month's: the previous workbook's, else a 上月 column.
    const reading = current.summary;
    const previousReading =
      previous !== null && previous.summary.sheets.length > 0
        ? previous.summary
        : lastMonthFromColumns(reading);
    this.summary = compareSummary(reading, previousReading, current.settings.summary);
    this.hasPrevious = previous !== null || previousReading !== null;
    for (const [key, v] of Object.entries(reading.values)) {
      this.figureAt.set(key as FigureId, v?.at ?? null);
      if (v?.source === 'computed') this.computedFigure.add(key as FigureId);
    }
    for (const list of this.summary.lists) {
      for (const item of list.items) {
        const e: CategoryEntity = { type: 'category', id: id++, list, item, name: item.name };
        this.entities.push(e);
        for (const f of categoryForms(item.name)) this.addForm(f, e);
      }
    }
    this.maxForm = Math.max(2, ...[...this.forms.keys()].map((k) => k.length));
    // The figures a text may give a unit or category.
    for (const f of current.scheme.figures) {
      if (f.kind !== 'rate' && f.kind !== 'index') continue;
      const measure = current.scheme.measures.find((m) => m.figure === f.key);
      this.metrics.push({
        key: f.key,
        label: f.key,
        universe: 'eval',
        decimals: decimalsOf(current, f.key),
        unit: measure?.unit ?? (f.kind === 'rate' ? '%' : '分'),
        difference: true,
      });
    }
    this.metrics.push(
      {
        key: 'hotline.count',
        label: '受理量',
        universe: 'hotline',
        decimals: 0,
        unit: '件次',
        difference: false,
      },
      {
        key: 'hotline.satisfaction',
        label: '满意度',
        universe: 'hotline',
        decimals: 2,
        unit: '%',
        difference: true,
      },
      {
        key: 'transfers.count',
        label: '转接诉求量',
        universe: 'transfers',
        decimals: 0,
        unit: '件',
        difference: false,
      },
      {
        key: 'transfers.connected',
        label: '接通率',
        universe: 'transfers',
        decimals: 2,
        unit: '%',
        difference: true,
      },
      {
        key: 'transfers.timely',
        label: '及时反馈率',
        universe: 'transfers',
        decimals: 2,
        unit: '%',
        difference: true,
      },
      {
        key: 'category.count',
        label: '受理量',
        universe: 'category',
        decimals: 0,
        unit: '件',
        difference: false,
      },
    );
  }

  private addForm(form: string, e: Entity): void {
    const list = this.forms.get(form);
    if (!list) this.forms.set(form, [e]);
    else if (!list.includes(e)) list.push(e);
  }

  /** The entities a folded form names exactly. */
  named(form: string): readonly Entity[] {
    return this.forms.get(form) ?? [];
  }

  metric(key: string): Metric | null {
    return this.metrics.find((m) => m.key === key) ?? null;
  }

  /** The metric counting a universe (件次, 件). */
  countMetric(u: Universe): Metric | null {
    const key =
      u === 'hotline'
        ? 'hotline.count'
        : u === 'transfers'
          ? 'transfers.count'
          : u === 'category'
            ? 'category.count'
            : null;
    return key === null ? null : this.metric(key);
  }

  /** The value of a metric for an entity (scaled at the metric's decimals); last month's with `last`. */
  value(m: Metric, e: Entity, last = false): number | null {
    if (m.universe !== universeOf(e)) return null;
    if (e.type === 'eval') {
      const u = last ? e.previous : e.unit;
      if (u === null || !u.evaluated) return null;
      const v = u.figures[m.key];
      return typeof v === 'number' ? v : null;
    }
    if (e.type === 'hotline') {
      const r = last ? e.previous : e.row;
      if (r === null) return null;
      switch (m.key) {
        case 'hotline.count':
        case 'transfers.count':
          return r.count;
        case 'hotline.satisfaction':
          return r.satisfaction;
        case 'transfers.connected':
          return r.connected === null || r.count === 0 ? null : percentOf(r.connected, r.count);
        case 'transfers.timely':
          return r.timely === null || r.count === 0 ? null : percentOf(r.timely, r.count);
      }
      return null;
    }
    return last ? e.item.previous : e.item.value;
  }

  /**
   * The units ranked together with `e` by `m`, as the narrative ranks them: top-level evaluated
   * units of one group; the rows of one kind of 12345 table; the items of one category list.
   */
  population(m: Metric, e: Entity): Entity[] {
    return this.entities.filter((x) => {
      if (universeOf(x) !== m.universe || this.value(m, x) === null) return false;
      if (x.type === 'eval' && e.type === 'eval')
        return x.unit.parent === null && x.group === e.group;
      if (x.type === 'hotline' && e.type === 'hotline') return x.kind === e.kind;
      if (x.type === 'category' && e.type === 'category') return x.list === e.list;
      return false;
    });
  }

  /** Units of an evaluation group (五城区…) or a 12345 scope, for a sentence that names the group. */
  groupPopulation(m: Metric, group: string): Entity[] {
    return this.entities.filter((x) => {
      if (universeOf(x) !== m.universe || this.value(m, x) === null) return false;
      if (x.type === 'eval') return x.unit.parent === null && foldName(x.group) === foldName(group);
      if (x.type === 'hotline') return group === x.kind;
      return false;
    });
  }

  /** Where a metric of an entity is printed. */
  where(m: Metric, e: Entity): Where {
    if (e.type === 'eval') {
      const u = e.unit;
      const table = this.current.tables[u.tableIndex];
      const col = table?.columns.printed[m.key];
      const cell =
        table !== undefined && col !== undefined
          ? cellAddress(u.row - 1, table.origin.col + col)
          : null;
      const d = this.current.discrepancies.find(
        (x) => x.kind === 'computed' && x.sheet === u.sheet && x.row === u.row && x.field === m.key,
      );
      return {
        sheet: u.sheet,
        cell,
        row: cell === null ? u.row : null,
        printed: d === undefined || d.printed === null ? null : String(d.printed),
      };
    }
    if (e.type === 'hotline')
      return { sheet: e.table.sheet, cell: null, row: e.row.row, printed: null };
    return { sheet: e.item.at.sheet, cell: e.item.at.cell, row: null, printed: null };
  }

  /** Where a summary figure is printed; computed from its counts when `computed`. */
  figureWhere(id: FigureId): Where & { computed: boolean } {
    const at = this.figureAt.get(id) ?? null;
    return {
      sheet: at?.sheet ?? null,
      cell: at?.cell ?? null,
      row: null,
      printed: null,
      computed: this.computedFigure.has(id),
    };
  }

  /** All 件次 of both 12345 tables: what “占诉求件总数” divides by. */
  hotlineTotal(): number | null {
    const rows = this.current.hotline.filter((t) => t.kind !== 'transfers').flatMap((t) => t.rows);
    return rows.length === 0 ? null : rows.reduce((s, r) => s + r.count, 0);
  }

  /** All transferred calls: what “占转接总数” divides by. */
  transferTotal(): number | null {
    const rows = this.current.hotline.filter((t) => t.kind === 'transfers').flatMap((t) => t.rows);
    return rows.length === 0 ? null : rows.reduce((s, r) => s + r.count, 0);
  }
}
