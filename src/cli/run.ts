import { mkdir, readFile, stat, writeFile } from 'node:fs/promises';
import { dirname } from 'node:path';
import { SettingsError, UserFacingError, type ProblemKey } from '../core/errors';
import { resolveSettings, type Settings, type SettingsInput } from '../core/settings';
import { analyzeWorkbook, type Analysis } from '../evaluation/analyze';
import { zhCN, type Catalog } from '../i18n/catalog';
import { readWorkbookGrids, WorkbookReadError } from '../io/xlsx-read';
import { buildNarrative, narrativeText } from '../narrative/build';
import type { Narrative } from '../narrative/types';
import { formatEvaluationJson, toEvaluationJson } from '../report/json';
import { parseArgs } from './args';
import { formatSummary } from './summary';

export interface CliIO {
  readonly out: (line: string) => void;
  readonly err: (line: string) => void;
}

/**
 * An input that could not be used, in the one hierarchy of user-facing problems (key and
 * subjects as for the panes); its message is the one line the terminal shows.
 */
class InputError extends UserFacingError {
  override readonly name = 'InputError';
  constructor(line: string, key: ProblemKey, subjects: readonly string[]) {
    super(line, key, null, subjects);
  }
}

async function analyzeFile(
  file: string,
  t: Catalog['cli'],
  settings: Settings,
): Promise<{ analysis: Analysis; bytes: Uint8Array }> {
  const info = await stat(file).catch(() => null);
  if (!info?.isFile()) throw new InputError(t.fileMissing(file), 'fileMissing', [file]);
  const bytes = await readFile(file);
  let grids;
  try {
    grids = await readWorkbookGrids(bytes);
  } catch (e) {
    if (e instanceof WorkbookReadError)
      throw new InputError(
        e.kind === 'legacyXls'
          ? t.legacyXls(file)
          : e.kind === 'encrypted'
            ? t.encrypted(file)
            : t.notXlsx(file),
        e.kind,
        [file],
      );
    throw e;
  }
  const analysis = analyzeWorkbook(grids, settings);
  if (analysis.tables.length === 0) throw new InputError(t.noTables(file), 'noTables', [file]);
  return { analysis, bytes };
}

/** Settings from a JSON file, merged over the defaults and validated; the defaults without one. */
async function loadSettings(file: string | null, catalog: Catalog): Promise<Settings> {
  const t = catalog.cli;
  if (file === null) return resolveSettings();
  const text = await readFile(file, 'utf8').catch(() => null);
  if (text === null) throw new InputError(t.fileMissing(file), 'fileMissing', [file]);
  try {
    return resolveSettings(JSON.parse(text) as SettingsInput);
  } catch (e) {
    const detail =
      e instanceof SettingsError
        ? catalog.settings.problem(e.path, e.rule)
        : e instanceof SyntaxError
          ? t.notJson(e.message)
          : null;
    if (detail === null) throw e;
    throw new InputError(t.badSettings(file, detail), 'badSettings', [file, detail]);
    throw e;
  }
}

async function write(file: string, data: string | Uint8Array): Promise<void> {
  await mkdir(dirname(file), { recursive: true });
  await writeFile(file, data);
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
  let bytes: Uint8Array;
  let previous: Analysis | null = null;
  try {
    const settings = await loadSettings(args.settings, catalog);
    ({ analysis, bytes } = await analyzeFile(args.workbook, t, settings));
    if (args.previous !== null) previous = (await analyzeFile(args.previous, t, settings)).analysis;
  } catch (e) {
    if (e instanceof InputError) {
      io.err(e.message);
      return 2;
    }
    throw e;
  }
  // The paragraphs are for --json, --docx and --text; the summary and --out do without them.
  let built: Narrative | undefined;
  const narrative = () => (built ??= buildNarrative(analysis, previous));
  if (args.json !== null) {
    await write(args.json, formatEvaluationJson(toEvaluationJson(analysis, catalog, narrative())));
    io.out(t.wroteJson(args.json));
  }
  // The .docx writer (the docx library) and the annotated-workbook writer load only for the
  // runs that ask for them: a plain evaluate starts without them.
  if (args.docx !== null) {
    const [{ packDocx }, { buildReport }] = await Promise.all([
      import('../report/docx'),
      import('../report/model'),
    ]);
    await write(
      args.docx,
      await packDocx(buildReport(analysis, narrative()), analysis.settings.report.fonts),
    );
    io.out(t.wroteJson(args.docx));
  }
  if (args.out !== null) {
    const { planWrites } = await import('../plan/write-plan');
    const plan = planWrites(analysis);
    if (plan.conflicts.length > 0) {
      io.err(
        t.conflicts(
          args.out,
          plan.conflicts.map((c) => `${c.sheet}!${c.cell}`),
        ),
      );
      return 2;
    }
    const { annotateWorkbook } = await import('../io/xlsx-write');
    await write(args.out, await annotateWorkbook(bytes, plan));
    io.out(t.wroteJson(args.out));
  }
  if (args.text) {
    const paragraphs = narrative();
    io.out(narrativeText(paragraphs));
    if (paragraphs.comparison) io.out(t.comparison(paragraphs.comparison));
  } else if (args.json === null && args.docx === null && args.out === null) {
    io.out(formatSummary(analysis, catalog));
  } else {
    const evaluated = analysis.units.filter((u) => u.evaluated).length;
    io.out(t.summaryHeader(analysis.tables.length, analysis.units.length, evaluated));
    io.out(t.discrepancies(analysis.discrepancies.length));
  }
  return 0;
}
