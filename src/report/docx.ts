import {
  AlignmentType,
  BorderStyle,
  Document,
  Footer,
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
import type { ReportFonts } from '../core/settings';
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

type Role = 'title' | 'body' | 'heading1' | 'heading2' | 'song';

/** Every run names its East Asian font (w:eastAsia + the eastAsia hint), or Word picks a Japanese one. */
function run(
  text: string,
  fonts: ReportFonts,
  role: Role,
  size: number,
  extra: { bold?: boolean; color?: string } = {},
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

function para(
  text: string,
  fonts: ReportFonts,
  role: Role,
  options: Partial<IParagraphOptions> & { size?: number; bold?: boolean } = {},
): Paragraph {
  const { size = BODY_SIZE, bold, ...rest } = options;
  return new Paragraph({
    spacing: { line: LINE, lineRule: LineRuleType.EXACT },
    ...rest,
    children: [run(text, fonts, role, size, bold ? { bold } : {})],
  });
}

function blockParagraphs(block: Block, fonts: ReportFonts, width: number): (Paragraph | Table)[] {
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
    case 'heading1':
      return [para(block.text, fonts, 'heading1', { indent: INDENT_2_CHARS })];
    case 'heading2':
      return [para(block.text, fonts, 'heading2', { indent: INDENT_2_CHARS })];
    case 'heading3':
    case 'paragraph':
      return [
        para(block.text, fonts, 'body', {
          indent: INDENT_2_CHARS,
          alignment: AlignmentType.JUSTIFIED,
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
      return [para(block.text, fonts, 'heading1', { alignment: AlignmentType.LEFT })];
    case 'tableTitle':
      return [
        para(block.text, fonts, 'title', {
          size: 36,
          alignment: AlignmentType.CENTER,
          spacing: { line: 640, lineRule: LineRuleType.EXACT, after: 200 },
        }),
      ];
    case 'tableCaption':
      return [
        para(block.text, fonts, 'heading2', {
          size: 28,
          spacing: { line: 480, lineRule: LineRuleType.EXACT, before: 120 },
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

function section(s: ReportSection, fonts: ReportFonts) {
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
    children: s.blocks.flatMap((b) => blockParagraphs(b, fonts, textWidth)),
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

export function toDocument(model: ReportModel, fonts: ReportFonts): Document {
  return new Document({
    title: xmlSafe(model.title),
    creator: 'Tongbao',
    evenAndOddHeaderAndFooters: true,
    sections: model.sections.map((s) => section(s, fonts)),
  });
}

/** The report as .docx bytes (Node and browsers alike). */
export async function packDocx(model: ReportModel, fonts: ReportFonts): Promise<Uint8Array> {
  return Packer.pack(toDocument(model, fonts), 'uint8array', false, [
    { path: 'word/fontTable.xml', data: fontTableXml(fonts) },
  ]);
}
