import type { ProposedFormula, Term } from '../evaluation/structured-types';
import type { StructColumn, StructTable } from '../tables/structure-types';
import { MAX_COEFFICIENT, type SchemeInput } from './scheme';

/**
 * [issue 16] A scheme file from what Tongbao found in a table no preset reads: each printed
 * rate column becomes a rate over the count columns its proposed formula names (sums and
 * differences as signed terms), with the decimals and rounding the table prints. Saved as a
 * file (`tongbao scheme book.xlsx > city.json`, 设置 → 保存为方案) it validates with
 * `compileScheme` and gives the proposal's values; the user can then edit it.
 *
 * - Counts are keyed by their column's label (“完成情况/完成数”, a trailing “(件)” dropped) and
 *   also answer to the label's other spellings (its header parts run together, its last
 *   part when no other column of the table ends the same way).
 * - `names` holds the unit-name column's header (and the parent column's).
 * - A plain ratio (0.9851, scale 1) is the same figure as a percentage with two decimals fewer
 *   (98.51 %): it is written as such, and the audit reads the printed fractions as it does a
 *   rate column formatted as %.
 * - What the scheme cannot say is left out and said in `comment`: a count that is the sum of
 *   others (派遣数 = 完成数 + 未完成数: a scheme's checks are “不大于”, not “等于”), a ratio
 *   printed with fewer than 2 decimals, more than 4 decimals, a formula over a printed rate.
 *
 * Null when no rate can be written (a scheme needs one figure at least).
 */
export function schemeFromProposal(
  table: StructTable,
  formulas: readonly ProposedFormula[],
): SchemeInput | null {
  const rates = formulas.filter((f) => f.kind === 'rate' && f.denominator !== null);
  const comments: string[] = [];
  const targets = new Set(rates.map((f) => f.column));
  // Which rates can be written, and the count columns they read (in table order).
  const written: { f: ProposedFormula; decimals: number }[] = [];
  for (const f of rates) {
    const label = table.columns[f.column]?.label ?? `第${f.column + 1}列`;
    const decimals = f.scale === 100 ? f.decimals : f.decimals - 2;
    const terms = [...f.numerator, ...f.denominator!];
    let why: string | null = null;
    if (f.denominatorRow !== undefined)
      why = '分母是合计行的数值（各项占合计的比例），方案只能用同一行的计数';
    else if (terms.some((t) => table.columns[t.column] === undefined)) why = '公式引用的列不在表中';
    else if (terms.some((t) => targets.has(t.column)))
      why = '公式用到另一个比率列，方案只能用计数列';
    else if (decimals < 0)
      why = `比值只印到 ${f.decimals} 位小数，方案的比率以百分数计，至少要 2 位`;
    else if (decimals > 4) why = `印到 ${decimals} 位小数，方案最多 4 位`;
    else if (side(f.numerator) === null || side(f.denominator!) === null)
      why = '分子或分母没有加项';
    if (why === null) written.push({ f, decimals });
    else comments.push(`“${label}”未写入方案（${why}）：${f.statement}`);
  }
  for (const f of formulas)
    if (f.kind === 'sum')
      comments.push(`${f.statement}——方案只能核对“不大于”，不能核对两数相等，这一关系未写入方案`);
  if (written.length === 0) return null;

  const countCols = [
    ...new Set(
      written.flatMap(({ f }) => [...f.numerator, ...f.denominator!].map((t) => t.column)),
    ),
  ].sort((a, b) => a - b);
  const keys = keysFor(table, [...countCols, ...written.map(({ f }) => f.column)]);
  const headers = headersFor(table, keys);
  const sideOf = (terms: readonly Term[]) => {
    const s = side(terms)!;
    if (s.length === 1 && s[0]!.coef === 1) return keys.get(s[0]!.column)!;
    if (s.every((t) => t.coef === 1)) return s.map((t) => keys.get(t.column)!);
    return Object.fromEntries(s.map((t) => [keys.get(t.column)!, t.coef]));
  };
  const names = [
    ...new Set(
      table.columns
        .filter((c) => c.role === 'name' || c.role === 'parent')
        .flatMap((c) => [c.label, ...c.path])
        .filter((h) => h.trim() !== ''),
    ),
  ];
  return {
    name: `${table.title ?? table.sheet}（从表格推断的方案）`,
    counts: countCols.map((col) => {
      const key = keys.get(col)!;
      const h = headers.get(col)!;
      return h.length > 0 ? { key, headers: h } : key;
    }),
    ...(names.length > 0 ? { names } : {}),
    figures: written.map(({ f, decimals }) => {
      const h = headers.get(f.column)!;
      return {
        kind: 'rate',
        key: keys.get(f.column)!,
        ...(h.length > 0 ? { headers: h } : {}),
        numerator: sideOf(f.numerator),
        denominator: sideOf(f.denominator!),
        decimals,
        rounding: f.rounding,
        comment: f.statement,
      };
    }),
    ...(comments.length > 0 ? { comment: comments } : {}),
  };
}

/** A side's terms, one per column (coefficients of a column named twice added), or null when none is positive. */
function side(terms: readonly Term[]): { column: number; coef: number }[] | null {
  const byColumn = new Map<number, number>();
  for (const t of terms) byColumn.set(t.column, (byColumn.get(t.column) ?? 0) + t.coef);
  const out = [...byColumn]
    .filter(([, coef]) => coef !== 0)
    .map(([column, coef]) => ({ column, coef }));
  const fits = out.some((t) => t.coef > 0) && out.every((t) => Math.abs(t.coef) <= MAX_COEFFICIENT);
  return fits ? out : null;
}

/** A trailing unit in brackets (“(件)”, “（%）”) and a trailing “%”: not part of a name. */
const UNIT_SUFFIX = /[(（](%|％|件|个|件次|次|分)[)）]$|[%％]$/;

/** The label a key is made of: the column's label less its unit (“办结率(%)” → 办结率). */
function baseLabel(c: StructColumn): string {
  const label = c.label.replace(/\s+/g, '');
  return label.replace(UNIT_SUFFIX, '') || label;
}

/**
 * One key per column, unique across the scheme: its label, or, for two columns labelled
 * alike (or a name JavaScript objects carry), the label with its column letter.
 */
function keysFor(table: StructTable, cols: readonly number[]): Map<number, string> {
  const keys = new Map<number, string>();
  const seen = new Map<string, number>();
  for (const col of cols) {
    const base = baseLabel(table.columns[col]!);
    seen.set(base, (seen.get(base) ?? 0) + 1);
  }
  const taken = new Set<string>();
  for (const col of cols) {
    const base = baseLabel(table.columns[col]!);
    const reserved =
      base === '__proto__' || Object.prototype.hasOwnProperty.call(Object.prototype, base);
    let key =
      seen.get(base)! > 1 || reserved ? `${base}（${letter(table.columns[col]!.col)}列）` : base;
    while (taken.has(key)) key = `${key}′`;
    taken.add(key);
    keys.set(col, key);
  }
  return keys;
}

/**
 * Other spellings a column's header is found by: its label as printed (with its unit), its
 * header parts run together, and its last part alone (“派遣数” under “工单办理”, as a sheet's
 * second header row shows it) unless another column of the table ends the same way — except
 * columns of another period to its right (上月/派遣数): a table is read left to right and
 * keeps the first column a header names. Never another column's key or spelling.
 */
function headersFor(table: StructTable, keys: ReadonlyMap<number, string>): Map<number, string[]> {
  const leafIsOwn = (col: number): boolean => {
    const c = table.columns[col]!;
    const leaf = leafOf(c);
    return (
      leaf !== '' &&
      table.columns.every(
        (o, i) => i === col || leafOf(o) !== leaf || (o.time !== 'current' && o.col > c.col),
      )
    );
  };
  const candidates = new Map<number, string[]>();
  for (const [col] of keys) {
    const c = table.columns[col]!;
    const parts = [...new Set(c.path.filter((p) => p.trim() !== ''))];
    candidates.set(col, [c.label, parts.join(''), ...(leafIsOwn(col) ? [leafOf(c)] : [])]);
  }
  // A spelling is kept for one column only, and never reads as another column's key (in the
  // form headers are compared in); its own key's form is not repeated.
  const owner = new Map<string, number | null>();
  for (const [col, key] of keys) owner.set(norm(key), col);
  for (const [col, list] of candidates)
    for (const h of list) {
      const n = norm(h);
      if (n !== '') owner.set(n, owner.has(n) && owner.get(n) !== col ? null : col);
    }
  const out = new Map<number, string[]>();
  for (const [col, list] of candidates) {
    const own = norm(keys.get(col)!);
    out.set(col, [
      ...new Set(
        list
          .map((h) => h.replace(/\s+/g, ''))
          .filter((h) => norm(h) !== own && owner.get(norm(h)) === col),
      ),
    ]);
  }
  return out;
}

/** The form headers are compared in when a table is read (as src/tables/columns.ts normalizeLabel). */
function norm(text: string): string {
  return text.normalize('NFKC').replace(/\s+/g, '').replace(UNIT_SUFFIX, '');
}

function leafOf(c: StructColumn): string {
  return (c.path[c.path.length - 1] ?? '').replace(/\s+/g, '');
}

function letter(col: number): string {
  let s = '';
  for (let n = col + 1; n > 0; n = Math.floor((n - 1) / 26))
    s = String.fromCharCode(65 + ((n - 1) % 26)) + s;
  return s;
}
