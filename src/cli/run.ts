import { mkdir, readFile, stat, writeFile } from 'node:fs/promises';
import { dirname } from 'node:path';
import { analyzeWorkbook } from '../evaluation/analyze';
import { zhCN, type Catalog } from '../i18n/catalog';
import { readWorkbookGrids, WorkbookReadError } from '../io/xlsx-read';
import { formatEvaluationJson, toEvaluationJson } from '../report/json';
import { parseArgs } from './args';
import { formatSummary } from './summary';

export interface CliIO {
  readonly out: (line: string) => void;
  readonly err: (line: string) => void;
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
  const file = args.workbook;
  const info = await stat(file).catch(() => null);
  if (!info?.isFile()) {
    io.err(t.fileMissing(file));
    return 2;
  }
  let grids;
  try {
    grids = await readWorkbookGrids(await readFile(file));
  } catch (e) {
    if (e instanceof WorkbookReadError) {
      io.err(t.notXlsx(file));
      return 2;
    }
    throw e;
  }
  const analysis = analyzeWorkbook(grids);
  if (analysis.tables.length === 0) {
    io.err(t.noTables(file));
    return 2;
  }
  if (args.json !== null) {
    await mkdir(dirname(args.json), { recursive: true });
    await writeFile(args.json, formatEvaluationJson(toEvaluationJson(analysis, catalog)));
    io.out(t.wroteJson(args.json));
    io.out(
      t.summaryHeader(
        analysis.tables.length,
        analysis.units.length,
        analysis.units.filter((u) => u.evaluated).length,
      ),
    );
    io.out(t.discrepancies(analysis.discrepancies.length));
  } else {
    io.out(formatSummary(analysis, catalog));
  }
  return 0;
}
