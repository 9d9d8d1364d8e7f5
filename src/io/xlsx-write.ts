import ExcelJS from 'exceljs';
import { columnIndex, rangeAddress } from '../core/grid';
import { HEADER_FILL, type ConditionalRule, type Rect, type WritePlan } from '../plan/write-plan';
import { WorkbookReadError } from './xlsx-read';

/**
 * The annotated workbook: a copy of the user's .xlsx with the add-in's plan applied by
 * ExcelJS — the same columns, number formats and conditional formats, nothing else changed.
 */
export async function annotateWorkbook(
  data: ArrayBuffer | Uint8Array,
  plan: WritePlan,
): Promise<Uint8Array> {
  const wb = new ExcelJS.Workbook();
  try {
    await wb.xlsx.load(data as unknown as ArrayBuffer);
  } catch (e) {
    throw new WorkbookReadError(e instanceof Error ? e.message : String(e));
  }
  for (const sheetWrites of plan.sheets) {
    const ws = wb.getWorksheet(sheetWrites.sheet);
    if (!ws) continue;
    // First drop every rule an earlier run left on its columns, then write afresh.
    for (const table of sheetWrites.tables) if (table.replacing) removeRules(ws, table.columns);
    for (const table of sheetWrites.tables) {
      table.block.values.forEach((row, dr) =>
        row.forEach((value, dc) => {
          if (value === null) return;
          const cell = ws.getCell(table.block.row + dr + 1, table.block.col + dc + 1);
          // ExcelJS writes strings as text, never as formulas: no escaping needed here.
          cell.value = value === '' ? null : value;
          const format = table.block.numberFormat[dr]?.[dc];
          if (format) cell.numFmt = format;
        }),
      );
      for (let c = 0; c < table.header.cols; c++) {
        const cell = ws.getCell(table.header.row + 1, table.header.col + c + 1);
        cell.font = { ...cell.font, bold: true };
        cell.fill = { type: 'pattern', pattern: 'solid', fgColor: { argb: argb(HEADER_FILL) } };
      }
      for (let c = 0; c < table.columns.cols; c++) {
        const column = ws.getColumn(table.columns.col + c + 1);
        if (!column.width || column.width < 12) column.width = 12;
      }
      table.rules.forEach((rule) =>
        ws.addConditionalFormatting({ ref: rangeAddress(rule.range), rules: [toRule(rule)] }),
      );
    }
  }
  return new Uint8Array(await wb.xlsx.writeBuffer());
}

function argb(hex: string): string {
  return `FF${hex.replace('#', '').toUpperCase()}`;
}

function toRule(rule: ConditionalRule): ExcelJS.ConditionalFormattingRule {
  const style = (fill: string, font: string): Partial<ExcelJS.Style> => ({
    fill: { type: 'pattern', pattern: 'solid', bgColor: { argb: argb(fill) } },
    font: { color: { argb: argb(font) } },
  });
  switch (rule.type) {
    case 'textEquals':
      return {
        type: 'cellIs',
        operator: 'equal',
        formulae: [`"${rule.text.replace(/"/g, '""')}"`],
        priority: 1,
        style: style(rule.fill, rule.font),
      };
    case 'colorScale':
      return {
        type: 'colorScale',
        priority: 1,
        cfvo: [{ type: 'min' }, { type: 'percentile', value: 50 }, { type: 'max' }],
        color: [{ argb: argb(rule.min) }, { argb: argb(rule.mid) }, { argb: argb(rule.max) }],
      };
    case 'formula':
      return {
        type: 'expression',
        priority: 1,
        formulae: [rule.formula.replace(/^=/, '')],
        style: style(rule.fill, rule.font),
      };
  }
}

/** A1 reference → rectangle (0-based); null for what is not a plain A1 range (A:A, 1:1, names). */
function rect(a1: string): Rect | null {
  const m = /^\$?([A-Z]+)\$?(\d+)(?::\$?([A-Z]+)\$?(\d+))?$/.exec(a1);
  if (!m) return null;
  const row = Number(m[2]) - 1;
  const col = columnIndex(m[1]!);
  const lastRow = m[4] === undefined ? row : Number(m[4]) - 1;
  const lastCol = m[3] === undefined ? col : columnIndex(m[3]);
  return { row, col, rows: lastRow - row + 1, cols: lastCol - col + 1 };
}

/** Drop an earlier run's rules: those lying wholly inside the add-in's own columns. */
function removeRules(ws: ExcelJS.Worksheet, columns: Rect): void {
  const internal = ws as unknown as { conditionalFormattings?: { ref: string }[] };
  if (!internal.conditionalFormattings) return;
  const inside = (r: Rect | null) =>
    r !== null &&
    r.col >= columns.col &&
    r.col + r.cols <= columns.col + columns.cols &&
    r.row >= columns.row &&
    r.row + r.rows <= columns.row + columns.rows;
  internal.conditionalFormattings = internal.conditionalFormattings.filter(
    (cf) => !cf.ref.split(/\s+/).every((x) => inside(rect(x))),
  );
}
