/**
 * Totals checked: every printed total whose parts are in the workbook is recomputed from them
 * — a 合计 row from the rows it adds up, 受理诉求件（案件） from 12345 + 数字城管, 受理有效案件
 * from 事件 + 部件, a complete category list from its total — and a difference is a
 * discrepancy at the total's cell. A total whose parts are absent is left alone.
 */
import { cellAddress, isEmptyCell, isList, type CellValue, type SheetGrid } from '../core/grid';
import { textWithoutSpaces } from '../core/cells';
import { checkTotal } from '../core/totals';
import { hotlineLabel, type HotlineTable } from '../hotline/detect';
import { isGrandTotalRow } from '../tables/columns';
import {
  LIST_TOTAL,
  type CategoryDimension,
  type CategoryList,
  type Figure,
  type FigureId,
  type Located,
  type SummaryDiscrepancy,
} from './types';

type Part = Located & { readonly label: string; readonly value: number };

/** A printed total and the printed parts it should be the sum of. */
export interface SumCheck {
  readonly label: string;
  readonly total: Located & { readonly value: number };
  readonly parts: readonly Part[];
}

const part = (f: Figure): Part => ({
  sheet: f.sheet,
  cell: f.cell,
  row: f.row,
  label: f.label,
  value: f.value,
});

/** Every check as a discrepancy where the sum differs; one per total cell. */
export function checkSums(
  sums: readonly SumCheck[],
  figures: ReadonlyMap<FigureId, Figure>,
  lists: readonly CategoryList[],
  completeLists: readonly CategoryDimension[],
  /** Counts the totals checked (a total of its parts, once per total cell). */
  tally: { checked: number } = { checked: 0 },
): SummaryDiscrepancy[] {
  const checks: SumCheck[] = [...sums];
  const figureSum = (id: FigureId, parts: readonly FigureId[]) => {
    const total = figures.get(id);
    const ps = parts.map((p) => figures.get(p));
    if (total && ps.every((p): p is Figure => p !== undefined))
      checks.push({ label: total.label, total, parts: ps.map(part) });
  };
  figureSum('system.accepted', ['hotline.accepted', 'city.accepted']);
  figureSum('city.accepted', ['city.events', 'city.parts']);
  // A figure printed only as a list's 合计 is the same total: checked once, against the items.
  for (const list of lists) {
    if (list.area !== null || !completeLists.includes(list.dimension)) continue;
    const id = LIST_TOTAL[list.dimension];
    const total = id === undefined ? undefined : figures.get(id);
    if (!total || list.items.length === 0) continue;
    checks.push({
      label: `${total.label}（${list.title}）`,
      total,
      parts: list.items.map((x) => ({ ...x, label: x.name })),
    });
  }
  const out: SummaryDiscrepancy[] = [];
  const seen = new Set<string>();
  const counted = new Set<string>();
  for (const c of checks) {
    const sum = checkTotal(
      c.total.value,
      c.parts.map((p) => p.value),
      'unchecked',
    );
    if (sum === null) continue;
    const recomputed = sum.value;
    const at = `${c.total.sheet}!${c.total.cell}`;
    if (!counted.has(at)) tally.checked++;
    counted.add(at);
    if (sum.ok) continue;
    const key = `${c.total.sheet}!${c.total.cell}:${recomputed}`;
    if (seen.has(key)) continue;
    seen.add(key);
    out.push({
      kind: 'total',
      label: c.label,
      printed: c.total.value,
      recomputed,
      unit: 'count',
      sheet: c.total.sheet,
      cell: c.total.cell,
      row: c.total.row,
      parts: c.parts,
    });
  }
  return out;
}

function count(v: CellValue | undefined): number | null {
  if (typeof v === 'number') return Number.isInteger(v) && v >= 0 ? v : null;
  if (typeof v !== 'string') return null;
  const t = v.normalize('NFKC').replace(/[\s,]+/g, '');
  return /^\d+$/.test(t) ? Number(t) : null;
}

/**
 * The 合计/总计 rows of the 12345 tables, which `detectHotlineTables` skips (it reports them
 * as `totalRowSkipped`): each count column (受理; 转接诉求量, 接通, 及时反馈) recomputed from
 * the table's rows. 满意度 is a rate of counts the table does not hold: left alone.
 */
export function checkHotlineTotals(
  tables: readonly HotlineTable[],
  sheets: readonly SheetGrid[],
  tally: { checked: number } = { checked: 0 },
): SummaryDiscrepancy[] {
  const out: SummaryDiscrepancy[] = [];
  tables.forEach((table, i) => {
    const grid = sheets.find((s) => s.name === table.sheet);
    if (!grid || !isList(grid.values)) return;
    const o = grid.origin ?? { row: 0, col: 0 };
    const header = grid.values[table.headerRow - 1 - o.row];
    if (!isList(header)) return;
    const labels = header.map(hotlineLabel);
    const find = (test: (l: string) => boolean) => labels.findIndex(test);
    const columns: { col: number; field: 'count' | 'connected' | 'timely' }[] = [];
    const countCol = find(
      (l) => ['受理', '受理数', '件次', '受理件次'].includes(l) || l.startsWith('转接诉求量'),
    );
    if (countCol < 0) return;
    columns.push({ col: countCol, field: 'count' });
    if (table.kind === 'transfers') {
      const connected = find((l) => l === '接通');
      const timely = find((l) => l === '及时反馈');
      if (connected >= 0) columns.push({ col: connected, field: 'connected' });
      if (timely >= 0) columns.push({ col: timely, field: 'timely' });
    }
    // The table's extent: from its header to the next table's header (or the sheet's end).
    const next = tables.slice(i + 1).find((t) => t.sheet === table.sheet);
    const last = (next ? next.headerRow - 1 - o.row : grid.values.length) - 1;
    for (let r = table.headerRow - o.row; r <= last; r++) {
      const row = grid.values[r];
      if (!isList(row)) continue;
      const name = row.map(textWithoutSpaces).find((t) => t !== '');
      if (name === undefined || !isGrandTotalRow(name)) continue;
      for (const { col, field } of columns) {
        const printed = count(row[col]);
        if (printed === null || isEmptyCell(row[col])) continue;
        const parts = table.rows.flatMap((x) => {
          const v = x[field];
          return v === null
            ? []
            : [
                {
                  sheet: table.sheet,
                  cell: cellAddress(x.row - 1, col + o.col),
                  row: x.row,
                  label: x.name,
                  value: v,
                },
              ];
        });
        const sum = checkTotal(
          printed,
          parts.map((p) => p.value),
          'unchecked',
        );
        if (sum === null) continue;
        tally.checked++;
        if (sum.ok) continue;
        out.push({
          kind: 'total',
          label: `${table.title} ${name} ${labels[col]}`,
          printed,
          recomputed: sum.value,
          unit: 'count',
          sheet: table.sheet,
          cell: cellAddress(r + o.row, col + o.col),
          row: r + o.row + 1,
          parts,
        });
      }
    }
  });
  return out;
}
