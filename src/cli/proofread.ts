/**
 * [issue 17] `tongbao proofread <draft.docx|draft.txt> --workbook <this-month.xlsx>
 * [--previous <last-month.xlsx>] [--settings …] [--scheme …] [--json <out.json>]
 * [--out <marked.docx>]`: every checkable figure of a written draft checked against what
 * Tongbao computes from the tables. Exit 0 whatever it finds; 1 for bad arguments, 2 for an
 * input that cannot be read or an output that cannot be written, as `evaluate`.
 *
 * The workbooks, settings and scheme are read as `evaluate` reads them (`./run`); the outputs
 * are checked before anything is read and written all at once at the end (`./outputs`).
 */
import { readFile, stat } from 'node:fs/promises';
import { extname } from 'node:path';
import type { Analysis } from '../evaluation/analyze';
import type { CliCatalog, CliStrings } from '../i18n/cli';
import { proofread } from '../proofread/check';
import {
  DraftReadError,
  isOleFile,
  isZipFile,
  openDocx,
  PLAIN_DOCUMENT_TYPE,
} from '../proofread/draft-docx';
import { draftFromText } from '../proofread/text';
import type { Draft, ProofreadResult } from '../proofread/types';
import type { ProofreadArgs } from './args';
import type { OutputFs, OutputPath, OutputTarget } from './outputs';
import {
  analyzeFile,
  InputError,
  loadSettings,
  outputTargets,
  writeOutputs,
  type CliIO,
} from './run';

/** Extensions read as a Word document whatever the bytes (a .doc is refused by name). */
const WORD_EXTENSIONS = new Set(['.docx', '.docm', '.dotx', '.dotm', '.doc', '.dot', '.wps']);

/** A draft read: its paragraphs, and the .docx's bytes and content type when it is one. */
interface ReadDraft {
  readonly draft: Draft;
  readonly docx: { readonly bytes: Uint8Array; readonly contentType: string } | null;
}

/**
 * Plain text as Windows editors save it: UTF-8 (with or without a byte-order mark), UTF-16
 * with its mark (Notepad's “Unicode”), else GBK/GB18030 (Notepad's “ANSI” on Chinese
 * Windows). Null for what is no text (a NUL character: a binary file).
 */
export function decodeDraftText(bytes: Uint8Array): string | null {
  let text: string;
  if (bytes[0] === 0xef && bytes[1] === 0xbb && bytes[2] === 0xbf)
    text = new TextDecoder('utf-8').decode(bytes.subarray(3));
  else if (bytes[0] === 0xff && bytes[1] === 0xfe)
    text = new TextDecoder('utf-16le').decode(bytes.subarray(2));
  else if (bytes[0] === 0xfe && bytes[1] === 0xff)
    text = new TextDecoder('utf-16be').decode(bytes.subarray(2));
  else {
    try {
      text = new TextDecoder('utf-8', { fatal: true }).decode(bytes);
    } catch {
      try {
        text = new TextDecoder('gb18030', { fatal: true }).decode(bytes);
      } catch {
        return null;
      }
    }
  }
  return text.includes('\u0000') ? null : text;
}

async function readDraft(file: string, t: CliStrings): Promise<ReadDraft> {
  const info = await stat(file).catch(() => null);
  if (!info?.isFile()) throw new InputError(t.fileMissing(file), 'fileMissing', [file]);
  const bytes = new Uint8Array(await readFile(file));
  // The key is the panes' (ProblemKey has none for drafts yet): the nearest one; the CLI
  // shows the line only.
  const fail = (problem: Parameters<CliStrings['draftProblem']>[1], detail = '') =>
    new InputError(
      t.draftProblem(file, problem, detail),
      problem === 'legacyDoc' ? 'legacyXls' : problem === 'encrypted' ? 'encrypted' : 'notXlsx',
      [file],
    );
  if (isZipFile(bytes) || isOleFile(bytes) || WORD_EXTENSIONS.has(extname(file).toLowerCase())) {
    try {
      const doc = await openDocx(bytes);
      return {
        draft: { paragraphs: doc.paragraphs.map((p) => ({ text: p.text, where: p.where })) },
        docx: { bytes, contentType: doc.contentType },
      };
    } catch (e) {
      if (e instanceof DraftReadError) throw fail(e.kind, e.detail);
      throw e;
    }
  }
  const text = decodeDraftText(bytes);
  if (text === null) throw fail('notText');
  return { draft: draftFromText(text), docx: null };
}

/** The JSON report: the counts, each wrong claim, each claim not checked, the notes. */
export function proofreadJson(result: ProofreadResult): object {
  return {
    checked: result.checked,
    findings: result.findings.map((f) => ({
      paragraph: f.paragraph,
      quote: f.quote,
      written: f.written,
      expected: f.expected,
      kind: f.kind,
      unit: f.unit,
      figure: f.figure,
      sheet: f.sheet,
      cell: f.cell,
      message: f.message,
    })),
    notChecked: result.notChecked.map((n) => ({
      paragraph: n.paragraph,
      quote: n.quote,
      written: n.written,
      kind: n.kind,
      reason: n.reason,
    })),
    notes: result.notes.map((n) => ({ paragraph: n.paragraph, message: n.message })),
  };
}

/** Line breaks and tabs of a quoted stretch shown as spaces: one line per item. */
const oneLine = (s: string) => s.replace(/\s+/g, ' ').trim();

/** The readable report: what was read, the counts, the wrong claims, what was not checked. */
export function formatProofread(
  result: ProofreadResult,
  files: { draft: string; workbook: string; previous: string | null },
  t: CliStrings,
): string {
  const lines = [
    t.proofreadHeader(files.draft, files.workbook, files.previous),
    t.proofreadCounts(result.checked),
  ];
  if (result.findings.length > 0) {
    lines.push('', t.proofreadWrongHeading(result.findings.length));
    for (const f of result.findings) lines.push(t.proofreadItem(f.paragraph, oneLine(f.message)));
  }
  if (result.notChecked.length > 0) {
    lines.push('', t.proofreadNotCheckedHeading(result.notChecked.length));
    for (const n of result.notChecked)
      lines.push(t.proofreadItem(n.paragraph, t.proofreadNotChecked(oneLine(n.written), n.reason)));
  }
  if (result.notes.length > 0) {
    lines.push('', t.proofreadNotesHeading);
    for (const n of result.notes) lines.push(t.proofreadItem(n.paragraph, oneLine(n.message)));
  }
  return lines.join('\n');
}

/**
 * The comments' date as Word writes it: the local time, marked Z. (A guess from documents
 * Word saves, which show the author's clock time with a Z; the schema only asks for an
 * xsd:dateTime.)
 */
function wordDate(now: Date): string {
  const p = (n: number) => String(n).padStart(2, '0');
  return (
    `${now.getFullYear()}-${p(now.getMonth() + 1)}-${p(now.getDate())}` +
    `T${p(now.getHours())}:${p(now.getMinutes())}:${p(now.getSeconds())}Z`
  );
}

export async function runProofread(
  args: ProofreadArgs,
  io: CliIO,
  catalog: CliCatalog,
  fs: OutputFs,
): Promise<number> {
  const t = catalog.cli;
  // Before anything is read: no output names an input or another output (1), each output
  // writable (2) and of its kind (1).
  const outputs: OutputPath[] = [];
  if (args.json !== null) outputs.push({ option: '--json', path: args.json });
  if (args.out !== null) outputs.push({ option: '--out', path: args.out });
  const targets = await outputTargets(
    [
      { role: 'draft', path: args.draft },
      { role: 'workbook', path: args.workbook },
    ],
    args,
    outputs,
    io,
    t,
    fs,
    (o) => (o.option === '--out' ? '.docx' : undefined),
  );
  if (typeof targets === 'number') return targets;

  let read: ReadDraft;
  let analysis: Analysis;
  let previous: Analysis | null = null;
  try {
    read = await readDraft(args.draft, t);
    if (args.out !== null && read.docx === null) {
      io.err(t.markNeedsDocx(args.draft));
      return 1;
    }
    if (args.out !== null && read.docx !== null && read.docx.contentType !== PLAIN_DOCUMENT_TYPE) {
      io.err(t.markNotPlainDocx(args.draft));
      return 2;
    }
    const settings = await loadSettings(args.settings, args.scheme, catalog);
    // As `evaluate`: without --previous, last month may be the workbook's own earlier period.
    analysis = (await analyzeFile(args.workbook, t, settings, args.previous === null)).analysis;
    if (args.previous !== null)
      previous = (await analyzeFile(args.previous, t, settings, false)).analysis;
  } catch (e) {
    if (e instanceof InputError) {
      io.err(e.message);
      return 2;
    }
    throw e;
  }

  const result = proofread(read.draft, analysis, previous);
  const data: { target: OutputTarget; data: string | Uint8Array }[] = [];
  const target = (option: OutputPath['option']) => targets.find((x) => x.option === option)!;
  if (args.json !== null)
    data.push({
      target: target('--json'),
      data: `${JSON.stringify(proofreadJson(result), null, 2)}\n`,
    });
  if (args.out !== null && read.docx !== null) {
    const { markDocx } = await import('../proofread/mark-docx');
    const copy = await markDocx(read.docx.bytes, result.findings, { date: wordDate(new Date()) });
    if (copy.unplaced.length > 0) io.err(t.markUnplaced(args.out, copy.unplaced));
    data.push({ target: target('--out'), data: copy.bytes });
  }
  if ((await writeOutputs(data, io, t, fs)) === 2) return 2;
  io.out(
    formatProofread(
      result,
      { draft: args.draft, workbook: args.workbook, previous: args.previous },
      t,
    ),
  );
  return 0;
}
