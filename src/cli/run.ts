import { mkdir, readFile, stat, writeFile } from 'node:fs/promises';
import { dirname } from 'node:path';
import { analyzeWorkbook, type Analysis } from '../evaluation/analyze';
import { zhCN, type Catalog } from '../i18n/catalog';
import { readWorkbookGrids, WorkbookReadError } from '../io/xlsx-read';
import { buildNarrative, narrativeText } from '../narrative/build';
import { formatEvaluationJson, toEvaluationJson } from '../report/json';
import { parseArgs } from './args';
import { formatSummary } from './summary';

export interface CliIO {
  readonly out: (line: string) => void;
  readonly err: (line: string) => void;
}

/** A workbook that could not be used; the message is the one line the user sees. */
class InputError extends Error {}

async function analyzeFile(file: string, t: Catalog['cli']): Promise<Analysis> {
  const info = await stat(file).catch(() => null);
  if (!info?.isFile()) throw new InputError(t.fileMissing(file));
  let grids;
  try {
    grids = await readWorkbookGrids(await readFile(file));
  } catch (e) {
    if (e instanceof WorkbookReadError) throw new InputError(t.notXlsx(file));
    throw e;
  }
  const analysis = analyzeWorkbook(grids);
  if (analysis.tables.length === 0) throw new InputError(t.noTables(file));
  return analysis;
}

/** The command line, as a function: returns the exit code (0 ok, 1 usage, 2 bad input). */
export async function runCli(
  argv: readonly string[],
  io: CliIO,
  catalog: Catalog = zhCN,
): Promise<number> {
  const t = catalog.cli;
  const args = parseArgs(argv);
  if ('error' in args) {
    if (args.error === 'unknownOption') io.err(t.unknownOption(args.option ?? ''));
    else if (args.error === 'optionNeedsValue') io.err(t.optionNeedsValue(args.option ?? ''));
    io.err(t.usage);
    return 1;
  }
  if (args.command === 'help') {
    io.out(t.usage);
    return 0;
  }
  let analysis: Analysis;
  let previous: Analysis | null = null;
  try {
    analysis = await analyzeFile(args.workbook, t);
    if (args.previous !== null) previous = await analyzeFile(args.previous, t);
  } catch (e) {
    if (e instanceof InputError) {
      io.err(e.message);
      return 2;
    }
    throw e;
  }
  const narrative = buildNarrative(analysis, previous);
  if (args.json !== null) {
    await mkdir(dirname(args.json), { recursive: true });
    await writeFile(
      args.json,
      formatEvaluationJson(toEvaluationJson(analysis, catalog, narrative)),
    );
    io.out(t.wroteJson(args.json));
  }
  if (args.text) {
    io.out(narrativeText(narrative));
    if (narrative.comparison) io.out(t.comparison(narrative.comparison));
  } else if (args.json === null) {
    io.out(formatSummary(analysis, catalog));
  } else {
    const evaluated = analysis.units.filter((u) => u.evaluated).length;
    io.out(t.summaryHeader(analysis.tables.length, analysis.units.length, evaluated));
    io.out(t.discrepancies(analysis.discrepancies.length));
  }
  return 0;
}
