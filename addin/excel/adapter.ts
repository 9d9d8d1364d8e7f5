/**
 * The Excel adapter: the only code that calls Excel.run. 重新计算 reads the sheet list (one
 * round trip), the visible sheets' values and merged areas (one more), lets the engine compute
 * and writes the engine's plan (one more; more only when a request would pass the payload
 * budget; the count columns' number formats go with the first of them, to say which counts
 * hold a date): three round trips for an ordinary workbook. It never touches a cell outside the
 * plan, the plan only holds the add-in's own columns, and it writes nothing at all when a
 * sheet that needs columns is protected or the workbook is read-only.
 *
 * Every rejection leaves here as a UserFacingError with its RichApi code (addin/taskpane/
 * errors.ts), so the pane can say it in Chinese.
 */
import type { SettingsInput } from '../../src/settings/settings';
import { analyzeByPeriod } from '../../src/evaluation/periods';
import { planWrites, type WritePlan } from '../../src/plan/write-plan';
import {
  ExcelTooOldError,
  HiddenSheetError,
  HostError,
  ProtectedSheetsError,
  ReadOnlyWorkbookError,
  hostError,
} from '../taskpane/errors';
import type { RecomputeResult, WriteProblem } from '../taskpane/host';
import {
  FORMAT_CELLS_WITH_WRITE,
  cellsIn,
  countColumns,
  queueFormats,
  readFormats,
  withDateNotes,
  type FormatLoad,
} from './dates';
import { readWorkbook } from './read';
import { countingSync, excelSupport } from './support';
import { tablesOf, writePlan } from './write';

export { excelSupport, type ExcelSupport } from './support';
export { ExcelTooOldError } from '../taskpane/errors';
export type { RecomputeResult } from '../taskpane/host';
export { REQUEST_BUDGET } from './write';
export { CELLS_PER_READ } from './read';
export { insertTemplateSheet, TemplateSheetExistsError } from './template';
export {
  chartPicturesSupported,
  ChartSheetTakenError,
  ChartPicturesUnsupportedError,
  figurePictures,
  insertChartSheet,
  type ChartSheetResult,
  type SheetPicture,
} from './charts';

export interface RecomputeOptions {
  /** Bytes per write request (tests make it small to get several round trips). */
  readonly requestBudget?: number;
}

/** Read, compute, write: the whole 重新计算 button. */
export async function recompute(
  settings: SettingsInput = {},
  options: RecomputeOptions = {},
): Promise<RecomputeResult> {
  const support = excelSupport();
  if (!support.core) throw new ExcelTooOldError();
  try {
    return await Excel.run(async (context) => {
      const trips = countingSync(context);
      const sync = trips.sync;
      const read = await readWorkbook(context, support, sync);
      // [issue 16] The latest period of the workbook; the one before it is last month.
      const first = analyzeByPeriod(read.grids, settings);
      const plan = planWrites(first);
      // [issue 18] The count columns' number formats, for the dates typed into counts: with
      // the first write request when they are few (no round trip of their own), else after.
      const columns = countColumns(first);
      let carry = cellsIn(columns) <= FORMAT_CELLS_WITH_WRITE ? columns : [];
      let formats: FormatLoad[] = [];
      const writeSync = async () => {
        const loads = carry.length > 0 ? queueFormats(context, carry) : [];
        carry = [];
        await sync();
        if (loads.length > 0) formats = loads;
      };
      const writeProblem = await (async (): Promise<WriteProblem | null> => {
        if (plan.conflicts.length > 0) return null;
        const refusal = refuse(plan, read.readOnly, read.protectedSheets);
        if (refusal) return { error: refusal, written: [], notWritten: tablesOf(plan) };
        if (plan.sheets.length === 0) return null;
        return writePlan(context, plan, writeSync, options.requestBudget);
      })();
      // Nothing written, many count cells, or the write request failed: read on their own.
      if (formats.length === 0 && columns.length > 0)
        formats = await readFormats(context, columns, sync);
      // A date in a count: the same figures and plan, and the CLI's warning.
      const noted = withDateNotes(read.grids, formats);
      const analysis = noted === null ? first : analyzeByPeriod(noted, settings);
      return {
        analysis,
        plan,
        wrote: plan.conflicts.length === 0 && writeProblem === null,
        syncs: trips.count,
        hiddenSheets: read.hidden,
        mergesUnread: read.mergesUnread,
        writeProblem,
      };
    });
  } catch (e) {
    throw hostError(e);
  }
}

/**
 * Refused before anything is written. A protected sheet whose tables need columns refuses the
 * whole write, the other sheets' tables too: half a workbook recomputed would pass unnoticed.
 */
function refuse(
  plan: WritePlan,
  readOnly: boolean,
  protectedSheets: ReadonlySet<string>,
): HostError | null {
  if (readOnly) return new ReadOnlyWorkbookError();
  const blocked = plan.sheets.map((s) => s.sheet).filter((s) => protectedSheets.has(s));
  return blocked.length > 0 ? new ProtectedSheetsError(blocked) : null;
}

/**
 * Select a cell the pane lists (a discrepancy, a diagnostic). A sheet that is gone or hidden
 * is never activated (activating a hidden sheet would show what its owner hid): the pane says
 * why instead.
 */
export async function selectCell(sheet: string, cell: string): Promise<void> {
  try {
    await Excel.run(async (context) => {
      const ws = context.workbook.worksheets.getItemOrNullObject(sheet);
      ws.load('isNullObject,visibility');
      await context.sync();
      if (ws.isNullObject) throw new HostError(`no sheet ${sheet}`, 'itemNotFound', null, [sheet]);
      if (ws.visibility !== 'Visible') throw new HiddenSheetError(sheet);
      ws.activate();
      ws.getRange(cell).select();
      await context.sync();
    });
  } catch (e) {
    throw hostError(e);
  }
}
