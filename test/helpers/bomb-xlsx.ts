import ExcelJS from 'exceljs';
import JSZip from 'jszip';
import type { CellValue } from '../../src/core/grid';
import { FULL_HEADER, fullRow } from './grid';

/**
 * Small .xlsx files that cost a naive reader far more than their size (issue “Nothing lost,
 * nothing crashes”, item 3): a little table, then its first sheet's XML edited with jszip.
 *  - `farCell`: one more value in the sheet's last cell, XFD1048576;
 *  - `merges`: `<mergeCell ref>`s added as written (`J1:XFD1048576`, or thousands of them);
 *  - `rows`: extra `<row>` elements appended verbatim to `<sheetData>`.
 */
export async function bombXlsx(
  options: {
    readonly farCell?: string;
    readonly merges?: readonly string[];
    readonly rows?: string;
    readonly table?: readonly (readonly CellValue[])[];
  } = {},
): Promise<Uint8Array> {
  const wb = new ExcelJS.Workbook();
  const ws = wb.addWorksheet('区');
  for (const row of options.table ?? SMALL_TABLE) ws.addRow([...row]);
  const zip = await JSZip.loadAsync(await wb.xlsx.writeBuffer());
  const part = 'xl/worksheets/sheet1.xml';
  let xml = await zip.file(part)!.async('string');
  let extraRows = options.rows ?? '';
  if (options.farCell !== undefined) {
    const row = /\d+$/.exec(options.farCell)![0];
    extraRows += `<row r="${row}"><c r="${options.farCell}"><v>1</v></c></row>`;
  }
  xml = xml.replace('</sheetData>', `${extraRows}</sheetData>`);
  if (options.merges && options.merges.length > 0) {
    const cells = options.merges.map((ref) => `<mergeCell ref="${ref}"/>`).join('');
    xml = xml.replace(
      '</sheetData>',
      `</sheetData><mergeCells count="${options.merges.length}">${cells}</mergeCells>`,
    );
  }
  zip.file(part, xml);
  return zip.generateAsync({ type: 'uint8array', compression: 'DEFLATE' });
}

/** `count` one-row merges of two cells each, down columns P..Q below the table (no overlap). */
export function manyMerges(count: number): string[] {
  return Array.from({ length: count }, (_, i) => `P${i + 1}:Q${i + 1}`);
}

/** A district table the engine evaluates: title, header, three units (14 columns, A..N). */
export const SMALL_TABLE: readonly (readonly CellValue[])[] = [
  ['(一) 各区政府综合评价表'],
  ['区政府', ...FULL_HEADER],
  fullRow('台江区政府'),
  fullRow('马尾区政府'),
  fullRow('连江县政府'),
];
