/**
 * [issue 16] Never silent: a sentence built on a figure a reader doubts is marked in the text
 * (“【请核对】” right after the figure or its clause) and the diagnostics say why.
 *
 * A flag names what is doubted — a summary figure, a category of a summary list, or a unit's
 * row — and why. The readers' flags come from here (a total that is not the sum of its parts,
 * an implausible 环比, a figure read with a warning, a unit whose row has an error); any other
 * reader may add its own (`buildNarrative`'s `extraFlags`). A printed figure that disagrees with
 * its recomputation is not flagged: the text states the recomputed one.
 */
import { foldText } from '../core/cells';
import type { Analysis } from '../evaluation/analyze';
import {
  changesStated,
  compareSummary,
  implausibleChanges,
  type PreviousSource,
} from '../summary/compare';
import type { SummarySettings } from '../summary/settings';
import type {
  CategoryDimension,
  FigureId,
  SummaryDiagnostic,
  SummaryDiagnosticCode,
  SummaryReading,
} from '../summary/types';

/**
 * Why: 'totals' a total and its parts disagree; 'change' an implausible 环比; 'reading' the
 * figure was read with a doubt (printed twice with different values, an ambiguous label);
 * 'unit' the unit's row has an error.
 */
export type FlagReason = 'totals' | 'change' | 'reading' | 'unit';

export type FlagTarget =
  | { readonly kind: 'figure'; readonly id: FigureId }
  | {
      readonly kind: 'item';
      readonly dimension: CategoryDimension;
      readonly area: string | null;
      readonly name: string;
    }
  /** A unit (evaluation or 12345 table) by its sheet and 1-based row. */
  | { readonly kind: 'unit'; readonly sheet: string; readonly row: number };

export interface Flag {
  readonly target: FlagTarget;
  readonly reason: FlagReason;
  /** What is doubted as the sheet names it: “受理诉求件（案件）”, “城乡建设类”, “台江区政府”. */
  readonly label: string;
  /** The cells to look at, “sheet!A1”: the doubted figure's first. */
  readonly cells: readonly string[];
}

/**
 * Summary diagnostics that flag the figure or category at their cell whatever their severity
 * (a warning or an error always does). A reader that says which of two readings it took adds
 * its code here.
 */
export const FLAGGING_CODES: readonly SummaryDiagnosticCode[] = [
  'summaryDuplicate',
  'summaryAmbiguous',
];

const at = (x: { readonly sheet: string; readonly cell: string }) => `${x.sheet}!${x.cell}`;
const nameKey = foldText;

/**
 * The cells a summary diagnostic is about: its own, and the other one of a figure printed
 * twice (the first is used) or read from two labels (the diagnostic's is used).
 */
function cellsOf(d: SummaryDiagnostic): string[] {
  if (d.code === 'summaryDuplicate') return [d.params.first, at(d)];
  if (d.code === 'summaryAmbiguous') return [at(d), d.params.other];
  return [at(d)];
}

/**
 * The summary tables' flags, and the diagnostics of the implausible 环比 (the readings carry
 * the others). `previous` is last month's reading as the text compares with it.
 */
export function summaryFlags(
  current: SummaryReading,
  previous: SummaryReading | null,
  settings: SummarySettings,
  source: PreviousSource = { columns: false, book: false },
): { readonly flags: Flag[]; readonly diagnostics: SummaryDiagnostic[] } {
  const flags: Flag[] = [];
  const figureAt = new Map(current.figures.map((f) => [at(f), f] as const));
  // A total and its parts disagree: the total and every part that is a figure of the text.
  for (const d of current.discrepancies) {
    if (d.kind !== 'total') continue;
    const total = at(d);
    for (const cell of [total, ...d.parts.map(at)]) {
      const f = figureAt.get(cell);
      if (f === undefined || flags.some((x) => x.target.kind === 'figure' && x.target.id === f.id))
        continue;
      flags.push({
        target: { kind: 'figure', id: f.id },
        reason: 'totals',
        label: f.label,
        cells: cell === total ? [total] : [cell, total],
      });
    }
  }
  // A figure or category read with a doubt.
  for (const d of current.diagnostics) {
    if (d.severity === 'info' && !FLAGGING_CODES.includes(d.code)) continue;
    const cells = cellsOf(d);
    for (const f of current.figures)
      if (cells.includes(at(f)))
        flags.push({
          target: { kind: 'figure', id: f.id },
          reason: 'reading',
          label: f.label,
          cells,
        });
    for (const l of current.lists)
      for (const x of l.items)
        if (cells.includes(at(x)))
          flags.push({
            target: { kind: 'item', dimension: l.dimension, area: l.area, name: x.name },
            reason: 'reading',
            label: x.name,
            cells,
          });
  }
  const cmp = compareSummary(current, previous, settings);
  const changes = implausibleChanges(cmp, current, previous, source, (l) =>
    changesStated(l, settings),
  );
  for (const c of changes) {
    const d = c.diagnostic;
    flags.push({
      target: c.target,
      reason: 'change',
      label: d.params.label,
      cells: [at(d), ...(d.params.previousCell === null ? [] : [d.params.previousCell])],
    });
  }
  return { flags, diagnostics: changes.map((c) => c.diagnostic) };
}

/** Units whose row carries an error diagnostic: a sentence naming one is marked. */
export function unitFlags(a: Analysis): Flag[] {
  const names = new Map<string, string>();
  for (const u of a.units) names.set(`${u.sheet}|${u.row}`, u.name);
  for (const t of a.hotline) for (const r of t.rows) names.set(`${t.sheet}|${r.row}`, r.name);
  const flags: Flag[] = [];
  for (const d of a.diagnostics) {
    if (d.severity !== 'error') continue;
    const name = names.get(`${d.sheet}|${d.row}`);
    if (name === undefined) continue;
    const same = flags.find(
      (x) => x.target.kind === 'unit' && x.target.sheet === d.sheet && x.target.row === d.row,
    );
    if (same) {
      if (!same.cells.includes(at(d)))
        flags[flags.indexOf(same)] = { ...same, cells: [...same.cells, at(d)] };
      continue;
    }
    flags.push({
      target: { kind: 'unit', sheet: d.sheet, row: d.row },
      reason: 'unit',
      label: name,
      cells: [at(d)],
    });
  }
  return flags;
}

/** The counts a computed figure is made of: flagged parts flag it. */
const PARTS: { readonly [K in FigureId]?: readonly FigureId[] } = {
  'system.accepted': ['hotline.accepted', 'city.accepted'],
  'city.accepted': ['city.events', 'city.parts'],
  'city.closedRate': ['city.closed', 'city.toClose'],
  'city.onTimeRate': ['city.closedOnTime', 'city.toClose'],
  'city.reworkRate': ['city.rework', 'city.disposed'],
};

/**
 * The marks the paragraphs place: each lookup returns the mark (“【请核对】”) or '' and
 * remembers the flags it was placed for, so the diagnostics list says why for each mark.
 */
export class FlagMarks {
  private readonly used = new Set<Flag>();

  constructor(
    readonly flags: readonly Flag[],
    readonly mark: string,
    /** This month's summary reading: a figure it computes (a sum, a rate) is flagged by its parts. */
    private readonly reading: SummaryReading | null = null,
  ) {}

  private place(found: readonly Flag[]): string {
    for (const f of found) this.used.add(f);
    return found.length > 0 ? this.mark : '';
  }

  private figureFlags(id: FigureId, seen: Set<FigureId> = new Set()): Flag[] {
    if (seen.has(id)) return [];
    seen.add(id);
    const own = this.flags.filter((f) => f.target.kind === 'figure' && f.target.id === id);
    if (this.reading?.values[id]?.source !== 'computed') return own;
    return [...own, ...(PARTS[id] ?? []).flatMap((p) => this.figureFlags(p, seen))];
  }

  /** After a summary figure (or its clause). */
  figure(id: FigureId): string {
    return this.place(this.figureFlags(id));
  }

  /**
   * After a category of a summary list: its count ('value': read with a doubt) or its 环比
   * ('change': implausible) — one mark each, where the sentence states what is doubted.
   */
  item(
    dimension: CategoryDimension,
    area: string | null,
    name: string,
    where: 'value' | 'change',
  ): string {
    const key = nameKey(name);
    return this.place(
      this.flags.filter(
        (f) =>
          f.target.kind === 'item' &&
          (f.reason === 'change') === (where === 'change') &&
          f.target.dimension === dimension &&
          f.target.area === area &&
          nameKey(f.target.name) === key,
      ),
    );
  }

  /** After a unit a ranking sentence names (with its figure, if the sentence gives one). */
  unit(u: { readonly sheet: string; readonly row: number }): string {
    return this.place(
      this.flags.filter(
        (f) => f.target.kind === 'unit' && f.target.sheet === u.sheet && f.target.row === u.row,
      ),
    );
  }

  /** The flags a mark was placed for, in the order they were given. */
  marked(): Flag[] {
    return this.flags.filter((f) => this.used.has(f));
  }
}
