import JSZip from 'jszip';
import type { ReportFonts } from '../settings/settings';
import { packDocx } from './docx';
import type { Block, ReportModel } from './model';

/**
 * Word's insertOoxml takes a flat OPC package. Rather than a second renderer, the blocks are
 * packed by the same .docx code and the body lifted out, so what lands at the cursor is
 * formatted exactly like the exported document (East Asian fonts on every run included).
 */
export async function blocksToFlatOpc(
  blocks: readonly Block[],
  fonts: ReportFonts,
): Promise<string> {
  // One portrait section: inserted tables must fit the page the user is writing on.
  const model: ReportModel = { title: '', sections: [{ orientation: 'portrait', blocks }] };
  const zip = await JSZip.loadAsync(await packDocx(model, fonts));
  const documentXml = await zip.file('word/document.xml')!.async('string');
  const open = /<w:document[^>]*>/.exec(documentXml)![0];
  const body = /<w:body>([\s\S]*)<\/w:body>/
    .exec(documentXml)![1]!
    .replace(/<w:sectPr[\s\S]*?<\/w:sectPr>/g, '');
  return [
    '<pkg:package xmlns:pkg="http://schemas.microsoft.com/office/2006/xmlPackage">',
    '<pkg:part pkg:name="/_rels/.rels" pkg:contentType="application/vnd.openxmlformats-package.relationships+xml"><pkg:xmlData>',
    '<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships">',
    '<Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/officeDocument" Target="word/document.xml"/>',
    '</Relationships></pkg:xmlData></pkg:part>',
    '<pkg:part pkg:name="/word/document.xml" pkg:contentType="application/vnd.openxmlformats-officedocument.wordprocessingml.document.main+xml"><pkg:xmlData>',
    `${open}<w:body>${body}</w:body></w:document>`,
    '</pkg:xmlData></pkg:part></pkg:package>',
  ].join('');
}

/** The attachment pages' blocks (labels, titles, tables, notes) of a report. */
export function attachmentBlocks(model: ReportModel): Block[] {
  return model.sections.slice(1).flatMap((s) => s.blocks);
}
