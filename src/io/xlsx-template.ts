import ExcelJS from 'exceljs';
import { summaryTemplate, type TemplateSheet } from '../summary/template';

/**
 * The 通报数据 sheet (src/summary/template.ts) as an .xlsx of its own: the template's labels,
 * its column widths, the 说明 row merged across, bold title, header and headings. Filled in by
 * hand and kept in the workbook beside the evaluation tables (or copied into it), it is read
 * back as any summary table is. Written by `tongbao template` and the web page's 下载通报数据模板.
 */
export async function templateWorkbook(
  template: TemplateSheet = summaryTemplate(),
): Promise<Uint8Array> {
  const wb = new ExcelJS.Workbook();
  wb.creator = 'Tongbao';
  const ws = wb.addWorksheet(template.name);
  template.values.forEach((row, r) =>
    row.forEach((value, c) => {
      if (value !== null && value !== '') ws.getCell(r + 1, c + 1).value = value;
    }),
  );
  template.columnWidths.forEach((width, c) => {
    ws.getColumn(c + 1).width = width;
  });
  const cols = Math.max(template.columnWidths.length, ...template.values.map((r) => r.length));
  for (const row of [template.titleRow, template.headerRow, ...template.headingRows])
    for (let c = 1; c <= cols; c++) ws.getCell(row + 1, c).font = { bold: true };
  for (const m of template.merges) {
    ws.mergeCells(m.top + 1, m.left + 1, m.bottom + 1, m.right + 1);
    ws.getCell(m.top + 1, m.left + 1).alignment = { wrapText: true, vertical: 'top' };
    // A merged note of one line per ~40 characters: tall enough to be read without resizing.
    const text = String(template.values[m.top]?.[m.left] ?? '');
    const width = template.columnWidths.slice(m.left, m.right + 1).reduce((a, b) => a + b, 0);
    ws.getRow(m.top + 1).height = Math.max(15, Math.ceil((text.length * 2) / width) * 15);
  }
  return new Uint8Array(await wb.xlsx.writeBuffer());
}
