/**
 * For looking at what Tongbao makes: out/bulletin.docx rendered by LibreOffice (its Chinese
 * fonts mapped to Noto CJK by a fontconfig file, as test/docx-render.test.ts does) into PNG
 * pages under out/pages/ (50 dpi), with each page's fill printed; and out/annotated.xlsx as a
 * print-friendly copy (each sheet one page wide, landscape) into PNG pages under out/render/.
 * Run after `npm run demo`.
 */
import ExcelJS from 'exceljs';
import { execFileSync } from 'node:child_process';
import { mkdirSync, readFileSync, rmSync } from 'node:fs';
import { mkdtemp } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import {
  bodyLines,
  docxToPdf,
  pageFill,
  pdfToPngs,
  readPdfPages,
} from '../test/helpers/render-pdf';

const work = await mkdtemp(join(tmpdir(), 'tongbao-render-'));
try {
  rmSync('out/pages', { recursive: true, force: true });
  mkdirSync('out/pages', { recursive: true });
  const pdf = await docxToPdf(new Uint8Array(readFileSync('out/bulletin.docx')), work);
  execFileSync('cp', [pdf, 'out/pages/bulletin.pdf']);
  await pdfToPngs(pdf, 'out/pages/bulletin', 50);
  for (const page of await readPdfPages(pdf, work)) {
    const last = bodyLines(page).at(-1)?.text ?? '';
    const fill = `${Math.round(pageFill(page) * 100)}%`.padStart(4);
    const pictures = page.images.length > 0 ? ` ${page.images.length} 图` : '';
    console.log(`${String(page.number).padStart(3)} ${fill}${pictures}  …${last.slice(-24)}`);
  }

  mkdirSync('out/render', { recursive: true });
  const wb = new ExcelJS.Workbook();
  await wb.xlsx.readFile('out/annotated.xlsx');
  for (const ws of wb.worksheets) {
    ws.pageSetup = {
      ...ws.pageSetup,
      orientation: 'landscape',
      fitToPage: true,
      fitToWidth: 1,
      fitToHeight: 0,
      paperSize: 9,
    };
  }
  await wb.xlsx.writeFile('out/render/annotated-print.xlsx');
  execFileSync(
    'soffice',
    [
      `-env:UserInstallation=file://${join(work, 'profile')}`,
      '--headless',
      '--convert-to',
      'pdf',
      '--outdir',
      'out/render',
      'out/render/annotated-print.xlsx',
    ],
    { stdio: 'ignore' },
  );
  execFileSync('pdftoppm', [
    '-png',
    '-r',
    '70',
    'out/render/annotated-print.pdf',
    'out/render/annotated',
  ]);
  console.log('bulletin pages in out/pages/, workbook pages in out/render/');
} finally {
  rmSync(work, { recursive: true, force: true });
}
