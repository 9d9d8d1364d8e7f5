import JSZip from 'jszip';
import type { RenderedFigures } from '../../src/charts/figures';
import type { ReportFonts } from '../../src/settings/settings';
import { packDocx } from '../../src/report/docx';
import type { Block, ReportModel } from '../../src/report/model';

/**
 * What 插入到文档 gives Word's insertOoxml: a flat OPC package (one XML string, every part
 * inline), built from the same .docx code as 导出 Word so that what lands at the cursor is
 * formatted exactly like the exported bulletin — East Asian fonts on every run, and the
 * figures as pictures.
 *
 * A picture is a `<w:drawing>` whose blip names a relationship of the main document part
 * (`r:embed="rId…"`); the package therefore carries, besides /word/document.xml, the part's
 * relationships (/word/_rels/document.xml.rels, the image ones only) and each image as a part
 * of its own with its bytes in base64 (`<pkg:binaryData>`), as Microsoft's “Create better
 * add-ins for Word with Office Open XML” shows for an inserted picture. The PNG is the
 * ordinary blip; the SVG rides along as Word 2016+'s `asvg:svgBlip`, as in the .docx.
 *
 * src/report/ooxml.ts's `blocksToFlatOpc` is the same without figures (a figure there becomes
 * the note line); with no figures given this is equivalent to it.
 */

const IMAGE_REL = 'http://schemas.openxmlformats.org/officeDocument/2006/relationships/image';
const PKG = 'http://schemas.microsoft.com/office/2006/xmlPackage';
const RELS_TYPE = 'application/vnd.openxmlformats-package.relationships+xml';
const MAIN_TYPE =
  'application/vnd.openxmlformats-officedocument.wordprocessingml.document.main+xml';
const IMAGE_TYPES: Readonly<Record<string, string>> = {
  png: 'image/png',
  svg: 'image/svg+xml',
  jpg: 'image/jpeg',
  jpeg: 'image/jpeg',
  gif: 'image/gif',
};

export async function blocksToFlatOpcWithFigures(
  blocks: readonly Block[],
  fonts: ReportFonts,
  figures?: RenderedFigures,
): Promise<string> {
  // One portrait section: inserted tables must fit the page the user is writing on.
  const model: ReportModel = { title: '', sections: [{ orientation: 'portrait', blocks }] };
  const zip = await JSZip.loadAsync(await packDocx(model, fonts, figures));
  const documentXml = await zip.file('word/document.xml')!.async('string');
  const open = /<w:document[^>]*>/.exec(documentXml)![0];
  const body = /<w:body>([\s\S]*)<\/w:body>/
    .exec(documentXml)![1]!
    .replace(/<w:sectPr[\s\S]*?<\/w:sectPr>/g, '');

  // The images the body names, with their relationships (ids as the .docx has them).
  const rels = (await zip.file('word/_rels/document.xml.rels')?.async('string')) ?? '';
  const used = new Set([...body.matchAll(/\br:(?:embed|link|id)="([^"]+)"/g)].map((m) => m[1]!));
  const images: { id: string; target: string; type: string; base64: string }[] = [];
  for (const m of rels.matchAll(/<Relationship\b[^>]*\/?>/g)) {
    const attr = (name: string) => new RegExp(`\\s${name}="([^"]*)"`).exec(m[0])?.[1] ?? '';
    const id = attr('Id');
    if (attr('Type') !== IMAGE_REL || !used.has(id)) continue;
    const target = attr('Target')
      .replace(/^\/?word\//, '')
      .replace(/^\//, '');
    const type = IMAGE_TYPES[target.split('.').pop()!.toLowerCase()];
    const file = zip.file(`word/${target}`);
    if (!type || !file) continue;
    images.push({ id, target, type, base64: await file.async('base64') });
  }

  const parts = [
    `<pkg:package xmlns:pkg="${PKG}">`,
    `<pkg:part pkg:name="/_rels/.rels" pkg:contentType="${RELS_TYPE}"><pkg:xmlData>`,
    '<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships">',
    '<Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/officeDocument" Target="word/document.xml"/>',
    '</Relationships></pkg:xmlData></pkg:part>',
    `<pkg:part pkg:name="/word/document.xml" pkg:contentType="${MAIN_TYPE}"><pkg:xmlData>`,
    `${open}<w:body>${body}</w:body></w:document>`,
    '</pkg:xmlData></pkg:part>',
  ];
  if (images.length > 0) {
    parts.push(
      `<pkg:part pkg:name="/word/_rels/document.xml.rels" pkg:contentType="${RELS_TYPE}"><pkg:xmlData>`,
      '<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships">',
      ...images.map((i) => `<Relationship Id="${i.id}" Type="${IMAGE_REL}" Target="${i.target}"/>`),
      '</Relationships></pkg:xmlData></pkg:part>',
      ...images.map(
        (i) =>
          `<pkg:part pkg:name="/word/${i.target}" pkg:contentType="${i.type}" pkg:compression="store"><pkg:binaryData>${i.base64}</pkg:binaryData></pkg:part>`,
      ),
    );
  }
  parts.push('</pkg:package>');
  return parts.join('');
}
