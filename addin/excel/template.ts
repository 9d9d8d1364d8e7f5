/**
 * 插入通报数据表: the empty 通报数据 sheet (src/summary/template.ts) added to the workbook —
 * labels, widths, bold headings — for offices whose exports have no summary table of their
 * own. Two round trips: is the name free, then add and write. A sheet of that name is never
 * touched (it holds someone's figures): the pane says so instead.
 */
import { columnLetters } from '../../src/core/grid';
import { summaryTemplate, type TemplateSheet } from '../../src/summary/template';
import { ExcelTooOldError, hostError } from '../taskpane/errors';
import { excelSupport } from './support';

/** The workbook already has a sheet of the template's name: nothing was added. */
export class TemplateSheetExistsError extends Error {
  override readonly name = 'TemplateSheetExistsError';
  constructor(readonly sheet: string) {
    super(`the workbook already has a sheet named ${sheet}`);
  }
}

/**
 * Excel's `format.columnWidth` is in points; the template's widths are in characters of the
 * default font (Excel's own unit): 7 px a character plus 5 px of padding, at 0.75 pt a pixel.
 */
export function columnWidthPoints(characters: number): number {
  return Math.round((characters * 7 + 5) * 0.75 * 100) / 100;
}

/** Adds the template as a new, last sheet; resolves with its name. */
export async function insertTemplateSheet(
  template: TemplateSheet = summaryTemplate(),
): Promise<string> {
  if (!excelSupport().core) throw new ExcelTooOldError();
  const name = template.name;
  try {
    return await Excel.run(async (context) => {
      const existing = context.workbook.worksheets.getItemOrNullObject(name);
      existing.load('isNullObject');
      await context.sync();
      if (!existing.isNullObject) throw new TemplateSheetExistsError(name);

      const sheet = context.workbook.worksheets.add(name);
      const cols = Math.max(...template.values.map((r) => r.length));
      const rows = template.values.length;
      // Every cell written, "" where the template is empty (null would leave a cell alone).
      const values = template.values.map((r) => Array.from({ length: cols }, (_, c) => r[c] ?? ''));
      sheet.getRange(`A1:${columnLetters(cols - 1)}${rows}`).values = values;
      // A range's columnWidth is the width of all its columns: its first cell will do.
      template.columnWidths.forEach((w, c) => {
        sheet.getRange(`${columnLetters(c)}1`).format.columnWidth = columnWidthPoints(w);
      });
      for (const row of [template.titleRow, template.headerRow, ...template.headingRows])
        sheet.getRange(`A${row + 1}:${columnLetters(cols - 1)}${row + 1}`).format.font.bold = true;
      sheet.activate();
      await context.sync();
      return name;
    });
  } catch (e) {
    if (e instanceof TemplateSheetExistsError) throw e;
    throw hostError(e);
  }
}
