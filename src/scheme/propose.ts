/**
 * [issue 16] The formula behind each printed figure column of a table no preset scheme reads,
 * found from the table itself: for a rate, the numerator and denominator over the table's count
 * columns, the decimals and the rounding that reproduce the printed values; for a count, the
 * other counts it is the sum of (派遣数 = 完成数 + 未完成数); for a change, this period's count
 * against last period's; for a score, a weighted sum when the weights are printed in the header;
 * for a rank, the figure it ranks. Every comparison is exact (scaled integers, BigInt where a
 * product could pass 2^53): a printed “97%” in a column printed at 2 decimals is 97.00.
 *
 * The search. Count columns are this period's figure columns holding whole numbers that are not
 * percentages, ranks or …率/得分 columns. A rate's numerator is one count, a sum or difference of
 * two, or one count minus two others (常州: 总立案数 − 超时 − 其它超时, tried only when nothing
 * simpler fits every row); its denominator one count or a sum of two; rounding half-up, half-even,
 * truncation or rounding up; scale 100 for a percentage. Each candidate is tried on up to 12 rows
 * first and dropped once it misses half of them; the survivors are checked on every row.
 *
 * The choice: most rows fitting; then the header's names (结案率 ↔ 结案数 / 应结案数, 办结 ≡ 结案,
 * 按时 + 超时 办结); then the denominator the table's other rates use; then fewer terms; then
 * columns nearer the printed one; then half-up. Formulas fitting as many rows are kept as
 * `alternatives`. When to propose (decided here, said in the tests):
 *  - a formula the header names (its numerator and denominator both): it fits ≥ 2 rows and more
 *    than half of the rows it can check (a misprint in a 3-row table is still found);
 *  - any other: it fits ≥ 3 rows and ≥ 80 % of the rows it can check;
 *  - a sum of counts: it holds in ≥ 3 rows whose count is not 0 and misses at most one row in
 *    eight (none in a table of fewer than 8 rows: small counts add up by chance); a sum with a
 *    part that is 0 in every row holds only because two columns are equal, and is proposed only
 *    when it holds in every row and the total is left of its parts (总件数 | 处理中 | 已办结).
 * Decimals: a column's own (the most any of its cells shows); when the table drops trailing zeros
 * (“97%” beside “89.45%”), a column printing only whole values (“100%”) may be at the decimals
 * of the table's other columns of its kind: both are tried, the one fitting more rows kept, the
 * larger on a tie.
 * Otherwise the column is `unexplained`, with why.
 */
import { divRoundBig, formatScaled } from '../core/fixed';
import type {
  ProposedFormula,
  ProposedRounding,
  RankRule,
  Term,
} from '../evaluation/structured-types';
import { proposeZhCN, type ProposeStrings } from '../i18n/structured';
import type {
  PrintedNumber,
  StructColumn,
  StructRow,
  StructTable,
} from '../tables/structure-types';

export interface Proposal {
  readonly formulas: readonly ProposedFormula[];
  /** Printed figure columns with no formula, each with why (zh-CN unless other strings given). */
  readonly unexplained: readonly { readonly column: number; readonly why: string }[];
  readonly ranks: readonly RankRule[];
}

/** Rounding modes in the order they are preferred when they fit as many rows. */
export const PROPOSED_ROUNDINGS: readonly ProposedRounding[] = ['halfUp', 'halfEven', 'down', 'up'];

/** Rows a search candidate is tried on before all rows. */
const SAMPLE_ROWS = 12;
/** Alternatives listed by formula before “另有n个”. */
const MAX_ALTERNATIVES = 3;

// ------------------------------------------------------------------ printed cells

export function cellNumber(row: StructRow | undefined, column: number): PrintedNumber | null {
  const cell = row?.cells[column];
  return cell?.kind === 'number' ? cell.value : null;
}

/** The most decimals any cell of the column shows: the column's printed precision. */
export function columnDecimals(table: StructTable, column: number): number {
  let d = 0;
  for (const row of table.rows) {
    const v = cellNumber(row, column);
    if (v && v.decimals > d) d = v.decimals;
  }
  return d;
}

/**
 * The decimals the table prints its other percentages at, for a percentage column whose cells
 * are all whole (“100%” in a table that prints “97%” for 97.00 and “89.45%” elsewhere); 0 when
 * the column shows decimals of its own or is not a percentage.
 */
export function styleDecimals(table: StructTable, column: number): number {
  const own = table.columns[column];
  if (!own?.percent || columnDecimals(table, column) > 0) return 0;
  let d = 0;
  table.columns.forEach((col, c) => {
    if (c === column || col.role !== 'figure' || !col.percent || RANK.test(col.label)) return;
    d = Math.max(d, columnDecimals(table, c));
  });
  return d;
}

const POW10_BIG: bigint[] = [];
function pow10n(e: number): bigint {
  let v = POW10_BIG[e];
  if (v === undefined) {
    v = 10n ** BigInt(e);
    POW10_BIG[e] = v;
  }
  return v;
}

/** A printed value at `decimals` places (exact: decimals ≥ the cell's own). */
function atDecimals(v: PrintedNumber, decimals: number): bigint {
  return BigInt(v.scaled) * pow10n(Math.max(0, decimals - v.decimals));
}

function isWhole(v: PrintedNumber): boolean {
  return v.decimals === 0 || v.scaled % 10 ** v.decimals === 0;
}

function wholeValue(v: PrintedNumber): number {
  return v.decimals === 0 ? v.scaled : v.scaled / 10 ** v.decimals;
}

/** round(n / d) for d ≠ 0 in a rounding mode, exactly, on BigInts (core/fixed.ts). */
export const roundBig: (n: bigint, d: bigint, mode: ProposedRounding) => bigint = divRoundBig;

/**
 * Bit i set when rounding mode PROPOSED_ROUNDINGS[i] of num × k / d equals p, for whole numbers
 * num, k > 0, d > 0 and p; exact (BigInt once num × k passes 2^53).
 */
function fitMask(num: number, k: number, d: number, p: number): number {
  const neg = num < 0;
  const a = (neg ? -num : num) * k;
  if (a > Number.MAX_SAFE_INTEGER || d > Number.MAX_SAFE_INTEGER) {
    let m = 0;
    const n = BigInt(num) * BigInt(k);
    for (let i = 0; i < 4; i++)
      if (roundBig(n, BigInt(d), PROPOSED_ROUNDINGS[i]!) === BigInt(p)) m |= 1 << i;
    return m;
  }
  let q = Math.floor(a / d);
  let r = a - q * d;
  if (r < 0) {
    q -= 1;
    r += d;
  } else if (r >= d) {
    q += 1;
    r -= d;
  }
  const pm = neg ? -p : p;
  if (pm !== q && pm !== q + 1) return 0;
  if (r === 0) return pm === q ? 15 : 0;
  const twice = 2 * r;
  const halfUp = twice >= d ? q + 1 : q;
  const halfEven = twice > d || (twice === d && q % 2 === 1) ? q + 1 : q;
  return (
    (halfUp === pm ? 1 : 0) |
    (halfEven === pm ? 2 : 0) |
    (q === pm ? 4 : 0) |
    (q + 1 === pm ? 8 : 0)
  );
}

// ------------------------------------------------------------------ formula values

/** Σ coef × weight × value over the terms at a row, as n / 10^e; null when a cell is not a number. */
function linearAt(
  terms: readonly Term[],
  row: StructRow | undefined,
): { n: bigint; e: number } | null {
  let e = 0;
  const parts: { s: bigint; e: number }[] = [];
  for (const t of terms) {
    const v = cellNumber(row, t.column);
    if (!v) return null;
    let s = BigInt(v.scaled) * BigInt(t.coef);
    let pe = v.decimals;
    if (t.weight) {
      s *= BigInt(t.weight.scaled);
      pe += t.weight.decimals;
    }
    parts.push({ s, e: pe });
    if (pe > e) e = pe;
  }
  let n = 0n;
  for (const p of parts) n += p.s * pow10n(e - p.e);
  return { n, e };
}

export type FormulaValue =
  | { readonly kind: 'value'; readonly scaled: bigint }
  | { readonly kind: 'missing' }
  | { readonly kind: 'zero' };

type FormulaShape = Pick<
  ProposedFormula,
  'numerator' | 'denominator' | 'scale' | 'denominatorRow'
> & { readonly decimals: number };

/** The unrounded value × 10^decimals at a row, as N / D (D > 0), or why there is none. */
function ratioAt(
  table: StructTable,
  f: FormulaShape,
  r: number,
): { n: bigint; d: bigint } | 'missing' | 'zero' {
  const num = linearAt(f.numerator, table.rows[r]);
  if (!num) return 'missing';
  const k = BigInt(f.scale) * pow10n(f.decimals);
  if (f.denominator === null) return { n: num.n * k, d: pow10n(num.e) };
  const den = linearAt(f.denominator, table.rows[f.denominatorRow ?? r]);
  if (!den) return 'missing';
  if (den.n === 0n) return 'zero';
  let n = num.n * k * pow10n(den.e);
  let d = den.n * pow10n(num.e);
  if (d < 0n) {
    n = -n;
    d = -d;
  }
  return { n, d };
}

/** A formula's value at a row, scaled at its decimals, exactly. */
export function formulaValue(
  table: StructTable,
  f: FormulaShape & { readonly rounding: ProposedRounding },
  r: number,
): FormulaValue {
  const q = ratioAt(table, f, r);
  if (q === 'missing') return { kind: 'missing' };
  if (q === 'zero') return { kind: 'zero' };
  return { kind: 'value', scaled: roundBig(q.n, q.d, f.rounding) };
}

/** A scaled value as the column prints it: “89.65%”, “3505”, “-0.15%”. */
export function showValue(scaled: bigint | number, decimals: number, percent: boolean): string {
  const s = BigInt(scaled);
  const neg = s < 0n;
  const a = neg ? -s : s;
  const base = pow10n(decimals);
  const int = a / base;
  const frac = decimals > 0 ? (a % base).toString().padStart(decimals, '0') : '';
  return `${neg ? '-' : ''}${int.toString()}${frac ? '.' + frac : ''}${percent ? '%' : ''}`;
}

/** A printed cell in its column's form (the cell's own decimals): “97%”, “89.45%”. */
export function showPrinted(v: PrintedNumber, percent: boolean): string {
  return showValue(v.scaled, v.decimals, percent);
}

// ------------------------------------------------------------------ names

const PAREN = /[（(][^（()）]*[）)]/g;
const MONTH = /^(?:\d{2,4}年)?\d{1,2}月份?/;
const GENERIC_LEAF = /^(数量|数|件数|分值|得分|件|宗)$/;
const TOTAL_LEAF = /^(总计|合计|小计|计)$/;
const RANK = /排名|名次|排序|位次/;
const RATE_NAME = /率|占比|比重|比例|幅度|得分|分值|总分|分数|指数|评分|均/;
const SHARE = /占比|比重|所占比例|构成/;
const CHANGE_PREV = /环比|上期|上月/;
const CHANGE_YEAR = /同比|去年|上年/;
const QUALIFIERS = ['按时', '按期', '超时', '超期', '逾期', '及时', '延期', '提前'];
const GENERAL_DEN = [
  '派遣',
  '上报',
  '受理',
  '任务',
  '来信',
  '承办',
  '交办',
  '转办',
  '收件',
  '登记',
];

/** The column's own name: its last header part, units and months dropped (“7月完成情况/完成数” → 完成数). */
export function stemOf(col: StructColumn): string {
  const parts = [...new Set(col.path.map((p) => p.replace(/\s+/g, '')))]
    .map((p) => p.replace(PAREN, '').replace(MONTH, ''))
    .filter((p) => p !== '');
  if (parts.length === 0) return '';
  const last = parts[parts.length - 1]!;
  const prev = parts[parts.length - 2];
  if (prev !== undefined && TOTAL_LEAF.test(last)) return prev;
  if (prev !== undefined && GENERIC_LEAF.test(last)) return prev + last;
  return last;
}

function countStem(col: StructColumn): string {
  return stemOf(col)
    .replace(/(件数|数量|数|件|量|宗)$/, '')
    .replace(/^已/, '');
}

function synonyms(p: string): string[] {
  const out = new Set([p]);
  if (p.includes('结案')) out.add(p.replace('结案', '办结'));
  if (p.includes('办结')) out.add(p.replace('办结', '结案'));
  return [...out];
}

function dropQualifier(p: string): { q: string | null; base: string } {
  for (const q of QUALIFIERS)
    if (p.startsWith(q) && p.length > q.length) return { q, base: p.slice(q.length) };
  return { q: null, base: p };
}

/** 0–2: how well a numerator's names match a rate named P率. */
function numeratorNames(
  columns: readonly StructColumn[],
  terms: readonly Term[],
  p: string,
): number {
  if (p === '' || terms.some((t) => t.coef !== 1 || t.weight)) return 0;
  const syn = synonyms(p);
  const stems = terms.map((t) => countStem(columns[t.column]!));
  if (stems.length === 1 && syn.includes(stems[0]!)) return 2;
  const bases = synonyms(dropQualifier(p).base);
  const qualified = stems.map((s) => {
    const d = dropQualifier(s);
    return d.q !== null && bases.includes(d.base) ? d.q : null;
  });
  if (qualified.some((q) => q === null)) return 0;
  if (stems.length > 1 && new Set(qualified).size === stems.length) return 2;
  return 1;
}

/** 0–2: how well a denominator's names match a rate named P率 (应P数: 2; a total's name: 1). */
function denominatorNames(
  columns: readonly StructColumn[],
  terms: readonly Term[],
  p: string,
): number {
  if (terms.some((t) => t.coef !== 1 || t.weight)) return 0;
  const stems = terms.map((t) => countStem(columns[t.column]!));
  const bases = synonyms(dropQualifier(p).base).map((b) => '应' + b);
  if (stems.length === 1 && bases.includes(stems[0]!)) return 2;
  const general = (s: string) =>
    s.includes('总') || s.startsWith('应') || GENERAL_DEN.some((g) => s.endsWith(g));
  return stems.every(general) ? 1 : 0;
}

// ------------------------------------------------------------------ columns

export interface Classified {
  /** Whole-number, non-percent, this period's figure columns: what formulas are made of. */
  readonly counts: number[];
  /** Whole-number, non-percent figure columns of last period / last year. */
  readonly bases: number[];
  readonly rates: number[];
  readonly changes: number[];
  readonly previous: number[];
  readonly ranks: number[];
}

/** The table's figure columns by what they hold (see `Classified`). */
export function classifyColumns(table: StructTable): Classified {
  const out: Classified = {
    counts: [],
    bases: [],
    rates: [],
    changes: [],
    previous: [],
    ranks: [],
  };
  table.columns.forEach((col, c) => {
    if (col.role !== 'figure') return;
    let any = false;
    let whole = true;
    for (const row of table.rows) {
      const v = cellNumber(row, c);
      if (!v) continue;
      any = true;
      if (!isWhole(v)) whole = false;
    }
    if (!any) return;
    if (RANK.test(col.label)) {
      out.ranks.push(c);
      return;
    }
    const countLike = whole && !col.percent && !RATE_NAME.test(col.label);
    if (col.time === 'current') (countLike ? out.counts : out.rates).push(c);
    else if (col.time === 'change') out.changes.push(c);
    else (countLike ? out.bases : out.previous).push(c);
  });
  return out;
}

// ------------------------------------------------------------------ candidates

interface Candidate {
  readonly kind: 'rate' | 'sum';
  readonly numerator: readonly Term[];
  readonly denominator: readonly Term[] | null;
  readonly scale: 100 | 1;
  readonly denominatorRow?: number;
  /** Higher is better: how far the header's names point at it. */
  readonly names: number;
  /** The names point at the whole formula (basis 'names'). */
  readonly named: boolean;
  readonly proximity: number;
  readonly degenerate?: boolean;
}

interface ScoredRows {
  readonly checked: number[];
  /** Per rounding mode (PROPOSED_ROUNDINGS order), the checked rows it fits. */
  readonly fitRows: number[][];
  readonly zero: number[];
}

interface Scored {
  readonly cand: Candidate;
  readonly nChecked: number;
  /** Per rounding mode, how many checked rows it fits. */
  readonly fitCounts: readonly number[];
  readonly nZero: number;
  /** The rows themselves (kept only for the formulas proposed: thousands of ties are counted). */
  readonly rows: () => ScoredRows;
  readonly mode: number;
  readonly fits: number;
  /** Rows where the formula's value is not 0 (evidence that is not trivially met). */
  readonly informative: number;
  denUse: number;
}

function terms(cols: readonly number[], coefs?: readonly (1 | -1)[]): Term[] {
  return cols.map((column, i) => ({ column, coef: coefs?.[i] ?? 1 }));
}

function termKey(ts: readonly Term[] | null): string {
  if (!ts) return '';
  return ts
    .map(
      (t) =>
        `${t.coef < 0 ? '-' : '+'}${t.column}${t.weight ? `*${t.weight.scaled}e${t.weight.decimals}` : ''}`,
    )
    .sort()
    .join('');
}

function simplicity(c: Candidate): number {
  return c.numerator.length + (c.denominator?.length ?? 0);
}

function proximity(
  target: StructColumn,
  columns: readonly StructColumn[],
  ts: readonly Term[],
): number {
  let p = 0;
  for (const t of ts) {
    const col = columns[t.column]!;
    // a column right of the printed one counts a little further than one as far to the left
    p += Math.abs(col.col - target.col) * 2 + (col.col > target.col ? 1 : 0);
  }
  return p;
}

/** Every row of `rows` checked against a candidate, exactly. */
function score(
  table: StructTable,
  target: number,
  decimals: number,
  rows: readonly number[],
  cand: Candidate,
): Scored {
  const checked: number[] = [];
  const fitRows: number[][] = [[], [], [], []];
  const zero: number[] = [];
  let informative = 0;
  const shape = { ...cand, decimals };
  for (const r of rows) {
    const printed = cellNumber(table.rows[r], target);
    if (!printed) continue;
    const q = ratioAt(table, shape, r);
    if (q === 'missing') continue;
    if (q === 'zero') {
      zero.push(r);
      continue;
    }
    checked.push(r);
    if (q.n !== 0n) informative++;
    const p = atDecimals(printed, decimals);
    for (let i = 0; i < 4; i++)
      if (roundBig(q.n, q.d, PROPOSED_ROUNDINGS[i]!) === p) fitRows[i]!.push(r);
  }
  return scored(cand, { checked, fitRows, zero }, informative);
}

function scored(cand: Candidate, r: ScoredRows, informative: number): Scored {
  const fitCounts = r.fitRows.map((x) => x.length);
  let mode = 0;
  for (let i = 1; i < 4; i++) if (fitCounts[i]! > fitCounts[mode]!) mode = i;
  return {
    cand,
    nChecked: r.checked.length,
    fitCounts,
    nZero: r.zero.length,
    rows: () => r,
    mode,
    fits: fitCounts[mode]!,
    informative,
    denUse: 0,
  };
}

/**
 * `score` for a candidate over plain counts (no weights, the row's own denominator), on numbers,
 * counting only. null when it cannot reach `bound` rows fitting (0: always scored).
 */
function scoreFast(
  data: CountData,
  printed: Float64Array,
  decimals: number,
  rows: readonly number[],
  cand: Candidate,
  bound = 0,
): Scored | null {
  const k = cand.scale * 10 ** decimals;
  const num = cand.numerator.map((t) => ({ v: data.values.get(t.column)!, c: t.coef }));
  const den = cand.denominator?.map((t) => data.values.get(t.column)!) ?? null;
  const each = (r: number): number => {
    // −1: not checkable; −2: zero denominator; else the mask of fitting modes (+16: informative)
    const p = printed[r]!;
    if (Number.isNaN(p)) return -1;
    let n = 0;
    for (const t of num) n += t.c * t.v[r]!;
    let d = 1;
    if (den) {
      d = 0;
      for (const v of den) d += v[r]!;
    }
    if (Number.isNaN(n) || Number.isNaN(d)) return -1;
    if (d === 0) return -2;
    const m = d > 0 ? fitMask(n, k, d, p) : fitMask(-n, k, -d, p);
    return n !== 0 ? m | 16 : m;
  };
  const fitCounts = [0, 0, 0, 0];
  let nChecked = 0;
  let nZero = 0;
  let informative = 0;
  for (let i = 0; i < rows.length; i++) {
    const m = each(rows[i]!);
    if (m === -2) nZero++;
    if (m < 0) continue;
    nChecked++;
    if (m & 16) informative++;
    for (let b = 0; b < 4; b++) if (m & (1 << b)) fitCounts[b]!++;
    if (bound > 0 && (i & 15) === 15) {
      const most = Math.max(fitCounts[0]!, fitCounts[1]!, fitCounts[2]!, fitCounts[3]!);
      if (most + rows.length - 1 - i < bound) return null;
    }
  }
  let mode = 0;
  for (let i = 1; i < 4; i++) if (fitCounts[i]! > fitCounts[mode]!) mode = i;
  if (bound > 0 && fitCounts[mode]! < bound) return null;
  return {
    cand,
    nChecked,
    fitCounts,
    nZero,
    rows: () => {
      const checked: number[] = [];
      const fitRows: number[][] = [[], [], [], []];
      const zero: number[] = [];
      for (const r of rows) {
        const m = each(r);
        if (m === -2) zero.push(r);
        if (m < 0) continue;
        checked.push(r);
        for (let b = 0; b < 4; b++) if (m & (1 << b)) fitRows[b]!.push(r);
      }
      return { checked, fitRows, zero };
    },
    mode,
    fits: fitCounts[mode]!,
    informative,
    denUse: 0,
  };
}

/** Per row, the printed value of a column at `decimals` places as a number (NaN: none, or too large). */
function printedAt(table: StructTable, column: number, decimals: number): Float64Array {
  const out = new Float64Array(table.rows.length);
  table.rows.forEach((row, r) => {
    const v = cellNumber(row, column);
    const p = v ? Number(atDecimals(v, decimals)) : Number.NaN;
    out[r] = Number.isSafeInteger(p) ? p : Number.NaN;
  });
  return out;
}

function plain(data: CountData, c: Candidate): boolean {
  return (
    c.denominatorRow === undefined &&
    [...c.numerator, ...(c.denominator ?? [])].every((t) => !t.weight && data.values.has(t.column))
  );
}

function compareScored(a: Scored, b: Scored): number {
  return (
    b.fits - a.fits ||
    Number(a.cand.degenerate ?? false) - Number(b.cand.degenerate ?? false) ||
    b.cand.names - a.cand.names ||
    b.denUse - a.denUse ||
    simplicity(a.cand) - simplicity(b.cand) ||
    a.cand.proximity - b.cand.proximity ||
    a.mode - b.mode
  );
}

function accepted(s: Scored): boolean {
  const n = s.nChecked;
  if (s.cand.named) return s.fits >= 2 && 2 * s.fits > n;
  return s.fits >= 3 && 5 * s.fits >= 4 * n;
}

function acceptedSum(s: Scored, target: StructColumn, columns: readonly StructColumn[]): boolean {
  const n = s.nChecked;
  const misses = n - s.fits;
  if (s.informative < 3 || misses > Math.floor(n / 8)) return false;
  if (s.cand.degenerate)
    return misses === 0 && s.cand.numerator.every((t) => columns[t.column]!.col > target.col);
  return true;
}

// ------------------------------------------------------------------ the rate search

interface CountData {
  /** Per count column, its whole value per row (NaN: not a number). */
  readonly values: Map<number, Float64Array>;
  /** Count columns that are 0 (or empty) in every row. */
  readonly zero: Set<number>;
}

function countData(table: StructTable, counts: readonly number[]): CountData {
  const values = new Map<number, Float64Array>();
  const zero = new Set<number>();
  for (const c of counts) {
    const a = new Float64Array(table.rows.length);
    let allZero = true;
    table.rows.forEach((row, r) => {
      const v = cellNumber(row, c);
      a[r] = v ? wholeValue(v) : Number.NaN;
      if (v && v.scaled !== 0) allZero = false;
    });
    values.set(c, a);
    if (allZero) zero.add(c);
  }
  return { values, zero };
}

function sampleOf(rows: readonly number[]): number[] {
  if (rows.length <= SAMPLE_ROWS) return [...rows];
  const out: number[] = [];
  for (let i = 0; i < SAMPLE_ROWS; i++)
    out.push(rows[Math.floor((i * rows.length) / SAMPLE_ROWS)]!);
  return out;
}

function linearSample(
  data: CountData,
  ts: readonly Term[],
  sample: readonly number[],
): Float64Array {
  const out = new Float64Array(sample.length);
  sample.forEach((r, i) => {
    let s = 0;
    for (const t of ts) s += t.coef * data.values.get(t.column)![r]!;
    out[i] = s;
  });
  return out;
}

/** Count columns beyond which only single counts are tried as numerator and denominator. */
const WIDE = 24;
/** Count columns beyond which no count minus two others is tried. */
const TIER2_MAX = 12;

/** Numerators and denominators over the counts (the tiers: 2 is a count minus two others). */
function rateShapes(counts: readonly number[], tier: 1 | 2): { nums: Term[][]; dens: Term[][] } {
  const nums: Term[][] = [];
  const dens: Term[][] = [];
  const n = counts.length;
  // A wide table (more than WIDE count columns): one count over one count only (n² pairs, not
  // n⁵), and no three-term numerators beyond TIER2_MAX counts — the search stays within seconds.
  if (n > WIDE) {
    if (tier === 2) return { nums, dens };
    for (const a of counts) nums.push(terms([a]));
    for (const a of counts) dens.push(terms([a]));
    return { nums, dens };
  }
  if (tier === 2 && n > TIER2_MAX) return { nums, dens };
  if (tier === 1) {
    for (const a of counts) nums.push(terms([a]));
    for (let i = 0; i < n; i++)
      for (let j = i + 1; j < n; j++) nums.push(terms([counts[i]!, counts[j]!]));
    for (const a of counts) for (const b of counts) if (a !== b) nums.push(terms([a, b], [1, -1]));
  } else {
    for (const a of counts)
      for (let i = 0; i < n; i++)
        for (let j = i + 1; j < n; j++) {
          const b = counts[i]!;
          const c = counts[j]!;
          if (a !== b && a !== c) nums.push(terms([a, b, c], [1, -1, -1]));
        }
  }
  for (const a of counts) dens.push(terms([a]));
  for (let i = 0; i < n; i++)
    for (let j = i + 1; j < n; j++) dens.push(terms([counts[i]!, counts[j]!]));
  return { nums, dens };
}

/** The rate candidates surviving the sample, for one target and scale. */
function searchRates(
  table: StructTable,
  data: CountData,
  counts: readonly number[],
  target: number,
  decimals: number,
  rows: readonly number[],
  scale: 100 | 1,
  tier: 1 | 2,
): { nums: Term[]; dens: Term[]; misses: number }[] {
  const sample = sampleOf(rows);
  const printed = sample.map((r) => {
    const v = cellNumber(table.rows[r], target)!;
    return Number(atDecimals(v, decimals));
  });
  const k = scale * 10 ** decimals;
  const allowed = Math.floor(sample.length / 2);
  const { nums, dens } = rateShapes(counts, tier);
  const numVals = nums.map((ts) => linearSample(data, ts, sample));
  const denVals = dens.map((ts) => linearSample(data, ts, sample));
  const denKeys = dens.map((ts) => termKey(ts));
  const out: { nums: Term[]; dens: Term[]; misses: number }[] = [];
  for (let i = 0; i < nums.length; i++) {
    const nk = termKey(nums[i]!);
    const nv = numVals[i]!;
    for (let j = 0; j < dens.length; j++) {
      if (denKeys[j] === nk) continue;
      const dv = denVals[j]!;
      const miss = [0, 0, 0, 0];
      let checked = 0;
      let alive = true;
      for (let s = 0; s < sample.length; s++) {
        const d = dv[s]!;
        const n = nv[s]!;
        if (!(d > 0) || Number.isNaN(n)) continue;
        checked++;
        const m = fitMask(n, k, d, printed[s]!);
        for (let b = 0; b < 4; b++) if ((m & (1 << b)) === 0) miss[b]!++;
        if (miss[0]! > allowed && miss[1]! > allowed && miss[2]! > allowed && miss[3]! > allowed) {
          alive = false;
          break;
        }
      }
      if (alive && checked > 0)
        out.push({ nums: nums[i]!, dens: dens[j]!, misses: Math.min(...miss) });
    }
  }
  // the best on the sample first: the others then stop as soon as they cannot tie it
  return out.sort((a, b) => a.misses - b.misses);
}

// ------------------------------------------------------------------ statements

function termText(columns: readonly StructColumn[], t: Term, first: boolean): string {
  const label = columns[t.column]!.label;
  const w = t.weight ? `${formatScaled(t.weight.scaled, t.weight.decimals)}×` : '';
  const sign = t.coef < 0 ? (first ? '-' : ' - ') : first ? '' : ' + ';
  return `${sign}${w}${label}`;
}

function linearText(columns: readonly StructColumn[], ts: readonly Term[], group: boolean): string {
  const s = ts.map((t, i) => termText(columns, t, i === 0)).join('');
  return group && ts.length > 1 ? `(${s})` : s;
}

function formulaText(
  table: StructTable,
  c: Pick<Candidate, 'numerator' | 'denominator' | 'scale' | 'denominatorRow'>,
  t: ProposeStrings,
): string {
  const cols = table.columns;
  if (c.denominator === null) return linearText(cols, c.numerator, false);
  let den = linearText(cols, c.denominator, true);
  if (c.denominatorRow !== undefined) den = t.ofRow(table.rows[c.denominatorRow]?.name ?? '', den);
  return `${linearText(cols, c.numerator, true)} / ${den}${c.scale === 100 ? t.percent : ''}`;
}

function toFormula(
  table: StructTable,
  target: number,
  decimals: number,
  best: Scored,
  others: readonly Scored[],
  namedAlternative: Scored | null,
  zero: ReadonlySet<number>,
  t: ProposeStrings,
): ProposedFormula {
  const col = table.columns[target]!;
  const c = best.cand;
  const rounding = PROPOSED_ROUNDINGS[best.mode]!;
  const bestRows = best.rows();
  const fitting = bestRows.fitRows[best.mode]!;
  const parts = [`${col.label} = ${formulaText(table, c, t)}`];
  const integral = c.kind === 'sum' && c.numerator.every((x) => !x.weight) && decimals === 0;
  if (!integral) parts.push(t.rounding(rounding, decimals, col.percent || c.scale === 100));
  parts.push(t.fit(bestRows.checked.length, fitting.length));
  if (bestRows.zero.length > 0) parts.push(t.zeroRows(bestRows.zero.length));
  const alternatives: string[] = [];
  // a term over a column that is 0 in every row changes nothing: (结案数 + 延期数) is 结案数
  const canonical = (x: Candidate) => {
    const keep = (ts: readonly Term[] | null) =>
      termKey(ts?.filter((u) => !zero.has(u.column)) ?? null);
    return `${keep(x.numerator)}/${keep(x.denominator)}/${x.scale}/${x.denominatorRow ?? ''}`;
  };
  const seen = new Set<string>([canonical(c)]);
  const listed = others.filter((o) => {
    const key = canonical(o.cand);
    if (seen.has(key)) return false;
    seen.add(key);
    return true;
  });
  for (const o of listed.slice(0, MAX_ALTERNATIVES))
    alternatives.push(formulaText(table, o.cand, t));
  if (listed.length > MAX_ALTERNATIVES) alternatives.push(t.more(listed.length - MAX_ALTERNATIVES));
  if (namedAlternative) {
    alternatives.push(
      t.byNames(
        formulaText(table, namedAlternative.cand, t),
        t.fit(namedAlternative.nChecked, namedAlternative.fits),
      ),
    );
  }
  if (!integral) {
    const allTie = best.fitCounts.every((n) => n === best.fits);
    const tied = PROPOSED_ROUNDINGS.filter(
      (m, i) =>
        i !== best.mode &&
        best.fitCounts[i] === best.fits &&
        // half-up and half-even differ only on an exact half: not worth a line unless chosen apart
        !(rounding === 'halfUp' && m === 'halfEven') &&
        !(rounding === 'halfEven' && m === 'halfUp'),
    );
    // when every mode fits the same rows (exact values, 100%), the rows tell no rounding apart
    if (tied.length > 0 && !allTie)
      alternatives.push(t.alsoRounding(tied.map((m) => t.modes[m]).join('、')));
  }
  return {
    column: target,
    kind: c.kind,
    numerator: c.numerator,
    denominator: c.denominator,
    ...(c.denominatorRow !== undefined ? { denominatorRow: c.denominatorRow } : {}),
    scale: c.scale,
    decimals,
    rounding,
    checked: bestRows.checked,
    fitting,
    basis: c.named ? 'names' : 'search',
    alternatives,
    statement: t.join(parts),
  };
}

// ------------------------------------------------------------------ the proposal

interface Choice {
  readonly target: number;
  readonly decimals: number;
  readonly ranked: Scored[];
}

export function proposeFormulas(
  table: StructTable,
  strings: ProposeStrings = proposeZhCN,
): Proposal {
  const cols = table.columns;
  const cls = classifyColumns(table);
  const data = countData(table, cls.counts);
  const formulas: ProposedFormula[] = [];
  const unexplained: { column: number; why: string }[] = [];
  const rowsWith = (c: number) => table.rows.flatMap((row, r) => (cellNumber(row, c) ? [r] : []));

  // counts that are the sum of two or three others
  for (const target of cls.counts) {
    const choice = sumChoice(table, data, cls.counts, target, rowsWith(target));
    const best = choice.ranked[0];
    if (best && acceptedSum(best, cols[target]!, cols)) {
      const others = choice.ranked.filter(
        (s) => s !== best && s.fits === best.fits && !s.cand.degenerate === !best.cand.degenerate,
      );
      formulas.push(toFormula(table, target, 0, best, others, null, data.zero, strings));
    }
  }

  // this period's rates, scores and other figures
  const choices: Choice[] = [];
  for (const target of cls.rates) {
    const rows = rowsWith(target);
    let decimals = columnDecimals(table, target);
    let ranked = rateCandidates(table, data, cls.counts, target, decimals, rows);
    const style = styleDecimals(table, target);
    if (style > decimals) {
      const wider = rateCandidates(table, data, cls.counts, target, style, rows);
      if ((wider[0]?.fits ?? 0) >= (ranked[0]?.fits ?? 0)) {
        decimals = style;
        ranked = wider;
      }
    }
    choices.push({ target, decimals, ranked });
  }
  // the denominator the table's other rates use breaks the ties that remain
  const denUse = new Map<string, number>();
  for (const ch of choices) {
    const best = ch.ranked[0];
    if (best && accepted(best) && best.cand.denominator) {
      const k = termKey(best.cand.denominator);
      denUse.set(k, (denUse.get(k) ?? 0) + 1);
    }
  }
  // Rows the other rates' first choices miss (a row printing 100.00% where 结案数 > 应结案数
  // misses every rate over 应结案数): a formula missing only such rows is not beaten by one that
  // fits them by another denominator.
  const missedBy = new Map<number, Set<number>>();
  for (const ch of choices) {
    const best = ch.ranked[0];
    if (!best || !accepted(best)) continue;
    const rows = best.rows();
    const fit = new Set(rows.fitRows[best.mode]);
    missedBy.set(ch.target, new Set(rows.checked.filter((r) => !fit.has(r))));
  }
  for (const ch of choices) {
    const first = ch.ranked[0];
    // the column's own first choice does not vote for itself
    const own =
      first && accepted(first) && first.cand.denominator ? termKey(first.cand.denominator) : null;
    for (const s of ch.ranked) {
      const k = s.cand.denominator ? termKey(s.cand.denominator) : null;
      s.denUse = k === null ? 0 : (denUse.get(k) ?? 0) - (k === own ? 1 : 0);
    }
    ch.ranked.sort(compareScored);
    const top = ch.ranked[0];
    const siblingMisses = new Set<number>();
    for (const [target, rows] of missedBy)
      if (target !== ch.target) for (const r of rows) siblingMisses.add(r);
    // The header's numerator over the denominator the other rates use, missing only rows the
    // other rates miss too, before a formula over another denominator that fits those rows.
    const consistent =
      top && top.denUse === 0 && siblingMisses.size > 0
        ? ch.ranked.find((s) => {
            if (s.denUse === 0 || s.cand.names < top.cand.names || s.fits < 2) return false;
            if (2 * s.fits <= s.nChecked) return false;
            const rows = s.rows();
            const fit = new Set(rows.fitRows[s.mode]);
            const misses = rows.checked.filter((r) => !fit.has(r));
            return misses.length > 0 && misses.every((r) => siblingMisses.has(r));
          })
        : undefined;
    const ranked = consistent
      ? [consistent, ...ch.ranked.filter((s) => s !== consistent)]
      : ch.ranked;
    const best = ranked[0];
    const col = cols[ch.target]!;
    if (best && accepted(best)) {
      const others = ranked.filter((s) => s !== best && s.fits === best.fits);
      // A formula fitting more rows by another denominator is said beside the one chosen.
      if (consistent && top) others.unshift(top);
      const named = ranked.find(
        (s) => s.cand.named && s.fits < best.fits && 2 * s.fits >= s.nChecked && s.fits > 0,
      );
      formulas.push(
        toFormula(
          table,
          ch.target,
          ch.decimals,
          best,
          others,
          best.cand.named ? null : (named ?? null),
          data.zero,
          strings,
        ),
      );
    } else {
      unexplained.push({
        column: ch.target,
        why: whyNone(table, data, cls, ch, best ?? null, col, strings),
      });
    }
  }

  // changes against last period / last year
  for (const target of cls.changes) {
    const rows = rowsWith(target);
    let decimals = columnDecimals(table, target);
    let ranked = changeCandidates(table, cls, target, decimals, rows);
    const style = styleDecimals(table, target);
    if (style > decimals) {
      const wider = changeCandidates(table, cls, target, style, rows);
      if ((wider[0]?.fits ?? 0) >= (ranked[0]?.fits ?? 0)) {
        decimals = style;
        ranked = wider;
      }
    }
    const best = ranked[0];
    if (cls.bases.length === 0 || cls.counts.length === 0) {
      unexplained.push({ column: target, why: strings.why.changeNoBase });
    } else if (best && accepted(best)) {
      const others = ranked.filter((s) => s !== best && s.fits === best.fits);
      formulas.push(toFormula(table, target, decimals, best, others, null, data.zero, strings));
    } else {
      unexplained.push({
        column: target,
        why: best
          ? strings.why.bestFit(formulaText(table, best.cand, strings), best.nChecked, best.fits)
          : strings.why.noFit,
      });
    }
  }

  // last period's / last year's rates: their counts are not printed
  for (const c of cls.previous)
    unexplained.push({
      column: c,
      why: cols[c]!.time === 'lastYear' ? strings.why.lastYear : strings.why.previous,
    });

  const ranks: RankRule[] = [];
  for (const c of cls.ranks) {
    const rule = rankRule(table, cls, c, strings);
    if (rule) ranks.push(rule);
    else unexplained.push({ column: c, why: strings.why.rankNoFit });
  }

  formulas.sort((a, b) => a.column - b.column);
  unexplained.sort((a, b) => a.column - b.column);
  return { formulas, unexplained, ranks };
}

function sumChoice(
  table: StructTable,
  data: CountData,
  counts: readonly number[],
  target: number,
  rows: readonly number[],
): { ranked: Scored[] } {
  const cols = table.columns;
  const others = counts.filter((c) => c !== target);
  const tv = data.values.get(target)!;
  const printed = printedAt(table, target, 0);
  const sample = sampleOf(rows);
  const allowed = Math.max(1, Math.floor(sample.length / 5));
  const shapes: number[][] = [];
  const n = others.length;
  for (let i = 0; i < n; i++)
    for (let j = i + 1; j < n; j++) {
      shapes.push([others[i]!, others[j]!]);
      for (let k = j + 1; k < n; k++) shapes.push([others[i]!, others[j]!, others[k]!]);
    }
  const ranked: Scored[] = [];
  const targetStem = countStem(cols[target]!);
  for (const shape of shapes) {
    let miss = 0;
    let checked = 0;
    for (const r of sample) {
      let s = 0;
      for (const c of shape) s += data.values.get(c)![r]!;
      const v = tv[r]!;
      if (Number.isNaN(s) || Number.isNaN(v)) continue;
      checked++;
      if (s !== v && ++miss > allowed) break;
    }
    if (miss > allowed || checked === 0) continue;
    const ts = terms(shape);
    const stems = shape.map((c) => countStem(cols[c]!));
    const complement =
      stems.length === 2 && (stems[0] === '未' + stems[1] || stems[1] === '未' + stems[0]);
    const totalName = /总|合计|共计|承办|派遣|应/.test(targetStem);
    const cand: Candidate = {
      kind: 'sum',
      numerator: ts,
      denominator: null,
      scale: 1,
      names: (complement ? 2 : 0) + (totalName ? 1 : 0),
      named: false,
      proximity: proximity(cols[target]!, cols, ts),
      degenerate: shape.some((c) => data.zero.has(c)),
    };
    ranked.push(scoreFast(data, printed, 0, rows, cand)!);
  }
  ranked.sort(compareScored);
  return { ranked };
}

function rateCandidates(
  table: StructTable,
  data: CountData,
  counts: readonly number[],
  target: number,
  decimals: number,
  rows: readonly number[],
): Scored[] {
  const cols = table.columns;
  const col = cols[target]!;
  const p = stemOf(col).replace(/率$/, '');
  const scales: (100 | 1)[] = col.percent
    ? [100]
    : /率|占比|比重|比例/.test(col.label)
      ? [1, 100]
      : [1];
  const byKey = new Map<string, Scored>();
  const nonZero = (ts: readonly Term[] | null) =>
    termKey(ts?.filter((u) => !data.zero.has(u.column)) ?? null);
  const printed = printedAt(table, target, decimals);
  let bestFits = 0;
  const add = (cand: Candidate) => {
    // x / x once the columns that are 0 in every row are dropped: 100% by construction
    if (cand.denominatorRow === undefined && nonZero(cand.numerator) === nonZero(cand.denominator))
      return;
    const key = `${cand.kind}|${termKey(cand.numerator)}|${termKey(cand.denominator)}|${cand.scale}|${cand.denominatorRow ?? ''}`;
    if (byKey.has(key)) return;
    // a candidate the header does not name matters only if it can tie the best so far
    const s = plain(data, cand)
      ? scoreFast(data, printed, decimals, rows, cand, cand.named ? 0 : bestFits)
      : score(table, target, decimals, rows, cand);
    if (!s) return;
    byKey.set(key, s);
    if (s.fits > bestFits) bestFits = s.fits;
  };
  const rateCand = (nums: readonly Term[], dens: readonly Term[], scale: 100 | 1): Candidate => {
    const nn = numeratorNames(cols, nums, p);
    const dn = denominatorNames(cols, dens, p);
    return {
      kind: 'rate',
      numerator: nums,
      denominator: dens,
      scale,
      names: nn * 2 + dn,
      named: nn === 2 && dn > 0,
      proximity: proximity(col, cols, [...nums, ...dens]),
    };
  };
  if (counts.length > 0 && rows.length > 0) {
    for (const scale of scales) {
      for (const s of searchRates(table, data, counts, target, decimals, rows, scale, 1))
        add(rateCand(s.nums, s.dens, scale));
    }
    // a count minus two others, only when nothing simpler fits every row it can check
    const best = [...byKey.values()].sort(compareScored)[0];
    if (!best || best.fits < best.nChecked) {
      for (const scale of scales)
        for (const s of searchRates(table, data, counts, target, decimals, rows, scale, 2))
          add(rateCand(s.nums, s.dens, scale));
    }
  }
  // a share of a total row's count (占比 = 数量 / 合计的数量)
  if (SHARE.test(col.label)) {
    for (const r of table.rows.keys()) {
      if (table.rows[r]!.kind !== 'total') continue;
      for (const c of counts) {
        const ts = terms([c]);
        add({
          kind: 'rate',
          numerator: ts,
          denominator: ts,
          denominatorRow: r,
          scale: col.percent ? 100 : 1,
          names: 4,
          named: true,
          proximity: proximity(col, cols, ts),
        });
      }
    }
  }
  // a weighted sum of printed figures whose weights the header prints (南通: 占40% 占40% 占20%)
  const weighted = weightedColumns(table);
  if (weighted.length >= 2 && !weighted.some((w) => w.column === target) && !col.percent) {
    add({
      kind: 'sum',
      numerator: weighted,
      denominator: null,
      scale: 1,
      names: 4,
      named: true,
      proximity: proximity(col, cols, weighted),
    });
  }
  // a constant per case (超时分值 = 0.5 × 超时数量)
  if (!col.percent) for (const cand of multiples(table, data, counts, target, rows)) add(cand);
  return [...byKey.values()].sort(compareScored);
}

/** Figure columns whose header prints a weight: “(占40%)”, “权重0.4”. */
function weightedColumns(table: StructTable): Term[] {
  const out: Term[] = [];
  table.columns.forEach((col, c) => {
    if (col.role !== 'figure') return;
    for (const part of col.path) {
      const m = /(?:占|权重|权数)\D{0,2}?(\d+(?:\.\d+)?)\s*([%％])?/.exec(part);
      if (!m) continue;
      const digits = m[1]!;
      const dec = (digits.split('.')[1] ?? '').length;
      const scaled = Number(digits.replace('.', ''));
      out.push({
        column: c,
        coef: 1,
        weight: m[2] ? { scaled, decimals: dec + 2 } : { scaled, decimals: dec },
      });
      return;
    }
  });
  return out;
}

function multiples(
  table: StructTable,
  data: CountData,
  counts: readonly number[],
  target: number,
  rows: readonly number[],
): Candidate[] {
  const out: Candidate[] = [];
  const col = table.columns[target]!;
  for (const c of counts) {
    const seen = new Set<string>();
    let tried = 0;
    for (const r of rows) {
      const x = data.values.get(c)![r]!;
      const v = cellNumber(table.rows[r], target)!;
      if (x === 0 || Number.isNaN(x) || v.scaled === 0) continue;
      if (++tried > 3) break;
      // k = v / x as a decimal of at most 4 places, when it is one
      for (let kd = 0; kd <= 4; kd++) {
        const num = BigInt(v.scaled) * pow10n(kd);
        const den = BigInt(x) * pow10n(v.decimals);
        if (num % den !== 0n) continue;
        const ks = Number(num / den);
        if (ks === 10 ** kd) break; // 1 × a count: a copy, not a per-case value
        const key = `${ks}e${kd}`;
        if (!seen.has(key)) {
          seen.add(key);
          const ts: Term[] = [{ column: c, coef: 1, weight: { scaled: ks, decimals: kd } }];
          out.push({
            kind: 'sum',
            numerator: ts,
            denominator: null,
            scale: 1,
            names: 0,
            named: false,
            proximity: proximity(col, table.columns, ts),
          });
        }
        break;
      }
    }
  }
  return out;
}

function changeCandidates(
  table: StructTable,
  cls: Classified,
  target: number,
  decimals: number,
  rows: readonly number[],
): Scored[] {
  const cols = table.columns;
  const col = cols[target]!;
  const wantsYear = CHANGE_YEAR.test(col.label);
  const wantsPrev = CHANGE_PREV.test(col.label);
  const out: Scored[] = [];
  for (const cur of cls.counts)
    for (const base of cls.bases) {
      const b = cols[base]!;
      const timeName =
        (wantsYear && b.time === 'lastYear') || (wantsPrev && b.time === 'previous') ? 1 : 0;
      const measure = countStem(cols[cur]!) === countStem(b) ? 2 : 0;
      const diff = terms([cur, base], [1, -1]);
      const common = {
        numerator: diff,
        names: timeName + measure,
        named: measure > 0,
        proximity: proximity(col, cols, diff),
      };
      // a percentage change; or a difference in cases; a 幅度 printed without % may be either
      const shapes: Candidate[] = [];
      if (col.percent || /幅|率|比/.test(col.label))
        shapes.push({ ...common, kind: 'rate', denominator: terms([base]), scale: 100 });
      if (!col.percent) shapes.push({ ...common, kind: 'sum', denominator: null, scale: 1 });
      for (const cand of shapes) out.push(score(table, target, decimals, rows, cand));
    }
  return out.sort(compareScored);
}

function whyNone(
  table: StructTable,
  data: CountData,
  cls: Classified,
  ch: Choice,
  best: Scored | null,
  col: StructColumn,
  t: ProposeStrings,
): string {
  if (SHARE.test(col.label) && col.percent) {
    const range = shareRange(table, data, cls.counts, ch.target, ch.decimals);
    if (range) return t.why.shareOutside(String(range.low), String(range.high));
  }
  if (/得分|总分|评分|分数|分值|指数/.test(col.label) && (!best || best.fits < 3))
    return t.why.score;
  if (cls.counts.length === 0) return t.why.noCounts;
  const rows = table.rows.filter((row) => cellNumber(row, ch.target)).length;
  if (rows < 3) return t.why.tooFew(rows);
  if (best && best.fits > 0)
    return t.why.bestFit(formulaText(table, best.cand, t), best.nChecked, best.fits);
  return t.why.noFit;
}

/**
 * The whole numbers D for which round(100 × count / D) prints every row's share: the
 * denominator of a share printed outside the table (南通: 共受理有效案件12184件).
 */
function shareRange(
  table: StructTable,
  data: CountData,
  counts: readonly number[],
  target: number,
  decimals: number,
): { low: bigint; high: bigint } | null {
  const col = table.columns[target]!;
  // the count nearest the share, left first
  const count = [...counts].sort(
    (a, b) => proximity(col, table.columns, terms([a])) - proximity(col, table.columns, terms([b])),
  )[0];
  if (count === undefined) return null;
  let low = 1n;
  let high: bigint | null = null;
  let used = 0;
  table.rows.forEach((row, r) => {
    const v = cellNumber(row, target);
    const x = data.values.get(count)![r]!;
    if (!v || Number.isNaN(x) || x <= 0) return;
    const p = atDecimals(v, decimals);
    if (p <= 0n) return;
    // half-up: p − ½ ≤ 100·10^dec·x / D < p + ½  ⇔  2A/(2p+1) < D ≤ 2A/(2p−1)
    const a2 = 2n * 100n * pow10n(decimals) * BigInt(x);
    const lo = a2 / (2n * p + 1n) + 1n;
    const hi = a2 / (2n * p - 1n);
    if (lo > low) low = lo;
    if (high === null || hi < high) high = hi;
    used++;
  });
  if (used < 2 || high === null || low > high) return null;
  return { low, high };
}

// ------------------------------------------------------------------ ranks

/**
 * How many of `values` rank before a value — greater for 'desc', smaller for 'asc' — so that its
 * competition rank (1, 1, 3) is that count + 1. The values are sorted once and each count is a
 * binary search, not a comparison with every other row (100,000 ranked rows stay fast).
 */
export function rankCounter(
  values: readonly bigint[],
): (v: bigint, order: 'desc' | 'asc') => number {
  const sorted = [...values].sort((a, b) => (a < b ? -1 : a > b ? 1 : 0));
  return (v, order) => {
    let lo = 0;
    let hi = sorted.length;
    while (lo < hi) {
      const mid = (lo + hi) >> 1;
      if (order === 'desc' ? sorted[mid]! <= v : sorted[mid]! < v) lo = mid + 1;
      else hi = mid;
    }
    return order === 'desc' ? sorted.length - lo : lo;
  };
}

function rankRule(
  table: StructTable,
  cls: Classified,
  column: number,
  t: ProposeStrings,
): RankRule | null {
  const cols = table.columns;
  const units = table.rows.flatMap((row, r) =>
    row.kind === 'unit' && cellNumber(row, column) ? [r] : [],
  );
  if (units.length === 0) return null;
  const rank = cols[column]!;
  const figures = [...cls.counts, ...cls.rates].filter((c) => cols[c]!.role === 'figure');
  interface Fit {
    by: number;
    order: 'desc' | 'asc';
    offset: number;
    checked: number[];
    fitting: number[];
    near: number;
  }
  const fits: Fit[] = [];
  for (const by of figures) {
    const byCol = cols[by]!;
    const decimals = columnDecimals(table, by);
    const rows = units.filter((r) => cellNumber(table.rows[r], by));
    if (rows.length === 0) continue;
    const values = rows.map((r) => atDecimals(cellNumber(table.rows[r], by)!, decimals));
    const printed = rows.map((r) => BigInt(wholeValue(cellNumber(table.rows[r], column)!)));
    let min = printed[0]!;
    for (const p of printed) if (p < min) min = p;
    // ranks that start above 1 continue another block of the same list
    const offset = min > 1n ? min - 1n : 0n;
    // a column before the rank column is nearer than one as far after it
    const near = byCol.col < rank.col ? (rank.col - byCol.col) * 2 : (byCol.col - rank.col) * 2 + 1;
    let own: Fit | null = null;
    const beyond = rankCounter(values);
    for (const order of ['desc', 'asc'] as const) {
      const fitting: number[] = [];
      rows.forEach((r, i) => {
        if (printed[i] === offset + BigInt(beyond(values[i]!, order)) + 1n) fitting.push(r);
      });
      if (!own || fitting.length > own.fitting.length)
        own = { by, order, offset: Number(offset), checked: rows, fitting, near };
    }
    fits.push(own!);
  }
  // the nearest figure (before the rank column first) that the ranks follow in most rows
  fits.sort((a, b) => a.near - b.near);
  const best = fits.find((f) => f.fitting.length > 0 && 2 * f.fitting.length >= f.checked.length);
  if (!best) return null;
  const parts = [t.rank(rank.label, cols[best.by]!.label, best.order)];
  if (best.offset > 0) parts.push(t.rankOffset(best.offset + 1));
  parts.push(t.fit(best.checked.length, best.fitting.length));
  return {
    column,
    by: best.by,
    order: best.order,
    offset: best.offset,
    checked: best.checked,
    fitting: best.fitting,
    statement: t.join(parts),
  };
}
