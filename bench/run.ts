/**
 * npm run bench — prints the figures the issues ask for:
 *  1. the engine: detect + evaluate 100,000 generated units (≈1.4 M cells), grid in memory;
 *  2. the sample bulletin exported to .docx;
 *  3. the built command line (node bin/tongbao.js, a process of its own) against a Node process
 *     that only reads the same workbook with ExcelJS (bench/exceljs-read.mjs): on the sample
 *     workbook, where start-up dominates, and on a 100,000-row .xlsx.
 */
import ExcelJS from 'exceljs';
import { spawnSync } from 'node:child_process';
import { existsSync } from 'node:fs';
import { mkdir, readFile, rm, stat, writeFile } from 'node:fs/promises';
import { analyzeWorkbook, type Analysis } from '../src/evaluation/analyze';
import { checkWorkbookSize, readWorkbookGrids } from '../src/io/xlsx-read';
import { buildNarrative } from '../src/narrative/build';
import { packDocx } from '../src/report/docx';
import { buildReport } from '../src/report/model';
import { generateGrid } from './generate';
import { bombXlsx, manyMerges } from '../test/helpers/bomb-xlsx';
import { BIG_CASES, bigFile, RSS_HOOK, runCli } from '../test/helpers/big-xlsx';

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

/** Builds lib/ from the current sources, so the processes below run what src/ says. */
function buildCli() {
  const r = spawnSync(process.execPath, ['scripts/build-cli.mjs'], { encoding: 'utf8' });
  if (r.status !== 0) throw new Error(`npm run build:cli failed:\n${r.stderr}`);
}

/** Wall time of one Node process, output discarded; throws unless it exits 0. */
function runNode(args: readonly string[]): number {
  const t0 = performance.now();
  const r = spawnSync(process.execPath, args, {
    stdio: ['ignore', 'ignore', 'pipe'],
    encoding: 'utf8',
  });
  const ms = performance.now() - t0;
  if (r.status !== 0) throw new Error(`node ${args.join(' ')} exited ${r.status}: ${r.stderr}`);
  return ms;
}

function peakRss(args: readonly string[]): number {
  const r = spawnSync(process.execPath, ['--import', RSS_HOOK, ...args], {
    stdio: ['ignore', 'ignore', 'pipe'],
    encoding: 'utf8',
  });
  return Number(/maxrss (\d+)/.exec(r.stderr)?.[1] ?? NaN) * 1024;
}

/**
 * The whole CLI process against ExcelJS alone on the same file, runs interleaved so that
 * drift in the machine's load hits both alike; median of each.
 */
function versus(file: string, cliArgs: readonly string[], runs: number) {
  const exceljs: number[] = [];
  const ours: number[] = [];
  const baseline = ['bench/exceljs-read.mjs', file];
  const tongbao = ['bin/tongbao.js', 'evaluate', file, ...cliArgs];
  runNode(baseline); // warm the file cache
  runNode(tongbao);
  for (let i = 0; i < runs; i++) {
    exceljs.push(runNode(baseline));
    ours.push(runNode(tongbao));
  }
  return { exceljs: median(exceljs), ours: median(ours), ratio: median(ours) / median(exceljs) };
}

/** The sample workbook: what a user waits for, start-up included. */
function startup() {
  const file = 'samples/2017-08.xlsx';
  const r = versus(file, [], 15);
  console.log(`cli start-up: node bin/tongbao.js evaluate ${file}, output discarded (15 runs)`);
  console.log(`  ExcelJS alone reading it (a Node process): median ${r.exceljs.toFixed(0)} ms`);
  console.log(`  tongbao evaluate:                          median ${r.ours.toFixed(0)} ms`);
  console.log(`  ratio: ${r.ratio.toFixed(2)}× (goal ≤ 1.3×)`);
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
  const runs = 5;
  console.log(
    `cli: ${file} (${mb(bytes.length)}, ${UNITS} unit rows), one process per run (${runs} runs)`,
  );
  const json = ['--json', '.bench/100k.json'];
  const r = versus(file, json, runs);
  const rss = peakRss(['bin/tongbao.js', 'evaluate', file, ...json]);
  const rssExcelJs = peakRss(['bench/exceljs-read.mjs', file]);
  console.log(`  ExcelJS alone reading it (a Node process): median ${r.exceljs.toFixed(0)} ms`);
  console.log(
    `  tongbao evaluate --json:                   median ${r.ours.toFixed(0)} ms (read + grids + engine + JSON)`,
  );
  console.log(
    `  ratio: ${r.ratio.toFixed(2)}× (goal ≤ 1.15×); peak RSS ${mb(rss)} (ExcelJS alone ${mb(rssExcelJs)})`,
  );
  // Its share: the size check before ExcelJS loads (src/io/xlsx-size.ts), run in this process.
  const [firstCheck] = await time(() => checkWorkbookSize(bytes)); // cold, as in the CLI
  const checks: number[] = [];
  for (let i = 0; i < runs; i++) checks.push((await time(() => checkWorkbookSize(bytes)))[0]);
  console.log(
    `  of which the size check before loading: first run ${firstCheck.toFixed(0)} ms, then median ${median(checks).toFixed(0)} ms (in this process)`,
  );
  await rm('.bench/100k.json', { force: true });
}

/** The sample's two months, analysed once for both export benches. */
let samples: Promise<{ august: Analysis; july: Analysis }> | undefined;
function sampleMonths(): Promise<{ august: Analysis; july: Analysis }> {
  const analyze = async (file: string) =>
    analyzeWorkbook(await readWorkbookGrids(await readFile(file)));
  return (samples ??= (async () => ({
    august: await analyze('samples/2017-08.xlsx'),
    july: await analyze('samples/2017-07.xlsx'),
  }))());
}

/** One warm-up, then 9 timed runs: the output's size and “median … ms (min …, max …)”. */
async function exportRuns(
  run: () => Promise<Uint8Array>,
): Promise<{ bytes: number; spread: string }> {
  await run();
  const times: number[] = [];
  let bytes = 0;
  for (let i = 0; i < 9; i++) {
    const [ms, out] = await time(run);
    times.push(ms);
    bytes = out.length;
  }
  const spread = `median ${median(times).toFixed(1)} ms (min ${Math.min(...times).toFixed(1)}, max ${Math.max(...times).toFixed(1)})`;
  return { bytes, spread };
}

/** The full sample bulletin (with last month) to .docx in Node: goal under 300 ms. */
async function exportDocx() {
  const { august, july } = await sampleMonths();
  const run = async () => {
    const model = buildReport(august, buildNarrative(august, july));
    return packDocx(model, august.settings.report.fonts);
  };
  const { bytes, spread } = await exportRuns(run);
  console.log(
    `export: the sample bulletin (narrative + 8 tables) to .docx, ${(bytes / 1024).toFixed(0)} KB (goal < 300 ms)`,
  );
  console.log(`  narrative + report model + pack: ${spread}`);
}

/**
 * Hostile files (issue “Nothing lost, nothing crashes”, items 3 and 8): wall time and peak
 * RSS of one CLI process each, under a 1 GB heap; a refusal (exit 2) is an answer too. The
 * small ones, then the big ones `npm run test:hostile` runs (up to 20 MB, written once into
 * `.bench/hostile/`). Goal: answered in < 30 s and < 1 GB; 20,000 merged areas in < 5 s.
 */
async function hostile() {
  await mkdir('.bench', { recursive: true });
  const files: [string, Uint8Array][] = [
    ['far-cell.xlsx (a value in XFD1048576)', await bombXlsx({ farCell: 'XFD1048576' })],
    ['merge-bomb.xlsx (J1:XFD1048576 merged)', await bombXlsx({ merges: ['J1:XFD1048576'] })],
    ['merges-20k.xlsx (20,000 merged areas)', await bombXlsx({ merges: manyMerges(20_000) })],
  ];
  const cases: [string, string, readonly string[]][] = [];
  for (const [label, bytes] of files) {
    const file = `.bench/${label.split(' ')[0]!}`;
    await writeFile(file, bytes);
    cases.push([`${label}, ${(bytes.length / 1024).toFixed(0)} KB`, file, []]);
  }
  for (const c of BIG_CASES) {
    const file = await bigFile(c);
    const size = (await stat(file)).size;
    cases.push([`${c.file} (${c.label}), ${mb(size)}`, file, c.args]);
  }
  console.log('hostile files: node --max-old-space-size=1024 bin/tongbao.js evaluate FILE');
  for (const [label, file, args] of cases) {
    const r = runCli(file, args, 60_000);
    const outcome =
      r.status === 0 ? 'result' : r.status === 2 ? 'refused' : `failed (${r.status ?? r.signal})`;
    console.log(`  ${label}: ${outcome} in ${r.ms.toFixed(0)} ms, peak RSS ${mb(r.rssBytes)}`);
  }
}

buildCli();
await hostile();
await engine();
await exportDocx();
startup();
await cli();

// ─── [figures] issue #10 part 4: charts, and the bulletin with figures ─────────────────────────
/**
 * Five charts (the four summary charts and one of 综合指标值, made-up figures) drawn to SVG
 * (ECharts) and PNG (resvg-wasm): the WebAssembly's start-up and the font read on their own,
 * then the first run (cold) and the median of later ones; then the whole sample bulletin with
 * the figures its text announces — narrative, model, drawing, packing — to .docx: goal < 500 ms.
 */
async function exportFigures() {
  const { initResvg, createNodeRasterizer, NO_CJK_FONT } =
    await import('../src/charts/raster-node');
  const { renderFigures } = await import('../src/charts/figures');
  const { demoCharts } = await import('../test/helpers/chart-fixtures');
  const charts = demoCharts().slice(0, 5);
  const [wasmMs] = await time(() => initResvg());
  const [fontMs, rasterize] = await time(() => createNodeRasterizer());
  if (!rasterize) {
    console.log(`figures: ${NO_CJK_FONT}`);
    return;
  }
  const [coldMs] = await time(() => renderFigures(charts, rasterize));
  const warm: number[] = [];
  for (let i = 0; i < 5; i++) warm.push((await time(() => renderFigures(charts, rasterize)))[0]);
  console.log('figures: 5 charts, SVG (ECharts) + PNG 1200 px wide (resvg-wasm, Noto Sans CJK)');
  console.log(
    `  WebAssembly start-up ${wasmMs.toFixed(0)} ms, font read ${fontMs.toFixed(0)} ms; first run ${coldMs.toFixed(0)} ms; later runs median ${median(warm).toFixed(0)} ms`,
  );

  const { august, july } = await sampleMonths();
  let count = 0;
  const run = async () => {
    // The whole bulletin as the command line writes it: the figures its text announces.
    const model = buildReport(august, buildNarrative(august, july));
    const figures = await renderFigures(model, rasterize);
    count = figures.size;
    return packDocx(model, august.settings.report.fonts, figures);
  };
  const { bytes, spread } = await exportRuns(run);
  console.log(
    `export with figures: the whole sample bulletin + its ${count} figures (SVG + PNG) to .docx, ${(bytes / 1024).toFixed(0)} KB (goal < 500 ms)`,
  );
  console.log(`  narrative + model + figures + pack: ${spread}`);
}

await exportFigures();
