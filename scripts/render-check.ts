/**
 * For looking at what Tongbao makes: turns out/annotated.xlsx into a print-friendly copy
 * (each sheet one page wide, landscape) and both it and out/bulletin.docx into PNG pages
 * under out/render/ (LibreOffice → PDF → pdftoppm). Run after `npm run demo`.
 */
import ExcelJS from 'exceljs';
import { execFileSync } from 'node:child_process';
import { mkdirSync } from 'node:fs';

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
for (const file of ['out/bulletin.docx', 'out/render/annotated-print.xlsx']) {
  execFileSync('soffice', ['--headless', '--convert-to', 'pdf', '--outdir', 'out/render', file], {
    stdio: 'ignore',
  });
}
execFileSync('pdftoppm', ['-png', '-r', '70', 'out/render/bulletin.pdf', 'out/render/bulletin']);
execFileSync('pdftoppm', [
  '-png',
  '-r',
  '70',
  'out/render/annotated-print.pdf',
  'out/render/annotated',
]);
console.log('pages in out/render/');
