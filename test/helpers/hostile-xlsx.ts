import ExcelJS from 'exceljs';
import JSZip from 'jszip';
import type { CellValue } from '../../src/core/grid';

/**
 * An .xlsx built with ExcelJS, then edited as XML the way other programs (or damaged files)
 * write cells that ExcelJS cannot produce itself: `cells` maps an address of the first sheet
 * to the inner XML of its `<c>` (attributes and content; the `s` style attribute ExcelJS gave
 * the cell is kept, so a cell formatted as a date stays formatted).
 */
export async function hostileXlsx(
  rows: readonly (readonly CellValue[])[],
  options: {
    readonly sheet?: string;
    readonly dateFormatted?: readonly string[];
    readonly cells?: Readonly<Record<string, string>>;
    readonly sharedStrings?: readonly string[];
    readonly date1904?: boolean;
  } = {},
): Promise<Uint8Array> {
  const wb = new ExcelJS.Workbook();
  if (options.date1904) wb.properties.date1904 = true;
  const ws = wb.addWorksheet(options.sheet ?? '区');
  rows.forEach((row, r) =>
    row.forEach((v, c) => {
      if (v !== null) ws.getCell(r + 1, c + 1).value = v;
    }),
  );
  for (const a of options.dateFormatted ?? []) {
    const cell = ws.getCell(a);
    if (cell.value === null) cell.value = 0;
    cell.numFmt = 'yyyy-mm-dd';
  }
  for (const a of Object.keys(options.cells ?? {})) {
    // Make sure the cell exists in the XML, to be replaced.
    if (ws.getCell(a).value === null) ws.getCell(a).value = 0;
  }
  const zip = await JSZip.loadAsync(await wb.xlsx.writeBuffer());
  const part = 'xl/worksheets/sheet1.xml';
  let xml = await zip.file(part)!.async('string');
  for (const [address, inner] of Object.entries(options.cells ?? {})) {
    const re = new RegExp(`<c r="${address}"([^>]*?)(?:/>|>[\\s\\S]*?</c>)`);
    const m = re.exec(xml);
    if (!m) throw new Error(`no cell ${address}`);
    const style = /\ss="\d+"/.exec(m[1]!)?.[0] ?? '';
    xml = xml.replace(m[0], `<c r="${address}"${style} ${inner}</c>`);
  }
  zip.file(part, xml);
  if (options.sharedStrings) {
    const sst = await zip.file('xl/sharedStrings.xml')!.async('string');
    const extra = options.sharedStrings.map((t) => `<si>${t}</si>`).join('');
    zip.file('xl/sharedStrings.xml', sst.replace('</sst>', `${extra}</sst>`));
  }
  return zip.generateAsync({ type: 'uint8array' });
}

/** How many shared strings a workbook holds (for cells added with `sharedStrings`). */
export async function sharedStringCount(bytes: Uint8Array): Promise<number> {
  const zip = await JSZip.loadAsync(bytes);
  const sst = (await zip.file('xl/sharedStrings.xml')?.async('string')) ?? '';
  return [...sst.matchAll(/<si>/g)].length;
}

/** An XML part of a package as text. */
export async function part(bytes: Uint8Array, name: string): Promise<string> {
  const zip = await JSZip.loadAsync(bytes);
  return zip.file(name)!.async('string');
}
