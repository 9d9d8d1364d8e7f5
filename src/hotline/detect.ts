import { foldText } from '../core/cells';
import { toScaled } from '../core/fixed';
import { diagnostic, type Diagnostic } from '../core/diagnostics';
import { cellAddress, isEmptyCell, isList, type CellValue, type SheetGrid } from '../core/grid';
import { isTotalRow } from '../tables/columns';
import { readCount } from '../core/counts';

/**
 * The 12345 平台 tables of 附件1: 件次 and 群众满意度 per responsible unit (市直 departments,
 * and 县（市）区 districts), and transferred calls per answering unit.
 */
export type HotlineKind = 'departments' | 'districts' | 'transfers';

export interface HotlineRow {
  readonly name: string;
  /** 1-based sheet row. */
  readonly row: number;
  /** 受理 (件次) or 转接诉求量. */
  readonly count: number;
  /** 群众满意度, percent × 100 (99.74 % → 9974); null where not given. */
  readonly satisfaction: number | null;
  readonly connected: number | null;
  readonly timely: number | null;
}

export interface HotlineTable {
  readonly kind: HotlineKind;
  readonly sheet: string;
  readonly title: string;
  readonly headerRow: number;
  readonly rows: readonly HotlineRow[];
}

const NAME_LABELS = new Set([
  '责任单位',
  '单位',
  '单位名称',
  '接听单位',
  '接听情况接听单位',
  '县(市)区',
  '部门',
]);

/** A 12345 header cell as compared: folded (`foldText`), a trailing (件), (件次) or (%) dropped. */
export function hotlineLabel(v: CellValue | undefined): string {
  return typeof v === 'string' ? foldText(v).replace(/\((件|件次|%)\)$/, '') : '';
}

interface Columns {
  kind: 'volume' | 'transfers';
  name: number;
  count: number;
  satisfaction: number | null;
  connected: number | null;
  timely: number | null;
}

function headerColumns(cells: readonly CellValue[]): Columns | null {
  // Cheap pre-filter: a 12345 header names 受理 or 转接 somewhere (most rows are data).
  if (!cells.some((v) => typeof v === 'string' && (v.includes('受理') || v.includes('转接'))))
    return null;
  const labels = cells.map(hotlineLabel);
  const find = (test: (l: string) => boolean) => {
    const i = labels.findIndex(test);
    return i < 0 ? null : i;
  };
  const name = find((l) => NAME_LABELS.has(l) || l.endsWith('接听单位'));
  if (name === null) return null;
  const transfers = find((l) => l.startsWith('转接诉求量'));
  if (transfers !== null) {
    return {
      kind: 'transfers',
      name,
      count: transfers,
      satisfaction: null,
      connected: find((l) => l === '接通'),
      timely: find((l) => l === '及时反馈'),
    };
  }
  const count = find((l) => l === '受理' || l === '受理数' || l === '件次' || l === '受理件次');
  const satisfaction = find((l) => l.endsWith('满意度') || l.endsWith('满意率'));
  if (count === null || satisfaction === null) return null;
  return { kind: 'volume', name, count, satisfaction, connected: null, timely: null };
}

/** 99.74 % as 9974, from “99.74%”, 99.74, or 0.9974 in a column kept as Excel percentages. */
function readPercent(v: CellValue | undefined, fraction: boolean): number | null {
  if (typeof v === 'number') return toScaled(fraction ? `${v}e2` : v, 2, 'halfUp')?.scaled ?? null;
  if (typeof v !== 'string') return null;
  const t = foldText(v);
  if (!t.endsWith('%')) return toScaled(t, 2, 'halfUp')?.scaled ?? null;
  return toScaled(t.slice(0, -1), 2, 'halfUp')?.scaled ?? null;
}

function count(v: CellValue | undefined): number | null {
  const r = readCount(v);
  return typeof r === 'number' ? r : null;
}

/** Find every 12345 table on every sheet. Rows that cannot be read are left out, with a diagnostic. */
export function detectHotlineTables(sheets: readonly SheetGrid[]): {
  tables: HotlineTable[];
  diagnostics: Diagnostic[];
} {
  const tables: HotlineTable[] = [];
  const diagnostics: Diagnostic[] = [];
  for (const sheet of sheets) {
    const values = sheet.values;
    const originRow = sheet.origin?.row ?? 0;
    let lastText = sheet.name;
    for (let r = 0; r < values.length; r++) {
      const cells = values[r];
      if (!isList(cells)) continue;
      const cols = headerColumns(cells);
      if (cols === null) {
        // Remember the last line of text (a title) above a possible header; cheap for data rows.
        const a = cells[0];
        const first =
          typeof a === 'string' && a.trim() !== ''
            ? a
            : cells.find((v) => typeof v === 'string' && v.trim() !== '');
        if (typeof first === 'string' && first.trim() !== '') lastText = first.trim();
        continue;
      }
      const title = lastText;
      const kind: HotlineKind =
        cols.kind === 'transfers'
          ? 'transfers'
          : /县|区/.test(title.normalize('NFKC'))
            ? 'districts'
            : 'departments';
      const body: { cells: readonly CellValue[]; r: number }[] = [];
      let end = r + 1;
      for (; end < values.length; end++) {
        const row = values[end];
        if (!isList(row) || headerColumns(row) !== null) break;
        const name =
          typeof row[cols.name] === 'string'
            ? (row[cols.name] as string).replace(/[\s\u3000]+/g, '')
            : '';
        if (row.every((v) => isEmptyCell(v))) {
          if (body.length > 0) break; // a blank row after the data ends the table
          continue;
        }
        const at = cellAddress(end + originRow, cols.name + (sheet.origin?.col ?? 0));
        const figures = row.some((v, c) => c !== cols.name && !isEmptyCell(v));
        if (!figures) {
          // A line of text only: the next table's title ends this one; a note is skipped.
          if (body.length > 0 && TITLE_RE.test(name)) break;
          continue;
        }
        if (name === '') continue;
        if (isTotalRow(name)) {
          diagnostics.push(
            diagnostic('totalRowSkipped', sheet.name, at, end + originRow + 1, { text: name }),
          );
          continue;
        }
        if (count(row[cols.count]) === null) {
          const text = String(row[cols.count] ?? '');
          diagnostics.push(
            diagnostic('hotlineCountUnreadable', sheet.name, at, end + originRow + 1, {
              unit: name,
              text,
            }),
          );
          continue;
        }
        body.push({ cells: row, r: end });
      }
      const fraction =
        cols.satisfaction !== null &&
        body.every(({ cells }) => {
          const v = cells[cols.satisfaction!];
          return typeof v !== 'number' || v <= 1;
        }) &&
        body.some(({ cells }) => typeof cells[cols.satisfaction!] === 'number');
      const rows = body.map(({ cells, r: at }) => ({
        name: String(cells[cols.name]).replace(/[\s\u3000]+/g, ''),
        row: at + originRow + 1,
        count: count(cells[cols.count])!,
        satisfaction:
          cols.satisfaction === null ? null : readPercent(cells[cols.satisfaction], fraction),
        connected: cols.connected === null ? null : count(cells[cols.connected]),
        timely: cols.timely === null ? null : count(cells[cols.timely]),
      }));
      tables.push({ kind, sheet: sheet.name, title, headerRow: r + originRow + 1, rows });
      r = end - 1;
      lastText = '';
    }
  }
  return { tables, diagnostics };
}

const TITLE_RE = /情况表|统计表|汇总表|^[(（]([一二三四五六七八九十]+|\d+)[)）]/;
