/**
 * For looking at the figures (`npx tsx scripts/figures-check.ts`): a short bulletin with the
 * four summary charts and the 综合指标值 charts (made-up figures, test/helpers/chart-fixtures),
 * and the sample workbook annotated with its chart sheet (written twice: the second run
 * replaces the sheet). Both go through LibreOffice (→ PDF → PNG pages, out/figures/) — what
 * LibreOffice shows is the PNG fallback; Word 2016+ draws the SVG, also saved there.
 */
import ExcelJS from 'exceljs';
import { execFileSync } from 'node:child_process';
import { mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { renderFigures } from '../src/charts/figures';
import { createNodeRasterizer, NO_CJK_FONT } from '../src/charts/raster-node';
import { DEFAULT_SETTINGS } from '../src/settings/settings';
import { addChartSheet } from '../src/io/xlsx-charts';
import { packDocx } from '../src/report/docx';
import { demoCharts, demoReport } from '../test/helpers/chart-fixtures';

const dir = 'out/figures';
mkdirSync(dir, { recursive: true });
const t0 = performance.now();
const rasterize = await createNodeRasterizer();
if (!rasterize) console.warn(NO_CJK_FONT);
const model = demoReport();
const figures = await renderFigures(model, rasterize);
const docx = await packDocx(model, DEFAULT_SETTINGS.report.fonts, figures);
console.log(`${figures.size} figures + .docx in ${(performance.now() - t0).toFixed(0)} ms`);
writeFileSync(`${dir}/figures.docx`, docx);
for (const [id, f] of figures) {
  const name = id.replace(/[/:*?"<>|\s]+/g, '_');
  writeFileSync(`${dir}/${name}.svg`, f.svg);
  if (f.png) writeFileSync(`${dir}/${name}.png`, f.png);
}

// The chart sheet, twice over (the second run must replace the first), in a print-friendly copy.
const charts = demoCharts();
const images = charts.flatMap((c, i) => {
  const f = figures.get(c.id)!;
  return f.png
    ? [{ title: `图${i + 1} ${c.title}`, png: f.png, widthPx: f.width, heightPx: f.height }]
    : [];
});
let bytes: Uint8Array = readFileSync('samples/2017-08.xlsx');
for (let run = 0; run < 2; run++) {
  const wb = new ExcelJS.Workbook();
  await wb.xlsx.load(bytes as unknown as ExcelJS.Buffer);
  addChartSheet(wb, run === 0 ? images.slice(0, 2) : images);
  bytes = new Uint8Array(await wb.xlsx.writeBuffer());
}
writeFileSync(`${dir}/charts.xlsx`, bytes);
const wb = new ExcelJS.Workbook();
await wb.xlsx.load(bytes as unknown as ExcelJS.Buffer);
console.log(`sheets: ${wb.worksheets.map((w) => w.name).join(', ')}`);
for (const ws of wb.worksheets) {
  ws.pageSetup = { ...ws.pageSetup, fitToPage: true, fitToWidth: 1, fitToHeight: 0, paperSize: 9 };
}
// Only the chart sheet is of interest here.
for (const ws of wb.worksheets) if (ws.name !== '通报图表') wb.removeWorksheet(ws.id);
await wb.xlsx.writeFile(`${dir}/charts-print.xlsx`);

for (const file of [`${dir}/figures.docx`, `${dir}/charts-print.xlsx`]) {
  execFileSync('soffice', ['--headless', '--convert-to', 'pdf', '--outdir', dir, file], {
    stdio: 'ignore',
  });
}
execFileSync('pdftoppm', ['-png', '-r', '60', `${dir}/figures.pdf`, `${dir}/page`]);
execFileSync('pdftoppm', ['-png', '-r', '60', `${dir}/charts-print.pdf`, `${dir}/sheet`]);
console.log(`pages in ${dir}/ (page-*.png, sheet-*.png)`);
