import { readFile } from 'node:fs/promises';
import JSZip from 'jszip';
import { beforeAll, describe, expect, it } from 'vitest';
import {
  DraftReadError,
  openDocx,
  parseXml,
  readDocxDraft,
  XmlSyntaxError,
} from '../src/proofread/draft-docx';
import { markDocx, NotPlainDocumentError, type MarkableFinding } from '../src/proofread/mark-docx';
import { docxXmlParts, validateParts } from './helpers/docx-validate';
import { ENCRYPTED_XLSX, LEGACY_XLS } from './helpers/legacy-xls';
import { BULLETIN, fold } from './helpers/seed-text';
import {
  complexField,
  deleted,
  documentXml,
  inserted,
  movedFrom,
  movedTo,
  paragraph,
  publishedDraft,
  run,
  silent,
  wordPackage,
  type BuiltDraft,
} from './helpers/word-draft';

let draft: BuiltDraft;
beforeAll(async () => {
  draft = await publishedDraft();
});

/** The paragraph (0-based) of the built draft whose text holds `s`, and where. */
function locate(s: string, occurrence = 0): { index: number; start: number } {
  const hits = draft.paragraphs.flatMap((p, index) => {
    const out: { index: number; start: number }[] = [];
    for (let at = p.text.indexOf(s); at >= 0; at = p.text.indexOf(s, at + 1))
      out.push({ index, start: at });
    return out;
  });
  expect(hits.length, s).toBeGreaterThan(occurrence);
  return hits[occurrence]!;
}

/** A finding on `written` where it occurs in the draft (as the engine would give it). */
function finding(written: string, expected: string, context = written): MarkableFinding {
  const { index, start } = locate(context);
  const at = start + context.indexOf(written);
  return {
    paragraph: index + 1,
    start: at,
    end: at + written.length,
    written,
    message: `测试：文中为${written}，表中为${expected}（数字城管综合评价表!M99）`,
  };
}

/** Every w:t / w:delText / w:instrText text of a part, concatenated: what a naive reader sees. */
const naiveText = (xml: string) =>
  [...xml.matchAll(/<w:(?:t|delText|instrText)(?: [^>]*)?>([^<]*)<\//g)].map((m) => m[1]).join('');

describe('the test drafts (test/helpers/word-draft.ts) are what they claim to be', () => {
  it('show the published text: every line, table cell and figure, nothing else', () => {
    const shown = fold(draft.paragraphs.map((p) => p.text).join(''));
    expect(shown).toBe(fold(BULLETIN));
    expect(draft.paragraphs.filter((p) => p.where === 'table').length).toBeGreaterThan(300);
  });

  it('hold the markup Word writes, so that a naive reading of the XML would be wrong', () => {
    const xml = draft.document;
    for (const piece of [
      '<w:delText>35257</w:delText>',
      '<w:delText>72</w:delText>',
      '<w:instrText xml:space="preserve"> =109000+169 \\# "0" </w:instrText>',
      '<w:fldChar w:fldCharType="separate"/>',
      '<w:fldSimple w:instr=',
      '<w:proofErr w:type="spellStart"/>',
      '<w:proofErr w:type="gramStart"/>',
      '<w:bookmarkStart ',
      '<w:moveFrom ',
      '<w:moveTo ',
      '<w:hyperlink ',
      '<w:smartTag ',
      '<w:customXml ',
      '<w:sdtContent>',
      '<w:tab/>',
      '<w:br/>',
      '<w:trPr><w:del ',
      '<w:rPr><w:del w:id="900"',
      '<w:tbl>',
    ])
      expect(xml.includes(piece), piece).toBe(true);
    // 95.13% over three runs: 9 | 5.1 | 3%.
    expect(xml).toMatch(/<w:t>9<\/w:t>.*?<w:t>5\.1<\/w:t>.*?<w:t>3%<\/w:t>/);
    // Numbers split inside: some run ends and the next starts in the middle of a number.
    expect(xml).toMatch(
      /<w:t(?: [^>]*)?>[^<]*\d<\/w:t><\/w:r>(?:<w:proofErr[^>]*>)*<w:r[ >][^]*?<w:t(?: [^>]*)?>\d/,
    );
    const naive = naiveText(xml);
    expect(naive).toContain('3525735275');
    expect(naive).toContain('=109000+169');
    expect(naive).toContain('删除的行');
  });
});

describe('reading a draft .docx as Word saves it', () => {
  it('gives the paragraphs a reader sees: tracked changes accepted, fields by their result, table cells', async () => {
    const read = await readDocxDraft(draft.bytes);
    expect(read.paragraphs).toEqual(draft.paragraphs);
  });

  it('reads the tricky spots as the document shows them', async () => {
    const texts = (await readDocxDraft(draft.bytes)).paragraphs.map((p) => p.text);
    const has = (s: string) => texts.filter((t) => t.includes(s)).length;
    expect(has('排名最后一位的是闽侯县(95.13%)')).toBe(1);
    expect(has('受理诉求 35275 件')).toBe(1);
    expect(has('结案率 99.27%')).toBe(1);
    expect(has('受理诉求件（案件）109169件')).toBe(1);
    expect(has('本月共受理有效案件 73894 件')).toBe(1);
    expect(has('五城区中指标值较好的为台江区(98.88分)')).toBe(1); // the deleted paragraph mark
    expect(has('市建委、电信福州分公司、市华润燃气公司')).toBe(1);
    // Moved: only where it went (the published text names it twice).
    expect(has('电信福州分公司')).toBe(BULLETIN.split('电信福州分公司').length - 1);
    expect(has('1.\t诉求件分类情况')).toBe(1);
    expect(has('中心关于\n2017年8月份')).toBe(1);
    for (const gone of ['35257', '99.7227', '109000', '删除的行', 'DOCPROPERTY'])
      expect(has(gone), gone).toBe(0);
    const cell = (await readDocxDraft(draft.bytes)).paragraphs.find((p) => p.text === '闽侯县政府');
    expect(cell?.where).toBe('table');
  });

  it('reads nested fields, moves, a text box and a strict-namespace document; leaves out blank paragraphs', async () => {
    // A field inside another's instruction (its result is part of the instruction: hidden);
    // a text box (drawing) is not body text; a page number field shows its result.
    const body = [
      paragraph([
        run('立案'),
        silent('<w:r><w:fldChar w:fldCharType="begin"/></w:r>'),
        silent('<w:r><w:instrText> IF </w:instrText></w:r>'),
        complexField(' =1+1 ', [silent('<w:r><w:t>2</w:t></w:r>')]),
        silent('<w:r><w:instrText> = 2 "68234" "0" </w:instrText></w:r>'),
        silent('<w:r><w:fldChar w:fldCharType="separate"/></w:r>'),
        run('68234'),
        silent('<w:r><w:fldChar w:fldCharType="end"/></w:r>'),
        run('件'),
        silent(
          '<w:r><mc:AlternateContent><mc:Choice Requires="wps"><w:drawing><wp:inline><a:graphic xmlns:a="http://schemas.openxmlformats.org/drawingml/2006/main"><a:graphicData uri="x"><wps:wsp><wps:txbx><w:txbxContent><w:p><w:r><w:t>文本框1</w:t></w:r></w:p></w:txbxContent></wps:txbx></wps:wsp></a:graphicData></a:graphic></wp:inline></w:drawing></mc:Choice>' +
            '<mc:Fallback><w:pict><v:shape><v:textbox><w:txbxContent><w:p><w:r><w:t>文本框2</w:t></w:r></w:p></w:txbxContent></v:textbox></v:shape></w:pict></mc:Fallback></mc:AlternateContent></w:r>',
        ),
      ]),
      paragraph([]),
      paragraph([movedFrom('旧'), movedTo([run('新')]), inserted([run('增')]), deleted('删')]),
      paragraph([run(' \u3000')]),
      paragraph([deleted('全删')]),
    ];
    const xml = documentXml(body.map((b) => b.xml).join(''));
    const read = await readDocxDraft(await wordPackage(xml));
    expect(read.paragraphs).toEqual([
      { text: '立案68234件', where: 'body' },
      { text: '新增', where: 'body' }, // empty, blank and wholly deleted paragraphs: none
    ]);
    // The same document in the strict namespace, without a prefix on the main namespace.
    const STRICT = 'http://purl.oclc.org/ooxml/wordprocessingml/main';
    const strict =
      `<?xml version="1.0" encoding="UTF-8"?><document xmlns="${STRICT}"><body>` +
      '<p><r><t>按期结案率</t></r><r><t xml:space="preserve"> 94.39%</t></r></p>' +
      '<tbl><tr><tc><p><r><t>合计</t></r></p></tc></tr></tbl></body></document>';
    const strictRead = await readDocxDraft(await wordPackage(strict));
    expect(strictRead.paragraphs).toEqual([
      { text: '按期结案率 94.39%', where: 'body' },
      { text: '合计', where: 'table' },
    ]);
  });

  it('refuses a Word 97-2003 .doc, a password-protected .docx, a workbook and other files, each by name', async () => {
    const kind = (bytes: Uint8Array) =>
      readDocxDraft(bytes).then(
        () => 'read',
        (e: unknown) => (e instanceof DraftReadError ? e.kind : String(e)),
      );
    expect(await kind(LEGACY_XLS)).toBe('legacyDoc');
    expect(await kind(ENCRYPTED_XLSX)).toBe('encrypted');
    expect(await kind(await readFile('samples/2017-08.xlsx'))).toBe('notDocx');
    expect(await kind(new TextEncoder().encode('{\\rtf1\\ansi 8月份受理诉求35275件}'))).toBe(
      'notDocx',
    );
    expect(await kind(new Uint8Array([0x50, 0x4b, 0x03, 0x04, 1, 2, 3]))).toBe('notDocx');
    const broken = await wordPackage(documentXml('<w:p><w:r><w:t>断</w:r></w:p>'));
    expect(await kind(broken)).toBe('corrupt');
  });

  it('parses XML with offsets that point at the tags, and refuses what is not well-formed', () => {
    const xml =
      '<?xml version="1.0"?><a xmlns="u" xmlns:b="v"><b:c x="1&amp;2">t&lt;<![CDATA[<&>]]></b:c><d/></a>';
    const doc = parseXml(xml);
    const a = doc.children.find((c) => 'local' in c)!;
    if (!('local' in a)) throw new Error('no root');
    const c = a.children[0]!;
    if (!('local' in c)) throw new Error('no element');
    expect([c.ns, c.local, c.attrs.x]).toEqual(['v', 'c', '1&2']);
    expect(xml.slice(c.start, c.end)).toBe('<b:c x="1&amp;2">t&lt;<![CDATA[<&>]]></b:c>');
    expect(c.children.map((x) => ('text' in x ? x.text : ''))).toEqual(['t<', '<&>']);
    for (const bad of [
      '<a><b></a>',
      '<a>',
      '<a/><b/>',
      '<!DOCTYPE a><a/>',
      '<a>&nbsp;</a>',
      '<x:a/>',
    ])
      expect(() => parseXml(bad), bad).toThrow(XmlSyntaxError);
  });
});

describe('the marked copy', () => {
  const FINDINGS = () => [
    finding('95.13%', '85.13%', '闽侯县(95.13%)'), // over three runs and a bookmark
    finding('7751', '7750', '仓山区 7751 件次'), // the middle of a run in a w:customXml
    finding('35275', '35276', '受理诉求 35275 件'), // a tracked insertion
    finding('99.27%', '99.28%', '结案率 99.27%'), // half in a run, half inserted
    finding('109169', '109170', '（案件）109169件'), // a field's result, over two runs
    finding('73894', '73895', '有效案件 73894 件'), // a simple field's result
    finding('99.96', '99.95', '连江县(99.96分)'), // a content control
    finding('市建委', '市城乡建设委员会', '市建委、电信'), // a hyperlink, over two runs
    finding('85.63', '85.64', '马尾区政府'), // misplaced: not what the paragraph says there
  ];

  it('highlights exactly the wrong characters, with a comment by 通报校对 holding the message', async () => {
    const original = new Uint8Array(draft.bytes);
    const findings = FINDINGS();
    const copy = await markDocx(draft.bytes, findings, { date: '2017-09-22T09:00:00Z' });
    expect(draft.bytes).toEqual(original); // the draft's bytes are not touched
    expect(copy.marked).toBe(8);
    expect(copy.unplaced).toEqual([findings[8]]);

    const parts = await docxXmlParts(copy.bytes);
    const xml = parts['word/document.xml']!;
    // The highlighted runs, in order, hold exactly the findings' characters.
    const highlighted = [
      ...xml.matchAll(/<w:r[ >](?:(?!<\/w:r>).)*?<w:highlight w:val="yellow"\/>.*?<\/w:r>/g),
    ].map((m) => naiveText(m[0]));
    expect(highlighted.join('|')).toBe('109|169|35275|73|894|99.|27|%|7751|市建|委|99.96|9|5.1|3%');
    // 95.13%: its three runs kept their own properties (the second its language) and rsid.
    expect(xml).toContain(
      '<w:r w:rsidR="0057C3D9"><w:rPr><w:sz w:val="32"/><w:szCs w:val="32"/><w:highlight w:val="yellow"/></w:rPr><w:t xml:space="preserve">9</w:t></w:r>',
    );
    expect(xml).toContain(
      '<w:r w:rsidR="001E2F7A"><w:rPr><w:sz w:val="32"/><w:szCs w:val="32"/><w:highlight w:val="yellow"/><w:lang w:eastAsia="zh-CN"/></w:rPr><w:t xml:space="preserve">5.1</w:t></w:r>',
    );
    // 仓山区 7751: the run split, the first half as it was (no highlight).
    expect(xml).toMatch(
      /<w:customXml w:element="figure"><w:r><w:rPr><w:rFonts[^>]*\/><w:sz w:val="32"\/><w:szCs w:val="32"\/><\/w:rPr><w:t xml:space="preserve">仓山区 <\/w:t><\/w:r><w:commentRangeStart w:id="\d+"\/><w:r><w:rPr>.*?<w:highlight w:val="yellow"\/><\/w:rPr><w:t xml:space="preserve">7751<\/w:t><\/w:r><w:commentRangeEnd/,
    );
    // One comment per finding placed, anchored around its runs, with its message.
    const comments = parts['word/comments.xml']!;
    const entries = [
      ...comments.matchAll(
        /<w:comment w:id="(\d+)" w:author="通报校对" w:date="2017-09-22T09:00:00Z" w:initials="校对">.*?<w:t xml:space="preserve">([^<]*)<\/w:t>/g,
      ),
    ];
    expect(entries.map((m) => m[2])).toEqual(findings.slice(0, 8).map((f) => f.message));
    for (const [, id] of entries) {
      expect(xml).toContain(`<w:commentRangeStart w:id="${id}"/>`);
      expect(xml).toContain(
        `<w:commentRangeEnd w:id="${id}"/><w:r><w:commentReference w:id="${id}"/></w:r>`,
      );
    }
    const id95 = entries[0]![1];
    expect(xml).toMatch(
      new RegExp(
        `<w:commentRangeStart w:id="${id95}"/><w:r w:rsidR="0057C3D9">.*?9</w:t></w:r><w:r w:rsidR="001E2F7A">.*?5\\.1</w:t></w:r><w:bookmarkStart [^>]*/><w:r w:rsidR="00B9A012">.*?3%</w:t></w:r><w:commentRangeEnd w:id="${id95}"/>`,
      ),
    );
    expect(parts['word/_rels/document.xml.rels']).toMatch(
      /<Relationship Id="rId3" Type="http:\/\/schemas\.openxmlformats\.org\/officeDocument\/2006\/relationships\/comments" Target="comments\.xml"\/>/,
    );
    expect(parts['[Content_Types].xml']).toContain(
      '<Override PartName="/word/comments.xml" ContentType="application/vnd.openxmlformats-officedocument.wordprocessingml.comments+xml"/>',
    );
  });

  it('changes nothing else: document.xml differs only inside the marked paragraphs, other parts not at all', async () => {
    const findings = FINDINGS();
    const copy = await markDocx(draft.bytes, findings);
    const before = await JSZip.loadAsync(draft.bytes);
    const after = await JSZip.loadAsync(copy.bytes);
    expect(Object.keys(after.files).sort()).toEqual(
      [...Object.keys(before.files), 'word/comments.xml'].sort(),
    );
    for (const name of Object.keys(before.files)) {
      if (
        before.files[name]!.dir ||
        ['word/document.xml', 'word/_rels/document.xml.rels', '[Content_Types].xml'].includes(name)
      )
        continue;
      expect(await after.file(name)!.async('uint8array'), name).toEqual(
        await before.file(name)!.async('uint8array'),
      );
    }
    // Cut document.xml at the marked paragraphs: every stretch between them is byte for byte.
    const opened = await openDocx(draft.bytes);
    const xml = opened.xml;
    const marked = await after.file('word/document.xml')!.async('string');
    const touched = [...new Set(findings.slice(0, 8).map((f) => f.paragraph))]
      .map((n) => opened.paragraphs[n - 1]!.elements[0]!)
      .sort((a, b) => a.start - b.start);
    let at = 0;
    let shift = 0;
    for (const p of touched) {
      expect(marked.slice(at + shift, p.start + shift)).toBe(xml.slice(at, p.start));
      const end = marked.indexOf('</w:p>', p.start + shift) + '</w:p>'.length;
      shift = end - p.end;
      at = p.end;
    }
    expect(marked.slice(at + shift)).toBe(xml.slice(at));
    // Read again, the copy has the draft's text, paragraph for paragraph.
    expect((await readDocxDraft(copy.bytes)).paragraphs).toEqual(draft.paragraphs);
  });

  it('is valid against the ECMA-376 transitional schemas, every part', async () => {
    const copy = await markDocx(draft.bytes, FINDINGS());
    const parts = await docxXmlParts(copy.bytes);
    expect(Object.keys(parts)).toContain('word/comments.xml');
    expect(await validateParts(parts)).toEqual([]);
  });

  it('appends to the comments a draft already has, replaces a highlight, and marks a table cell', async () => {
    const body =
      paragraph([
        silent('<w:commentRangeStart w:id="0"/>'),
        run('请核实'),
        silent('<w:commentRangeEnd w:id="0"/><w:r><w:commentReference w:id="0"/></w:r>'),
        silent(
          '<w:r><w:rPr><w:highlight w:val="green"/><w:u w:val="single"/></w:rPr><w:t>结案率99.27%</w:t></w:r>',
        ),
      ]).xml +
      '<w:tbl><w:tblPr><w:tblW w:w="0" w:type="auto"/></w:tblPr><w:tblGrid><w:gridCol w:w="2000"/></w:tblGrid>' +
      `<w:tr><w:tc><w:tcPr><w:tcW w:w="2000" w:type="dxa"/></w:tcPr>${paragraph([run('85.1'), run('3')]).xml}</w:tc></w:tr></w:tbl>`;
    const W = 'http://schemas.openxmlformats.org/wordprocessingml/2006/main';
    const bytes = await wordPackage(documentXml(body), {
      'word/comments.xml': `<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\r\n<w:comments xmlns:w="${W}"><w:comment w:id="0" w:author="李" w:initials="李"><w:p><w:r><w:t>原有批注</w:t></w:r></w:p></w:comment></w:comments>`,
      'word/_rels/document.xml.rels':
        '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\r\n<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships"><Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/styles" Target="styles.xml"/><Relationship Id="rId2" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/settings" Target="settings.xml"/><Relationship Id="rId9" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/comments" Target="comments.xml"/></Relationships>',
      '[Content_Types].xml':
        '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\r\n<Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types"><Default Extension="rels" ContentType="application/vnd.openxmlformats-package.relationships+xml"/><Default Extension="xml" ContentType="application/xml"/><Override PartName="/word/document.xml" ContentType="application/vnd.openxmlformats-officedocument.wordprocessingml.document.main+xml"/><Override PartName="/word/styles.xml" ContentType="application/vnd.openxmlformats-officedocument.wordprocessingml.styles+xml"/><Override PartName="/word/settings.xml" ContentType="application/vnd.openxmlformats-officedocument.wordprocessingml.settings+xml"/><Override PartName="/word/comments.xml" ContentType="application/vnd.openxmlformats-officedocument.wordprocessingml.comments+xml"/><Override PartName="/docProps/app.xml" ContentType="application/vnd.openxmlformats-officedocument.extended-properties+xml"/></Types>',
    });
    const read = await readDocxDraft(bytes);
    expect(read.paragraphs).toEqual([
      { text: '请核实结案率99.27%', where: 'body' },
      { text: '85.13', where: 'table' },
    ]);
    const copy = await markDocx(bytes, [
      {
        paragraph: 1,
        start: 6,
        end: 12,
        written: '99.27%',
        message: '结案率：文中为99.27%，表中为99.28%',
      },
      {
        paragraph: 2,
        start: 0,
        end: 5,
        written: '85.13',
        message: '闽侯县 按期结案率：文中为95.13%',
      },
    ]);
    const parts = await docxXmlParts(copy.bytes);
    const comments = parts['word/comments.xml']!;
    expect([...comments.matchAll(/<w:comment w:id="(\d+)"/g)].map((m) => m[1])).toEqual([
      '0',
      '1',
      '2',
    ]);
    expect(comments).toContain('原有批注');
    const xml = parts['word/document.xml']!;
    // The green highlight gives way to yellow, before the underline, on the wrong part only.
    expect(xml).toContain(
      '<w:r><w:rPr><w:highlight w:val="green"/><w:u w:val="single"/></w:rPr><w:t xml:space="preserve">结案率</w:t></w:r><w:commentRangeStart w:id="1"/><w:r><w:rPr><w:highlight w:val="yellow"/><w:u w:val="single"/></w:rPr><w:t xml:space="preserve">99.27%</w:t></w:r>',
    );
    expect(xml).toMatch(
      /<w:tc>.*<w:commentRangeStart w:id="2"\/><w:r>.*?85\.1<\/w:t><\/w:r><w:r>.*?3<\/w:t><\/w:r><w:commentRangeEnd w:id="2"\/>/,
    );
    // No second relationship or content type for the comments.
    expect(parts['word/_rels/document.xml.rels']!.match(/relationships\/comments"/g)).toHaveLength(
      1,
    );
    expect(parts['[Content_Types].xml']!.match(/comments\+xml/g)).toHaveLength(1);
    expect(await validateParts(parts)).toEqual([]);
  });

  it('gives the draft back unchanged when nothing can be placed, and refuses a .docm', async () => {
    const none = await markDocx(draft.bytes, [
      { paragraph: 99999, start: 0, end: 1, written: 'x', message: 'm' },
      { paragraph: 1, start: 3, end: 2, written: '', message: 'm' },
    ]);
    expect(none.marked).toBe(0);
    expect(none.unplaced).toHaveLength(2);
    expect(none.bytes).toEqual(draft.bytes);
    const docm = await wordPackage(draft.document, {
      '[Content_Types].xml': (await docxXmlParts(draft.bytes))['[Content_Types].xml']!.replace(
        'application/vnd.openxmlformats-officedocument.wordprocessingml.document.main+xml',
        'application/vnd.ms-word.document.macroEnabled.main+xml',
      ),
    });
    expect((await readDocxDraft(docm)).paragraphs).toEqual(draft.paragraphs);
    await expect(markDocx(docm, [finding('95.13%', '85.13%')])).rejects.toBeInstanceOf(
      NotPlainDocumentError,
    );
  });
});
