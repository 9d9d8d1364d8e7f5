import {
  AlignmentType,
  BorderStyle,
  Document,
  Footer,
  ImageRun,
  LineRuleType,
  Packer,
  PageNumber,
  PageOrientation,
  Paragraph,
  ShadingType,
  Table,
  TableCell,
  TableRow,
  TextRun,
  VerticalAlignTable,
  WidthType,
  type IParagraphOptions,
} from 'docx';
import type { RenderedFigure, RenderedFigures } from '../charts/figures';
import type { ReportFonts } from '../settings/settings';
import { CHECK_MARK } from '../i18n/narrative';
import type { Block, ReportCell, ReportModel, ReportSection, ReportTable } from './model';
import { xmlSafe } from './xml-text';

/**
 * GB/T 9704-2012 as commonly applied: A4; margins 37 / 35 / 28 / 26 mm; 22 lines of 28
 * characters (3号 = 16 pt text on an exact 29 pt line); title 2号 (22 pt) 小标宋; headings
 * 一、黑体 and （一）楷体; page numbers “— 1 —” in 4号 宋体, odd pages right, even pages left.
 */
const MM = 1440 / 25.4; // twips per millimetre
export const PAGE = {
  width: 11906, // A4, twips
  height: 16838,
  margin: {
    top: Math.round(37 * MM),
    bottom: Math.round(35 * MM),
    left: Math.round(28 * MM),
    right: Math.round(26 * MM),
  },
};
export const BODY_SIZE = 32; // half-points: 16 pt, 3号
export const TITLE_SIZE = 44; // 22 pt, 2号
export const PAGE_NUMBER_SIZE = 28; // 14 pt, 4号
export const TABLE_SIZE = 18; // 9 pt in the attachment tables
export const LINE = 580; // exact 29 pt: 22 lines on the A4 text block
const INDENT_2_CHARS = { firstLineChars: 200, firstLine: 2 * 16 * 20 };
/** A heading, table caption or attachment label: on the page of what follows, in one piece. */
const HEADING_KEEP = { keepNext: true, keepLines: true } as const;

type Role = 'title' | 'body' | 'heading1' | 'heading2' | 'song';

/** Every run names its East Asian font (w:eastAsia + the eastAsia hint), or Word picks a Japanese one. */
function run(
  text: string,
  fonts: ReportFonts,
  role: Role,
  size: number,
  extra: { bold?: boolean; color?: string; highlight?: 'yellow' } = {},
): TextRun {
  return new TextRun({
    // Cell text may hold characters XML cannot: Word would refuse the whole document.
    text: xmlSafe(text),
    size,
    font: {
      ascii: fonts.latin,
      hAnsi: fonts.latin,
      cs: fonts.latin,
      eastAsia: fonts[role][0]!,
      hint: 'eastAsia',
    },
    ...extra,
  });
}

/**
 * [issue 16] Text with each “【请核对】” (a sentence built on a flagged figure) highlighted in
 * yellow, as a place to write is: the writer checks and deletes it before the bulletin goes out.
 */
function markedRuns(text: string, fonts: ReportFonts, role: Role, size: number): TextRun[] {
  const pieces = text.split(CHECK_MARK);
  return pieces.flatMap((piece, i) => [
    ...(piece === '' ? [] : [run(piece, fonts, role, size)]),
    ...(i < pieces.length - 1 ? [run(CHECK_MARK, fonts, role, size, { highlight: 'yellow' })] : []),
  ]);
}

function para(
  text: string,
  fonts: ReportFonts,
  role: Role,
  options: Partial<IParagraphOptions> & { size?: number; bold?: boolean; marks?: boolean } = {},
): Paragraph {
  const { size = BODY_SIZE, bold, marks, ...rest } = options;
  return new Paragraph({
    spacing: { line: LINE, lineRule: LineRuleType.EXACT },
    // No single line of a paragraph alone at the top or foot of a page (Word's Normal style
    // has this on; the document's own styles do not set it, so each paragraph says it).
    widowControl: true,
    ...rest,
    children:
      marks && text.includes(CHECK_MARK)
        ? markedRuns(text, fonts, role, size)
        : [run(text, fonts, role, size, bold ? { bold } : {})],
  });
}

/** Pictures are 15 cm wide (the text block is 15.6 cm), in the 96-per-inch pixels docx takes. */
export const FIGURE_WIDTH_CM = 15;
const FIGURE_WIDTH_PX = (FIGURE_WIDTH_CM / 2.54) * 96;
/**
 * At most 19 cm high, narrower if need be: the text block is 22.5 cm (297 − 37 − 35 mm), and a
 * picture with its caption (one 29 pt line) and their spacing must fit on one page — a taller
 * one runs into the margin and leaves its caption alone on the next page.
 */
export const FIGURE_MAX_HEIGHT_CM = 19;
const FIGURE_MAX_HEIGHT_PX = (FIGURE_MAX_HEIGHT_CM / 2.54) * 96;

/** The picture's size on the page, in docx pixels: 15 cm wide, or 19 cm high if that is less. */
export function figureSize(drawn: { width: number; height: number }): {
  width: number;
  height: number;
} {
  const scale = Math.min(FIGURE_WIDTH_PX / drawn.width, FIGURE_MAX_HEIGHT_PX / drawn.height);
  return { width: drawn.width * scale, height: drawn.height * scale };
}

/** Said in place of a picture that could not be drawn (no PNG: no Chinese font for it). */
export const FIGURE_MISSING = '（此处的图未能生成：本机缺少绘制图片所需的中文字体）';
/** Said in place of a picture that could not be drawn for another reason (`failed`). */
export const FIGURE_FAILED = '（此处的图未能绘制，已略去）';

/**
 * A chart: the picture centred, 15 cm wide, then its caption “图1 …” centred in the body font.
 * The picture is the SVG (asvg:svgBlip, drawn by Word 2016 and later) with the PNG as the
 * ordinary blip (what LibreOffice, WPS and older Word show). Its paragraph has single line
 * spacing — an exact 29 pt line would crop the picture to one line — and keeps with the caption
 * (keepNext, and keepLines on both): a caption never starts a page without its picture. The
 * keep-with-next chain stops at the caption, and the paragraph announcing the figure does not
 * join it: a chain of announcement + picture + caption pushed to the next page left pages up to
 * two-thirds empty.
 */
function figure(
  block: Extract<Block, { kind: 'figure' }>,
  fonts: ReportFonts,
  drawn: RenderedFigure | undefined,
): Paragraph[] {
  const caption = para(block.caption, fonts, 'body', {
    alignment: AlignmentType.CENTER,
    spacing: { line: LINE, lineRule: LineRuleType.EXACT, after: 160 },
    keepLines: true,
  });
  if (!drawn?.png) {
    return [
      para(drawn?.failed === undefined ? FIGURE_MISSING : FIGURE_FAILED, fonts, 'body', {
        alignment: AlignmentType.CENTER,
        keepNext: true,
        keepLines: true,
      }),
      caption,
    ];
  }
  const text = xmlSafe(block.caption);
  const picture = new ImageRun({
    type: 'svg',
    data: new TextEncoder().encode(drawn.svg),
    fallback: { type: 'png', data: drawn.png },
    transformation: figureSize(drawn),
    altText: { name: text, title: xmlSafe(block.chart.title), description: text },
  });
  return [
    new Paragraph({
      alignment: AlignmentType.CENTER,
      keepNext: true,
      keepLines: true,
      spacing: { before: 160, after: 60 },
      children: [picture],
    }),
    caption,
  ];
}

function blockParagraphs(
  block: Block,
  fonts: ReportFonts,
  width: number,
  figures: RenderedFigures | undefined,
): (Paragraph | Table)[] {
  switch (block.kind) {
    case 'title':
      return [
        para(block.text, fonts, 'title', {
          size: TITLE_SIZE,
          alignment: AlignmentType.CENTER,
          spacing: { line: 700, lineRule: LineRuleType.EXACT, after: LINE },
        }),
      ];
    case 'recipients':
      return [para(block.text, fonts, 'body')];
    // A heading never ends a page: it keeps with what it heads (the next heading, or the first
    // paragraph — at least two of its lines, by widow control), and is never split itself.
    // Nothing else keeps with what follows but a picture with its caption: a paragraph
    // announcing a figure (“…如下图所示”) may end a page, or chains of heading + paragraph +
    // picture would leave pages half empty.
    case 'heading1':
      return [para(block.text, fonts, 'heading1', { indent: INDENT_2_CHARS, ...HEADING_KEEP })];
    case 'heading2':
      return [para(block.text, fonts, 'heading2', { indent: INDENT_2_CHARS, ...HEADING_KEEP })];
    case 'heading3':
    case 'paragraph':
      return [
        para(block.text, fonts, 'body', {
          indent: INDENT_2_CHARS,
          alignment: AlignmentType.JUSTIFIED,
          ...(block.kind === 'heading3' ? HEADING_KEEP : { marks: true }),
        }),
      ];
    case 'attachments':
      return block.items.map((item, i) =>
        para(`${i === 0 ? '附件：' : ''}${i + 1}. ${item}`, fonts, 'body', {
          // Later items line up under the first one's text: 2 + 3 characters in.
          indent: i === 0 ? INDENT_2_CHARS : { left: 5 * 16 * 20 },
          spacing: { line: LINE, lineRule: LineRuleType.EXACT, before: i === 0 ? LINE : 0 },
        }),
      );
    case 'signature':
      return [
        para(block.issuer, fonts, 'body', {
          alignment: AlignmentType.RIGHT,
          indent: { right: 4 * 16 * 20 },
          spacing: { line: LINE, lineRule: LineRuleType.EXACT, before: 2 * LINE },
          // the issuer and the date are one signature: never a page apart
          ...(block.date ? { keepNext: true } : {}),
        }),
        ...(block.date
          ? [
              para(block.date, fonts, 'body', {
                alignment: AlignmentType.RIGHT,
                indent: { right: 4 * 16 * 20 },
              }),
            ]
          : []),
      ];
    case 'attachmentLabel':
      return [
        para(block.text, fonts, 'heading1', { alignment: AlignmentType.LEFT, ...HEADING_KEEP }),
      ];
    case 'tableTitle':
      return [
        para(block.text, fonts, 'title', {
          size: 36,
          alignment: AlignmentType.CENTER,
          spacing: { line: 640, lineRule: LineRuleType.EXACT, after: 200 },
          ...HEADING_KEEP,
        }),
      ];
    case 'tableCaption':
      return [
        para(block.text, fonts, 'heading2', {
          size: 28,
          spacing: { line: 480, lineRule: LineRuleType.EXACT, before: 120 },
          // with at least the first rows of its table (rows never split: cantSplit)
          ...HEADING_KEEP,
        }),
      ];
    case 'note':
      return [
        para(block.text, fonts, 'body', {
          size: 21,
          spacing: { line: 360, lineRule: LineRuleType.EXACT, before: 60 },
        }),
      ];
    case 'table':
      return [table(block.table, fonts, width)];
    case 'figure':
      return figure(block, fonts, figures?.get(block.chart.id));
    case 'placeholder':
      // Marked in yellow: a place the writer fills in before the bulletin goes out.
      return [
        new Paragraph({
          spacing: { line: LINE, lineRule: LineRuleType.EXACT },
          indent: INDENT_2_CHARS,
          children: [run(block.text, fonts, 'body', BODY_SIZE, { highlight: 'yellow' })],
        }),
      ];
  }
}

const BORDER = { style: BorderStyle.SINGLE, size: 4, color: '000000' };

function cell(c: ReportCell, fonts: ReportFonts, width: number): TableCell {
  return new TableCell({
    width: { size: width, type: WidthType.DXA },
    verticalAlign: VerticalAlignTable.CENTER,
    ...(c.colSpan && c.colSpan > 1 ? { columnSpan: c.colSpan } : {}),
    ...(c.rowSpan && c.rowSpan > 1 ? { rowSpan: c.rowSpan } : {}),
    ...(c.mismatch ? { shading: { type: ShadingType.CLEAR, color: 'auto', fill: 'FFC7CE' } } : {}),
    margins: { left: 40, right: 40, top: 20, bottom: 20 },
    children: [
      new Paragraph({
        alignment: c.align === 'left' ? AlignmentType.LEFT : AlignmentType.CENTER,
        children: [
          run(c.text, fonts, 'song', TABLE_SIZE, {
            bold: c.bold === true,
            ...(c.mismatch ? { color: '9C0006' } : {}),
          }),
        ],
      }),
    ],
  });
}

function table(t: ReportTable, fonts: ReportFonts, width: number): Table {
  const total = t.widths.reduce((a, b) => a + b, 0);
  const cols = t.widths.map((w) => Math.floor((w / total) * width));
  const spanWidth = (start: number, span: number) =>
    cols.slice(start, start + span).reduce((a, b) => a + b, 0);
  // Column positions under row spans from above, to give each cell its own width.
  const covered: number[] = new Array<number>(cols.length).fill(0);
  const makeRow = (cells: readonly ReportCell[], header: boolean) => {
    let col = 0;
    const out: TableCell[] = [];
    for (const c of cells) {
      while (col < cols.length && covered[col]! > 0) col++;
      const span = c.colSpan ?? 1;
      out.push(cell(c, fonts, spanWidth(col, span)));
      if ((c.rowSpan ?? 1) > 1) for (let k = col; k < col + span; k++) covered[k] = c.rowSpan!;
      col += span;
    }
    for (let k = 0; k < covered.length; k++) if (covered[k]! > 0) covered[k]!--;
    return new TableRow({ children: out, tableHeader: header, cantSplit: true });
  };
  return new Table({
    width: { size: width, type: WidthType.DXA },
    columnWidths: cols,
    borders: {
      top: BORDER,
      bottom: BORDER,
      left: BORDER,
      right: BORDER,
      insideHorizontal: BORDER,
      insideVertical: BORDER,
    },
    rows: [makeRow(t.header, true), ...t.rows.map((r) => makeRow(r, false))],
  });
}

function pageNumberFooter(fonts: ReportFonts, odd: boolean): Footer {
  return new Footer({
    children: [
      new Paragraph({
        alignment: odd ? AlignmentType.RIGHT : AlignmentType.LEFT,
        indent: odd ? { right: 16 * 20 } : { left: 16 * 20 },
        children: [
          new TextRun({
            children: ['— ', PageNumber.CURRENT, ' —'],
            size: PAGE_NUMBER_SIZE,
            font: {
              ascii: fonts.latin,
              hAnsi: fonts.latin,
              cs: fonts.latin,
              eastAsia: fonts.song[0]!,
              hint: 'eastAsia',
            },
          }),
        ],
      }),
    ],
  });
}

function section(s: ReportSection, fonts: ReportFonts, figures: RenderedFigures | undefined) {
  const landscape = s.orientation === 'landscape';
  const textWidth = (landscape ? PAGE.height : PAGE.width) - PAGE.margin.left - PAGE.margin.right;
  return {
    properties: {
      page: {
        size: {
          width: PAGE.width,
          height: PAGE.height,
          orientation: landscape ? PageOrientation.LANDSCAPE : PageOrientation.PORTRAIT,
        },
        margin: { ...PAGE.margin, footer: Math.round(28 * MM) - 567, header: 851 },
      },
    },
    footers: { default: pageNumberFooter(fonts, true), even: pageNumberFooter(fonts, false) },
    children: s.blocks.flatMap((b) => blockParagraphs(b, fonts, textWidth, figures)),
  };
}

/** The font table, naming each role's stand-ins (w:altName) for machines without the font. */
export function fontTableXml(fonts: ReportFonts): string {
  const seen = new Set<string>();
  const entries: string[] = [];
  for (const role of ['title', 'body', 'heading1', 'heading2', 'song'] as const) {
    const [name, ...alts] = fonts[role];
    if (!name || seen.has(name)) continue;
    seen.add(name);
    const alt = alts.length > 0 ? `<w:altName w:val="${escapeXml(alts.join(','))}"/>` : '';
    entries.push(
      `<w:font w:name="${escapeXml(name)}">${alt}<w:charset w:val="86"/><w:family w:val="auto"/><w:pitch w:val="variable"/></w:font>`,
    );
  }
  entries.push(
    `<w:font w:name="${escapeXml(fonts.latin)}"><w:charset w:val="00"/><w:family w:val="roman"/><w:pitch w:val="variable"/></w:font>`,
  );
  return `<?xml version="1.0" encoding="UTF-8" standalone="yes"?><w:fonts xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main">${entries.join('')}</w:fonts>`;
}

function escapeXml(s: string): string {
  return xmlSafe(s)
    .replace(/&/g, '&amp;')
    .replace(/</g, '&lt;')
    .replace(/>/g, '&gt;')
    .replace(/"/g, '&quot;');
}

export function toDocument(
  model: ReportModel,
  fonts: ReportFonts,
  figures?: RenderedFigures,
): Document {
  return new Document({
    title: xmlSafe(model.title),
    creator: 'Tongbao',
    evenAndOddHeaderAndFooters: true,
    sections: model.sections.map((s) => section(s, fonts, figures)),
  });
}

/**
 * The report as .docx bytes (Node and browsers alike). Figure blocks take their pictures from
 * `figures` (`renderFigures` in src/charts, run before packing); a figure without one is
 * written as a one-line note and its caption.
 */
export async function packDocx(
  model: ReportModel,
  fonts: ReportFonts,
  figures?: RenderedFigures,
): Promise<Uint8Array> {
  return Packer.pack(toDocument(model, fonts, figures), 'uint8array', false, [
    { path: 'word/fontTable.xml', data: fontTableXml(fonts) },
  ]);
}
