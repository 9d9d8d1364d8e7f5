/**
 * Reading the summary tables from grids, wherever they are: totals laid out as columns (a
 * header of indicators over one row per month or per system) or as label/value pairs
 * (指标 | 数值 | 上月), category lists as tables (类别 | 件数 | 上月 …, several side by side,
 * one value column per area) or as sections under a heading (the 通报数据 template).
 * Numbers typed as text, merged labels, blank and 备注 rows are read as staff type them;
 * nothing throws on data.
 */
import { foldText } from '../core/cells';
import { MAX_COUNT } from '../core/counts';
import { percentOf, toScaled } from '../core/fixed';
import {
  cellAddress,
  isEmptyCell,
  isList,
  type CellValue,
  type MergedArea,
  type SheetGrid,
} from '../core/grid';
import { checkSums, type SumCheck } from './check';
import { DEFAULT_SUMMARY_SETTINGS, type SummarySettings } from './settings';
import {
  areaColumn,
  areaOfText,
  cellText,
  dimensionOfText,
  figureOfLabel,
  isChangeHeader,
  isCountHeader,
  isDimensionHeader,
  isEvaluationOnly,
  isLabelHeader,
  isPreviousHeader,
  isRemark,
  isShareHeader,
  isTotalLabel,
  isValueHeader,
  needsSystem,
  type LabelReading,
  norm,
  periodOfText,
  readLabel,
  rowRole,
  splitSystem,
  stripNumbering,
  systemOfLabel,
  systemOfText,
} from './labels';
import {
  isRate,
  type CategoryDimension,
  type CategoryItem,
  type CategoryList,
  type Figure,
  type FigureId,
  type FigureValue,
  type Located,
  type SummaryDiagnostic,
  type SummaryDiagnosticCode,
  type SummaryDiagnosticParams,
  type SummaryDiscrepancy,
  type SummaryReading,
  type SystemId,
} from './types';

const NUMBERED_RE = /^[(（]?([一二三四五六七八九十]+|\d+)[)）、.．]/;

const NUMBER_RE = /^[+-]?(\d+|\d{1,3}(,\d{3})+)(\.\d+)?%?$/;

interface NumberCell {
  /** Decimal text, without % or separators. */
  readonly text: string;
  readonly percent: boolean;
  readonly number: number;
}

/** A number as typed: a number, or text such as “1,053”, “９９.７４％”, “1.4%”. */
function readNumber(v: CellValue | undefined): NumberCell | null {
  if (typeof v === 'number') {
    return Number.isFinite(v) ? { text: String(v), percent: false, number: v } : null;
  }
  if (typeof v !== 'string') return null;
  const t = foldText(v);
  if (!NUMBER_RE.test(t)) return null;
  const percent = t.endsWith('%');
  const text = t.replace(/,/g, '').replace(/%$/, '');
  const number = Number(text);
  return Number.isFinite(number) ? { text, percent, number } : null;
}

const isNumeric = (v: CellValue | undefined) => readNumber(v) !== null;

/** Text that can be a label: words, not a change noted as “↓22.21%”, “+3.15%”, “—”. */
// Han characters (CJK radicals, Extension A, the unified block, compatibility) or Latin letters;
// written as ranges: `\p{Script=Han}` is ES2018, which the old webviews cannot compile.
const LABEL_RE = /[\u2e80-\u2fdf\u3400-\u4dbf\u4e00-\u9fff\uf900-\ufaffA-Za-z]/;

/** The percentage in hundredths a printed rate means: “99.74%”, 99.74, or 0.9974 (a fraction). */
function rateOf(n: NumberCell, id: FigureId | null): number | null {
  const fraction = !n.percent && n.number <= 1 && n.number > 0 && id !== 'city.reworkRate';
  return toScaled(fraction ? `${n.text}e2` : n.text, 2, 'halfUp')?.scaled ?? null;
}

/** The fraction reading of an ambiguous 返工率 (a plain number up to 1), else nothing. */
function fractionReading(id: FigureId, n: NumberCell): { asFraction?: number } {
  if (id !== 'city.reworkRate' || n.percent || n.number <= 0 || n.number > 1) return {};
  const v = toScaled(`${n.text}e2`, 2, 'halfUp')?.scaled;
  return v === undefined ? {} : { asFraction: v };
}

interface Section {
  readonly dimension: CategoryDimension;
  readonly area: string | null;
  readonly title: string;
  readonly items: CategoryItem[];
  total: CategoryList['total'];
}

interface LvColumns {
  readonly label: number;
  readonly value: number;
  readonly previous: number | null;
}

/** A label read by its own words. */
const OWN = { own: true, alone: null } as const;

/** Notes that say which of two readings was taken: warnings (the figure is used). */
const WARNINGS: readonly SummaryDiagnosticCode[] = [
  'summaryDuplicate',
  'summaryAmbiguous',
  'summaryNoSystem',
  'summaryContextReading',
];

/** What the whole workbook yields, sheet after sheet. */
class Collector {
  period: SummaryReading['period'] = null;
  readonly figures = new Map<FigureId, Figure>();
  /** How each figure's label was read (see readLabel): own words win over the context. */
  private readonly readings = new Map<FigureId, LabelReading>();
  readonly previous = new Map<FigureId, number>();
  readonly lists: CategoryList[] = [];
  readonly sums: SumCheck[] = [];
  readonly diagnostics: SummaryDiagnostic[] = [];
  readonly sheets = new Set<string>();

  notePeriod(text: string): void {
    if (this.period === null) this.period = periodOfText(text);
  }

  diagnose<K extends SummaryDiagnosticCode>(
    code: K,
    at: Located,
    params: SummaryDiagnosticParams[K],
  ): void {
    const severity = WARNINGS.includes(code) ? 'warning' : 'error';
    const { sheet, cell, row } = at;
    this.diagnostics.push({ code, severity, sheet, cell, row, params } as SummaryDiagnostic);
  }

  /**
   * A figure read from a cell, as its label reads (`reading`; a label of the figure's own
   * words when omitted). The same figure twice with different values: a label that names it
   * by its own words wins over one that names it only through its context, the note says
   * which cell was used and names the other, and the other falls back to what its label says
   * by itself (“受理诉求件总数” under a 12345 heading, beside “12345受理量”: the system's total);
   * between equals the first stays (summaryDuplicate).
   */
  addFigure(f: Figure, reading: Pick<LabelReading, 'own' | 'alone'> = OWN): void {
    this.sheets.add(f.sheet);
    const first = this.figures.get(f.id);
    const firstReading = this.readings.get(f.id);
    if (!first || !firstReading) {
      this.figures.set(f.id, f);
      this.readings.set(f.id, { id: f.id, ...reading });
      return;
    }
    if (first.value === f.value) {
      if (first.previous === null && f.previous !== null)
        this.figures.set(f.id, { ...first, previous: f.previous });
      return;
    }
    if (firstReading.own === reading.own) {
      this.diagnose('summaryDuplicate', f, {
        label: f.label,
        first: `${first.sheet}!${first.cell}`,
        value: f.value,
        firstValue: first.value,
      });
      return;
    }
    const [used, other, otherAlone] = reading.own
      ? [f, first, firstReading.alone]
      : [first, f, reading.alone];
    if (reading.own) {
      this.figures.set(f.id, f);
      this.readings.set(f.id, { id: f.id, ...reading });
    }
    this.diagnose('summaryAmbiguous', used, {
      figure: f.id,
      label: used.label,
      value: used.value,
      otherLabel: other.label,
      other: `${other.sheet}!${other.cell}`,
      otherValue: other.value,
    });
    if (otherAlone !== null && isRate(otherAlone) === isRate(f.id))
      this.addFigure({ ...other, id: otherAlone }, OWN);
  }

  /** A figure read through its context where its label alone names another: said. */
  noteContextReadings(): void {
    for (const [id, r] of this.readings) {
      const f = this.figures.get(id);
      if (f === undefined || r.own || r.alone === null) continue;
      this.diagnose('summaryContextReading', f, { label: f.label, figure: id, alone: r.alone });
    }
  }

  addList(list: CategoryList): void {
    if (list.items.length === 0 && list.total === null) return;
    this.sheets.add(list.sheet);
    this.lists.push(list);
    if (list.total !== null && list.items.length > 0) {
      this.sums.push({
        label: `${list.title} ${list.total.label}`,
        total: list.total,
        parts: list.items.map((x) => ({ ...x, label: x.name })),
      });
    }
  }
}

/** A rectangle a reader reads: rows [top, bottom), columns [left, right) of the grid. */
interface Window {
  readonly top: number;
  readonly bottom: number;
  readonly left: number;
  readonly right: number;
}

/**
 * Rows between blank rows (a run without a number joins the run after it: a title and its
 * table's header stay with the table), its leading title rows, and the blocks side by side
 * in the rest: columns separated by an empty column.
 */
interface Band {
  readonly start: number;
  readonly end: number;
  /** The first row after the leading title rows (one text cell each, or blank). */
  readonly body: number;
  /** Column ranges [left, right) of the blocks side by side; one when there is one block. */
  readonly strips: readonly (readonly [number, number])[];
}

/** What a block inherits from the rows above it (a heading, an open list, a 指标|数值 header). */
interface ReaderState {
  readonly system: SystemId | null;
  readonly heading: string;
  readonly section: Section | null;
  readonly lv: readonly LvColumns[] | null;
}

/** Blocks inside blocks inside blocks: deeper nesting is read as one block. */
const MAX_DEPTH = 3;

/** The grid of one sheet as the readers see it: merged labels filled down. */
class SheetCells {
  readonly values: readonly (readonly CellValue[])[];
  private readonly mergedText = new Map<string, string>();

  constructor(readonly grid: SheetGrid) {
    this.values = isList(grid.values) ? grid.values : [];
    // A merged label shows its text in every cell it covers (the rows below read empty).
    for (const m of grid.merges ?? []) {
      const top = this.values[m.top]?.[m.left];
      if (typeof top !== 'string' || top.trim() === '') continue;
      if ((m.bottom - m.top + 1) * (m.right - m.left + 1) > 10_000) continue;
      this.fillMerge(m, top);
    }
  }

  private fillMerge(m: MergedArea, text: string): void {
    // Only the label column of a merge across rows: a title merged across columns stays one cell.
    if (m.bottom === m.top) return;
    for (let r = m.top + 1; r <= m.bottom; r++) this.mergedText.set(`${r},${m.left}`, text);
  }

  cell(r: number, c: number): CellValue {
    const v = this.values[r]?.[c];
    if (!isEmptyCell(v)) return v ?? null;
    return this.mergedText.size === 0 ? null : (this.mergedText.get(`${r},${c}`) ?? null);
  }

  width(r: number): number {
    const row = this.values[r];
    return isList(row) ? row.length : 0;
  }

  private readonly filledRows: (readonly number[] | undefined)[] = [];

  /** The columns of row r with something in them (asked again and again: kept). */
  filled(r: number): readonly number[] {
    let out = this.filledRows[r];
    if (out === undefined) {
      const cols: number[] = [];
      for (let c = 0; c < this.width(r); c++) if (!isEmptyCell(this.cell(r, c))) cols.push(c);
      out = cols;
      this.filledRows[r] = out;
    }
    return out;
  }
}

class SheetReader {
  private system: SystemId | null;
  private heading: string;
  private section: Section | null;
  /** A list this block continues from the rows above: its owner closes it. */
  private readonly inherited: Section | null;
  private lv: readonly LvColumns[] | null;
  private readonly grid: SheetGrid;

  constructor(
    private readonly sheet: SheetCells,
    private readonly out: Collector,
    /** Grid rows [from, to) another reader owns (evaluation and 12345 tables): not read here. */
    private readonly claimed: readonly (readonly [number, number])[] = [],
    private readonly window: Window = {
      top: 0,
      bottom: sheet.values.length,
      left: 0,
      right: Infinity,
    },
    private readonly depth = 0,
    state: ReaderState | null = null,
  ) {
    this.grid = sheet.grid;
    this.system = state?.system ?? null;
    this.heading = state?.heading ?? sheet.grid.name;
    this.section = state?.section ?? null;
    this.inherited = this.section;
    const inside = (c: number | null) => c === null || (c >= window.left && c < window.right);
    this.lv =
      state?.lv?.every((p) => inside(p.label) && inside(p.value) && inside(p.previous)) === true
        ? state.lv
        : null;
  }

  private cell(r: number, c: number): CellValue {
    if (c < this.window.left || c >= this.window.right) return null;
    return this.sheet.cell(r, c);
  }

  private width(r: number): number {
    return Math.min(this.sheet.width(r), this.window.right);
  }

  private at(r: number, c: number): Located {
    const o = this.grid.origin ?? { row: 0, col: 0 };
    return { sheet: this.grid.name, cell: cellAddress(r + o.row, c + o.col), row: r + o.row + 1 };
  }

  private cols(r: number): readonly number[] {
    const all = this.sheet.filled(r);
    const { left, right } = this.window;
    return left === 0 && right === Infinity ? all : all.filter((c) => c >= left && c < right);
  }

  private blank(r: number): boolean {
    return this.cols(r).length === 0;
  }

  read(): void {
    const claimed = [...this.claimed].sort((a, b) => a[0] - b[0]);
    const bands = this.depth < MAX_DEPTH ? this.bands(claimed) : [];
    let band = 0;
    let next = 0;
    for (let r = this.window.top; r < this.window.bottom; r++) {
      // Skip the rows of the evaluation and 12345 tables: they are not summary tables, and
      // a 100,000-row table is not read twice.
      while (next < claimed.length && claimed[next]![1] <= r) next++;
      const span = claimed[next];
      if (span !== undefined && span[0] <= r) {
        this.closeSection();
        r = span[1] - 1;
        continue;
      }
      const filled = this.cols(r);
      if (filled.length === 0) continue;
      // Blocks side by side: each read on its own, from what the rows above say.
      while (band < bands.length && bands[band]!.end <= r) band++;
      const b = bands[band];
      if (b !== undefined && b.start <= r && r >= b.body) {
        this.readSideBySide(r, b);
        r = b.end - 1;
        continue;
      }
      const end = this.categoryTable(r) ?? this.columnsTable(r);
      if (end !== null) {
        r = end - 1;
        continue;
      }
      if (this.lvHeader(r, filled)) continue;
      if (filled.some((c) => isNumeric(this.cell(r, c)))) this.valueRow(r, filled);
      else this.textRow(r, filled);
    }
    this.closeSection();
  }

  /** The bands of this window that hold blocks side by side (two or more strips). */
  private bands(claimed: readonly (readonly [number, number])[]): Band[] {
    interface Run {
      start: number;
      end: number;
      numbers: boolean;
      /** Begins with a heading (one text cell) after a blank row or a claimed table. */
      heading: boolean;
    }
    // Runs of rows between blank rows; parts: runs from one heading to the next.
    const parts: Run[][] = [];
    let part: Run[] = [];
    let run: Run | null = null;
    const endRun = () => {
      if (run === null) return;
      if (run.heading && part.length > 0) {
        parts.push(part);
        part = [];
      }
      part.push(run);
      run = null;
    };
    let next = 0;
    for (let r = this.window.top; r < this.window.bottom; r++) {
      while (next < claimed.length && claimed[next]![1] <= r) next++;
      const span = claimed[next];
      if (span !== undefined && span[0] <= r) {
        endRun();
        if (part.length > 0) parts.push(part);
        part = [];
        r = span[1] - 1;
        continue;
      }
      const filled = this.cols(r);
      if (filled.length === 0) {
        // A run with no number (a title, a header) joins the run after it.
        if (run !== null && run.numbers) endRun();
        continue;
      }
      if (run === null) {
        const heading = filled.length === 1 && !isNumeric(this.cell(r, filled[0]!));
        run = { start: r, end: r + 1, numbers: false, heading };
      }
      run.end = r + 1;
      if (!run.numbers && filled.some((c) => isNumeric(this.cell(r, c)))) run.numbers = true;
    }
    endRun();
    if (part.length > 0) parts.push(part);
    // A part whose blocks stand side by side from its heading down is read block by block,
    // each block from top to bottom (a title over each block stays with it down to its last
    // list); else each run on its own.
    const out: Band[] = [];
    for (const runs of parts) {
      const whole = this.split(runs[0]!.start, runs[runs.length - 1]!.end, claimed);
      if (whole.strips.length > 1) {
        out.push(whole);
        continue;
      }
      if (runs.length === 1) continue;
      for (const { start, end } of runs) {
        const band = this.split(start, end, claimed);
        if (band.strips.length > 1) out.push(band);
      }
    }
    return out;
  }

  /** Rows [start, end): their leading title rows, and the blocks side by side in the rest. */
  private split(start: number, end: number, claimed: readonly (readonly [number, number])[]): Band {
    const isClaimed = (r: number) => claimed.some(([from, to]) => from <= r && r < to);
    let body = start;
    while (body < end) {
      const filled = isClaimed(body) ? [] : this.cols(body);
      if (filled.length > 1 || (filled.length === 1 && isNumeric(this.cell(body, filled[0]!))))
        break;
      body++;
    }
    return { start, end, body, strips: this.strips(body, end, isClaimed) };
  }

  /**
   * The blocks side by side in rows [top, end): runs of columns with something in them,
   * separated by an empty column. A run of numbers whose rows are labelled only in the run on
   * its left (a value column set apart by an empty column) belongs to that run.
   */
  private strips(top: number, end: number, isClaimed: (r: number) => boolean): [number, number][] {
    const used: boolean[] = [];
    for (let r = top; r < end; r++) if (!isClaimed(r)) for (const c of this.cols(r)) used[c] = true;
    // A cell merged across columns joins them.
    for (const m of this.grid.merges ?? []) {
      if (m.top < top || m.top >= end || m.right === m.left) continue;
      if (isEmptyCell(this.cell(m.top, m.left))) continue;
      for (let c = Math.max(m.left, this.window.left); c <= m.right; c++)
        if (c < this.window.right) used[c] = true;
    }
    const runs: [number, number][] = [];
    used.forEach((u, c) => {
      if (!u) return;
      const last = runs[runs.length - 1];
      if (last !== undefined && last[1] === c) last[1] = c + 1;
      else runs.push([c, c + 1]);
    });
    const has = (r: number, [l, rt]: readonly [number, number], numeric: boolean) => {
      for (let c = l; c < rt; c++) {
        const v = this.cell(r, c);
        if (isEmptyCell(v)) continue;
        if (isNumeric(v) === numeric) return true;
      }
      return false;
    };
    const out: [number, number][] = [];
    for (const strip of runs) {
      const left = out[out.length - 1];
      if (left !== undefined) {
        const rows: number[] = [];
        for (let r = top; r < end; r++) if (!isClaimed(r) && has(r, strip, true)) rows.push(r);
        const ownLabels = rows.some((r) => has(r, strip, false));
        if (rows.length > 0 && !ownLabels && rows.every((r) => has(r, left, false))) {
          left[1] = strip[1];
          continue;
        }
      }
      out.push([strip[0], strip[1]]);
    }
    return out;
  }

  /** Rows [r, band end) as blocks side by side: each strip read on its own. */
  private readSideBySide(r: number, band: Band): void {
    const state: ReaderState = {
      system: this.system,
      heading: this.heading,
      section: this.section,
      lv: this.lv,
    };
    for (const [left, right] of band.strips) {
      const window = { top: r, bottom: band.end, left, right };
      new SheetReader(this.sheet, this.out, this.claimed, window, this.depth + 1, state).read();
    }
  }

  private closeSection(): void {
    if (this.section === null) return;
    const s = this.section;
    this.section = null;
    // A list begun above this block is its owner's to close.
    if (s === this.inherited) return;
    this.out.addList({
      dimension: s.dimension,
      area: s.area,
      sheet: this.grid.name,
      title: s.title,
      items: s.items,
      total: s.total,
    });
  }

  /** A row of text only: a title or heading (it sets the context), or a 月份 row. */
  private textRow(r: number, filled: readonly number[]): void {
    const texts = filled.map((c) => cellText(this.cell(r, c))).filter((t) => t !== '');
    if (texts.length === 0) return;
    const first = texts[0]!;
    if (isRemark(first)) return;
    for (const t of texts) this.out.notePeriod(t);
    if (/^(月份|统计月份|期间|统计期间|时间)$/.test(norm(first))) return;
    // A figure's label with text where its number belongs (“约3万”, “#N/A”) — not a header
    // of labels with nothing under them.
    if (
      this.section === null &&
      texts.length >= 2 &&
      figureOfLabel(first, this.system) !== null &&
      figureOfLabel(texts[1]!, 'all') === null
    ) {
      const c = filled.find((x) => x > filled[0]! && cellText(this.cell(r, x)) !== '')!;
      this.out.diagnose('summaryUnreadable', this.at(r, c), { label: first, text: texts[1]! });
      return;
    }
    if (texts.length > 1 && this.section !== null) return; // an unfilled template row
    const text = texts.join('');
    const system = systemOfText(text);
    const dim = dimensionOfText(text, system ?? this.system);
    if (dim !== null) {
      this.closeSection();
      this.heading = text;
      this.system = dim.dimension.startsWith('city') ? 'city' : 'hotline';
      this.section = { ...dim, title: stripNumbering(norm(text)), items: [], total: null };
      return;
    }
    // Within a list, a name whose value is left empty (the template's “突发事件”) is no heading:
    // only a numbered line or a period ends the list.
    if (this.section !== null && !NUMBERED_RE.test(text.trim()) && periodOfText(text) === null)
      return;
    this.closeSection();
    this.heading = text;
    if (system !== null || periodOfText(text) !== null) this.system = system;
  }

  /**
   * “指标 | 数值 | 上月 | 环比”: the columns of the label/value rows that follow; twice in a row
   * (“指标 | 数值 | 指标 | 数值”) for two pairs a row.
   */
  private lvHeader(r: number, filled: readonly number[]): boolean {
    const text = (c: number) => cellText(this.cell(r, c));
    const labels = filled.filter((c) => isLabelHeader(text(c)));
    const pairs: LvColumns[] = [];
    labels.forEach((label, i) => {
      const next = labels[i + 1] ?? Infinity;
      const within = filled.filter((c) => c > label && c < next);
      const value = within.find((c) => isValueHeader(text(c)));
      if (value === undefined) return;
      const previous = within.find((c) => isPreviousHeader(text(c))) ?? null;
      pairs.push({ label, value, previous });
    });
    if (pairs.length === 0) return false;
    this.lv = pairs;
    return true;
  }

  /**
   * A row with numbers outside any table: figures, or entries of the current section. Each
   * number with text on its left is a pair (“立案数 | 51229 | 立案率 | 99.34%” is two); under a
   * 指标 | 数值 header its columns.
   */
  private valueRow(r: number, filled: readonly number[]): void {
    const text = (c: number) => cellText(this.cell(r, c));
    const lv = this.lv;
    if (lv !== null && lv.length === 1) {
      const pair = lv[0]!;
      const firstNumber = filled.find((c) => isNumeric(this.cell(r, c)))!;
      const labelCols = filled.filter((c) => c < firstNumber && text(c) !== '');
      if (labelCols.length === 0) return;
      // Its columns, moved right as far as the label is (a merged system label in front of it).
      const shift = Math.max(0, labelCols[labelCols.length - 1]! - pair.label);
      const previous = pair.previous === null ? null : pair.previous + shift;
      this.readPair(r, labelCols, pair.value + shift, previous);
      return;
    }
    if (lv !== null) {
      for (const pair of lv) {
        const labelCols = filled.filter((c) => c >= pair.label && c < pair.value && text(c) !== '');
        if (labelCols.length > 0) this.readPair(r, labelCols, pair.value, pair.previous);
      }
      return;
    }
    let labels: number[] = [];
    let paired = false;
    for (const c of filled) {
      const t = text(c);
      if (isNumeric(this.cell(r, c))) {
        // Numbers right after a pair's (上月, 环比 without a header) are not pairs of their own.
        if (labels.length > 0) {
          this.readPair(r, labels, c, null);
          paired = true;
          // A list's entry is one name and its count a row: what follows is no other entry.
          if (this.section !== null) return;
        }
        labels = [];
      } else if (t !== '' && (!paired || LABEL_RE.test(t))) {
        // After a pair only words start another (“立案率”), not a change noted “↓22.21%”.
        labels.push(c);
      }
    }
  }

  /** One label (the last of `labelCols`; those before it may name the system) and its value. */
  private readPair(
    r: number,
    labelCols: readonly number[],
    valueCol: number,
    prevCol: number | null,
  ): void {
    const labels = labelCols.map((c) => cellText(this.cell(r, c)));
    const label = labels[labels.length - 1]!;
    if (isRemark(labels[0]!)) return;
    const value = readNumber(this.cell(r, valueCol));
    const prev = prevCol === null ? null : readNumber(this.cell(r, prevCol));
    const at = this.at(r, valueCol);
    if (this.section !== null) {
      if (value === null) return;
      const count = this.count(value, label, at);
      if (count === null) return;
      const previous = prev === null ? null : this.count(prev, label, this.at(r, prevCol!));
      if (isTotalLabel(label)) {
        if (this.section.total === null) this.section.total = { ...at, value: count, label };
      } else {
        this.section.items.push({ ...at, name: label, value: count, previous });
      }
      return;
    }
    // Cells left of the label may name the system (a merged “数字城管系统” down the rows).
    let system = this.system;
    for (const t of labels.slice(0, -1)) {
      const s = splitSystem(norm(t)).system ?? systemOfText(t);
      if (s !== null) system = s;
    }
    const reading = readLabel(label, system);
    if (reading === null) {
      if (system === null && value !== null && needsSystem(label))
        this.out.diagnose('summaryNoSystem', at, { label, value: value.number });
      return;
    }
    const { id } = reading;
    if (value === null) {
      const raw = this.cell(r, valueCol);
      if (!isEmptyCell(raw))
        this.out.diagnose('summaryUnreadable', at, { label, text: String(raw) });
      return;
    }
    const v = this.figureValue(id, value, label, at);
    if (v === null) return;
    const p = prev === null ? null : this.figureValue(id, prev, label, this.at(r, prevCol!));
    this.out.addFigure(
      { id, label, value: v, previous: p, ...fractionReading(id, value), ...at },
      reading,
    );
  }

  private count(n: NumberCell, label: string, at: Located): number | null {
    if (n.percent || !Number.isInteger(n.number) || n.number < 0 || n.number > MAX_COUNT) {
      this.out.diagnose('summaryBadCount', at, { label, value: n.number });
      return null;
    }
    return n.number === 0 ? 0 : n.number;
  }

  private figureValue(id: FigureId, n: NumberCell, label: string, at: Located): number | null {
    if (!isRate(id)) return this.count(n, label, at);
    const v = rateOf(n, id);
    if (v === null || v < 0 || v > 10000) {
      this.out.diagnose('summaryBadCount', at, { label, value: n.number });
      return null;
    }
    return v;
  }

  /**
   * The system each column of a header speaks of, from a row of system names right above it
   * (“12345平台” over 受理量 | 满意度, “数字城管” over 受理量 | 结案率): a name covers its own
   * column and those right of it up to the next name (or its merge).
   */
  private groupSystems(r: number): Map<number, SystemId> {
    const out = new Map<number, SystemId>();
    const above = r - 1;
    if (above < this.window.top) return out;
    const filled = this.cols(above);
    if (filled.length === 0 || filled.some((c) => isNumeric(this.cell(above, c)))) return out;
    const systemOf = (t: string): SystemId | null => {
      const role = rowRole(t);
      return role?.role === 'system' ? role.system : role?.role === 'total' ? 'all' : null;
    };
    const merges = this.grid.merges ?? [];
    filled.forEach((c, i) => {
      const system = systemOf(cellText(this.cell(above, c)));
      if (system === null) return;
      const merge = merges.find((m) => m.top <= above && m.bottom >= above && m.left === c);
      const end = merge !== undefined ? merge.right + 1 : (filled[i + 1] ?? this.width(r));
      for (let x = c; x < end; x++) out.set(x, system);
    });
    return out;
  }

  /**
   * A totals table laid out as columns: a header of indicators, then one row of figures (or
   * one per month, per system, and a 合计 row). Each value is the figure its column's label
   * names. Returns the first row after it, or null.
   */
  private columnsTable(r: number): number | null {
    const filled = this.cols(r);
    const label = (c: number) => cellText(this.cell(r, c));
    const texts = filled.map(label);
    if (texts.some((t) => t === '' || isEvaluationOnly(t))) return null;
    // Labels naming two systems, or the whole system's total: the header speaks of the whole
    // system, whatever the heading above says (“受理诉求件总数 | 12345受理量 | 数字城管有效案件”).
    const named = new Set(texts.map(systemOfLabel).filter((s) => s !== null));
    const context =
      named.has('all') || named.size >= 2 ? 'all' : (systemOfText(this.heading) ?? this.system);
    const groups = this.groupSystems(r);
    const systemAt = (c: number) => groups.get(c) ?? context;
    // “受理量” names a figure once the row says whose (12345平台, 数字城管, 合计).
    const figureCols = filled.filter((c) => figureOfLabel(label(c), systemAt(c) ?? 'all') !== null);
    if (figureCols.length === 0) return null;
    // One label is a table only over a row of numbers with nothing else on it.
    if (figureCols.length === 1 && filled.some((c) => c !== figureCols[0] && c > figureCols[0]!))
      return null;
    const firstFigure = figureCols[0]!;
    // The data rows: labelled by month, by system, 合计 — never by a unit (that is another table).
    interface DataRow {
      readonly r: number;
      readonly role: NonNullable<ReturnType<typeof rowRole>>;
    }
    const rows: DataRow[] = [];
    let end = r + 1;
    for (; end < this.window.bottom; end++) {
      const cols = this.cols(end);
      if (cols.length === 0) break;
      if (!figureCols.some((c) => isNumeric(this.cell(end, c)))) break;
      const labelText = cols
        .filter((c) => c < firstFigure)
        .map((c) => cellText(this.cell(end, c)))
        .filter((t) => t !== '')
        .join('');
      if (isRemark(labelText)) break;
      const role = rowRole(labelText);
      if (role === null) {
        if (rows.length === 0) return null;
        break;
      }
      rows.push({ r: end, role });
    }
    if (rows.length === 0) return null;
    // One label over a column of unlabelled numbers is a list, not a figure.
    if (figureCols.length === 1 && rows.filter((x) => x.role.role === 'current').length > 1)
      return null;
    this.closeSection();
    this.out.notePeriod(this.heading);
    const monthBefore = (p: { year: number; month: number }) => {
      const current = this.out.period;
      if (current === null) return false;
      return current.month === 1
        ? p.year === current.year - 1 && p.month === 12
        : p.year === current.year && p.month === current.month - 1;
    };
    const totalRows = rows.filter((x) => x.role.role === 'total');
    const systemRows = rows.filter((x) => x.role.role === 'system');
    for (const { r: dr, role } of rows) {
      let when: 'current' | 'previous' | null;
      let rowSystem: SystemId | null | undefined;
      switch (role.role) {
        case 'current':
          when = 'current';
          break;
        case 'previous':
          when = 'previous';
          break;
        case 'system':
          when = 'current';
          rowSystem = role.system;
          break;
        case 'total':
          when = 'current';
          rowSystem = 'all';
          break;
        case 'period':
          if (this.out.period === null) this.out.period = { year: role.year, month: role.month };
          when =
            this.out.period.year === role.year && this.out.period.month === role.month
              ? 'current'
              : monthBefore(role)
                ? 'previous'
                : null;
          break;
        case 'month': {
          // A month without its year: this month or the one before, by the month read
          // elsewhere; alone under its header and with no month known, this month's.
          const p = this.out.period;
          const before = p === null ? null : p.month === 1 ? 12 : p.month - 1;
          when =
            p === null
              ? rows.length === 1
                ? 'current'
                : null
              : role.month === p.month
                ? 'current'
                : role.month === before
                  ? 'previous'
                  : null;
          break;
        }
        case 'change':
          when = null;
          break;
      }
      if (when === null) continue;
      for (const c of figureCols) {
        const label = cellText(this.cell(r, c));
        const system = rowSystem ?? systemAt(c);
        const reading = readLabel(label, system);
        const n = readNumber(this.cell(dr, c));
        const at = this.at(dr, c);
        if (reading === null) {
          if (when === 'current' && system === null && n !== null && needsSystem(label))
            this.out.diagnose('summaryNoSystem', at, { label, value: n.number });
          continue;
        }
        const { id } = reading;
        // A 合计 row adds up the system rows: only its 受理 is a figure of its own.
        if (role.role === 'total' && systemRows.length > 0 && id !== 'system.accepted') continue;
        if (n === null) {
          const raw = this.cell(dr, c);
          if (!isEmptyCell(raw))
            this.out.diagnose('summaryUnreadable', at, { label, text: String(raw) });
          continue;
        }
        const v = this.figureValue(id, n, label, at);
        if (v === null) continue;
        if (when === 'previous') {
          if (!this.out.previous.has(id)) this.out.previous.set(id, v);
        } else {
          this.out.addFigure(
            { id, label, value: v, previous: null, ...fractionReading(id, n), ...at },
            reading,
          );
        }
      }
    }
    // A 合计 row under system rows: each count column is the sum of the rows above it.
    for (const total of totalRows) {
      for (const c of figureCols) {
        const label = cellText(this.cell(r, c));
        const id = figureOfLabel(label, 'city') ?? figureOfLabel(label, 'hotline');
        if (id !== null && isRate(id)) continue;
        const t = readNumber(this.cell(total.r, c));
        if (t === null || !Number.isInteger(t.number)) continue;
        const parts = systemRows.flatMap(({ r: pr }) => {
          const n = readNumber(this.cell(pr, c));
          return n !== null && Number.isInteger(n.number)
            ? [
                {
                  ...this.at(pr, c),
                  label: cellText(this.cell(pr, firstFigure - 1)) || label,
                  value: n.number,
                },
              ]
            : [];
        });
        if (parts.length === 0) continue;
        this.out.sums.push({
          label: `${label} ${cellText(this.cell(total.r, Math.max(0, firstFigure - 1))) || '合计'}`,
          total: { ...this.at(total.r, c), value: t.number },
          parts,
        });
      }
    }
    this.out.sheets.add(this.grid.name);
    return end;
  }

  /**
   * Category tables: a header with one or more name columns (类别, 诉求类型, 事件小类 …),
   * each followed by its value columns (件数; 五城区 | 七县（市）; 上月). Returns the first row
   * after them, or null.
   */
  private categoryTable(r: number): number | null {
    const filled = this.cols(r);
    const text = (c: number) => cellText(this.cell(r, c));
    if (filled.some((c) => isEvaluationOnly(text(c)))) return null;
    const dims = filled.filter((c) => isDimensionHeader(text(c)));
    if (dims.length === 0) return null;
    interface Group {
      readonly name: number;
      readonly lists: {
        readonly col: number;
        readonly dimension: CategoryDimension;
        readonly area: string | null;
        readonly title: string;
        readonly previous: number | null;
        readonly items: CategoryItem[];
        total: CategoryList['total'];
      }[];
    }
    const groups: Group[] = [];
    dims.forEach((d, i) => {
      const next = dims[i + 1] ?? Infinity;
      const header = text(d);
      const generic = !/事件|部件|诉求|类型|渠道|来源/.test(norm(header));
      const dim = generic
        ? dimensionOfText(`${this.heading}${header}`, this.system)
        : dimensionOfText(header, this.system);
      if (dim === null) return;
      const area = dim.area ?? areaOfText(this.heading);
      const valueCols = filled.filter((c) => c > d && c < next);
      const previous = valueCols.find((c) => isPreviousHeader(text(c))) ?? null;
      const lists: Group['lists'][number][] = [];
      for (const c of valueCols) {
        const h = text(c);
        if (isPreviousHeader(h) || isChangeHeader(h) || isShareHeader(h)) continue;
        const byArea = areaColumn(h);
        if (!isCountHeader(h) && byArea === null) continue;
        const listArea = byArea !== null ? byArea.area : area;
        lists.push({
          col: c,
          dimension: dim.dimension,
          area: listArea,
          title: stripNumbering(norm(generic ? `${this.heading}` : header)) || header,
          previous: lists.length === 0 ? previous : null,
          items: [],
          total: null,
        });
      }
      if (lists.length > 0) groups.push({ name: d, lists });
    });
    if (groups.length === 0) return null;
    this.closeSection();
    let end = r + 1;
    let any = false;
    for (; end < this.window.bottom; end++) {
      if (this.blank(end)) {
        if (any) break;
        continue;
      }
      if (this.categoryHeaderLike(end)) break;
      let rowHasNumber = false;
      for (const g of groups) {
        const name = cellText(this.cell(end, g.name));
        if (name === '' || isRemark(name)) continue;
        for (const list of g.lists) {
          const raw = this.cell(end, list.col);
          const n = readNumber(raw);
          const at = this.at(end, list.col);
          if (n === null) {
            if (!isEmptyCell(raw))
              this.out.diagnose('summaryUnreadable', at, { label: name, text: String(raw) });
            continue;
          }
          rowHasNumber = true;
          const value = this.count(n, name, at);
          if (value === null) continue;
          const pn = list.previous === null ? null : readNumber(this.cell(end, list.previous));
          const previous =
            pn === null || list.previous === null
              ? null
              : this.count(pn, name, this.at(end, list.previous));
          if (isTotalLabel(name)) {
            if (list.total === null) list.total = { ...at, value, label: name };
          } else {
            list.items.push({ ...at, name, value, previous });
          }
        }
      }
      if (rowHasNumber) any = true;
      else if (any && this.isHeadingRow(end)) break;
    }
    for (const g of groups) {
      for (const list of g.lists) {
        this.out.addList({
          dimension: list.dimension,
          area: list.area,
          sheet: this.grid.name,
          title: list.title,
          items: list.items,
          total: list.total,
        });
      }
    }
    return end;
  }

  private categoryHeaderLike(r: number): boolean {
    return this.cols(r).some((c) => {
      const t = cellText(this.cell(r, c));
      return (
        isDimensionHeader(t) &&
        this.cols(r).some((d) => d > c && isCountHeader(cellText(this.cell(r, d))))
      );
    });
  }

  private isHeadingRow(r: number): boolean {
    const filled = this.cols(r);
    if (filled.some((c) => isNumeric(this.cell(r, c)))) return false;
    const t = filled.map((c) => cellText(this.cell(r, c))).join('');
    return systemOfText(t) !== null || NUMBERED_RE.test(t);
  }
}

/** The values the paragraphs use: printed figures; rates from their counts; missing sums. */
function resolveValues(
  figures: ReadonlyMap<FigureId, Figure>,
  discrepancies: SummaryDiscrepancy[],
  tally: { checked: number },
): SummaryReading['values'] {
  const values: { [K in FigureId]?: FigureValue } = {};
  for (const [id, f] of figures) values[id] = { value: f.value, source: 'printed', at: f };
  const count = (id: FigureId) => figures.get(id)?.value ?? null;
  const rate = (id: FigureId, part: FigureId, whole: FigureId) => {
    const p = count(part);
    const w = count(whole);
    if (p === null || w === null || w === 0) return;
    const computed = percentOf(p, w);
    const printed = figures.get(id);
    if (printed) {
      tally.checked++;
      // 返工率 stored as a fraction (0.014 for 1.4 %) reads as printed when its counts agree.
      if (printed.value !== computed && printed.asFraction !== computed) {
        discrepancies.push({
          kind: 'rate',
          label: printed.label,
          printed: printed.value,
          recomputed: computed,
          unit: 'percent',
          sheet: printed.sheet,
          cell: printed.cell,
          row: printed.row,
          parts: [part, whole].map((x) => {
            const f = figures.get(x)!;
            return { sheet: f.sheet, cell: f.cell, row: f.row, label: f.label, value: f.value };
          }),
        });
      }
    }
    values[id] = { value: computed, source: 'computed', at: printed ?? null };
  };
  rate('city.closedRate', 'city.closed', 'city.toClose');
  rate('city.onTimeRate', 'city.closedOnTime', 'city.toClose');
  rate('city.reworkRate', 'city.rework', 'city.disposed');
  const sum = (id: FigureId, parts: readonly FigureId[]) => {
    if (values[id] !== undefined) return;
    const vs = parts.map((p) => values[p]?.value);
    if (vs.every((v): v is number => v !== undefined))
      values[id] = { value: vs.reduce((a, b) => a + b, 0), source: 'computed', at: null };
  };
  sum('city.accepted', ['city.events', 'city.parts']);
  sum('system.accepted', ['hotline.accepted', 'city.accepted']);
  return values;
}

/**
 * Every summary figure and category list of the workbook, with where each was read, every
 * total recomputed from its parts (a difference is a discrepancy with its cell; a total whose
 * parts are not in the workbook is left alone) and every data problem as a diagnostic.
 */
export function readSummary(
  sheets: readonly SheetGrid[],
  settings: Pick<SummarySettings, 'completeLists'> = DEFAULT_SUMMARY_SETTINGS,
  /** Per sheet name, grid rows [from, to) that other tables occupy: skipped. */
  claimed: ReadonlyMap<string, readonly (readonly [number, number])[]> = new Map(),
): SummaryReading {
  const out = new Collector();
  for (const sheet of isList(sheets) ? sheets : [])
    new SheetReader(new SheetCells(sheet), out, claimed.get(sheet.name) ?? []).read();
  out.noteContextReadings();
  for (const [id, p] of out.previous) {
    const f = out.figures.get(id);
    if (f && f.previous === null) out.figures.set(id, { ...f, previous: p });
  }
  const discrepancies: SummaryDiscrepancy[] = [];
  const tally = { checked: 0 };
  const values = resolveValues(out.figures, discrepancies, tally);
  discrepancies.push(...checkSums(out.sums, out.figures, out.lists, settings.completeLists, tally));
  return {
    checked: tally.checked,
    period: out.period,
    figures: [...out.figures.values()],
    values,
    lists: out.lists,
    discrepancies,
    diagnostics: out.diagnostics,
    sheets: [...out.sheets],
  };
}

/**
 * Last month as the same workbook prints it in its 上月 columns or rows, as a reading of its
 * own (for compareSummary when no previous workbook is given); null when there is none.
 */
export function lastMonthFromColumns(reading: SummaryReading): SummaryReading | null {
  const figures = reading.figures.flatMap((f) =>
    f.previous === null ? [] : [{ ...f, value: f.previous, previous: null }],
  );
  const lists = reading.lists.flatMap((l) => {
    const items = l.items.flatMap((x) =>
      x.previous === null ? [] : [{ ...x, value: x.previous, previous: null }],
    );
    return items.length === 0 ? [] : [{ ...l, items, total: null }];
  });
  if (figures.length === 0 && lists.length === 0) return null;
  const map = new Map(figures.map((f) => [f.id, f] as const));
  const period = reading.period;
  return {
    period:
      period === null
        ? null
        : period.month === 1
          ? { year: period.year - 1, month: 12 }
          : { year: period.year, month: period.month - 1 },
    figures,
    values: resolveValues(map, [], { checked: 0 }),
    lists,
    discrepancies: [],
    checked: 0,
    diagnostics: [],
    sheets: reading.sheets,
  };
}
