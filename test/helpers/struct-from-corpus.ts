/**
 * [issue 16] A corpus table (test/corpus/*.json) as the structure reader would hand it to the
 * formula proposal: a `StructTable` per block (side-by-side blocks are separate tables), columns
 * from the header with their paths, roles from the transcription's `spec` (which columns name a
 * row), `time` from the header's words (上期/上月/去年/环比/增减/幅度 and month names against the
 * page's period), `percent` from a % sign; rows with names and parents from `expected.units`,
 * totals with the rows they close from `expected.totals`; every cell parsed from the printed
 * string by the small parser below. Built from the test data only: nothing here runs the code
 * under test. Also a builder for the unit tests' own small tables.
 */
import { readFileSync, readdirSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import type {
  ColumnRole,
  ColumnTime,
  StructCell,
  StructColumn,
  StructRow,
  StructTable,
} from '../../src/tables/structure-types';

export type Coef = number | string;

export interface CorpusFormula {
  readonly column: string;
  readonly formula: string | null;
  readonly why?: string;
  readonly num?: Record<string, Coef>;
  readonly den?: Record<string, Coef> | null;
  readonly scale?: string;
  readonly decimals?: number;
  readonly rounding?: 'half_up' | 'half_even' | 'down' | 'up';
  readonly rows_checked?: number;
  readonly rows_fitting?: number;
  readonly rows_fitting_by_rounding?: Record<string, number>;
  readonly misprints?: readonly { row: string; printed: string; recomputed: string }[];
}

export interface CorpusJson {
  readonly id: string;
  readonly title: string | null;
  readonly period: string;
  readonly header: readonly (readonly (string | null)[])[];
  readonly rows: readonly (readonly (string | null)[])[];
  readonly merges?: readonly { from: [number, number]; to: [number, number] }[];
  readonly notes?: readonly string[];
  readonly spec: {
    readonly layout?: 'rows' | 'side_by_side' | 'label_value';
    readonly columns?: Record<string, number>;
    readonly blocks?: readonly Record<string, number>[];
    readonly pairs?: readonly (readonly [number, number])[];
    readonly path_cols?: readonly number[];
    readonly path?: readonly string[];
    readonly total_rows?: readonly number[];
  };
  readonly expected: {
    readonly units: readonly { row: string; name: string; parents: string[] }[];
    readonly formulas: readonly CorpusFormula[];
    readonly totals: readonly {
      row: number;
      closes: readonly number[];
      columns: Record<string, unknown>;
      wrong: readonly string[];
    }[];
    readonly ranks: readonly {
      column: string;
      by: string;
      order: string;
      per_block: boolean;
      rows_checked: number;
      rows_fitting: number;
      misprints: readonly { row: string; printed: string; expected_rank: number }[];
    }[];
  };
}

/** One block of a corpus table as a StructTable, with the way back to the corpus' names. */
export interface CorpusStruct {
  readonly table: StructTable;
  /** Per struct row, the corpus row reference (“3”, or “1.0” for row 1 of block 0). */
  readonly refs: readonly string[];
  /** Per struct column, the spec's name for it (“处置率”), or null. */
  readonly names: readonly (string | null)[];
}

const CORPUS_DIR = fileURLToPath(new URL('../corpus/', import.meta.url));

export function loadCorpus(): { file: string; table: CorpusJson }[] {
  return readdirSync(CORPUS_DIR)
    .filter((f) => f.endsWith('.json'))
    .sort()
    .map((file) => ({
      file,
      table: JSON.parse(readFileSync(CORPUS_DIR + file, 'utf8')) as CorpusJson,
    }));
}

// ------------------------------------------------------------------ printed cells

const EMPTY = new Set(['', '—', '-', '－', '/', '无', '——']);
const NUMBER = /^[+-]?(\d+)(?:\.(\d+))?$/;

/** A printed string as a cell: “99.35%”, “↓22.21%”, “3505”, “—”, “”. */
export function parsePrinted(text: string | null | undefined): StructCell {
  if (text === null || text === undefined) return { kind: 'empty' };
  const raw = String(text);
  let s = raw.replace(/\s+/g, '');
  if (EMPTY.has(s)) return { kind: 'empty' };
  let negative = false;
  if (s.startsWith('↓')) {
    negative = true;
    s = s.slice(1);
  } else if (s.startsWith('↑')) s = s.slice(1);
  let percent = false;
  if (/[%％]$/.test(s)) {
    percent = true;
    s = s.slice(0, -1);
  }
  const m = NUMBER.exec(s);
  if (!m) return { kind: 'text', text: raw.trim() };
  const frac = m[2] ?? '';
  let scaled = Number(m[1]! + frac);
  if (s.startsWith('-')) scaled = -scaled;
  if (negative) scaled = -scaled;
  return {
    kind: 'number',
    value: { scaled: scaled === 0 ? 0 : scaled, decimals: frac.length, percent, text: raw.trim() },
  };
}

// ------------------------------------------------------------------ header words

/** Which period a column is about, from its header words and the page's period. */
export function timeOf(label: string, period: string): ColumnTime {
  if (/环比|同比|增减|增\/减|增幅|减幅|幅度|增长|变化/.test(label)) return 'change';
  if (/去年|上年/.test(label)) return 'lastYear';
  if (/上期|上月|上周/.test(label)) return 'previous';
  const m = /(?:(\d{4})年)?(\d{1,2})月/.exec(label);
  const p = /(?:(\d{4})年)?(\d{1,2})月/.exec(period);
  if (m && p) {
    const [, y, mo] = m;
    const [, py, pm] = p;
    if (y && py && Number(y) < Number(py))
      return Number(mo) === Number(pm) ? 'lastYear' : 'previous';
    if (Number(mo) < Number(pm)) return 'previous';
  }
  return 'current';
}

const TOTAL = /^(合计|小计|总计)$/;

// ------------------------------------------------------------------ building

function anchorsOf(t: CorpusJson): Map<string, [number, number]> {
  const out = new Map<string, [number, number]>();
  for (const m of t.merges ?? []) {
    const [r0, c0] = m.from;
    const [r1, c1] = m.to;
    for (let r = r0; r <= r1; r++)
      for (let c = c0; c <= c1; c++) if (r !== r0 || c !== c0) out.set(`${r},${c}`, [r0, c0]);
  }
  return out;
}

function nospace(s: string): string {
  return s.replace(/\s+/g, '');
}

/** Every block of a corpus table as a StructTable (one for a plain table). */
export function structFromCorpus(t: CorpusJson): CorpusStruct[] {
  const grid = [...t.header, ...t.rows];
  const width = Math.max(...grid.map((r) => r.length));
  const anchors = anchorsOf(t);
  const raw = (r: number, c: number): string | null => grid[r]?.[c] ?? null;
  /** A cell's text, a covered cell taking its merge's top-left text. */
  const text = (r: number, c: number): string | null => {
    const a = anchors.get(`${r},${c}`);
    return a ? raw(a[0], a[1]) : raw(r, c);
  };
  const h = t.header.length;
  const layout = t.spec.layout ?? 'rows';
  const all = Array.from({ length: width }, (_, c) => c);
  const nameOf = (cols: Record<string, number>) => {
    const out = new Map<number, string>();
    for (const [name, c] of Object.entries(cols)) out.set(c, name);
    return out;
  };
  interface Block {
    cols: number[];
    names: Map<number, string>;
    pathCols: number[];
    blockIndex: number | null;
  }
  let blocks: Block[];
  if (layout === 'side_by_side') {
    blocks = (t.spec.blocks ?? []).map((b, i) => ({
      cols: Object.values(b).sort((x, y) => x - y),
      names: nameOf(b),
      pathCols: (t.spec.path ?? []).map((n) => b[n]!),
      blockIndex: i,
    }));
  } else if (layout === 'label_value') {
    const pairs = t.spec.pairs ?? [];
    blocks = [
      { cols: all, names: new Map(), pathCols: pairs[0] ? [pairs[0][0]] : [0], blockIndex: null },
    ];
  } else {
    blocks = [
      {
        cols: all,
        names: nameOf(t.spec.columns ?? {}),
        pathCols: [...(t.spec.path_cols ?? [0])],
        blockIndex: null,
      },
    ];
  }

  const units = new Map(t.expected.units.map((u) => [u.row, u]));
  const totalRows = new Map(t.expected.totals.map((x) => [x.row, x]));

  return blocks.map((b) => {
    // rows: those with a name in this block
    const refs: string[] = [];
    const rowInfo: { i: number; path: string[] }[] = [];
    t.rows.forEach((_, i) => {
      const r = h + i;
      const seen = new Set<string>();
      const path: string[] = [];
      for (const c of b.pathCols) {
        const a = anchors.get(`${r},${c}`) ?? [r, c];
        const key = `${a[0]},${a[1]}`;
        if (seen.has(key)) continue;
        seen.add(key);
        const s = text(r, c);
        if (s !== null && s.trim() !== '') path.push(s);
      }
      if (path.length === 0) return;
      refs.push(b.blockIndex === null ? String(i) : `${i}.${b.blockIndex}`);
      rowInfo.push({ i, path });
    });
    const structIndex = new Map(rowInfo.map((x, k) => [x.i, k]));

    const figureLike = (c: number) =>
      rowInfo.some(({ i }) => parsePrinted(raw(h + i, c)).kind === 'number');
    const columns: StructColumn[] = b.cols.map((c) => {
      const path: string[] = [];
      for (let r = 0; r < h; r++) {
        const s = text(r, c);
        if (s !== null && nospace(s) !== '') path.push(nospace(s));
      }
      const label = [...new Set(path)].join('/');
      let role: ColumnRole;
      const k = b.pathCols.indexOf(c);
      if (k >= 0) role = k === b.pathCols.length - 1 ? 'name' : 'parent';
      else if (/序号/.test(label)) role = 'serial';
      else role = figureLike(c) ? 'figure' : 'text';
      const percent =
        role === 'figure' &&
        (/[%％]/.test(label) ||
          rowInfo.some(({ i }) => {
            const cell = parsePrinted(raw(h + i, c));
            return cell.kind === 'number' && cell.value.percent;
          }));
      return {
        col: c,
        path,
        label,
        role,
        time: role === 'figure' ? timeOf(label, t.period) : 'current',
        percent,
      };
    });

    const rows: StructRow[] = rowInfo.map(({ i, path }, k) => {
      const ref = refs[k]!;
      const unit = units.get(ref);
      const total = b.blockIndex === null ? totalRows.get(i) : undefined;
      const isTotal =
        total !== undefined ||
        (!unit && TOTAL.test(nospace(path[path.length - 1]!))) ||
        (t.spec.total_rows ?? []).includes(i);
      const cells: StructCell[] = b.cols.map((c) => {
        const covered = anchors.has(`${h + i},${c}`);
        return covered ? { kind: 'empty' } : parsePrinted(raw(h + i, c));
      });
      return {
        gridRow: 1 + h + i,
        name: unit ? nospace(unit.name) : nospace(path[path.length - 1]!),
        parents: unit ? unit.parents.map(nospace) : path.slice(0, -1).map(nospace),
        kind: isTotal ? 'total' : 'unit',
        closes: total
          ? total.closes.flatMap((m) => (structIndex.has(m) ? [structIndex.get(m)!] : []))
          : [],
        cells,
      };
    });

    const table: StructTable = {
      sheet: t.period,
      title: t.title,
      anchor: 'A1',
      headerTop: 1,
      headerRows: h,
      firstCol: b.cols[0]!,
      lastCol: b.cols[b.cols.length - 1]!,
      columns,
      rows,
      endRow: 1 + grid.length,
      notes: t.notes ?? [],
      uncertain: [],
    };
    return { table, refs, names: b.cols.map((c) => b.names.get(c) ?? null) };
  });
}

// ------------------------------------------------------------------ the unit tests' tables

/**
 * A small table for a unit test: header rows (a merged label repeated over the columns it spans),
 * body rows as printed strings, column 0 the unit names; `totals` maps a total row to the rows it
 * closes. `period` sets which month is this period's.
 */
export function makeTable(spec: {
  readonly header: readonly (readonly string[])[];
  readonly rows: readonly (readonly string[])[];
  readonly totals?: Record<number, readonly number[]>;
  readonly parents?: Record<number, readonly string[]>;
  readonly period?: string;
}): StructTable {
  const h = spec.header.length;
  const width = Math.max(...spec.header.map((r) => r.length));
  const columns: StructColumn[] = Array.from({ length: width }, (_, c) => {
    const path = spec.header.map((r) => nospace(r[c] ?? '')).filter((s) => s !== '');
    const label = [...new Set(path)].join('/');
    const figure = c > 0 && spec.rows.some((r) => parsePrinted(r[c]).kind === 'number');
    const role: ColumnRole = c === 0 ? 'name' : figure ? 'figure' : 'text';
    const percent =
      figure &&
      (/[%％]/.test(label) ||
        spec.rows.some((r) => {
          const cell = parsePrinted(r[c]);
          return cell.kind === 'number' && cell.value.percent;
        }));
    return {
      col: c,
      path,
      label,
      role,
      time: figure ? timeOf(label, spec.period ?? '') : 'current',
      percent,
    };
  });
  const rows: StructRow[] = spec.rows.map((r, i) => {
    const closes = spec.totals?.[i];
    return {
      gridRow: h + i,
      name: nospace(r[0] ?? ''),
      parents: spec.parents?.[i] ?? [],
      kind: closes ? 'total' : 'unit',
      closes: closes ?? [],
      cells: Array.from({ length: width }, (_, c) => parsePrinted(r[c])),
    };
  });
  return {
    sheet: 'Sheet1',
    title: null,
    anchor: 'A1',
    headerTop: 0,
    headerRows: h,
    firstCol: 0,
    lastCol: width - 1,
    columns,
    rows,
    endRow: h + rows.length,
    notes: [],
    uncertain: [],
  };
}
