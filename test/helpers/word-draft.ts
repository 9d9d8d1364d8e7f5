/**
 * Draft bulletins as Word saves them, for the proofreading tests (issue #17): a .docx package
 * with the parts Word writes, and body XML in Word's habits — runs split wherever an editing
 * session, a proofing mark or a change of script fell (inside numbers too), `w:proofErr`,
 * bookmarks, fields (complex and simple), tracked insertions and deletions, moves, hyperlinks,
 * smart tags, content controls, tabs, line breaks, a deleted paragraph mark, tables (with a
 * deleted row).
 *
 * Every builder returns the XML together with the text a reader must see (`Built.text`), put
 * together part by part as the markup is written, so a test can compare the reader's
 * paragraphs with what the document shows. `publishedDraft()` builds the published bulletin
 * (samples/seed/bulletin-2017-08.txt) this way.
 */
import JSZip from 'jszip';
import type { DraftParagraph } from '../../src/proofread/types';
import { BULLETIN } from './seed-text';

export const W = 'http://schemas.openxmlformats.org/wordprocessingml/2006/main';

/** The namespaces Word 2016 declares on w:document. */
const DOCUMENT_NS = [
  'xmlns:wpc="http://schemas.microsoft.com/office/word/2010/wordprocessingCanvas"',
  'xmlns:mc="http://schemas.openxmlformats.org/markup-compatibility/2006"',
  'xmlns:o="urn:schemas-microsoft-com:office:office"',
  'xmlns:r="http://schemas.openxmlformats.org/officeDocument/2006/relationships"',
  'xmlns:m="http://schemas.openxmlformats.org/officeDocument/2006/math"',
  'xmlns:v="urn:schemas-microsoft-com:vml"',
  'xmlns:wp14="http://schemas.microsoft.com/office/word/2010/wordprocessingDrawing"',
  'xmlns:wp="http://schemas.openxmlformats.org/drawingml/2006/wordprocessingDrawing"',
  'xmlns:w10="urn:schemas-microsoft-com:office:word"',
  `xmlns:w="${W}"`,
  'xmlns:w14="http://schemas.microsoft.com/office/word/2010/wordml"',
  'xmlns:w15="http://schemas.microsoft.com/office/word/2012/wordml"',
  'xmlns:wpg="http://schemas.microsoft.com/office/word/2010/wordprocessingGroup"',
  'xmlns:wpi="http://schemas.microsoft.com/office/word/2010/wordprocessingInk"',
  'xmlns:wne="http://schemas.microsoft.com/office/word/2006/wordml"',
  'xmlns:wps="http://schemas.microsoft.com/office/word/2010/wordprocessingShape"',
  'mc:Ignorable="w14 w15 wp14"',
].join(' ');

const DECL = '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\r\n';

/** The section properties Word writes at the end of the body (A4, 公文 margins). */
export const SECT_PR =
  '<w:sectPr w:rsidR="00D15B2E" w:rsidSect="00A45F41"><w:pgSz w:w="11906" w:h="16838"/>' +
  '<w:pgMar w:top="2098" w:right="1474" w:bottom="1984" w:left="1588" w:header="851" w:footer="992" w:gutter="0"/>' +
  '<w:cols w:space="425"/><w:docGrid w:type="linesAndChars" w:linePitch="579" w:charSpace="-849"/></w:sectPr>';

/** document.xml around a body's content, as Word writes it. */
export const documentXml = (body: string) =>
  `${DECL}<w:document ${DOCUMENT_NS}><w:body>${body}${SECT_PR}</w:body></w:document>`;

/** A package with Word's parts around `document.xml`; `extra` adds or replaces parts. */
export async function wordPackage(
  document: string,
  extra: Readonly<Record<string, string>> = {},
): Promise<Uint8Array> {
  const zip = new JSZip();
  const parts: Record<string, string> = {
    '[Content_Types].xml':
      `${DECL}<Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types">` +
      '<Default Extension="rels" ContentType="application/vnd.openxmlformats-package.relationships+xml"/>' +
      '<Default Extension="xml" ContentType="application/xml"/>' +
      '<Override PartName="/word/document.xml" ContentType="application/vnd.openxmlformats-officedocument.wordprocessingml.document.main+xml"/>' +
      '<Override PartName="/word/styles.xml" ContentType="application/vnd.openxmlformats-officedocument.wordprocessingml.styles+xml"/>' +
      '<Override PartName="/word/settings.xml" ContentType="application/vnd.openxmlformats-officedocument.wordprocessingml.settings+xml"/>' +
      '<Override PartName="/docProps/core.xml" ContentType="application/vnd.openxmlformats-package.core-properties+xml"/>' +
      '<Override PartName="/docProps/app.xml" ContentType="application/vnd.openxmlformats-officedocument.extended-properties+xml"/>' +
      '</Types>',
    '_rels/.rels':
      `${DECL}<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships">` +
      '<Relationship Id="rId3" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/extended-properties" Target="docProps/app.xml"/>' +
      '<Relationship Id="rId2" Type="http://schemas.openxmlformats.org/package/2006/relationships/metadata/core-properties" Target="docProps/core.xml"/>' +
      '<Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/officeDocument" Target="word/document.xml"/>' +
      '</Relationships>',
    'word/_rels/document.xml.rels':
      `${DECL}<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships">` +
      '<Relationship Id="rId2" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/settings" Target="settings.xml"/>' +
      '<Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/styles" Target="styles.xml"/>' +
      '</Relationships>',
    'word/document.xml': document,
    'word/styles.xml':
      `${DECL}<w:styles xmlns:w="${W}"><w:docDefaults><w:rPrDefault><w:rPr>` +
      '<w:rFonts w:ascii="Times New Roman" w:eastAsia="仿宋_GB2312" w:hAnsi="Times New Roman" w:cs="Times New Roman"/>' +
      '<w:kern w:val="2"/><w:sz w:val="32"/><w:szCs w:val="32"/><w:lang w:val="en-US" w:eastAsia="zh-CN" w:bidi="ar-SA"/>' +
      '</w:rPr></w:rPrDefault><w:pPrDefault/></w:docDefaults>' +
      '<w:style w:type="paragraph" w:default="1" w:styleId="a"><w:name w:val="Normal"/><w:qFormat/>' +
      '<w:pPr><w:widowControl w:val="0"/><w:jc w:val="both"/></w:pPr></w:style>' +
      '<w:style w:type="table" w:default="1" w:styleId="a1"><w:name w:val="Normal Table"/>' +
      '<w:tblPr><w:tblInd w:w="0" w:type="dxa"/><w:tblCellMar><w:top w:w="0" w:type="dxa"/>' +
      '<w:left w:w="108" w:type="dxa"/><w:bottom w:w="0" w:type="dxa"/><w:right w:w="108" w:type="dxa"/>' +
      '</w:tblCellMar></w:tblPr></w:style></w:styles>',
    'word/settings.xml':
      `${DECL}<w:settings xmlns:w="${W}"><w:zoom w:percent="100"/><w:trackRevisions/>` +
      '<w:defaultTabStop w:val="420"/><w:characterSpacingControl w:val="compressPunctuation"/>' +
      '<w:compat><w:compatSetting w:name="compatibilityMode" w:uri="http://schemas.microsoft.com/office/word" w:val="15"/></w:compat>' +
      '</w:settings>',
    'docProps/core.xml':
      `${DECL}<cp:coreProperties xmlns:cp="http://schemas.openxmlformats.org/package/2006/metadata/core-properties" ` +
      'xmlns:dc="http://purl.org/dc/elements/1.1/" xmlns:dcterms="http://purl.org/dc/terms/" ' +
      'xmlns:xsi="http://www.w3.org/2001/XMLSchema-instance"><dc:creator>综合科</dc:creator>' +
      '<dcterms:created xsi:type="dcterms:W3CDTF">2017-09-20T01:00:00Z</dcterms:created></cp:coreProperties>',
    'docProps/app.xml':
      `${DECL}<Properties xmlns="http://schemas.openxmlformats.org/officeDocument/2006/extended-properties" ` +
      'xmlns:vt="http://schemas.openxmlformats.org/officeDocument/2006/docPropsVTypes">' +
      '<Template>Normal.dotm</Template><Application>Microsoft Office Word</Application></Properties>',
    ...extra,
  };
  for (const [name, xml] of Object.entries(parts)) zip.file(name, xml);
  return zip.generateAsync({ type: 'uint8array', compression: 'DEFLATE' });
}

// ─── Runs and paragraphs ──────────────────────────────────────────────────────────────────

/** Markup and the text a reader must see in it. */
export interface Built {
  readonly xml: string;
  readonly text: string;
}

const esc = (s: string) => s.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;');
const joined = (parts: readonly Built[]): Built => ({
  xml: parts.map((p) => p.xml).join(''),
  text: parts.map((p) => p.text).join(''),
});

/** Markup that shows no text (a proofErr, a bookmark, an instruction…). */
export const silent = (xml: string): Built => ({ xml, text: '' });

const CJK = /[\u3000-\u303f\u4e00-\u9fff\uff00-\uffef“”‘’、]/;

/** Word's run properties for a stretch of text: 仿宋 for CJK (hint eastAsia), 16 pt. */
function rPr(text: string, opts: { bold?: boolean; lang?: boolean }): string {
  const cjk = CJK.test(text);
  return (
    '<w:rPr>' +
    (cjk ? '<w:rFonts w:ascii="仿宋_GB2312" w:eastAsia="仿宋_GB2312" w:hint="eastAsia"/>' : '') +
    (opts.bold ? '<w:b/><w:bCs/>' : '') +
    '<w:sz w:val="32"/><w:szCs w:val="32"/>' +
    (opts.lang ? '<w:lang w:eastAsia="zh-CN"/>' : '') +
    '</w:rPr>'
  );
}

/** One run of text, as Word writes it (xml:space="preserve" when a space is at an end). */
export function run(
  text: string,
  opts: { rsid?: string; bold?: boolean; lang?: boolean; tag?: 't' | 'delText' } = {},
): Built {
  const tag = opts.tag ?? 't';
  const space = /^\s|\s$/.test(text) ? ' xml:space="preserve"' : '';
  return {
    xml:
      `<w:r${opts.rsid ? ` w:rsidR="${opts.rsid}"` : ''}>${rPr(text, opts)}` +
      `<w:${tag}${space}>${esc(text)}</w:${tag}></w:r>`,
    text: tag === 't' ? text : '',
  };
}

/** A paragraph of `parts`, with Word's paragraph properties (and a deleted mark if asked). */
export function paragraph(parts: readonly Built[], opts: { markDeleted?: boolean } = {}): Built {
  const id = (paraIds++).toString(16).toUpperCase().padStart(8, '0');
  const inner = joined(parts);
  return {
    xml:
      `<w:p w14:paraId="${id}" w14:textId="77777777" w:rsidR="00D15B2E" w:rsidRDefault="00A45F41">` +
      '<w:pPr><w:spacing w:line="560" w:lineRule="exact"/><w:ind w:firstLineChars="200" w:firstLine="640"/>' +
      '<w:rPr>' +
      (opts.markDeleted
        ? '<w:del w:id="900" w:author="王科长" w:date="2017-09-21T10:02:00Z"/>'
        : '') +
      '<w:rFonts w:ascii="仿宋_GB2312" w:eastAsia="仿宋_GB2312"/><w:sz w:val="32"/></w:rPr></w:pPr>' +
      `${inner.xml}</w:p>`,
    text: inner.text,
  };
}
let paraIds = 0x1a2b0000;

/** A small seeded generator (mulberry32): the same splits on every run of the tests. */
export function seeded(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

const RSIDS = ['00D15B2E', '00A45F41', '0057C3D9', '001E2F7A', '00B9A012'];

/**
 * Text as Word splits it into runs: at each change between CJK and Latin/digits (Word marks
 * CJK runs with the eastAsia hint), and more or less at random inside each stretch — numbers
 * included — where an editing session (another rsid) or a proofing mark (`w:proofErr`) fell.
 */
export function wordRuns(text: string, random: () => number, opts: { bold?: boolean } = {}): Built {
  const stretches =
    text.match(
      /[\u3000-\u303f\u4e00-\u9fff\uff00-\uffef“”‘’、]+|[^\u3000-\u303f\u4e00-\u9fff\uff00-\uffef“”‘’、]+/g,
    ) ?? [];
  const parts: Built[] = [];
  for (const s of stretches) {
    const cuts = [0];
    for (let k = 1; k < s.length; k++) if (random() < 0.12) cuts.push(k);
    cuts.push(s.length);
    for (let k = 0; k + 1 < cuts.length; k++) {
      const piece = s.slice(cuts[k], cuts[k + 1]);
      const proof = random() < 0.1;
      if (proof) parts.push(silent('<w:proofErr w:type="gramStart"/>'));
      parts.push(
        run(piece, {
          rsid: RSIDS[Math.floor(random() * RSIDS.length)],
          bold: opts.bold,
          lang: random() < 0.3,
        }),
      );
      if (proof) parts.push(silent('<w:proofErr w:type="gramEnd"/>'));
    }
  }
  return joined(parts);
}

/** Text with the extraction's **bold** marks as bold runs (the marks themselves are no text). */
export function boldAware(text: string, random: () => number): Built {
  const parts: Built[] = [];
  text.split(/\*\*/).forEach((s, i) => {
    if (s !== '') parts.push(wordRuns(s, random, { bold: i % 2 === 1 }));
  });
  return joined(parts);
}

// ─── Constructs ───────────────────────────────────────────────────────────────────────────

/** A complex field: begin, instruction (no text), separate, result runs, end. */
export const complexField = (instruction: string, result: readonly Built[]): Built =>
  joined([
    silent('<w:r><w:fldChar w:fldCharType="begin"/></w:r>'),
    silent(`<w:r><w:instrText xml:space="preserve">${esc(instruction)}</w:instrText></w:r>`),
    silent('<w:r><w:fldChar w:fldCharType="separate"/></w:r>'),
    ...result,
    silent('<w:r><w:fldChar w:fldCharType="end"/></w:r>'),
  ]);

/** A simple field and its shown result. */
export const simpleField = (instruction: string, result: readonly Built[]): Built => {
  const inner = joined(result);
  return {
    xml: `<w:fldSimple w:instr="${esc(instruction)}">${inner.xml}</w:fldSimple>`,
    text: inner.text,
  };
};

let changeIds = 100;
const change = () => `w:id="${changeIds++}" w:author="王科长" w:date="2017-09-21T10:00:00Z"`;

/** Tracked insertion (counts) and deletion (does not: `w:delText`). */
export const inserted = (parts: readonly Built[]): Built => {
  const inner = joined(parts);
  return { xml: `<w:ins ${change()}>${inner.xml}</w:ins>`, text: inner.text };
};
export const deleted = (text: string): Built => ({
  xml: `<w:del ${change()}>${run(text, { tag: 'delText' }).xml}</w:del>`,
  text: '',
});
/** A tracked move: the text where it was (no longer counts) and where it went (counts). */
export const movedFrom = (text: string): Built => ({
  xml: `<w:moveFrom ${change()}>${run(text).xml}</w:moveFrom>`,
  text: '',
});
export const movedTo = (parts: readonly Built[]): Built => {
  const inner = joined(parts);
  return { xml: `<w:moveTo ${change()}>${inner.xml}</w:moveTo>`, text: inner.text };
};

let bookmarkIds = 0;
export const bookmarkStart = () =>
  silent(`<w:bookmarkStart w:id="${bookmarkIds}" w:name="_Hlk49185${bookmarkIds++}"/>`);
export const bookmarkEnd = (id: number) => silent(`<w:bookmarkEnd w:id="${id}"/>`);

const wrap = (open: string, close: string, parts: readonly Built[]): Built => {
  const inner = joined(parts);
  return { xml: `${open}${inner.xml}${close}`, text: inner.text };
};
export const hyperlink = (parts: readonly Built[]) =>
  wrap('<w:hyperlink w:anchor="_Toc491858" w:history="1">', '</w:hyperlink>', parts);
export const smartTag = (parts: readonly Built[]) =>
  wrap(
    '<w:smartTag w:uri="urn:schemas-microsoft-com:office:smarttags" w:element="chsdate">' +
      '<w:smartTagPr><w:attr w:name="Year" w:val="2017"/><w:attr w:name="Month" w:val="8"/></w:smartTagPr>',
    '</w:smartTag>',
    parts,
  );
export const customXml = (parts: readonly Built[]) =>
  wrap('<w:customXml w:element="figure">', '</w:customXml>', parts);
export const contentControl = (parts: readonly Built[]) =>
  wrap(
    '<w:sdt><w:sdtPr><w:alias w:val="数字"/><w:tag w:val="figure"/><w:id w:val="-1710570214"/>' +
      '<w:placeholder><w:docPart w:val="DefaultPlaceholder_1081868574"/></w:placeholder><w:text/></w:sdtPr><w:sdtContent>',
    '</w:sdtContent></w:sdt>',
    parts,
  );
export const tab = (): Built => ({ xml: '<w:r><w:tab/></w:r>', text: '\t' });
export const lineBreak = (): Built => ({ xml: '<w:r><w:br/></w:r>', text: '\n' });

/** A table of rows of cell texts (one paragraph each); `deletedRow` adds a tracked-deleted row. */
export function table(
  rows: readonly (readonly string[])[],
  random: () => number,
  deletedRow?: readonly string[],
): { xml: string; cells: string[] } {
  const cols = Math.max(...rows.map((r) => r.length));
  const width = Math.floor(8800 / cols);
  const cells: string[] = [];
  const tr = (row: readonly string[], del: boolean) =>
    `<w:tr w:rsidR="00A45F41">${
      del ? `<w:trPr><w:del ${change()}/></w:trPr>` : '<w:trPr><w:jc w:val="center"/></w:trPr>'
    }${row
      .map((c) => {
        const p = paragraph([del ? deleted(c) : wordRuns(c, random)]);
        if (!del) cells.push(p.text);
        return `<w:tc><w:tcPr><w:tcW w:w="${width}" w:type="dxa"/></w:tcPr>${p.xml}</w:tc>`;
      })
      .join('')}</w:tr>`;
  const body: string[] = [];
  rows.forEach((r, i) => {
    body.push(tr(r, false));
    if (i === 1 && deletedRow) body.push(tr(deletedRow, true));
  });
  return {
    xml:
      '<w:tbl><w:tblPr><w:tblW w:w="0" w:type="auto"/><w:jc w:val="center"/><w:tblBorders>' +
      ['top', 'left', 'bottom', 'right', 'insideH', 'insideV']
        .map((b) => `<w:${b} w:val="single" w:sz="4" w:space="0" w:color="auto"/>`)
        .join('') +
      '</w:tblBorders><w:tblLook w:val="04A0" w:firstRow="1" w:lastRow="0" w:firstColumn="1" w:lastColumn="0" w:noHBand="0" w:noVBand="1"/></w:tblPr>' +
      `<w:tblGrid>${Array.from({ length: cols }, () => `<w:gridCol w:w="${width}"/>`).join('')}</w:tblGrid>` +
      `${body.join('')}</w:tbl>`,
    cells,
  };
}

// ─── The published bulletin as a Word draft ───────────────────────────────────────────────

/** A line's special treatment: `find` in it replaced by `parts` (their text is what shows). */
interface Special {
  readonly find: string;
  readonly parts: () => Built[];
}

/** The draft and the paragraphs a reader must see in it. */
export interface BuiltDraft {
  readonly document: string;
  readonly bytes: Uint8Array;
  readonly paragraphs: readonly DraftParagraph[];
}

/** Where in the published text the constructs go (each `find` occurs in its line once). */
const SPECIALS: readonly Special[] = [
  // The title: a manual line break after 关于.
  { find: '关于 ', parts: () => [run('关于'), lineBreak()] },
  // The whole month's total as a formula field; its instruction holds other digits.
  {
    find: '109169',
    parts: () => [complexField(' =109000+169 \\# "0" ', [run('109'), run('169')])],
  },
  // A number corrected with track changes on: 35257 deleted, 35275 inserted.
  {
    find: '受理诉求 35275 件',
    parts: () => [run('受理诉求 '), deleted('35257'), inserted([run('35275')]), run(' 件')],
  },
  // Inside a number: 99.<del>72</del><ins>27</ins>%.
  {
    find: '结案率 99.27%',
    parts: () => [run('结案率 99.'), deleted('72'), inserted([run('27')]), run('%')],
  },
  // A simple field (a document property) showing a count.
  {
    find: '73894',
    parts: () => [simpleField(' DOCPROPERTY  有效案件  \\* MERGEFORMAT ', [run('73'), run('894')])],
  },
  // A proofing mark and a bookmark inside a case number.
  {
    find: 'FZ17080300576',
    parts: () => [
      silent('<w:proofErr w:type="spellStart"/>'),
      run('FZ170803'),
      bookmarkStart(),
      run('00576'),
      bookmarkEnd(bookmarkIds - 1),
      silent('<w:proofErr w:type="spellEnd"/>'),
    ],
  },
  // A date in a smart tag.
  { find: '2017年8月份12345', parts: () => [smartTag([run('2017年8月')]), run('份12345')] },
  // 市建委 as a hyperlink, 电信福州分公司 moved here from later in the sentence.
  {
    find: '市建委、电信福州分公司、',
    parts: () => [
      hyperlink([run('市建'), run('委')]),
      run('、'),
      movedTo([run('电信福州分公司')]),
      run('、'),
    ],
  },
  // A custom XML wrapper and a content control around figures.
  { find: '仓山区 7751 件次', parts: () => [customXml([run('仓山区 7751')]), run(' 件次')] },
  {
    find: '连江县(99.96分)',
    parts: () => [run('连江县('), contentControl([run('99.96')]), run('分)')],
  },
  // 95.13% split over three runs, with a bookmark between two of them.
  {
    find: '闽侯县(95.13%)',
    parts: () => [
      run('闽侯县('),
      run('9', { rsid: '0057C3D9' }),
      run('5.1', { rsid: '001E2F7A', lang: true }),
      bookmarkStart(),
      run('3%', { rsid: '00B9A012' }),
      bookmarkEnd(bookmarkIds - 1),
      run(')'),
    ],
  },
  // A heading number followed by a tab.
  { find: '1. 诉求件分类情况', parts: () => [run('1.'), tab(), run('诉求件分类情况')] },
];

/** Where the moved text came from: the end of the 综合指标值 sentence (it no longer shows). */
const MOVED_FROM_AFTER = '综合分值均为100分';

/**
 * The published bulletin as a Word draft: one paragraph per line of text (blank lines are
 * Word's empty paragraphs too; `paragraphs` lists those with text), the appendix's tab-separated lines as tables (one paragraph
 * per cell, a tracked-deleted row in the first), the constructs of `SPECIALS` in their lines,
 * and the line broken by the PDF's page (“五城区中指标值较” / “好的为台江区…”) as two paragraphs
 * of which the first's mark is deleted: one paragraph once the change is accepted.
 */
export async function publishedDraft(seed = 17): Promise<BuiltDraft> {
  const random = seeded(seed);
  const lines = BULLETIN.split(/\r?\n/);
  const body: string[] = [];
  const paragraphs: DraftParagraph[] = [];
  let deletedRowDone = false;
  for (let i = 0; i < lines.length; i++) {
    const line = lines[i]!;
    if (line.includes('\t')) {
      const rows: string[][] = [];
      for (; i < lines.length && lines[i]!.includes('\t'); i++) rows.push(lines[i]!.split('\t'));
      i--;
      const t = table(
        rows,
        random,
        deletedRowDone ? undefined : rows[0]!.map((_, k) => (k === 0 ? '删除的行' : '12345')),
      );
      deletedRowDone = true;
      body.push(t.xml);
      for (const c of t.cells) paragraphs.push({ text: c, where: 'table' });
      continue;
    }
    if (line.endsWith('五城区中指标值较')) {
      const first = paragraph([boldAware(line, random)], { markDeleted: true });
      // The next non-blank line is the rest of the sentence (blank lines between are the PDF's).
      let k = i + 1;
      while (lines[k]!.trim() === '') k++;
      const second = paragraph([boldAware(lines[k]!, random)]);
      body.push(first.xml, second.xml);
      paragraphs.push({ text: first.text + second.text, where: 'body' });
      i = k;
      continue;
    }
    const parts: Built[] = [];
    let rest = line;
    for (;;) {
      const hits = SPECIALS.map((s) => ({ s, at: rest.indexOf(s.find) })).filter((h) => h.at >= 0);
      const moved = rest.indexOf(MOVED_FROM_AFTER);
      if (hits.length === 0 && moved < 0) break;
      const next = hits.sort((a, b) => a.at - b.at)[0];
      if (moved >= 0 && (next === undefined || moved < next.at)) {
        const end = moved + MOVED_FROM_AFTER.length;
        parts.push(boldAware(rest.slice(0, end), random), movedFrom('、电信福州分公司'));
        rest = rest.slice(end);
        continue;
      }
      parts.push(boldAware(rest.slice(0, next!.at), random), ...next!.s.parts());
      rest = rest.slice(next!.at + next!.s.find.length);
    }
    parts.push(boldAware(rest, random));
    const p = paragraph(parts);
    body.push(p.xml);
    paragraphs.push({ text: p.text, where: 'body' });
  }
  const document = documentXml(body.join(''));
  // Blank paragraphs are spacing: a draft's paragraphs are those with text.
  const shown = paragraphs.filter((p) => p.text.trim() !== '');
  return { document, bytes: await wordPackage(document), paragraphs: shown };
}
