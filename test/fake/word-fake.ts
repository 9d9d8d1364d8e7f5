/**
 * A fake of the Word API subset the Word adapter uses, with office-js semantics: calls are
 * queued and reach the document at sync(); every sync is counted with its request bytes;
 * reading an unloaded property throws; insertOoxml rejects what is not a flat OPC package.
 *
 * The document is only what the adapter can observe: the selection (a cursor or some text),
 * how deep in tables its start and its end are (0: body text, 1: a cell of a top-level
 * table, 2: a cell of a table nested in a cell…), whether the file is read-only and which
 * WordApi sets this "Word" supports. Each insertion records where it landed, so a test can
 * tell "after the table" from "inside a cell" (where a table would be nested).
 */
import {
  PropertyNotLoadedError,
  REQUEST_LIMIT,
  RequestPayloadSizeLimitExceededError,
} from './excel-fake';

/** Where inserted content ended up, as a user would see it. */
export type Landing =
  | 'atCursor'
  | 'afterSelection'
  | 'beforeSelection'
  | 'selectionStart'
  | 'selectionEnd'
  | 'replacedSelection'
  | 'afterTable'
  | 'inTableCell';

export interface Insertion {
  readonly ooxml: string;
  readonly location: string;
  readonly landed: Landing;
}

export interface Selection {
  /** '' is a cursor (a collapsed range, an insertion point). */
  readonly text: string;
  /** Table nesting at the selection's first character (0: not in a table). */
  readonly startDepth: number;
  /** Table nesting where the selection ends. */
  readonly endDepth: number;
}

/**
 * The common selections: a cursor, selected body text, or a cursor (or `text`) in a table
 * cell — of a table nested `depth` deep (1: a top-level table, 2: a table in one of its cells).
 */
export function selection(
  kind: 'cursor' | 'text' | 'table',
  { text = '', depth = 1 }: { readonly text?: string; readonly depth?: number } = {},
): Selection {
  if (kind === 'cursor') return { text: '', startDepth: 0, endDepth: 0 };
  if (kind === 'text') return { text: text || '所选的文字', startDepth: 0, endDepth: 0 };
  return { text, startDepth: depth, endDepth: depth };
}

/** An error as office-js raises it (OfficeExtension.Error): a code and a message. */
export class FakeWordError extends Error {
  override readonly name = 'RichApi.Error';
  constructor(
    readonly code: string,
    message: string,
  ) {
    super(message);
  }
}

export class FakeDocument {
  selection: Selection = selection('cursor');
  /** Viewing mode, a protected or a read-only file: every edit fails with AccessDenied. */
  readOnly = false;
  /** The next insert fails with this host error (e.g. GeneralException), then it is cleared. */
  failNextInsert: { code: string; message: string } | null = null;
  /** What Office.context.requirements.isSetSupported answers for WordApi. */
  readonly supported = new Set(['WordApi 1.1', 'WordApi 1.2', 'WordApi 1.3']);
  readonly insertions: Insertion[] = [];
  syncs = 0;
  readonly requestBytes: number[] = [];

  /** The selection's text (kept for older tests): setting it selects body text. */
  get selectionText(): string {
    return this.selection.text;
  }
  set selectionText(text: string) {
    this.selection = { text, startDepth: 0, endDepth: 0 };
  }

  /** This Word supports WordApi up to `version` only (e.g. '1.2': Office 2016 bought outright). */
  supportUpTo(version: string): this {
    const [, minor] = version.split('.').map(Number) as [number, number];
    this.supported.clear();
    for (let m = 1; m <= minor; m++) this.supported.add(`WordApi 1.${m}`);
    return this;
  }

  isSetSupported(name: string, version = '1.1'): boolean {
    const [major, minor] = version.split('.').map(Number) as [number, number];
    return [...this.supported].some((s) => {
      const [n, v] = s.split(' ') as [string, string];
      const [M, m] = v.split('.').map(Number) as [number, number];
      return n === name && (M > major || (M === major && m >= minor));
    });
  }

  run<T>(batch: (context: FakeWordContext) => Promise<T>): Promise<T> {
    return batch(new FakeWordContext(this));
  }
}

type Op = { readonly op: string; readonly payload: unknown; readonly apply: () => void };

export class FakeWordContext {
  private queue: Op[] = [];
  /** Bumped at every sync: objects remember the sync they were created before. */
  generation = 0;
  readonly document: { getSelection: () => FakeWordRange };
  constructor(readonly data: FakeDocument) {
    this.document = { getSelection: () => new FakeWordRange(this, { kind: 'selection' }) };
  }
  enqueue(op: Op): void {
    this.queue.push(op);
  }
  /** Queue a call of a WordApi 1.3 member: an older Word fails the whole batch at sync. */
  requires13(member: string): void {
    this.enqueue({
      op: 'call',
      payload: member,
      apply: () => {
        if (!this.data.isSetSupported('WordApi', '1.3'))
          throw new FakeWordError('ApiNotFound', `ApiNotFound: ${member} needs WordApi 1.3`);
      },
    });
  }
  sync(): Promise<void> {
    const bytes = new TextEncoder().encode(
      JSON.stringify(this.queue.map(({ op, payload }) => ({ op, payload }))),
    ).length;
    this.data.syncs++;
    this.data.requestBytes.push(bytes);
    this.generation++;
    const queue = this.queue;
    this.queue = [];
    if (bytes > REQUEST_LIMIT)
      return Promise.reject(new RequestPayloadSizeLimitExceededError(`request of ${bytes} bytes`));
    try {
      for (const op of queue) op.apply();
    } catch (e) {
      return Promise.reject(e instanceof Error ? e : new Error(String(e)));
    }
    return Promise.resolve();
  }
}

/** What a range stands for: the selection, one of its ends, or the point after a table. */
type Where =
  | { readonly kind: 'selection' }
  | { readonly kind: 'start' | 'end' }
  | { readonly kind: 'afterTable'; readonly depth: number };

const LOCATIONS = ['Replace', 'Start', 'End', 'Before', 'After'];

function propertyNames(props: string | readonly string[]): string[] {
  return (typeof props === 'string' ? props.split(',') : [...props]).map((p) => p.trim());
}

function notLoaded(name: string): never {
  throw new PropertyNotLoadedError(
    `PropertyNotLoaded: The property '${name}' is not available. Call load and sync first.`,
  );
}

export class FakeWordRange {
  private loaded = new Map<string, unknown>();
  constructor(
    private readonly ctx: FakeWordContext,
    private readonly where: Where,
  ) {}

  /** Table nesting at this range (a range that spans depths counts as outside the inner one). */
  private depth(): number {
    const s = this.ctx.data.selection;
    switch (this.where.kind) {
      case 'selection':
        return Math.min(s.startDepth, s.endDepth);
      case 'start':
        return s.startDepth;
      case 'end':
        return s.endDepth;
      case 'afterTable':
        return this.where.depth - 1;
    }
  }

  private isCollapsed(): boolean {
    return this.where.kind !== 'selection' || this.ctx.data.selection.text === '';
  }

  get text(): string {
    if (!this.loaded.has('text')) notLoaded('text');
    return this.loaded.get('text') as string;
  }

  /** WordApi 1.3. */
  get isEmpty(): boolean {
    if (!this.loaded.has('isEmpty')) notLoaded('isEmpty');
    return this.loaded.get('isEmpty') as boolean;
  }

  load(props: string | readonly string[]): this {
    const names = propertyNames(props);
    if (names.includes('isEmpty')) this.ctx.requires13('Range.isEmpty');
    this.ctx.enqueue({
      op: 'load',
      payload: names,
      apply: () => {
        for (const name of names) {
          if (name === 'text')
            this.loaded.set(
              'text',
              this.where.kind === 'selection' ? this.ctx.data.selection.text : '',
            );
          else if (name === 'isEmpty') this.loaded.set('isEmpty', this.isCollapsed());
          else throw new FakeWordError('InvalidArgument', `PropertyNotFound: Range.${name}`);
        }
      },
    });
    return this;
  }

  /** WordApi 1.3: 'Start', 'End' (collapsed), 'Whole' / 'Content' (the range itself). */
  getRange(location: string = 'Whole'): FakeWordRange {
    this.ctx.requires13('Range.getRange');
    if (this.where.kind !== 'selection' || location === 'Whole' || location === 'Content')
      return this;
    if (location === 'Start') return new FakeWordRange(this.ctx, { kind: 'start' });
    if (location === 'End') return new FakeWordRange(this.ctx, { kind: 'end' });
    throw new FakeWordError('InvalidArgument', `InvalidArgument: Range.getRange(${location})`);
  }

  /** WordApi 1.3: the innermost table holding the whole range, or a null object. */
  get parentTableOrNullObject(): FakeWordTable {
    this.ctx.requires13('Range.parentTableOrNullObject');
    return new FakeWordTable(this.ctx, this.depth(), true);
  }

  /** WordApi 1.3: as above, but ItemNotFound (at sync) outside a table. */
  get parentTable(): FakeWordTable {
    this.ctx.requires13('Range.parentTable');
    return new FakeWordTable(this.ctx, this.depth(), false);
  }

  insertOoxml(ooxml: string, location: string): void {
    if (!LOCATIONS.includes(location))
      throw new FakeWordError('InvalidArgument', `InvalidArgument: insert location ${location}`);
    this.ctx.enqueue({
      op: 'insertOoxml',
      payload: { ooxml, location },
      apply: () => {
        const data = this.ctx.data;
        if (data.readOnly)
          throw new FakeWordError(
            'AccessDenied',
            'AccessDenied: You cannot perform the requested operation.',
          );
        const failure = data.failNextInsert;
        if (failure) {
          data.failNextInsert = null;
          throw new FakeWordError(failure.code, `${failure.code}: ${failure.message}`);
        }
        if (
          !/^<pkg:package [\s\S]*<\/pkg:package>$/.test(ooxml) ||
          !ooxml.includes('pkg:name="/word/document.xml"')
        ) {
          throw new FakeWordError(
            'InvalidArgument',
            'InvalidArgument: insertOoxml needs a flat OPC package with /word/document.xml',
          );
        }
        data.insertions.push({ ooxml, location, landed: this.landing(location) });
      },
    });
  }

  private landing(location: string): Landing {
    const s = this.ctx.data.selection;
    if (this.where.kind === 'afterTable') return this.depth() > 0 ? 'inTableCell' : 'afterTable';
    if (this.where.kind !== 'selection') {
      if (this.depth() > 0) return 'inTableCell';
      if (s.text === '') return 'atCursor';
      return this.where.kind === 'end' ? 'afterSelection' : 'beforeSelection';
    }
    // Content at the selection's start (Before/Start) or end (After/End), or over all of it.
    const at =
      location === 'Replace'
        ? Math.max(s.startDepth, s.endDepth)
        : location === 'Before' || location === 'Start'
          ? s.startDepth
          : s.endDepth;
    if (at > 0) return 'inTableCell';
    if (s.text === '') return 'atCursor';
    const landed: Record<string, Landing> = {
      Replace: 'replacedSelection',
      Before: 'beforeSelection',
      Start: 'selectionStart',
      End: 'selectionEnd',
      After: 'afterSelection',
    };
    return landed[location]!;
  }
}

/** Word.Table (WordApi 1.3), or the null object a *OrNullObject accessor returns. */
export class FakeWordTable {
  private loaded = new Set<string>();
  /** The sync count when this proxy was made: isNullObject is known after the next sync. */
  private readonly bornAt: number;
  constructor(
    private readonly ctx: FakeWordContext,
    /** Nesting level of this table: 0 means there is no table. */
    private readonly level: number,
    private readonly orNull: boolean,
  ) {
    this.bornAt = ctx.generation;
    if (level === 0 && !orNull) {
      ctx.enqueue({
        op: 'resolve',
        payload: 'parentTable',
        apply: () => {
          throw new FakeWordError('ItemNotFound', 'ItemNotFound: the range is not in a table');
        },
      });
    }
  }

  /** Set by sync (no load needed, as the docs say), never readable before it. */
  get isNullObject(): boolean {
    if (this.ctx.generation === this.bornAt) notLoaded('isNullObject');
    return this.level === 0;
  }

  get nestingLevel(): number {
    if (!this.loaded.has('nestingLevel') || this.ctx.generation === this.bornAt)
      notLoaded('nestingLevel');
    if (this.level === 0)
      throw new FakeWordError('ItemNotFound', 'ItemNotFound: nestingLevel of a null object');
    return this.level;
  }

  load(props: string | readonly string[]): this {
    const names = propertyNames(props);
    this.ctx.enqueue({
      op: 'load',
      payload: names,
      apply: () => {
        for (const name of names) {
          if (name !== 'isNullObject' && name !== 'nestingLevel')
            throw new FakeWordError('InvalidArgument', `PropertyNotFound: Table.${name}`);
          this.loaded.add(name);
        }
      },
    });
    return this;
  }

  /** A call on a null object is queued like any other and fails the batch at sync. */
  private call(member: string): void {
    if (this.level > 0) return;
    this.ctx.enqueue({
      op: 'call',
      payload: member,
      apply: () => {
        throw new FakeWordError('ItemNotFound', `ItemNotFound: ${member} on a null object`);
      },
    });
  }

  /** The table holding this one (its nesting level minus one). */
  get parentTable(): FakeWordTable {
    this.call('Table.parentTable');
    return new FakeWordTable(this.ctx, Math.max(this.level - 1, 0), false);
  }

  get parentTableOrNullObject(): FakeWordTable {
    this.call('Table.parentTableOrNullObject');
    return new FakeWordTable(this.ctx, Math.max(this.level - 1, 0), true);
  }

  /** Only 'After' is modelled: the point just past the table. */
  getRange(location: string = 'Whole'): FakeWordRange {
    this.call('Table.getRange');
    if (location !== 'After')
      throw new FakeWordError('InvalidArgument', `the fake models Table.getRange('After') only`);
    return new FakeWordRange(this.ctx, { kind: 'afterTable', depth: this.level });
  }
}
