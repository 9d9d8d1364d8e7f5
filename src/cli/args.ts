export interface EvaluateArgs {
  readonly command: 'evaluate';
  readonly workbook: string;
  readonly previous: string | null;
  readonly json: string | null;
  readonly text: boolean;
  /** The bulletin as .docx. */
  readonly docx: string | null;
  /** A copy of the workbook with the recomputed columns. */
  readonly out: string | null;
  /** A JSON file of settings (weights, bands, narrative rules, issuer, date, …). */
  readonly settings: string | null;
  /** A preset scheme's id (district-rates, …) or a scheme file (.json): overrides the settings'. */
  readonly scheme: string | null;
}

/** `tongbao template <out.xlsx>`: the empty 通报数据 sheet, to fill in by hand. */
export interface TemplateArgs {
  readonly command: 'template';
  readonly out: string;
}

/**
 * [issue 17] `tongbao proofread <draft.docx|draft.txt> --workbook <this-month.xlsx> …`: the
 * draft's figures checked against the tables.
 */
export interface ProofreadArgs {
  readonly command: 'proofread';
  readonly draft: string;
  readonly workbook: string;
  readonly previous: string | null;
  readonly settings: string | null;
  readonly scheme: string | null;
  readonly json: string | null;
  /** A copy of the draft (.docx) with each wrong element highlighted and commented. */
  readonly out: string | null;
}

/**
 * [issue 16] `tongbao scheme <book.xlsx>`: the scheme Tongbao proposes from the workbook's own
 * tables (formulas found from the printed figures), as a scheme file on stdout.
 */
export interface SchemeArgs {
  readonly command: 'scheme';
  readonly workbook: string;
}

export type ParsedArgs =
  | EvaluateArgs
  | TemplateArgs
  | SchemeArgs
  | ProofreadArgs
  | { readonly command: 'help' }
  | { readonly error: 'unknownOption' | 'optionNeedsValue' | 'usage'; readonly option?: string };

const VALUE_OPTIONS = new Set([
  '--json',
  '--previous',
  '--docx',
  '--out',
  '--settings',
  '--scheme',
]);
const FLAGS = new Set(['--text']);

export function parseArgs(argv: readonly string[]): ParsedArgs {
  const [command, ...rest] = argv;
  if (command === undefined || command === 'help' || command === '--help' || command === '-h') {
    return { command: 'help' };
  }
  if (command === 'template') {
    const option = rest.find((a) => a.startsWith('--'));
    if (option !== undefined) return { error: 'unknownOption', option };
    return rest.length === 1 ? { command: 'template', out: rest[0]! } : { error: 'usage' };
  }
  if (command === 'proofread') return parseProofread(rest);
  if (command === 'scheme') {
    const option = rest.find((a) => a.startsWith('--'));
    if (option !== undefined) return { error: 'unknownOption', option };
    return rest.length === 1 ? { command: 'scheme', workbook: rest[0]! } : { error: 'usage' };
  }
  if (command !== 'evaluate') return { error: 'usage' };
  const positional: string[] = [];
  const options = new Map<string, string>();
  const flags = new Set<string>();
  for (let i = 0; i < rest.length; i++) {
    const arg = rest[i]!;
    if (FLAGS.has(arg)) {
      flags.add(arg);
    } else if (arg.startsWith('--')) {
      if (!VALUE_OPTIONS.has(arg)) return { error: 'unknownOption', option: arg };
      const value = rest[i + 1];
      if (value === undefined || value.startsWith('--'))
        return { error: 'optionNeedsValue', option: arg };
      options.set(arg, value);
      i++;
    } else {
      positional.push(arg);
    }
  }
  if (positional.length !== 1) return { error: 'usage' };
  return {
    command: 'evaluate',
    workbook: positional[0]!,
    previous: options.get('--previous') ?? null,
    json: options.get('--json') ?? null,
    text: flags.has('--text'),
    docx: options.get('--docx') ?? null,
    out: options.get('--out') ?? null,
    settings: options.get('--settings') ?? null,
    scheme: options.get('--scheme') ?? null,
  };
}

const PROOFREAD_OPTIONS = new Set([
  '--workbook',
  '--previous',
  '--settings',
  '--scheme',
  '--json',
  '--out',
]);

/** [issue 17] The draft, then options; --workbook is required. */
function parseProofread(rest: readonly string[]): ParsedArgs {
  const positional: string[] = [];
  const options = new Map<string, string>();
  for (let i = 0; i < rest.length; i++) {
    const arg = rest[i]!;
    if (arg.startsWith('--')) {
      if (!PROOFREAD_OPTIONS.has(arg)) return { error: 'unknownOption', option: arg };
      const value = rest[i + 1];
      if (value === undefined || value.startsWith('--'))
        return { error: 'optionNeedsValue', option: arg };
      options.set(arg, value);
      i++;
    } else {
      positional.push(arg);
    }
  }
  const workbook = options.get('--workbook');
  if (positional.length !== 1 || workbook === undefined) return { error: 'usage' };
  return {
    command: 'proofread',
    draft: positional[0]!,
    workbook,
    previous: options.get('--previous') ?? null,
    settings: options.get('--settings') ?? null,
    scheme: options.get('--scheme') ?? null,
    json: options.get('--json') ?? null,
    out: options.get('--out') ?? null,
  };
}
