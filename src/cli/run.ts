import type { RenderedFigures } from '../charts/figures';
import { auditSummary } from '../evaluation/audit-summary';
import { readFile, stat } from 'node:fs/promises';
import { extname } from 'node:path';
import { SettingsError, UserFacingError, type ProblemKey } from '../core/errors';
import { resolveSettings, type Settings, type SettingsInput } from '../settings/settings';
import { PRESET_IDS, type SchemeChoice } from '../scheme/presets';
import type { Analysis } from '../evaluation/analyze';
import { analyzeByPeriod, PeriodsUnclearError } from '../evaluation/periods';
import { describeDiagnostic } from '../report/describe';
import { structuredViews } from '../report/structured';
import { zhCNCli, type CliCatalog, type CliStrings } from '../i18n/cli';
import {
  checkWorkbookSize,
  readWorkbookGrids,
  WorkbookReadError,
  type SizeChecked,
} from '../io/xlsx-read';
import { buildNarrative, narrativeText } from '../narrative/build';
import type { Narrative } from '../narrative/types';
import { formatEvaluationJson, toEvaluationJson, type EvaluationJson } from '../report/json';
import type { AnnotatedCopy, CopyLoss } from '../io/xlsx-write';
import { parseArgs, type EvaluateArgs } from './args';
import {
  commitOutputs,
  findPathConflict,
  isWriteProblem,
  NODE_FS,
  OutputError,
  prepareOutput,
  wrongExtension,
  type InputPath,
  type OutputFs,
  type OutputPath,
  type OutputTarget,
  type WriteProblem,
} from './outputs';
import { formatSummary } from './summary';
import { safeForTerminal } from './terminal';

export interface CliIO {
  readonly out: (line: string) => void;
  readonly err: (line: string) => void;
}

/** What a test may replace: the file system calls that write the outputs. */
export interface CliDeps {
  readonly fs?: Partial<OutputFs>;
}

// eslint-disable-next-line no-control-regex
const CONTROLS = /[\u0000-\u001F\u007F-\u009F]/g;

/** A library's message in one short line, for the end of ours. */
export function oneLine(message: string, max = 200): string {
  // Whitespace of any kind (LF, CR, U+2028) is one space; other controls cannot act on the terminal.
  const line = message.replace(/\s+/g, ' ').trim().replace(CONTROLS, '\uFFFD');
  return line.length > max ? `${line.slice(0, max - 1)}…` : line;
}

/** A zip archive (what an .xlsx is) starts with a local file header: PK\x03\x04. */
const isZip = (bytes: Uint8Array) =>
  bytes[0] === 0x50 && bytes[1] === 0x4b && bytes[2] === 0x03 && bytes[3] === 0x04;

/**
 * A macro-enabled workbook: its VBA project is a part named xl/vbaProject.bin, and zip
 * archives store part names uncompressed, so the name itself is in the bytes.
 */
function hasMacros(bytes: Uint8Array): boolean {
  return Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength).includes(
    'xl/vbaProject.bin',
    0,
    'latin1',
  );
}

/**
 * An input that could not be used, in the one hierarchy of user-facing problems (key and
 * subjects as for the panes); its message is the one line the terminal shows.
 */
export class InputError extends UserFacingError {
  override readonly name = 'InputError';
  constructor(line: string, key: ProblemKey, subjects: readonly string[]) {
    super(line, key, null, subjects);
  }
}

export async function analyzeFile(
  file: string,
  t: CliStrings,
  settings: Settings,
  /** [issue 16] Read last month from the workbook's own earlier period (not for --previous's). */
  ownPrevious = true,
): Promise<{ analysis: Analysis; bytes: Uint8Array; checked: SizeChecked }> {
  const info = await stat(file).catch(() => null);
  if (!info?.isFile()) throw new InputError(t.fileMissing(file), 'fileMissing', [file]);
  const bytes = await readFile(file);
  let grids;
  let checked: SizeChecked;
  try {
    // [grid bounds] Checked once: the reader and --out's annotateWorkbook are given the answer.
    checked = await checkWorkbookSize(bytes);
    grids = await readWorkbookGrids(bytes, checked);
  } catch (e) {
    if (e instanceof WorkbookReadError) throw await readProblem(e, file, bytes, t);
    throw e;
  }
  // [issue 16] The workbook's latest period, with the one before it as last month.
  let analysis: Analysis;
  try {
    analysis = analyzeByPeriod(grids, settings, { ownPrevious });
  } catch (e) {
    if (!(e instanceof PeriodsUnclearError)) throw e;
    throw new InputError(t.periodsUnclear(file, e.sheets), e.key, [...e.sheets]);
  }
  // [issue 16] A table read from its own layout counts: only a workbook with none is refused.
  if (analysis.tables.length === 0 && (analysis.structured ?? []).length === 0)
    throw new InputError(t.noTables(file), 'noTables', [file]);
  return { analysis, bytes, checked };
}

/**
 * What the user is told about a workbook ExcelJS could not open: an .xls or a locked file by
 * name, a sheet name ExcelJS refuses with the name, any other zip with ExcelJS's own reason,
 * and “not a valid .xlsx” only for what is not a zip at all.
 */
async function readProblem(
  e: WorkbookReadError,
  file: string,
  bytes: Uint8Array,
  t: CliStrings,
): Promise<InputError> {
  if (e.kind === 'legacyXls') return new InputError(t.legacyXls(file), e.kind, [file]);
  if (e.kind === 'encrypted') return new InputError(t.encrypted(file), e.kind, [file]);
  if (e.kind === 'tooBig' && e.subjects[3] !== undefined)
    // [grid bounds] A part other than a sheet (subjects '', '', '', part, megabytes).
    return new InputError(t.partTooBig(file, e.subjects[3], e.subjects[4] ?? ''), e.kind, [
      ...e.subjects,
    ]);
  if (e.kind === 'tooBig')
    // [grid bounds]
    return new InputError(
      t.tooBig(file, e.subjects[0] ?? '', e.subjects[1] ?? '', e.subjects[2]),
      e.kind,
      [...e.subjects],
    );
  if (!isZip(bytes)) return new InputError(t.notXlsx(file), e.kind, [file]);
  const reason = oneLine(e.message.replace(/^ExcelJS could not read [^:]*:/, ''));
  // Only on this path: the check opens the zip itself.
  const { sheetNameProblem } = await import('./sheet-names');
  const sheet = await sheetNameProblem(bytes);
  const line = sheet
    ? t.badSheetName(file, oneLine(sheet.name, 80), sheet.problem, reason)
    : t.unreadable(file, reason);
  return new InputError(line, e.kind, [file]);
}

/**
 * Settings from a JSON file, merged over the defaults and validated; the defaults without one.
 * `--scheme` names a preset or a scheme file and takes the place of the settings' scheme.
 */
export async function loadSettings(
  file: string | null,
  schemeArg: string | null,
  catalog: CliCatalog,
): Promise<Settings> {
  const t = catalog.cli;
  const json = async (path: string): Promise<unknown> => {
    const read = await readFile(path, 'utf8').catch(() => null);
    if (read === null) throw new InputError(t.fileMissing(path), 'fileMissing', [path]);
    // Notepad and others save UTF-8 with a byte-order mark, which JSON.parse refuses.
    return JSON.parse(read.startsWith('\uFEFF') ? read.slice(1) : read) as unknown;
  };
  let where = file ?? schemeArg ?? '';
  try {
    const input = (file === null ? {} : await json(file)) as SettingsInput;
    if (schemeArg === null) return resolveSettings(input);
    let scheme: SchemeChoice = schemeArg;
    if (!PRESET_IDS.includes(schemeArg)) {
      const exists = await stat(schemeArg).then(
        (s) => s.isFile(),
        () => false,
      );
      if (!exists || extname(schemeArg).toLowerCase() !== '.json')
        throw new InputError(t.unknownScheme(schemeArg, PRESET_IDS), 'badSettings', [schemeArg]);
      where = schemeArg;
      scheme = (await json(schemeArg)) as SchemeChoice;
    }
    // A settings file that is not an object is refused by resolveSettings, naming it.
    const merged =
      typeof input === 'object' && input !== null && !Array.isArray(input)
        ? { ...input, scheme }
        : input;
    return resolveSettings(merged);
  } catch (e) {
    const detail =
      e instanceof SettingsError
        ? catalog.settings.problem(e.path, e.rule)
        : e instanceof SyntaxError
          ? t.notJson(e.message)
          : null;
    if (detail === null) throw e;
    throw new InputError(t.badSettings(where, detail), 'badSettings', [where, detail]);
  }
}

export function writeProblemText(t: CliStrings, p: WriteProblem): string {
  switch (p.kind) {
    case 'folder':
      return t.outputIsFolder(p.file);
    case 'underFile':
      return t.outputUnderFile(p.file, p.parent);
    case 'notFile':
      return t.outputNotFile(p.file);
    case 'io':
      return t.cannotWrite(p.file, p.code, p.detail);
  }
}

/**
 * The inputs (these, and last month's workbook, the settings and a scheme file when given) and
 * the outputs checked against each other — no output naming an input or another output (exit
 * 1) — then every output made ready (writable, of its extension: `extension` where the option's
 * own is not the one, else exit 2). `evaluate` and `proofread` alike.
 */
export async function outputTargets(
  inputs: InputPath[],
  args: { previous: string | null; settings: string | null; scheme: string | null },
  outputs: readonly OutputPath[],
  io: CliIO,
  t: CliStrings,
  fs: OutputFs,
  extension: (o: OutputPath) => string | undefined = () => undefined,
): Promise<OutputTarget[] | number> {
  if (args.previous !== null) inputs.push({ role: 'previous', path: args.previous });
  if (args.settings !== null) inputs.push({ role: 'settings', path: args.settings });
  if (args.scheme !== null && !PRESET_IDS.includes(args.scheme))
    inputs.push({ role: 'scheme', path: args.scheme });
  const conflict = await findPathConflict(inputs, outputs, fs);
  if (conflict?.kind === 'outputIsInput') {
    const { output, input } = conflict;
    io.err(t.outputIsInput(output.option, output.path, input.role, input.path));
    return 1;
  }
  if (conflict?.kind === 'sameOutput') {
    const { first, second } = conflict;
    io.err(t.sameOutput(first.option, first.path, second.option, second.path));
    return 1;
  }
  const targets: OutputTarget[] = [];
  for (const output of outputs) {
    const target = await prepared(output, output.option, io, t, fs, extension(output));
    if (typeof target === 'number') return target;
    targets.push(target);
  }
  return targets;
}

/**
 * Before anything is read or written: the outputs' extensions, no output naming an input or
 * another output (exit 1), every output writable (exit 2). Returns the targets, or the exit
 * code after telling the user why not.
 */
async function checkOutputs(
  args: EvaluateArgs,
  io: CliIO,
  t: CliStrings,
  fs: OutputFs,
): Promise<OutputTarget[] | number> {
  const outputs: OutputPath[] = [];
  if (args.json !== null) outputs.push({ option: '--json', path: args.json });
  if (args.docx !== null) outputs.push({ option: '--docx', path: args.docx });
  if (args.out !== null) outputs.push({ option: '--out', path: args.out });
  const targets = await outputTargets(
    [{ role: 'workbook', path: args.workbook }],
    args,
    outputs,
    io,
    t,
    fs,
  );
  if (typeof targets === 'number') return targets;
  if (args.out !== null && /^\.xlsm$/i.test(extname(args.workbook))) {
    io.err(t.macroWorkbook(args.workbook));
    return 2;
  }
  return targets;
}

/**
 * One output, ready to be written: writable (else exit 2) and of its option's extension (else
 * exit 1), after telling the user why not. A device (/dev/stdout) takes whatever is written.
 */
export async function prepared(
  output: OutputPath,
  name: string,
  io: CliIO,
  t: CliStrings,
  fs: OutputFs,
  extension?: string,
): Promise<OutputTarget | number> {
  const target = await prepareOutput(output, fs);
  if (isWriteProblem(target)) {
    io.err(writeProblemText(t, target));
    return 2;
  }
  const expected = target.device ? null : wrongExtension(output, extension);
  if (expected !== null) {
    io.err(t.wrongExtension(name, output.path, expected));
    return 1;
  }
  return target;
}

/**
 * `tongbao template <out.xlsx>`: the empty 通报数据 sheet, written as every output is (checked
 * first, then to a temporary file renamed into place). A file of that name is refused: it may
 * be the workbook the user keeps the sheet beside.
 */
async function writeTemplate(
  file: string,
  io: CliIO,
  t: CliStrings,
  fs: OutputFs,
): Promise<number> {
  // A file already there may be the user's own workbook (the template is meant to sit beside
  // their tables): never replaced.
  if (
    await stat(file).then(
      (s) => s.isFile(),
      () => false,
    )
  ) {
    io.err(t.templateExists(file));
    return 1;
  }
  const target = await prepared({ option: '--out', path: file }, 'template', io, t, fs);
  if (typeof target === 'number') return target;
  const { templateWorkbook } = await import('../io/xlsx-template');
  return writeOutputs([{ target, data: await templateWorkbook() }], io, t, fs);
}

/**
 * The outputs written all at once (temporary files renamed into place), each then named on
 * stdout: 0; or, when they cannot be written, the reason in one line and 2, nothing written.
 */
export async function writeOutputs(
  outputs: Parameters<typeof commitOutputs>[0],
  io: CliIO,
  t: CliStrings,
  fs: OutputFs,
): Promise<0 | 2> {
  try {
    await commitOutputs(outputs, fs);
  } catch (e) {
    if (e instanceof OutputError) {
      io.err(writeProblemText(t, e.problem));
      return 2;
    }
    throw e;
  }
  for (const { target } of outputs) io.out(t.wroteJson(target.path));
  return 0;
}

/**
 * [issue 18] What the copy does not keep, one item per kind (and element, for `other`), with
 * the sheets it was on.
 */
/** The command line, as a function: returns the exit code (0 ok, 1 usage, 2 bad input). */
export async function runCli(
  argv: readonly string[],
  terminal: CliIO,
  catalog: CliCatalog = zhCNCli,
  deps: CliDeps = {},
): Promise<number> {
  // Everything printed may carry text from a workbook (unit, sheet and file names, ExcelJS's
  // reasons): no control character reaches the terminal raw.
  const io: CliIO = {
    out: (line) => terminal.out(safeForTerminal(line, true)),
    err: (line) => terminal.err(safeForTerminal(line, true)),
  };
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
  const fs: OutputFs = { ...NODE_FS, ...deps.fs };
  if (args.command === 'template') return writeTemplate(args.out, io, t, fs);
  // [issue 17] Loaded only for the runs that proofread.
  if (args.command === 'proofread')
    return (await import('./proofread')).runProofread(args, io, catalog, fs);
  // [issue 16] The scheme proposed from the workbook's own tables, on stdout.
  if (args.command === 'scheme') {
    try {
      const { analysis } = await analyzeFile(args.workbook, t, resolveSettings({}), true);
      return (await import('./scheme')).printProposedScheme(analysis, args.workbook, io, t);
    } catch (e) {
      if (e instanceof InputError) {
        io.err(e.message);
        return 2;
      }
      throw e;
    }
  }
  const targets = await checkOutputs(args, io, t, fs);
  if (typeof targets === 'number') return targets;
  const target = (option: OutputPath['option']) => targets.find((x) => x.option === option)!;
  let analysis: Analysis;
  let bytes: Uint8Array;
  let checked: SizeChecked;
  let previous: Analysis | null = null;
  try {
    const settings = await loadSettings(args.settings, args.scheme, catalog);
    ({ analysis, bytes, checked } = await analyzeFile(
      args.workbook,
      t,
      settings,
      args.previous === null,
    ));
    // ExcelJS drops a workbook's VBA project: a copy would silently lose the macros.
    if (args.out !== null && hasMacros(bytes))
      throw new InputError(t.macroWorkbook(args.workbook), 'notXlsx', [args.workbook]);
    if (args.previous !== null)
      previous = (await analyzeFile(args.previous, t, settings, false)).analysis;
  } catch (e) {
    if (e instanceof InputError) {
      io.err(e.message);
      return 2;
    }
    throw e;
  }
  // [issue 16] Which sheets were read as which period, when the workbook holds several.
  const periodsLine = analysis.diagnostics
    .filter((d) => d.code === 'periodsRead')
    .map((d) => describeDiagnostic(d, catalog))
    .join('\n');
  // The paragraphs are for --json, --docx and --text; --out and the summary ask for their
  // charts and 环比 warnings (building them takes a few milliseconds).
  let built: Narrative | undefined;
  const narrative = () => (built ??= buildNarrative(analysis, previous));
  // [issue 16] On stderr, so that the text itself stays ready to paste: the implausible 环比,
  // and, where the text is written out, why each “【请核对】” is there.
  const sayFlags = (n: Narrative, marks: boolean) => {
    for (const d of n.diagnostics)
      io.err(
        `[${catalog.severity[d.severity]}] ${d.sheet}!${d.cell}  ${catalog.summary.diagnostic(d)}`,
      );
    if (marks) for (const f of n.flags) io.err(catalog.summary.flag(f));
  };
  // Every output is produced in memory first, and written only when all of them are ready.
  const outputs: { target: OutputTarget; data: string | Uint8Array }[] = [];
  // [issue 18] The JSON is formatted once --out has said what the copy does not keep.
  const json = args.json === null ? null : { target: target('--json'), data: '' };
  const doc = json ? toEvaluationJson(analysis, catalog, narrative(), t.structured) : null;
  if (json) outputs.push(json);
  let losses: readonly CopyLoss[] | null = null;
  // The figures are drawn once, for the .docx and the workbook alike: SVG, and PNG when a
  // Chinese font is found (without one the documents say where a picture is missing).
  let drawn: Promise<RenderedFigures> | undefined;
  const figures = () =>
    (drawn ??= (async () => {
      const [{ renderFigures, figureFailures }, { createNodeRasterizer }] = await Promise.all([
        import('../charts/figures'),
        import('../charts/raster-node'),
      ]);
      const rasterize = await createNodeRasterizer();
      if (rasterize === null) io.err(t.noChartFont);
      const charts = narrative().charts;
      const drawnFigures = await renderFigures(charts, rasterize);
      // A figure that cannot be drawn is left out of the documents, with a line here; the run
      // goes on (numbered as the chart sheet and the .docx number them).
      for (const f of figureFailures(charts, drawnFigures))
        io.err(t.figureFailed(f.index + 1, f.chart.title, f.reason));
      return drawnFigures;
    })());
  // The .docx writer (the docx library) and the annotated-workbook writer load only for the
  // runs that ask for them: a plain evaluate starts without them.
  if (args.docx !== null) {
    const [{ packDocx }, { buildReport }] = await Promise.all([
      import('../report/docx'),
      import('../report/model'),
    ]);
    const model = buildReport(analysis, narrative());
    const data = await packDocx(model, analysis.settings.report.fonts, await figures());
    outputs.push({ target: target('--docx'), data });
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
    const [{ annotatedCopy, CopyUnreadableError, lossItems }, { ChartSheetTakenError }] =
      await Promise.all([import('../io/xlsx-write'), import('../io/xlsx-charts')]);
    const drawnFigures = await figures();
    const images = narrative().charts.flatMap((chart, i) => {
      const f = drawnFigures.get(chart.id);
      return f?.png
        ? [
            {
              title: t.figureTitle(i + 1, chart.title),
              png: f.png,
              widthPx: f.width,
              heightPx: f.height,
            },
          ]
        : [];
    });
    let copy: AnnotatedCopy;
    try {
      try {
        copy = await annotatedCopy(bytes, plan, images, checked);
      } catch (e) {
        // A sheet of the chart sheet's name is the user's: the copy is written without charts.
        if (!(e instanceof ChartSheetTakenError)) throw e;
        io.err(t.chartSheetTaken(e.sheet));
        copy = await annotatedCopy(bytes, plan, undefined, checked);
      }
    } catch (e) {
      // [issue 18] The copy, read again, could not be: nothing is written.
      if (e instanceof CopyUnreadableError) {
        io.err(t.copyUnreadable(args.out, oneLine(e.reason)));
        return 2;
      }
      // ExcelJS read the workbook but cannot save it again: say why, in its words.
      io.err(t.cannotAnnotate(args.out, oneLine(e instanceof Error ? e.message : String(e))));
      return 2;
    }
    // [issue 18] Said before anything is written: what the copy does not keep.
    losses = copy.losses;
    if (losses.length > 0) io.err(t.copyLoses(args.out, lossItems(losses, t.copyLossKinds)));
    outputs.push({ target: target('--out'), data: copy.bytes });
  }
  if (json && doc) {
    // [issue 18] With --out, the JSON lists what the copy does not keep.
    const full: EvaluationJson & { annotatedCopyLosses?: unknown } =
      losses === null
        ? doc
        : {
            ...doc,
            annotatedCopyLosses: losses.map((l) => ({
              kind: l.kind,
              sheet: l.sheet,
              ...(l.detail === undefined ? {} : { detail: l.detail }),
              text: t.copyLossKinds[l.kind],
            })),
          };
    json.data = formatEvaluationJson(full);
  }
  if ((await writeOutputs(outputs, io, t, fs)) === 2) return 2;
  if (args.text) {
    const paragraphs = narrative();
    // [issue 16] Before the text.
    sayFlags(paragraphs, true);
    io.out(narrativeText(paragraphs));
    if (paragraphs.comparison) io.out(t.comparison(paragraphs.comparison));
    if (periodsLine) io.out(periodsLine);
  } else if (args.json === null && args.docx === null && args.out === null) {
    if (periodsLine) io.out(periodsLine);
    // [issue 16] With the summary tables' notes: the 环比 the bulletin would state implausibly.
    io.out(formatSummary(analysis, catalog, narrative().diagnostics));
  } else {
    // [issue 16] The warnings, and with --docx (the text is in it) why each mark is there.
    sayFlags(narrative(), args.docx !== null);
    if (periodsLine) io.out(periodsLine);
    const evaluated = analysis.units.filter((u) => u.evaluated).length;
    if (analysis.tables.length > 0) {
      io.out(t.summaryHeader(analysis.tables.length, analysis.units.length, evaluated));
      io.out(t.audit(auditSummary(analysis)));
    }
    // [issue 16] The tables read from their layout: one line each with its audit.
    for (const v of structuredViews(analysis.structured ?? [], t.structured))
      io.out(`${v.heading}：${v.audit}`);
  }
  return 0;
}
