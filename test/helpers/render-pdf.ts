/**
 * The printed bulletin as a reader sees it: the .docx rendered by LibreOffice to PDF, read back
 * page by page with poppler (pdftotext -bbox-layout for the text lines and where they sit,
 * pdftohtml -xml for where the pictures are).
 *
 * The bulletin's fonts (仿宋_GB2312, 黑体, 楷体_GB2312, 方正小标宋简体, 宋体) are not on a Linux
 * machine; a fontconfig file of our own maps them to Noto CJK (same one-em CJK advance, and the
 * lines are exact 29 pt, so the pages break where they would with the real fonts). LibreOffice
 * runs with its own profile directory, so parallel runs do not share (or lock) one.
 */
import { execFile } from 'node:child_process';
import { existsSync } from 'node:fs';
import { mkdir, readFile, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { promisify } from 'node:util';
import { renderFigures } from '../../src/charts/figures';
import { createNodeRasterizer, NO_CJK_FONT } from '../../src/charts/raster-node';
import { analyzeWorkbook } from '../../src/evaluation/analyze';
import { readWorkbookGrids } from '../../src/io/xlsx-read';
import { buildNarrative } from '../../src/narrative/build';
import { packDocx, PAGE } from '../../src/report/docx';
import { buildReport, type ReportModel } from '../../src/report/model';

const run = promisify(execFile);

/** The families the bulletin names, each with the installed face that stands in for it. */
const STAND_INS: readonly (readonly [string, string])[] = [
  ['仿宋_GB2312', 'Noto Serif CJK SC'],
  ['仿宋', 'Noto Serif CJK SC'],
  ['FangSong', 'Noto Serif CJK SC'],
  ['宋体', 'Noto Serif CJK SC'],
  ['SimSun', 'Noto Serif CJK SC'],
  ['方正小标宋简体', 'Noto Serif CJK SC'],
  ['华文中宋', 'Noto Serif CJK SC'],
  ['楷体_GB2312', 'Noto Serif CJK SC'],
  ['楷体', 'Noto Serif CJK SC'],
  ['黑体', 'Noto Sans CJK SC'],
  ['SimHei', 'Noto Sans CJK SC'],
];

function fontsConf(): string {
  const aliases = STAND_INS.map(
    ([family, face]) =>
      `<match target="pattern"><test qual="any" name="family"><string>${family}</string></test>` +
      `<edit name="family" mode="assign" binding="strong"><string>${face}</string></edit></match>`,
  ).join('\n');
  return `<?xml version="1.0"?>
<!DOCTYPE fontconfig SYSTEM "fonts.dtd">
<fontconfig>
<include ignore_missing="yes">/etc/fonts/fonts.conf</include>
${aliases}
</fontconfig>
`;
}

/** Whether LibreOffice and poppler are here (the render tests skip, saying so, when not). */
export function renderToolsMissing(): string | null {
  const dirs = (process.env.PATH ?? '').split(':');
  const missing = ['soffice', 'pdftotext', 'pdftohtml', 'pdftoppm'].filter(
    (tool) => !dirs.some((d) => d && existsSync(join(d, tool))),
  );
  return missing.length > 0 ? missing.join(', ') : null;
}

/** The environment LibreOffice and poppler run in: our font map on top of the system's. */
async function renderEnv(dir: string): Promise<NodeJS.ProcessEnv> {
  const conf = join(dir, 'fonts.conf');
  await writeFile(conf, fontsConf());
  return { ...process.env, FONTCONFIG_FILE: conf, HOME: dir };
}

/** Renders `docx` (written into `dir`) to a PDF there; returns the PDF's path. */
export async function docxToPdf(docx: Uint8Array, dir: string, name = 'bulletin'): Promise<string> {
  await mkdir(join(dir, 'profile'), { recursive: true });
  const file = join(dir, `${name}.docx`);
  await writeFile(file, docx);
  const env = await renderEnv(dir);
  await run(
    'soffice',
    [
      `-env:UserInstallation=file://${join(dir, 'profile')}`,
      '--headless',
      '--norestore',
      '--convert-to',
      'pdf',
      '--outdir',
      dir,
      file,
    ],
    { env, timeout: 180_000 },
  );
  const pdf = join(dir, `${name}.pdf`);
  if (!existsSync(pdf)) throw new Error(`LibreOffice wrote no PDF for ${file}`);
  return pdf;
}

/** A line of text on a page, in points from the page's top-left corner. */
export interface PdfLine {
  readonly text: string;
  readonly yMin: number;
  readonly yMax: number;
  readonly xMin: number;
  readonly xMax: number;
}

/** A picture on a page, in points from the page's top-left corner. */
export interface PdfImage {
  readonly top: number;
  readonly bottom: number;
}

export interface PdfPage {
  /** 1-based. */
  readonly number: number;
  readonly width: number;
  readonly height: number;
  /** Text lines top to bottom (the page number in the footer included). */
  readonly lines: readonly PdfLine[];
  /** The pictures, top to bottom. */
  readonly images: readonly PdfImage[];
}

const decode = (s: string) =>
  s
    .replace(/&lt;/g, '<')
    .replace(/&gt;/g, '>')
    .replace(/&quot;/g, '"')
    .replace(/&apos;/g, "'")
    .replace(/&amp;/g, '&');

/**
 * The pages of a PDF: their text lines (pdftotext -bbox-layout) and pictures (pdftohtml -xml at
 * zoom 1, whose coordinates are points; it writes the pictures out too, into `dir`).
 */
export async function readPdfPages(pdf: string, dir: string): Promise<PdfPage[]> {
  const html = (await run('pdftotext', ['-bbox-layout', pdf, '-'], { maxBuffer: 64 << 20 })).stdout;
  await mkdir(join(dir, 'pictures'), { recursive: true });
  const xml = join(dir, 'pictures', 'pages');
  await run('pdftohtml', ['-xml', '-q', '-zoom', '1', pdf, xml]);
  const images = new Map<number, PdfImage[]>();
  for (const p of (await readFile(`${xml}.xml`, 'utf8')).matchAll(
    /<page number="(\d+)"[^>]*>([\s\S]*?)<\/page>/g,
  )) {
    const list = [
      ...p[2]!.matchAll(/<image top="([\d.]+)" left="[\d.]+" width="[\d.]+" height="([\d.]+)"/g),
    ]
      .map((m) => ({ top: Number(m[1]), bottom: Number(m[1]) + Number(m[2]) }))
      .sort((a, b) => a.top - b.top);
    images.set(Number(p[1]), list);
  }
  const pages: PdfPage[] = [];
  for (const m of html.matchAll(/<page width="([\d.]+)" height="([\d.]+)">([\s\S]*?)<\/page>/g)) {
    const lines: PdfLine[] = [];
    for (const l of m[3]!.matchAll(
      /<line xMin="([\d.]+)" yMin="([\d.]+)" xMax="([\d.]+)" yMax="([\d.]+)">([\s\S]*?)<\/line>/g,
    )) {
      const words = [...l[5]!.matchAll(/<word [^>]*>([^<]*)<\/word>/g)].map((w) => decode(w[1]!));
      lines.push({
        text: words.join(' '),
        xMin: Number(l[1]),
        yMin: Number(l[2]),
        xMax: Number(l[3]),
        yMax: Number(l[4]),
      });
    }
    lines.sort((a, b) => a.yMin - b.yMin || a.xMin - b.xMin);
    const number = pages.length + 1;
    pages.push({
      number,
      width: Number(m[1]),
      height: Number(m[2]),
      lines,
      images: images.get(number) ?? [],
    });
  }
  return pages;
}

/** Page images (PNG) of a PDF, `prefix-N.png`, at `dpi`. */
export async function pdfToPngs(pdf: string, prefix: string, dpi = 50): Promise<void> {
  await run('pdftoppm', ['-png', '-r', String(dpi), pdf, prefix]);
}

/** The text block's top and bottom margins in points (GB/T 9704: 37 and 35 mm; landscape too). */
const TOP = PAGE.margin.top / 20;
const BOTTOM = PAGE.margin.bottom / 20;

/** The page's text lines inside the text block: the page number below it left out. */
export function bodyLines(page: PdfPage): PdfLine[] {
  return page.lines.filter((l) => l.yMin < page.height - BOTTOM);
}

/**
 * How far down the text block the page is filled, 0–1: the foot of its lowest line or picture,
 * measured from the top margin, over the text block's height.
 */
export function pageFill(page: PdfPage): number {
  const feet = [...bodyLines(page).map((l) => l.yMax), ...page.images.map((i) => i.bottom)];
  if (feet.length === 0) return 0;
  return (Math.max(...feet) - TOP) / (page.height - TOP - BOTTOM);
}

/** Text without the spaces pdftotext puts between words (“图 1 诉求件…”, “12345 平台”). */
export const squeeze = (s: string) => s.replace(/\s+/g, '');

/**
 * The sample bulletin as `npm run demo` writes it (August 2017 against July, with the figures
 * drawn as the CLI draws them for --docx), and its model.
 */
export async function sampleBulletin(): Promise<{ model: ReportModel; docx: Uint8Array }> {
  const read = async (file: string) =>
    analyzeWorkbook(await readWorkbookGrids(await readFile(file)));
  const current = await read('samples/2017-08.xlsx');
  const previous = await read('samples/2017-07.xlsx');
  const model = buildReport(current, buildNarrative(current, previous));
  const rasterize = await createNodeRasterizer();
  if (rasterize === null) throw new Error(`no Chinese font for the figures: ${NO_CJK_FONT}`);
  const figures = await renderFigures(model, rasterize);
  return { model, docx: await packDocx(model, current.settings.report.fonts, figures) };
}
