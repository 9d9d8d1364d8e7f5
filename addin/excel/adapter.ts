/**
 * The Excel adapter: the only code that calls Excel.run. It reads every sheet's used range
 * in one sync, lets the engine compute, and writes the engine's plan in one more sync (more
 * only when a request would pass the payload budget). It never touches a cell outside the
 * plan, and the plan only holds the add-in's own columns.
 */
import { rangeAddress, type SheetGrid } from '../../src/core/grid';
import type { SettingsInput } from '../../src/core/settings';
import { analyzeWorkbook } from '../../src/evaluation/analyze';
import {
  HEADER_FILL,
  planWrites,
  type ConditionalRule,
  type ValueBlock,
  type WritePlan,
} from '../../src/plan/write-plan';
import type { RecomputeResult } from '../taskpane/host';
import { splitRows } from './ranges';

/** Sheets whose used ranges are queued per sync (a chain of getNextOrNullObject). */
const SHEETS_PER_SYNC = 64;
/** Excel on the web refuses requests over 5 MB; keep each well under it. */
export const REQUEST_BUDGET = 3.5 * 1024 * 1024;

export interface ExcelSupport {
  /** ExcelApi 1.7: getUsedRangeOrNullObject, conditional formats (1.6), the calls we make. */
  readonly core: boolean;
  /** ExcelApi 1.13: merged areas. */
  readonly merges: boolean;
}

export function excelSupport(): ExcelSupport {
  const req = Office.context.requirements;
  return {
    core: req.isSetSupported('ExcelApi', '1.7'),
    merges: req.isSetSupported('ExcelApi', '1.13'),
  };
}

export type { RecomputeResult } from '../taskpane/host';

/** This Excel lacks ExcelApi 1.7 (conditional formats need 1.6): nothing can be done. */
export class ExcelTooOldError extends Error {
  override readonly name = 'ExcelTooOldError';
}

/** Read, compute, write: the whole 重新计算 button. */
export async function recompute(settings: SettingsInput = {}): Promise<RecomputeResult> {
  const support = excelSupport();
  if (!support.core) throw new ExcelTooOldError('ExcelApi 1.7 is not supported by this Excel');
  return Excel.run(async (context) => {
    let syncs = 0;
    const sync = async () => {
      syncs++;
      await context.sync();
    };
    const grids = await readGrids(context, support, sync);
    const analysis = analyzeWorkbook(grids, settings);
    const plan = planWrites(analysis);
    if (plan.conflicts.length > 0) return { analysis, plan, wrote: false, syncs };
    await writePlan(context, plan, sync);
    return { analysis, plan, wrote: true, syncs };
  });
}

/** Cells per read request when a sheet is too big for one response (≈ 60 bytes a cell). */
export const CELLS_PER_READ = 60_000;

function isPayloadLimit(e: unknown): boolean {
  const code = (e as { code?: unknown } | null)?.code;
  return code === 'RequestPayloadSizeLimitExceeded' || code === 'ResponsePayloadSizeLimitExceeded';
}

interface SheetRead {
  readonly name: string;
  readonly used: Excel.Range | null;
  readonly merges: Excel.RangeAreas | null;
}

/**
 * Every sheet's used range (values only) and merged areas, in one sync for up to 64 sheets.
 * A workbook too big for one response (Excel on the web answers at most 5 MB) is read again
 * in row blocks.
 */
export async function readGrids(
  context: Excel.RequestContext,
  support: ExcelSupport,
  sync: () => Promise<void> = () => context.sync(),
): Promise<SheetGrid[]> {
  try {
    const sheets = await readSheetChain(context, support, sync, true);
    return sheets.map((s) => toGrid(s, s.used?.values ?? []));
  } catch (e) {
    if (!isPayloadLimit(e)) throw e;
  }
  const sheets = await readSheetChain(context, support, sync, false);
  const values = new Map<SheetRead, unknown[][]>();
  let pending: { sheet: SheetRead; range: Excel.Range }[] = [];
  let cells = 0;
  const flush = async () => {
    if (pending.length === 0) return;
    await sync();
    for (const { sheet, range } of pending) values.get(sheet)!.push(...range.values);
    pending = [];
    cells = 0;
  };
  for (const sheet of sheets) {
    if (!sheet.used) continue;
    values.set(sheet, []);
    const { rowIndex, columnIndex, rowCount, columnCount } = sheet.used;
    const rowsPerRead = Math.max(1, Math.floor(CELLS_PER_READ / columnCount));
    for (let r = 0; r < rowCount; r += rowsPerRead) {
      const rows = Math.min(rowsPerRead, rowCount - r);
      if (cells > 0 && cells + rows * columnCount > CELLS_PER_READ) await flush();
      const range = context.workbook.worksheets
        .getItem(sheet.name)
        .getRange(rangeAddress({ row: rowIndex + r, col: columnIndex, rows, cols: columnCount }));
      range.load('values');
      pending.push({ sheet, range });
      cells += rows * columnCount;
    }
  }
  await flush();
  return sheets.map((s) => toGrid(s, values.get(s) ?? []));
}

/** The chain of sheets (getFirst, getNextOrNullObject…) with their used ranges queued. */
async function readSheetChain(
  context: Excel.RequestContext,
  support: ExcelSupport,
  sync: () => Promise<void>,
  withValues: boolean,
): Promise<SheetRead[]> {
  const out: SheetRead[] = [];
  let first: Excel.Worksheet = context.workbook.worksheets.getFirst();
  for (;;) {
    const batch: { ws: Excel.Worksheet; used: Excel.Range; merges: Excel.RangeAreas | null }[] = [];
    for (let i = 0; i < SHEETS_PER_SYNC; i++) {
      const ws: Excel.Worksheet = i === 0 ? first : batch[i - 1]!.ws.getNextOrNullObject();
      ws.load('isNullObject,name');
      const used = ws.getUsedRangeOrNullObject(true);
      used.load(
        `isNullObject,rowIndex,columnIndex,rowCount,columnCount${withValues ? ',values' : ''}`,
      );
      const merges = support.merges ? used.getMergedAreasOrNullObject() : null;
      merges?.load(
        'isNullObject,areas/items/rowIndex,areas/items/columnIndex,areas/items/rowCount,areas/items/columnCount',
      );
      batch.push({ ws, used, merges });
    }
    await sync();
    for (const { ws, used, merges } of batch) {
      if (ws.isNullObject) return out;
      out.push({
        name: ws.name,
        used: used.isNullObject ? null : used,
        merges: merges && !merges.isNullObject ? merges : null,
      });
    }
    // Sixty-four sheets and more to come: continue the chain in another sync.
    first = batch[batch.length - 1]!.ws.getNextOrNullObject();
  }
}

function toGrid(sheet: SheetRead, values: unknown[][]): SheetGrid {
  if (!sheet.used) return { name: sheet.name, values: [] };
  const origin = { row: sheet.used.rowIndex, col: sheet.used.columnIndex };
  return {
    name: sheet.name,
    values: values as (string | number | boolean)[][],
    origin,
    merges: sheet.merges?.areas.items.map((m) => ({
      top: m.rowIndex - origin.row,
      left: m.columnIndex - origin.col,
      bottom: m.rowIndex + m.rowCount - 1 - origin.row,
      right: m.columnIndex + m.columnCount - 1 - origin.col,
    })),
  };
}

/** A string Excel would take for a formula (=, +, -, @) is written as text. */
export function asText(v: string | number | null): string | number | null {
  return typeof v === 'string' && /^[=+\-@]/.test(v) ? `'${v}` : v;
}

/** Apply the plan: headers, rules and values, syncing only when the request budget is used up. */
export async function writePlan(
  context: Excel.RequestContext,
  plan: WritePlan,
  sync: () => Promise<void> = () => context.sync(),
): Promise<void> {
  let pending = 0;
  const spend = async (bytes: number) => {
    if (pending > 0 && pending + bytes > REQUEST_BUDGET) {
      await sync();
      pending = 0;
    }
    pending += bytes;
  };
  for (const sheetWrites of plan.sheets) {
    const ws = context.workbook.worksheets.getItem(sheetWrites.sheet);
    for (const table of sheetWrites.tables) {
      await spend(2048);
      if (table.replacing) ws.getRange(rangeAddress(table.columns)).conditionalFormats.clearAll();
      const header = ws.getRange(rangeAddress(table.header));
      header.format.font.bold = true;
      header.format.fill.color = HEADER_FILL;
      for (const rule of table.rules) addRule(ws, rule);
      for (const chunk of splitRows(table.block, REQUEST_BUDGET)) {
        await spend(chunk.bytes);
        writeBlock(ws, chunk.block);
      }
    }
  }
  await sync();
}

function writeBlock(ws: Excel.Worksheet, block: ValueBlock): void {
  const range = ws.getRange(rangeAddress(block));
  range.numberFormat = block.numberFormat as string[][];
  range.values = block.values.map((row) => row.map(asText)) as (string | number)[][];
}

function addRule(ws: Excel.Worksheet, rule: ConditionalRule): void {
  const range = ws.getRange(rangeAddress(rule.range));
  switch (rule.type) {
    case 'textEquals': {
      const cf = range.conditionalFormats.add('CellValue');
      cf.cellValue.rule = { formula1: `="${rule.text.replace(/"/g, '""')}"`, operator: 'EqualTo' };
      cf.cellValue.format.fill.color = rule.fill;
      cf.cellValue.format.font.color = rule.font;
      return;
    }
    case 'colorScale': {
      const cf = range.conditionalFormats.add('ColorScale');
      cf.colorScale.criteria = {
        minimum: { type: 'LowestValue', color: rule.min },
        midpoint: { type: 'Percentile', formula: '50', color: rule.mid },
        maximum: { type: 'HighestValue', color: rule.max },
      };
      return;
    }
    case 'formula': {
      const cf = range.conditionalFormats.add('Custom');
      cf.custom.rule.formula = rule.formula;
      cf.custom.format.fill.color = rule.fill;
      cf.custom.format.font.color = rule.font;
      return;
    }
  }
}

/** Select a cell the pane lists (a discrepancy, a diagnostic). */
export async function selectCell(sheet: string, cell: string): Promise<void> {
  await Excel.run(async (context) => {
    const ws = context.workbook.worksheets.getItem(sheet);
    ws.activate();
    ws.getRange(cell).select();
    await context.sync();
  });
}
