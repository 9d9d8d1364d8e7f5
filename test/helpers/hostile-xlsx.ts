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

// [issue 18] A workbook with what ExcelJS does not model, its XML written here by hand as
// Excel 2016 writes it (namespaces declared on the root, `xr2:uid` ignorable attributes).
const X14 = 'http://schemas.microsoft.com/office/spreadsheetml/2009/9/main';
const XM = 'http://schemas.microsoft.com/office/excel/2006/main';
const XR2 = 'http://schemas.microsoft.com/office/spreadsheetml/2015/revision2';
const X15 = 'http://schemas.microsoft.com/office/spreadsheetml/2010/11/main';

/** The sparkline group `extrasXlsx` puts on sheet 区: X3:X5 drawn from B3:F5. */
export const SPARKLINE_GROUP =
  '<x14:sparklineGroup type="column" displayEmptyCellsAs="gap" ' +
  'xr2:uid="{6F1A3C52-1D55-4B67-9E0B-2B6B1B0C1F11}"><x14:colorSeries rgb="FF376092"/>' +
  '<x14:colorNegative rgb="FFD00000"/><x14:colorAxis rgb="FF000000"/>' +
  '<x14:colorMarkers rgb="FFD00000"/><x14:colorFirst rgb="FFD00000"/>' +
  '<x14:colorLast rgb="FFD00000"/><x14:colorHigh rgb="FFD00000"/><x14:colorLow rgb="FFD00000"/>' +
  '<x14:sparklines>' +
  [3, 4, 5]
    .map(
      (r) => `<x14:sparkline><xm:f>区!B${r}:F${r}</xm:f><xm:sqref>X${r}</xm:sqref></x14:sparkline>`,
    )
    .join('') +
  '</x14:sparklines></x14:sparklineGroup>';

/**
 * Sheet 区 (the three-unit table of `bomb-xlsx`) and sheet 名单, with on 区: a sparkline group
 * (X3:X5), a list validation from 名单 (an x14 data validation, in `<extLst>`), a protected
 * range and ignored errors; with `slicer`, an `<extLst>` slicer list pointing at a part by
 * relationship; with `chart`, a chart in a drawing; with `customXml`, a custom XML part; with
 * `controls`, a form control (`<mc:AlternateContent>` around `<controls>`, as Excel writes it).
 */
export async function extrasXlsx(
  options: {
    readonly slicer?: boolean;
    readonly chart?: boolean;
    readonly customXml?: boolean;
    readonly controls?: boolean;
  } = {},
): Promise<Uint8Array> {
  const { SMALL_TABLE } = await import('./bomb-xlsx');
  const wb = new ExcelJS.Workbook();
  const ws = wb.addWorksheet('区');
  for (const row of SMALL_TABLE) ws.addRow([...row]);
  ws.getColumn(24).width = 24;
  for (const r of [3, 4, 5]) ws.getRow(r).height = 36;
  const names = wb.addWorksheet('名单');
  for (const n of ['台江区政府', '马尾区政府', '连江县政府']) names.addRow([n]);
  const zip = await JSZip.loadAsync(await wb.xlsx.writeBuffer());
  const path = 'xl/worksheets/sheet1.xml';
  let xml = await zip.file(path)!.async('string');
  xml = xml.replace(
    'mc:Ignorable="x14ac"',
    `mc:Ignorable="x14ac xr2" xmlns:x14="${X14}" xmlns:xm="${XM}" xmlns:xr2="${XR2}" xmlns:x15="${X15}"`,
  );
  xml = xml.replace(
    '</sheetData>',
    '</sheetData><protectedRanges><protectedRange sqref="A3:A5" name="单位名称"/></protectedRanges>',
  );
  const exts = [
    `<ext uri="{05C60535-1F16-4fd2-B633-F4F36F0B64E0}"><x14:sparklineGroups>${SPARKLINE_GROUP}</x14:sparklineGroups></ext>`,
    '<ext uri="{CCE6A557-97BC-4b89-ADB6-D9C93CAAB3DF}"><x14:dataValidations count="1">' +
      '<x14:dataValidation type="list" allowBlank="1" showErrorMessage="1">' +
      '<x14:formula1><xm:f>名单!$A$1:$A$3</xm:f></x14:formula1><xm:sqref>A3:A5</xm:sqref>' +
      '</x14:dataValidation></x14:dataValidations></ext>',
  ];
  if (options.slicer)
    exts.push(
      '<ext uri="{3A4CF648-6AED-40f4-86FF-DC5316D8AED3}"><x14:slicerList><x14:slicer r:id="rId9"/></x14:slicerList></ext>',
    );
  let tail = '<ignoredErrors><ignoredError sqref="B3:N5" numberStoredAsText="1"/></ignoredErrors>';
  if (options.chart) tail += '<drawing r:id="rId8"/>';
  if (options.controls)
    tail +=
      '<mc:AlternateContent><mc:Choice Requires="x14"><controls>' +
      '<control shapeId="1025" r:id="rId7" name="复选框 1"/></controls></mc:Choice></mc:AlternateContent>';
  xml = xml.replace('</worksheet>', `${tail}<extLst>${exts.join('')}</extLst></worksheet>`);
  zip.file(path, xml);
  const rels: string[] = [];
  if (options.chart) {
    rels.push(
      '<Relationship Id="rId8" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/drawing" Target="../drawings/drawing1.xml"/>',
    );
    zip.file(
      'xl/drawings/drawing1.xml',
      '<xdr:wsDr xmlns:xdr="http://schemas.openxmlformats.org/drawingml/2006/spreadsheetDrawing" xmlns:a="http://schemas.openxmlformats.org/drawingml/2006/main" xmlns:c="http://schemas.openxmlformats.org/drawingml/2006/chart" xmlns:r="http://schemas.openxmlformats.org/officeDocument/2006/relationships">' +
        '<xdr:twoCellAnchor><xdr:from><xdr:col>0</xdr:col><xdr:colOff>0</xdr:colOff><xdr:row>7</xdr:row><xdr:rowOff>0</xdr:rowOff></xdr:from>' +
        '<xdr:to><xdr:col>6</xdr:col><xdr:colOff>0</xdr:colOff><xdr:row>20</xdr:row><xdr:rowOff>0</xdr:rowOff></xdr:to>' +
        '<xdr:graphicFrame macro=""><xdr:nvGraphicFramePr><xdr:cNvPr id="2" name="图表 1"/><xdr:cNvGraphicFramePr/></xdr:nvGraphicFramePr>' +
        '<xdr:xfrm><a:off x="0" y="0"/><a:ext cx="0" cy="0"/></xdr:xfrm><a:graphic><a:graphicData uri="http://schemas.openxmlformats.org/drawingml/2006/chart">' +
        '<c:chart r:id="rId1"/></a:graphicData></a:graphic></xdr:graphicFrame><xdr:clientData/></xdr:twoCellAnchor></xdr:wsDr>',
    );
    zip.file(
      'xl/drawings/_rels/drawing1.xml.rels',
      '<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships"><Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/chart" Target="../charts/chart1.xml"/></Relationships>',
    );
    zip.file(
      'xl/charts/chart1.xml',
      '<c:chartSpace xmlns:c="http://schemas.openxmlformats.org/drawingml/2006/chart"><c:chart><c:plotArea><c:layout/></c:plotArea></c:chart></c:chartSpace>',
    );
  }
  if (options.controls) {
    rels.push(
      '<Relationship Id="rId7" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/ctrlProp" Target="../ctrlProps/ctrlProp1.xml"/>',
    );
    zip.file(
      'xl/ctrlProps/ctrlProp1.xml',
      '<formControlPr xmlns="http://schemas.microsoft.com/office/spreadsheetml/2009/9/main" objectType="CheckBox"/>',
    );
  }
  if (options.slicer) {
    rels.push(
      '<Relationship Id="rId9" Type="http://schemas.microsoft.com/office/2007/relationships/slicer" Target="../slicers/slicer1.xml"/>',
    );
    zip.file('xl/slicers/slicer1.xml', `<slicers xmlns="${X14}"/>`);
  }
  if (rels.length > 0)
    zip.file(
      'xl/worksheets/_rels/sheet1.xml.rels',
      `<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships">${rels.join('')}</Relationships>`,
    );
  if (options.customXml) zip.file('customXml/item1.xml', '<root xmlns="urn:example:tongbao"/>');
  return zip.generateAsync({ type: 'uint8array', compression: 'DEFLATE' });
}
