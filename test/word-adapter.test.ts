import { readFile } from 'node:fs/promises';
import { SaxesParser } from 'saxes';
import { beforeEach, describe, expect, it } from 'vitest';
import { insertAtSelection } from '../addin/word/adapter';
import { problemText } from '../addin/taskpane/errors';
import { WordInsertError } from '../addin/word/errors';
import { analyzeWorkbook } from '../src/evaluation/analyze';
import { zhCN } from '../src/i18n/catalog';
import { enUS } from '../src/i18n/catalog-en';
import { readWorkbookGrids } from '../src/io/xlsx-read';
import { buildNarrative, narrativeText } from '../src/narrative/build';
import { buildReport, textBlocks as narrativeBlocks } from '../src/report/model';
import { attachmentBlocks, blocksToFlatOpc } from '../src/report/ooxml';
import { blocksToFlatOpcWithFigures } from '../addin/word/ooxml';
import { renderFigures } from '../src/charts/figures';
import { createNodeRasterizer, encodePng, findCjkFont } from '../src/charts/raster-node';
import { FIGURE_MISSING } from '../src/report/docx';
import {
  FakeDocument,
  control,
  inside,
  selection,
  spanning,
  table,
  type FakeControl,
} from './fake/word-fake';
import { paragraphs } from './helpers/docx-xml';

const analysis = analyzeWorkbook(await readWorkbookGrids(await readFile('samples/2017-08.xlsx')));
const narrative = buildNarrative(analysis);
const fonts = analysis.settings.report.fonts;
const textOnly = await blocksToFlatOpc(narrativeBlocks(narrativeText(narrative)), fonts);
const withTables = await blocksToFlatOpc(
  [
    ...narrativeBlocks(narrativeText(narrative)),
    ...attachmentBlocks(buildReport(analysis, narrative)),
  ],
  fonts,
);
let doc: FakeDocument;

beforeEach(() => {
  doc = new FakeDocument();
  const g = globalThis as Record<string, unknown>;
  g.Word = { run: (b: Parameters<FakeDocument['run']>[0]) => doc.run(b) };
  g.Office = {
    context: {
      requirements: { isSetSupported: (n: string, v: string) => doc.isSetSupported(n, v) },
    },
  };
});

/** The rejection of `p`, which must reject. */
async function rejection(p: Promise<unknown>): Promise<unknown> {
  return p.then(
    () => expect.fail('expected a rejection'),
    (e: unknown) => e,
  );
}

describe('插入到文档 in Word', () => {
  it('inserts every paragraph at the cursor: one Word.run, a sync to look, one to insert', async () => {
    expect(await insertAtSelection(textOnly)).toBe('cursor');
    expect(doc.syncs).toBe(2);
    expect(doc.insertions).toHaveLength(1);
    expect(doc.insertions[0]).toMatchObject({ location: 'After', landed: 'atCursor' });
    const inserted = paragraphs(doc.insertions[0]!.ooxml).map((p) => p.text);
    for (const section of narrative.sections) {
      for (const p of section.paragraphs.filter((x) => !x.editorial))
        expect(inserted).toContain(p.text);
    }
    expect(inserted).toContain('（二）数字城管系统运行情况');
    expect(inserted).toContain('2. 案件办理情况');
    expect(doc.insertions[0]!.ooxml).toContain('<w:sz w:val="32"/>');
    expect(doc.insertions[0]!.ooxml).not.toContain('<w:sectPr');
  });

  it('keeps the user’s edits: the pane’s text is what gets inserted', async () => {
    const edited = narrativeText(narrative).replace('办理较好的单位是', '办理情况较好的单位是');
    await insertAtSelection(await blocksToFlatOpc(narrativeBlocks(edited), fonts));
    expect(
      paragraphs(doc.insertions[0]!.ooxml).some((p) =>
        p.text.includes('办理情况较好的单位是：市建委'),
      ),
    ).toBe(true);
  });

  it('inserts the attachment tables too when asked, fitted to a portrait page', async () => {
    await insertAtSelection(withTables);
    const ooxml = doc.insertions[0]!.ooxml;
    expect([...ooxml.matchAll(/<w:tbl>/g)]).toHaveLength(8);
    expect(ooxml).toContain('<w:tblW w:type="dxa" w:w="8845"/>');
    expect(doc.syncs).toBe(2);
  });

  it('the fake refuses what Word would: a bare fragment is not a package', async () => {
    const e = await rejection(insertAtSelection('<w:p/>'));
    expect(e).toBeInstanceOf(WordInsertError);
    expect(e).toMatchObject({ code: 'InvalidArgument', message: /flat OPC/ });
  });
});

describe('where the text goes', () => {
  it('cursor in a table cell: after the table, never in the cell (no nested table)', async () => {
    doc.selection = selection('table');
    expect(await insertAtSelection(withTables)).toBe('afterTable');
    expect(doc.insertions).toEqual([
      expect.objectContaining({ location: 'After', landed: 'afterTable' }),
    ]);
    expect(zhCN.ui.insertedAt('afterTable')).toContain('已插入到表格之后');
  });

  it('cursor in a table nested in a cell: after the top-level table, in the same two syncs', async () => {
    doc.selection = selection('table', { depth: 3 });
    expect(await insertAtSelection(withTables)).toBe('afterTable');
    expect(doc.insertions[0]!.landed).toBe('afterTable');
    expect(doc.syncs).toBe(2);
  });

  it('text selected in a cell, replace asked: still after the table, the cell untouched', async () => {
    doc.selection = selection('table', { text: '单元格里的字' });
    expect(await insertAtSelection(withTables, { replace: true })).toBe('afterTable');
    expect(doc.insertions[0]!.landed).toBe('afterTable');
  });

  it('a selection that ends in a table: after that table', async () => {
    doc.selection = spanning('正文和表格的一部分', [], [table()]);
    expect(await insertAtSelection(textOnly, { replace: true })).toBe('afterTable');
    expect(doc.insertions[0]!.landed).toBe('afterTable');
  });

  it('a non-empty selection is kept: the text goes after it', async () => {
    doc.selection = selection('text');
    expect(await insertAtSelection(textOnly)).toBe('afterSelection');
    expect(doc.insertions[0]).toMatchObject({ location: 'After', landed: 'afterSelection' });
    expect(zhCN.ui.insertedAt('afterSelection')).toContain('已插入到所选内容之后');
  });

  it('replaced only when asked (替换所选内容)', async () => {
    doc.selection = selection('text');
    expect(await insertAtSelection(textOnly, { replace: true })).toBe('replacedSelection');
    expect(doc.insertions[0]).toMatchObject({ location: 'Replace', landed: 'replacedSelection' });
    expect(zhCN.ui.insertedAt('replacedSelection')).toBe('已替换所选内容。');
  });

  it('a selection that starts in a table is not replaced (it would split the table)', async () => {
    doc.selection = spanning('表格的一部分和正文', [table()], []);
    expect(await insertAtSelection(textOnly, { replace: true })).toBe('afterSelection');
    expect(doc.insertions[0]!.landed).toBe('afterSelection');
  });

  it('an empty selection: at the cursor, replace or not', async () => {
    expect(await insertAtSelection(textOnly, { replace: true })).toBe('cursor');
    expect(doc.insertions[0]!.landed).toBe('atCursor');
    expect(zhCN.ui.insertedAt('cursor')).toContain('已插入到光标处');
  });
});

describe('next to or inside a content control', () => {
  /** The texts of `controls` now: the bulletin must leave every one as it was. */
  const texts = (controls: readonly FakeControl[]) => controls.map((c) => c.text);

  it('cursor in a rich-text control: after the control, its content unchanged, the pane says so', async () => {
    const c = control('RichText', '（此处填写通报正文）');
    doc.selection = inside([c]);
    expect(await insertAtSelection(withTables)).toBe('afterContentControl');
    expect(doc.insertions).toEqual([
      expect.objectContaining({ location: 'After', landed: 'afterContentControl' }),
    ]);
    expect(c.text).toBe('（此处填写通报正文）');
    // One sync to look, one to learn the control has no parent, one to insert.
    expect(doc.syncs).toBe(3);
    expect(zhCN.ui.insertedAt('afterContentControl')).toContain('已插入到内容控件之后');
    expect(zhCN.ui.insertedAt('afterContentControl')).toContain('原有的内容未改动');
    expect(enUS.ui.insertedAt('afterContentControl')).toContain('after the content control');
  });

  it('cursor in a plain-text control (e.g. a form’s 发文日期 field): after it', async () => {
    const c = control('PlainText', '2017年9月25日');
    doc.selection = inside([c]);
    expect(await insertAtSelection(textOnly)).toBe('afterContentControl');
    expect(doc.insertions[0]!.landed).toBe('afterContentControl');
    expect(c.text).toBe('2017年9月25日');
  });

  it('text selected in a control, replace asked: after the control, nothing replaced', async () => {
    const c = control('RichText', '模板中的说明文字');
    doc.selection = inside([c], '说明文字');
    expect(await insertAtSelection(textOnly, { replace: true })).toBe('afterContentControl');
    expect(doc.insertions[0]).toMatchObject({ location: 'After', landed: 'afterContentControl' });
    expect(c.text).toBe('模板中的说明文字');
  });

  it('a control nested in a control (plain text in rich text, three deep): after the outermost', async () => {
    const outer = control('RichText', '外层');
    const middle = control('RichText', '中层');
    const inner = control('PlainText', '内层');
    doc.selection = inside([outer, middle, inner]);
    expect(await insertAtSelection(withTables)).toBe('afterContentControl');
    expect(doc.insertions[0]!.landed).toBe('afterContentControl');
    expect(texts([outer, middle, inner])).toEqual(['外层', '中层', '内层']);
    expect(doc.syncs).toBe(5);
  });

  it('a control in a table cell: after the table (no nested table, the control untouched)', async () => {
    const c = control('RichText', '单元格中的控件');
    doc.selection = inside([table(), c]);
    expect(await insertAtSelection(withTables)).toBe('afterTable');
    expect(doc.insertions[0]!.landed).toBe('afterTable');
    expect(c.text).toBe('单元格中的控件');
    expect(zhCN.ui.insertedAt('afterTable')).toContain('已插入到表格之后');
  });

  it('a control in a cell of a nested table in a control: after the outermost control', async () => {
    const outer = control('RichText', '包含表格的控件');
    const inner = control('RichText', '单元格中的控件');
    doc.selection = inside([outer, table(), table(), inner]);
    expect(await insertAtSelection(withTables)).toBe('afterContentControl');
    expect(doc.insertions[0]!.landed).toBe('afterContentControl');
    expect(texts([outer, inner])).toEqual(['包含表格的控件', '单元格中的控件']);
  });

  it('a table in a control, cursor in a cell: after the control, not merely after the table', async () => {
    const c = control('RichText', '包含表格的控件');
    doc.selection = inside([c, table()]);
    expect(await insertAtSelection(withTables)).toBe('afterContentControl');
    expect(doc.insertions[0]!.landed).toBe('afterContentControl');
    expect(c.text).toBe('包含表格的控件');
  });

  it('a table in a control in a table: after the top-level table', async () => {
    const c = control('RichText', '控件');
    doc.selection = inside([table(), c, table()]);
    expect(await insertAtSelection(withTables)).toBe('afterTable');
    expect(doc.insertions[0]!.landed).toBe('afterTable');
    expect(c.text).toBe('控件');
  });

  it('a selection that starts in a control and ends in body text: kept, the text after it', async () => {
    const c = control('RichText', '控件');
    doc.selection = spanning('控件的一部分和正文', [c], []);
    expect(await insertAtSelection(textOnly, { replace: true })).toBe('afterSelection');
    expect(doc.insertions[0]!.landed).toBe('afterSelection');
    expect(c.text).toBe('控件');
  });

  it('(guessed host rule) a Word that does not report plain-text controls: refused, told to move the cursor, nothing changed', async () => {
    const c = control('PlainText', '姓名');
    doc.selection = inside([c]);
    doc.plainTextControlsVisible = false;
    const e = await rejection(insertAtSelection(textOnly));
    expect(e).toMatchObject({ problem: 'host', code: 'GeneralException' });
    const text = problemText(zhCN.ui, e);
    expect(text).toContain('纯文本内容控件');
    expect(text).toContain('GeneralException');
    expect(doc.insertions).toEqual([]);
    expect(c.text).toBe('姓名');
  });
});

describe('when Word says no', () => {
  it('a read-only or protected document: the Chinese message, the code kept', async () => {
    doc.readOnly = true;
    doc.selection = selection('text');
    const e = await rejection(insertAtSelection(textOnly));
    expect(e).toMatchObject({ problem: 'readOnly', code: 'AccessDenied' });
    const text = problemText(zhCN.ui, e);
    expect(text).toContain('文档为只读或受保护');
    expect(text).toContain('AccessDenied');
    expect(text).not.toContain('You cannot perform');
    expect(problemText(enUS.ui, e)).toContain('read-only');
    expect(doc.insertions).toEqual([]);
  });

  it('NotAllowed (restricted editing, a locked content control) reads the same', async () => {
    doc.failNextInsert = { code: 'NotAllowed', message: 'The action isn’t allowed.' };
    const e = await rejection(insertAtSelection(textOnly));
    expect(problemText(zhCN.ui, e)).toContain('文档为只读或受保护');
  });

  it('without WordApi 1.3: nothing is tried, and the message says why', async () => {
    doc.supportUpTo('1.2');
    const e = await rejection(insertAtSelection(textOnly));
    expect(e).toMatchObject({ problem: 'apiMissing' });
    const text = problemText(zhCN.ui, e);
    expect(text).toContain('WordApi 1.3');
    expect(text).toContain('判断光标是否在表格中');
    expect(doc.syncs).toBe(0);
    expect(doc.insertions).toEqual([]);
  });

  it('a Word that claims 1.3 but lacks a member (ApiNotFound): the same message', async () => {
    const claims = doc.isSetSupported.bind(doc);
    doc.supportUpTo('1.2');
    (globalThis as { Office: { context: { requirements: unknown } } }).Office.context.requirements =
      { isSetSupported: (n: string, v: string) => v === '1.3' || claims(n, v) };
    const e = await rejection(insertAtSelection(textOnly));
    expect(e).toMatchObject({ problem: 'apiMissing', code: 'ApiNotFound' });
    expect(problemText(zhCN.ui, e)).toContain('WordApi 1.3');
  });

  it('any other RichApi error (GeneralException, as Word desktop gives in viewing mode): the code in the details, not Word’s English', async () => {
    doc.failNextInsert = { code: 'GeneralException', message: 'internal error' };
    const e = await rejection(insertAtSelection(textOnly));
    const text = problemText(zhCN.ui, e);
    expect(text).toMatch(/^Word 未能插入内容/);
    expect(text).toContain('GeneralException');
    // Word's own message is not for users: the code is kept, the English is not shown.
    expect(text).not.toContain('internal error');
  });

  it('a request too big for Word on the web: says to leave the tables out', async () => {
    doc.failNextInsert = { code: 'RequestPayloadSizeLimitExceeded', message: 'too big' };
    const e = await rejection(insertAtSelection(withTables));
    expect(problemText(zhCN.ui, e)).toContain('同时插入附件表格');
  });

  it('anything else that fails is the generic message', () => {
    expect(problemText(zhCN.ui, new Error('坏了'))).toBe(zhCN.ui.failed('坏了'));
  });
});

/** Every w:r of a flat OPC package, parsed: its rFonts attributes and whether it is in a cell. */
function runs(xml: string): { fonts: Record<string, string> | null; inCell: boolean }[] {
  const out: { fonts: Record<string, string> | null; inCell: boolean }[] = [];
  const stack: string[] = [];
  const parser = new SaxesParser();
  parser.on('error', (e) => {
    throw e;
  });
  parser.on('opentag', (tag) => {
    const attributes = tag.attributes as Record<string, string>;
    if (tag.name === 'w:r') out.push({ fonts: null, inCell: stack.includes('w:tc') });
    const run = stack.includes('w:r') ? out[out.length - 1] : undefined;
    if (run && tag.name === 'w:rFonts' && stack[stack.length - 1] === 'w:rPr')
      run.fonts = attributes;
    if (!tag.isSelfClosing) stack.push(tag.name);
  });
  parser.on('closetag', (tag) => {
    if (!tag.isSelfClosing) stack.pop();
  });
  parser.write(xml).close();
  return out;
}

describe('East Asian fonts reach Word', () => {
  it('every run of the inserted package (body text, headings, table cells) names its East Asian font', async () => {
    await insertAtSelection(withTables);
    const all = runs(doc.insertions[0]!.ooxml);
    expect(all.length).toBeGreaterThan(1000);
    expect(all.filter((r) => r.inCell).length).toBeGreaterThan(500);
    for (const run of all) {
      expect(run.fonts).not.toBeNull();
      expect(run.fonts!['w:eastAsia']).toMatch(/\S/);
      expect(run.fonts!['w:hint']).toBe('eastAsia');
    }
    // The body's and the tables' fonts both arrive (first choice of each list).
    const names = new Set(all.map((r) => r.fonts!['w:eastAsia']));
    expect([...names]).toEqual(expect.arrayContaining([fonts.body[0], fonts.song[0]]));
  });
});

/** A flat OPC package's parts: name → content type, and the XML or base64 it carries. */
function flatParts(ooxml: string): Map<string, { type: string; xml?: string; base64?: string }> {
  const parts = new Map<string, { type: string; xml?: string; base64?: string }>();
  for (const m of ooxml.matchAll(
    /<pkg:part pkg:name="([^"]+)" pkg:contentType="([^"]+)"[^>]*>([\s\S]*?)<\/pkg:part>/g,
  )) {
    const xml = /^<pkg:xmlData>([\s\S]*)<\/pkg:xmlData>$/.exec(m[3]!)?.[1];
    const base64 = /^<pkg:binaryData>([\s\S]*)<\/pkg:binaryData>$/.exec(m[3]!)?.[1];
    parts.set(m[1]!, { type: m[2]!, xml, base64 });
  }
  return parts;
}

function wellFormed(xml: string): void {
  const parser = new SaxesParser();
  parser.on('error', (e) => {
    throw e;
  });
  parser.write(xml).close();
}

describe('figures in 插入到文档', () => {
  const blocks = narrativeBlocks(narrativeText(narrative), undefined, narrative.charts);
  const charts = blocks.flatMap((b) => (b.kind === 'figure' ? [b.chart] : []));
  // Any PNG will do for the package's structure: a white 4×3 one (no Chinese font needed).
  const white = () => Promise.resolve(encodePng(new Uint8Array(4 * 3 * 4).fill(255), 4, 3));

  it('every figure the text names is a picture whose relationships resolve to image parts in the package', async () => {
    expect(charts.length).toBeGreaterThanOrEqual(5);
    const figures = await renderFigures(charts, white);
    await insertAtSelection(await blocksToFlatOpcWithFigures(blocks, fonts, figures));
    const ooxml = doc.insertions[0]!.ooxml;
    wellFormed(ooxml);
    const parts = flatParts(ooxml);
    const main = parts.get('/word/document.xml')!.xml!;
    // One picture per figure, each followed by its caption; no “could not be drawn” line.
    expect(main.match(/<w:drawing>/g)).toHaveLength(charts.length);
    const texts = paragraphs(ooxml).map((p) => p.text);
    expect(texts).not.toContain(FIGURE_MISSING);
    charts.forEach((c, i) => expect(texts).toContain(`图${i + 1} ${c.title}`));

    // Every r:embed of the body names a relationship of the main part, whose target is a part
    // of the package with the image's bytes: the PNG (a:blip) and the SVG (asvg:svgBlip).
    const rels = parts.get('/word/_rels/document.xml.rels');
    expect(rels?.type).toBe('application/vnd.openxmlformats-package.relationships+xml');
    const targets = new Map(
      [
        ...rels!.xml!.matchAll(/<Relationship Id="([^"]+)" Type="([^"]+)" Target="([^"]+)"\/>/g),
      ].map((m) => [m[1]!, { type: m[2]!, target: m[3]! }] as const),
    );
    const embeds = [...main.matchAll(/<(a:blip|asvg:svgBlip)\b[^>]*\sr:embed="([^"]+)"/g)];
    expect(embeds.filter((m) => m[1] === 'a:blip')).toHaveLength(charts.length);
    expect(embeds.filter((m) => m[1] === 'asvg:svgBlip')).toHaveLength(charts.length);
    for (const [, kind, id] of embeds) {
      const rel = targets.get(id!);
      expect(rel, id).toBeDefined();
      expect(rel!.type).toBe(
        'http://schemas.openxmlformats.org/officeDocument/2006/relationships/image',
      );
      const part = parts.get(`/word/${rel!.target}`);
      expect(part?.base64, rel!.target).toBeDefined();
      const bytes = Buffer.from(part!.base64!, 'base64');
      if (kind === 'a:blip') {
        expect(part!.type).toBe('image/png');
        expect([...bytes.subarray(1, 4)].map((b) => String.fromCharCode(b)).join('')).toBe('PNG');
      } else {
        expect(part!.type).toBe('image/svg+xml');
        expect(bytes.toString('utf8')).toMatch(/^<svg\b/);
      }
    }
    // No relationship or part the body does not use (the same picture twice is one part: here
    // every PNG is the same white one).
    const used = new Set(embeds.map((m) => m[2]));
    expect(targets.size).toBe(used.size);
    expect(parts.size).toBe(3 + used.size);
  });

  it('a figure the user deleted from the text is not inserted; without figures, no image part', async () => {
    const edited = narrativeText(narrative).replace(`【图：${charts[0]!.title}】`, '');
    const fewer = narrativeBlocks(edited, undefined, narrative.charts);
    const figures = await renderFigures(charts, white);
    const ooxml = await blocksToFlatOpcWithFigures(fewer, fonts, figures);
    expect(ooxml.match(/<w:drawing>/g)).toHaveLength(charts.length - 1);
    const plain = await blocksToFlatOpcWithFigures(
      narrativeBlocks(narrativeText(narrative)),
      fonts,
    );
    expect(plain).not.toContain('<w:drawing>');
    expect([...flatParts(plain).keys()]).toEqual(['/_rels/.rels', '/word/document.xml']);
  });

  it.skipIf(findCjkFont() === null)(
    'drawn for real, with the attachment tables, the request stays well under Word on the web’s 5 MB',
    async () => {
      const figures = await renderFigures(charts, await createNodeRasterizer());
      const ooxml = await blocksToFlatOpcWithFigures(
        [...blocks, ...attachmentBlocks(buildReport(analysis, narrative))],
        fonts,
        figures,
      );
      await insertAtSelection(ooxml);
      const mb = doc.requestBytes.at(-1)! / 2 ** 20;
      console.log(`插入到文档 with ${charts.length} figures and the tables: ${mb.toFixed(2)} MB`);
      expect(mb).toBeLessThan(2.5);
    },
    60_000,
  );
});
