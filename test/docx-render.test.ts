import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Block, ReportModel } from '../src/report/model';
import { docxParts } from './helpers/docx-xml';
import {
  bodyLines,
  docxToPdf,
  pageFill,
  readPdfPages,
  renderToolsMissing,
  sampleBulletin,
  squeeze,
  type PdfPage,
} from './helpers/render-pdf';

/**
 * The printed bulletin, page by page: the sample's .docx (with its eight figures) rendered by
 * LibreOffice, and read back from the PDF. What a reader of the printout would see wrong:
 * a caption “图N” on another page than its picture, a heading as the last line of a page (its
 * text on the next), a page left half empty in the middle of the body.
 */

const HEADINGS: ReadonlySet<Block['kind']> = new Set([
  'heading1',
  'heading2',
  'heading3',
  'attachmentLabel',
  'tableTitle',
  'tableCaption',
]);

const headingTexts = (blocks: readonly Block[]): string[] =>
  blocks.flatMap((b) => (HEADINGS.has(b.kind) && 'text' in b ? [squeeze(b.text)] : []));

/** Each section's pages: an attachment starts on the page whose first line is its label. */
function sectionPages(model: ReportModel, pages: readonly PdfPage[]): PdfPage[][] {
  const starts = model.sections.map((s, i) => {
    if (i === 0) return 0;
    const first = s.blocks[0]!;
    const label = squeeze('text' in first ? first.text : '');
    const at = pages.findIndex((p) => squeeze(bodyLines(p)[0]?.text ?? '') === label);
    if (at < 0) throw new Error(`no page starts with section ${i + 1}’s “${label}”`);
    return at;
  });
  return starts.map((start, i) => pages.slice(start, starts[i + 1] ?? pages.length));
}

/** Captions not on the page of their picture, or not right under it. */
function captionProblems(model: ReportModel, pages: readonly PdfPage[]): string[] {
  const captions = model.sections.flatMap((s) =>
    s.blocks.flatMap((b) => (b.kind === 'figure' ? [squeeze(b.caption)] : [])),
  );
  const pictures = pages.flatMap((p) => p.images.map((image) => ({ page: p, image })));
  const problems: string[] = [];
  if (pictures.length !== captions.length)
    problems.push(`${captions.length} figures, ${pictures.length} pictures in the PDF`);
  captions.forEach((caption, i) => {
    const page = pages.find((p) => bodyLines(p).some((l) => squeeze(l.text) === caption));
    const picture = pictures[i];
    if (!page || !picture) return problems.push(`${caption}: not found`);
    if (page !== picture.page)
      return problems.push(
        `${caption}: caption on page ${page.number}, picture on page ${picture.page.number}`,
      );
    const line = bodyLines(page).find((l) => squeeze(l.text) === caption)!;
    const gap = line.yMin - picture.image.bottom;
    if (gap < -1 || gap > 30)
      problems.push(`${caption}: ${gap.toFixed(0)} pt below its picture on page ${page.number}`);
  });
  return problems;
}

/** Pages whose last line is a heading (or the first line of one). */
function headingProblems(model: ReportModel, sections: readonly PdfPage[][]): string[] {
  const problems: string[] = [];
  sections.forEach((pages, i) => {
    const headings = headingTexts(model.sections[i]!.blocks);
    for (const page of pages) {
      const lines = bodyLines(page).map((l) => squeeze(l.text));
      const last = lines.at(-1) ?? '';
      const tail = lines.join('');
      const h = headings.find((h) => tail.endsWith(h) || (last.length >= 2 && h.startsWith(last)));
      if (h) problems.push(`page ${page.number} ends with the heading “${h}”`);
    }
  });
  return problems;
}

/** Pages under half full that are not the last of their section (a required page break). */
function fillProblems(sections: readonly PdfPage[][]): string[] {
  return sections.flatMap((pages) =>
    pages
      .slice(0, -1)
      .filter((p) => pageFill(p) < 0.5)
      .map((p) => `page ${p.number} is ${Math.round(pageFill(p) * 100)}% full`),
  );
}

// The checks themselves, on pages made up for them: each finds what it is for.
describe('the page checks', () => {
  const line = (text: string, y: number) => ({ text, yMin: y, yMax: y + 16, xMin: 90, xMax: 500 });
  const page = (number: number, lines: ReturnType<typeof line>[], images: number[] = []) => ({
    number,
    width: 595,
    height: 842,
    lines: [...lines, line(`— ${number} —`, 760)],
    images: images.map((top) => ({ top, bottom: top + 200 })),
  });
  const figure = {
    kind: 'figure',
    caption: '图1 事件分类占比',
    chart: {},
  } as unknown as Block;
  const model: ReportModel = {
    title: 't',
    sections: [
      {
        orientation: 'portrait',
        blocks: [{ kind: 'heading2', text: '（二）数字城管系统运行情况' }, figure],
      },
      { orientation: 'landscape', blocks: [{ kind: 'attachmentLabel', text: '附件1' }] },
    ],
  };

  it('finds a caption on the page after its picture, or far below it', () => {
    const apart = [page(1, [line('正文', 110)], [500]), page(2, [line('图 1 事件分类占比', 110)])];
    expect(captionProblems(model, apart)).toEqual([
      '图1事件分类占比: caption on page 2, picture on page 1',
    ]);
    const far = [page(1, [line('图 1 事件分类占比', 600)], [110])];
    expect(captionProblems(model, far)).toEqual([
      '图1事件分类占比: 290 pt below its picture on page 1',
    ]);
    const together = [page(1, [line('图 1 事件分类占比', 312)], [110])];
    expect(captionProblems(model, together)).toEqual([]);
  });

  it('finds a heading as the last line of a page, whole or its first line', () => {
    const pages = [
      page(1, [line('正文', 110), line('（二）数字城管系统运行情况', 700)]),
      page(2, [line('正文', 110), line('（二）数字城管系统', 700)]),
      page(3, [line('（二）数字城管系统运行情况', 110), line('8 月份，数字城管系统', 700)]),
      page(4, [line('附件 1', 110), line('表', 200)]),
    ];
    const sections = sectionPages(model, pages);
    expect(sections.map((s) => s.map((p) => p.number))).toEqual([[1, 2, 3], [4]]);
    expect(headingProblems(model, sections)).toEqual([
      'page 1 ends with the heading “（二）数字城管系统运行情况”',
      'page 2 ends with the heading “（二）数字城管系统运行情况”',
    ]);
  });

  it('finds a half-empty page inside a section, not at its end', () => {
    const pages = [
      page(1, [line('正文', 110), line('正文', 300)]), // 300 + 16 pt: under half
      page(2, [line('正文', 110)], [300]), // its picture reaches 500 pt: over half
      page(3, [line('正文', 110)]), // the section's last page
      page(4, [line('附件 1', 110)]),
    ];
    expect(fillProblems(sectionPages(model, pages))).toEqual(['page 1 is 33% full']);
  });
});

/**
 * What the .docx asks of the layout: keep-with-next runs from headings to the first paragraph
 * (or table) under them, and from a picture to its caption; nothing longer (a chain of
 * heading + paragraph + picture + caption moved as one block and left pages two-thirds empty).
 */
let built: ReturnType<typeof sampleBulletin> | undefined;
const bulletin = () => (built ??= sampleBulletin());

describe('keep-with-next in the sample bulletin’s .docx', () => {
  it('keeps headings with their first paragraph and pictures with their captions, no more', async () => {
    const { model, docx } = await bulletin();
    const doc = (await docxParts(docx))['word/document.xml']!;
    const headings = new Set(model.sections.flatMap((s) => headingTexts(s.blocks)));
    const signature = model.sections[0]!.blocks.find((b) => b.kind === 'signature')!;
    const issuer = squeeze(signature.kind === 'signature' ? signature.issuer : '');
    const elements = [...doc.matchAll(/<w:tbl>[\s\S]*?<\/w:tbl>|<w:p[ >][\s\S]*?<\/w:p>/g)].map(
      (m) => {
        const xml = m[0];
        const text = squeeze(
          [...xml.matchAll(/<w:t(?: [^>]*)?>([^<]*)<\/w:t>/g)].map((t) => t[1]).join(''),
        );
        const kind = xml.startsWith('<w:tbl>')
          ? 'table'
          : xml.includes('<w:drawing>')
            ? 'picture'
            : headings.has(text)
              ? 'heading'
              : /^图\d+/.test(text)
                ? 'caption'
                : text === issuer
                  ? 'issuer'
                  : 'text';
        const keep = !xml.startsWith('<w:tbl>') && /<w:keepNext\/>/.test(xml);
        return { kind, keep, text };
      },
    );
    const chains: string[][] = [];
    let chain: string[] = [];
    for (const e of elements) {
      chain.push(e.kind);
      if (!e.keep) {
        if (chain.length > 1) chains.push(chain);
        chain = [];
      }
    }
    expect(chains.length).toBeGreaterThan(20);
    const allowed = /^(heading )+(text|table|picture caption)$|^picture caption$|^issuer text$/;
    for (const c of chains) expect(c.join(' ')).toMatch(allowed);
    // every picture is in a chain with its caption
    const pictures = elements.filter((e) => e.kind === 'picture');
    expect(pictures).toHaveLength(8);
    expect(pictures.every((p) => p.keep)).toBe(true);
  });

  it('makes no picture taller than 19 cm, so that it fits on a page with its caption', async () => {
    const doc = (await docxParts((await bulletin()).docx))['word/document.xml']!;
    const CM = 360_000; // EMU
    const sizes = [...doc.matchAll(/<wp:extent cx="(\d+)" cy="(\d+)"\/>/g)].map((m) => ({
      cx: Number(m[1]) / CM,
      cy: Number(m[2]) / CM,
    }));
    expect(sizes).toHaveLength(8);
    for (const { cx, cy } of sizes) {
      expect(cx).toBeLessThanOrEqual(15.0001);
      expect(cy).toBeLessThanOrEqual(19.0001);
    }
    // 图8, a bar for every 市直单位 (23 cm high at 15 cm wide), is drawn 19 cm high, narrower
    const tall = sizes.filter((s) => s.cx < 14.9);
    expect(tall).toHaveLength(1);
    expect(tall[0]!.cy).toBeCloseTo(19, 1);
  });
});

const missing = renderToolsMissing();
if (missing) console.warn(`docx-render: skipped, not installed here: ${missing}`);

describe.skipIf(missing !== null)('the sample bulletin as LibreOffice prints it', () => {
  let dir: string;
  let model: ReportModel;
  let pages: PdfPage[];
  let sections: PdfPage[][];

  beforeAll(async () => {
    dir = await mkdtemp(join(tmpdir(), 'tongbao-render-'));
    const sample = await bulletin();
    model = sample.model;
    pages = await readPdfPages(await docxToPdf(sample.docx, dir), dir);
    sections = sectionPages(model, pages);
  }, 240_000);

  afterAll(async () => {
    if (dir) await rm(dir, { recursive: true, force: true });
  });

  it('prints the body and both attachments, the 附件2 tables on landscape pages', () => {
    expect(sections).toHaveLength(3);
    for (const p of [...sections[0]!, ...sections[1]!]) expect(p.height).toBeGreaterThan(p.width);
    for (const p of sections[2]!) expect(p.width).toBeGreaterThan(p.height);
    // 19 pages as measured when this test was written: about 11 of body, 4 + 4 of tables
    expect(pages.length).toBeLessThanOrEqual(20);
  });

  it('puts every caption “图N” right under its picture, on the same page', () => {
    expect(captionProblems(model, pages)).toEqual([]);
  });

  it('ends no page with a heading', () => {
    expect(headingProblems(model, sections)).toEqual([]);
  });

  it('fills every page at least half, except the last before a section break', () => {
    expect(fillProblems(sections)).toEqual([]);
  });
});
