import { readFile } from 'node:fs/promises';
import { describe, expect, it } from 'vitest';
import { validateXML } from 'xmllint-wasm';
import { blocksToFlatOpcWithFigures } from '../addin/word/ooxml';
import { renderFigures } from '../src/charts/figures';
import { createNodeRasterizer } from '../src/charts/raster-node';
import { analyzeWorkbook } from '../src/evaluation/analyze';
import { readWorkbookGrids } from '../src/io/xlsx-read';
import { buildNarrative } from '../src/narrative/build';
import { packDocx } from '../src/report/docx';
import { buildReport } from '../src/report/model';
import { docxParts } from './helpers/docx-xml';
import { ENTRY, schemaFiles, validateParts } from './helpers/docx-validate';
import { applyMarkupCompatibility } from './helpers/mce';

/**
 * Issue #10: the .docx opens without repair prompts. Every XML part of the exported bulletin is
 * validated, offline, against the ECMA-376 / ISO/IEC 29500 transitional schemas
 * (vendor/ooxml-schemas, see its README) with libxml2 compiled to WebAssembly (xmllint-wasm).
 *
 * Before validation each part goes through Markup Compatibility processing (test/helpers/mce.ts),
 * as Word itself does: the docx library declares w14, w15, wp14 … `mc:Ignorable` and writes a
 * few attributes in them (w15:restartNumberingAfterBreak); a consumer that does not understand
 * those namespaces removes them, and takes an `mc:AlternateContent`'s `mc:Fallback`. The SVG of
 * a picture (`asvg:svgBlip` inside `a:extLst`) needs nothing: the schema allows any element in
 * an `a:ext`. What is left must be plain transitional WordprocessingML, DrawingML and OPC.
 */

const NS = {
  xml: 'http://www.w3.org/XML/1998/namespace',
  w: 'http://schemas.openxmlformats.org/wordprocessingml/2006/main',
  a: 'http://schemas.openxmlformats.org/drawingml/2006/main',
  rels: 'http://schemas.openxmlformats.org/package/2006/relationships',
  types: 'http://schemas.openxmlformats.org/package/2006/content-types',
  app: 'http://schemas.openxmlformats.org/officeDocument/2006/extended-properties',
  custom: 'http://schemas.openxmlformats.org/officeDocument/2006/custom-properties',
} as const;

/** The root element each content type must have ({namespace}local name). */
const ROOTS: Readonly<Record<string, string>> = {
  'application/vnd.openxmlformats-officedocument.wordprocessingml.document.main+xml': `{${NS.w}}document`,
  'application/vnd.openxmlformats-officedocument.wordprocessingml.styles+xml': `{${NS.w}}styles`,
  'application/vnd.openxmlformats-officedocument.wordprocessingml.settings+xml': `{${NS.w}}settings`,
  'application/vnd.openxmlformats-officedocument.wordprocessingml.numbering+xml': `{${NS.w}}numbering`,
  'application/vnd.openxmlformats-officedocument.wordprocessingml.fontTable+xml': `{${NS.w}}fonts`,
  'application/vnd.openxmlformats-officedocument.wordprocessingml.footer+xml': `{${NS.w}}ftr`,
  'application/vnd.openxmlformats-officedocument.wordprocessingml.header+xml': `{${NS.w}}hdr`,
  'application/vnd.openxmlformats-officedocument.wordprocessingml.footnotes+xml': `{${NS.w}}footnotes`,
  'application/vnd.openxmlformats-officedocument.wordprocessingml.endnotes+xml': `{${NS.w}}endnotes`,
  'application/vnd.openxmlformats-officedocument.theme+xml': `{${NS.a}}theme`,
  'application/vnd.openxmlformats-officedocument.extended-properties+xml': `{${NS.app}}Properties`,
  'application/vnd.openxmlformats-officedocument.custom-properties+xml': `{${NS.custom}}Properties`,
  'application/vnd.openxmlformats-package.relationships+xml': `{${NS.rels}}Relationships`,
};
/** Parts not validated: no schema vendored (Dublin Core's, which opc-coreProperties imports). */
const NOT_VALIDATED = new Set(['application/vnd.openxmlformats-package.core-properties+xml']);

/** The root element of an XML text as {namespace}local name. */
function rootOf(xml: string): string {
  const open =
    /<([A-Za-z_][\w.-]*:)?([A-Za-z_][\w.-]*)((?:\s+[^\s=>]+\s*=\s*"[^"]*")*)\s*\/?>/.exec(
      xml.replace(/<\?[\s\S]*?\?>|<!--[\s\S]*?-->/g, ''),
    )!;
  const prefix = open[1]?.slice(0, -1);
  const decl = new RegExp(`\\sxmlns${prefix ? `:${prefix}` : ''}="([^"]*)"`).exec(open[3] ?? '');
  return `{${decl?.[1] ?? ''}}${open[2]}`;
}

/** Part name → content type, from [Content_Types].xml (Override first, then Default). */
function contentTypes(parts: Readonly<Record<string, string>>): Map<string, string> {
  const types = parts['[Content_Types].xml']!;
  const attr = (tag: string, name: string) => new RegExp(`\\s${name}="([^"]*)"`).exec(tag)?.[1];
  const overrides = new Map(
    [...types.matchAll(/<Override\b[^>]*>/g)].map((m) => [
      attr(m[0], 'PartName')!.replace(/^\//, ''),
      attr(m[0], 'ContentType')!,
    ]),
  );
  const defaults = new Map(
    [...types.matchAll(/<Default\b[^>]*>/g)].map((m) => [
      attr(m[0], 'Extension')!.toLowerCase(),
      attr(m[0], 'ContentType')!,
    ]),
  );
  const out = new Map<string, string>();
  for (const name of Object.keys(parts)) {
    if (name === '[Content_Types].xml') continue;
    const type = overrides.get(name) ?? defaults.get(name.split('.').pop()!.toLowerCase());
    out.set(name, type ?? '(none)');
  }
  return out;
}

// The full bulletin, as test/docx.test.ts builds it; pictures as PNG + SVG when a CJK font is
// here to rasterise them (else the figures are SVG-only and written as a note line).
const analyze = async (file: string) =>
  analyzeWorkbook(await readWorkbookGrids(await readFile(file)), {
    report: { date: '2017年9月25日' },
  });
const august = await analyze('samples/2017-08.xlsx');
const model = buildReport(august, buildNarrative(august, await analyze('samples/2017-07.xlsx')));
const fonts = august.settings.report.fonts;
const figures = await renderFigures(model, await createNodeRasterizer());
const parts = await docxParts(await packDocx(model, fonts, figures));

describe('the exported bulletin against the ECMA-376 transitional schemas', () => {
  it('names a content type for each XML part, and each part has the root element it says', () => {
    const types = contentTypes(parts);
    const wrong = [...types].flatMap(([name, type]) => {
      if (NOT_VALIDATED.has(type)) return [];
      const expected = ROOTS[type];
      const actual = rootOf(parts[name]!);
      return expected === actual ? [] : [`${name}: ${type} has root ${actual}`];
    });
    expect(wrong).toEqual([]);
    // The parts that matter for Word are here (no header parts: the page numbers are footers).
    expect([...types.keys()]).toEqual(
      expect.arrayContaining([
        'word/document.xml',
        'word/styles.xml',
        'word/settings.xml',
        'word/numbering.xml',
        'word/fontTable.xml',
        'word/footer1.xml',
        'word/_rels/document.xml.rels',
        '_rels/.rels',
      ]),
    );
    if (figures.values().next().value?.png) {
      expect(parts['word/document.xml']).toContain('<asvg:svgBlip');
    }
  });

  it('has every XML part valid (after Markup Compatibility processing), [Content_Types].xml and the relationships too', async () => {
    const types = contentTypes(parts);
    const checked = Object.fromEntries(
      Object.entries(parts).filter(([n]) => !NOT_VALIDATED.has(types.get(n) ?? '')),
    );
    expect(Object.keys(checked)).toHaveLength(Object.keys(parts).length - 1); // all but core.xml
    expect(await validateParts(checked)).toEqual([]);
  });

  it('really checks: an unknown element in a paragraph, a w:jc of "middle", a Default without Extension are reported where they are', async () => {
    const doc = parts['word/document.xml']!;
    const jc = doc.indexOf('<w:jc w:val="center"/>');
    const run = doc.indexOf('<w:r>', jc);
    expect(jc).toBeGreaterThan(0);
    const bad: Record<string, string> = {
      ...parts,
      'word/document.xml':
        doc.slice(0, jc) +
        '<w:jc w:val="middle"/>' +
        doc.slice(jc + '<w:jc w:val="center"/>'.length, run) +
        '<w:foo/>' +
        doc.slice(run),
      '[Content_Types].xml': parts['[Content_Types].xml']!.replace(' Extension="png"', ''),
    };
    delete bad['docProps/core.xml'];
    const problems = await validateParts(bad);
    expect(problems.map((p) => [p.part, p.tag])).toEqual([
      ['word/document.xml', '<w:jc w:val="middle"\n/>'],
      ['word/document.xml', '<w:foo\n/>'],
      ['[Content_Types].xml', '<Default ContentType="image/png"\n/>'],
    ]);
    expect(problems[0]!.message).toMatch(/'middle' is not an element of the set/);
    expect(problems[1]!.message).toMatch(/\}foo': This element is not expected/);
    expect(problems[2]!.message).toMatch(/attribute 'Extension' is required/);
  });

  it('really needs the MCE step, and MCE does not hide errors outside the ignorable namespaces', async () => {
    // Unprocessed, the mc:Ignorable attribute and w15:restartNumberingAfterBreak are refused.
    const raw = await validateXML({
      xml: { fileName: 'numbering.xml', contents: parts['word/numbering.xml']! },
      schema: { fileName: 'entry.xsd', contents: ENTRY },
      preload: schemaFiles,
    });
    expect(raw.valid).toBe(false);
    expect(raw.errors.map((e) => e.message).join('\n')).toMatch(/Ignorable/);
    // mc:AlternateContent becomes its Fallback's content; ignorable attributes go.
    const W = `xmlns:w="${NS.w}"`;
    const MC = 'xmlns:mc="http://schemas.openxmlformats.org/markup-compatibility/2006"';
    const W14 = 'xmlns:w14="http://schemas.microsoft.com/office/word/2010/wordml"';
    const snippet =
      `<w:p ${W} ${MC} ${W14} mc:Ignorable="w14" w14:paraId="1"><w:r w14:x="1">` +
      '<mc:AlternateContent><mc:Choice Requires="w14"><w14:y/></mc:Choice>' +
      '<mc:Fallback><w:t xml:space="preserve"> a </w:t></mc:Fallback></mc:AlternateContent>' +
      '</w:r></w:p>';
    expect(applyMarkupCompatibility(snippet).replace(/\n/g, '')).toBe(
      `<w:p ${W} ${MC} ${W14}><w:r><w:t xml:space="preserve"> a </w:t></w:r></w:p>`,
    );
    // A w14 element is dropped; the same element in the main namespace is an error.
    const settings = parts['word/settings.xml']!;
    const end = settings.lastIndexOf('</w:settings>');
    const withW14 = `${settings.slice(0, end)}<w14:foo w14:val="1"/>${settings.slice(end)}`;
    expect(await validateParts({ 'word/settings.xml': withW14 })).toEqual([]);
    const withW = `${settings.slice(0, end)}<w:foo w:val="1"/>${settings.slice(end)}`;
    expect((await validateParts({ 'word/settings.xml': withW })).map((p) => p.tag)).toEqual([
      '<w:foo w:val="1"\n/>',
    ]);
  });
});

describe('the flat OPC package 插入到文档 gives Word', () => {
  it('has its document and relationships parts valid too', async () => {
    const blocks = model.sections.flatMap((s) => s.blocks);
    const flat = await blocksToFlatOpcWithFigures(blocks, fonts, figures);
    const inline = [
      ...flat.matchAll(/<pkg:part pkg:name="([^"]+)"[^>]*><pkg:xmlData>([\s\S]*?)<\/pkg:xmlData>/g),
    ];
    const names = inline.map((m) => m[1]);
    expect(names).toEqual(expect.arrayContaining(['/_rels/.rels', '/word/document.xml']));
    if (figures.values().next().value?.png)
      expect(names).toContain('/word/_rels/document.xml.rels');
    expect(await validateParts(Object.fromEntries(inline.map((m) => [m[1]!, m[2]!])))).toEqual([]);
  });
});
