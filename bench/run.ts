/**
 * npm run bench — prints the figures the issues ask for:
 *  1. the engine: detect + evaluate 100,000 generated units (≈1.4 M cells), grid in memory;
 *  2. the CLI on a 100,000-row .xlsx against ExcelJS alone reading the same file.
 */
import ExcelJS from 'exceljs';
import { existsSync } from 'node:fs';
import { mkdir, readFile, rm } from 'node:fs/promises';
import { runCli } from '../src/cli/run';
import { analyzeWorkbook } from '../src/evaluation/analyze';
import { readWorkbookGrids } from '../src/io/xlsx-read';
import { buildNarrative } from '../src/narrative/build';
import { packDocx } from '../src/report/docx';
import { buildReport } from '../src/report/model';
import { generateGrid } from './generate';

const UNITS = 100_000;
const gc = (globalThis as { gc?: () => void }).gc ?? (() => undefined);
const mb = (bytes: number) => `${(bytes / 2 ** 20).toFixed(1)} MB`;
const median = (xs: number[]) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)]!;

async function time<T>(fn: () => T | Promise<T>): Promise<[number, T]> {
  const t0 = performance.now();
  const r = await fn();
  return [performance.now() - t0, r];
}

async function engine() {
  const values = generateGrid(UNITS);
  const cells = values.reduce((n, r) => n + r.length, 0);
  const sheets = [{ name: '市直单位', values }];
  analyzeWorkbook(sheets); // warm-up (JIT)
  const times: number[] = [];
  for (let i = 0; i < 9; i++) {
    const [ms, a] = await time(() => analyzeWorkbook(sheets));
    times.push(ms);
    if (
      a.units.length !== UNITS ||
      a.units.some((u) => !u.evaluated) ||
      a.discrepancies.length > 0
    ) {
      throw new Error('the bench grid should evaluate fully and cleanly');
    }
  }
  // Memory of one run on its own: heap in use right after it (garbage included, so an upper
  // bound of the run's peak above the grid), then what its result keeps after a collection.
  gc();
  const base = process.memoryUsage().heapUsed;
  const result = analyzeWorkbook(sheets);
  const during = process.memoryUsage().heapUsed - base;
  gc();
  const retained = process.memoryUsage().heapUsed - base;
  console.log(
    `engine: ${result.units.length} units, ${(cells / 1e6).toFixed(2)} M cells, grid in memory (goal < 150 ms, < 200 MB)`,
  );
  console.log(
    `  detect + evaluate: median ${median(times).toFixed(1)} ms (min ${Math.min(...times).toFixed(1)}, max ${Math.max(...times).toFixed(1)}) over ${times.length} runs`,
  );
  console.log(
    `  heap above the grid: ≤ ${mb(during)} during a run, ${mb(retained)} retained by the result`,
  );
}

async function cli() {
  await mkdir('.bench', { recursive: true });
  const file = '.bench/100k.xlsx';
  if (!existsSync(file)) {
    const wb = new ExcelJS.Workbook();
    const ws = wb.addWorksheet('市直单位');
    for (const row of generateGrid(UNITS)) ws.addRow(row);
    await wb.xlsx.writeFile(file);
  }
  const bytes = await readFile(file);
  console.log(`cli: ${file} (${mb(bytes.length)}, ${UNITS} unit rows)`);
  const exceljs: number[] = [];
  const ours: number[] = [];
  const quiet = { out: () => undefined, err: (l: string) => console.error(l) };
  for (let i = 0; i < 3; i++) {
    gc();
    const [a] = await time(async () => {
      const wb = new ExcelJS.Workbook();
      await wb.xlsx.load((await readFile(file)) as unknown as ArrayBuffer);
    });
    exceljs.push(a);
    gc();
    const [b, code] = await time(() =>
      runCli(['evaluate', file, '--json', '.bench/100k.json'], quiet),
    );
    if (code !== 0) throw new Error(`cli exited ${code}`);
    ours.push(b);
  }
  const ratio = median(ours) / median(exceljs);
  console.log(`  ExcelJS alone reading it: median ${median(exceljs).toFixed(0)} ms`);
  console.log(
    `  tongbao evaluate --json:  median ${median(ours).toFixed(0)} ms (read + grids + engine + JSON)`,
  );
  console.log(
    `  ratio: ${ratio.toFixed(2)}× (goal ≤ 1.3×); peak RSS ${mb(process.memoryUsage().rss)}`,
  );
  await rm('.bench/100k.json', { force: true });
}

/** The full sample bulletin (with last month) to .docx in Node: goal under 300 ms. */
async function exportDocx() {
  const analyze = async (file: string) =>
    analyzeWorkbook(await readWorkbookGrids(await readFile(file)));
  const august = await analyze('samples/2017-08.xlsx');
  const july = await analyze('samples/2017-07.xlsx');
  const run = async () => {
    const model = buildReport(august, buildNarrative(august, july));
    return packDocx(model, august.settings.report.fonts);
  };
  await run(); // warm-up
  const times: number[] = [];
  let bytes = 0;
  for (let i = 0; i < 9; i++) {
    const [ms, out] = await time(run);
    times.push(ms);
    bytes = out.length;
  }
  console.log(
    `export: the sample bulletin (narrative + 8 tables) to .docx, ${(bytes / 1024).toFixed(0)} KB (goal < 300 ms)`,
  );
  console.log(
    `  narrative + report model + pack: median ${median(times).toFixed(1)} ms (min ${Math.min(...times).toFixed(1)}, max ${Math.max(...times).toFixed(1)})`,
  );
}

await engine();
await exportDocx();
await cli();
