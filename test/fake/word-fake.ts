/**
 * A fake of the Word API subset the Word adapter uses, with office-js semantics: calls are
 * queued and reach the document at sync(); every sync is counted with its request bytes;
 * reading an unloaded property throws; insertOoxml rejects what is not a flat OPC package.
 *
 * The document is only what the adapter can observe: the selection (a cursor or some text)
 * and what holds each of its ends — tables (a cell of them) and content controls, nested in
 * any order, outermost first — whether the file is read-only and which WordApi sets this
 * "Word" supports. Each insertion records where it landed, so a test can tell "after the
 * table" from "inside a cell" (where a table would be nested), and "after the control" from
 * "inside the control" (whose content would change: the control's `text` records it).
 *
 * Rules modelled, from the Word JavaScript API reference (learn.microsoft.com
 * /javascript/api/word, and the same text in @types/office-js):
 * - Range.parentContentControl (WordApi 1.1) / parentContentControlOrNullObject (1.3): “the
 *   currently supported content control that contains the range”; ContentControl
 *   .parentContentControlOrNullObject / parentTableOrNullObject / getRange (all 1.3).
 * - ContentControl.insertOoxml: location “must be 'Replace', 'Start', or 'End'” — content goes
 *   INTO the control, never after it; after it is `getRange('After')` (1.3) then insert there.
 * - ContentControl.insertParagraph: 'Start', 'End', 'Before' or 'After'; Range.insertParagraph:
 *   'Before' or 'After' only. InsertLocation: “If the location is 'Before' or 'After', the new
 *   content will be outside of the modified object”.
 * - Plain-text controls: the reference now lists them as supported, but Word builds before
 *   that do not report them as a parent (OfficeDev/office-js#1302: parentContentControl throws
 *   ItemNotFound with the cursor in a plain-text control): `plainTextControlsVisible`.
 * - GUESS (no documented rule found): a plain-text control holds one run of text, so content
 *   with paragraphs or tables put INSIDE it fails the batch with GeneralException.
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
  | 'inTableCell'
  | 'afterContentControl'
  | 'beforeContentControl'
  | 'inContentControl';

export interface Insertion {
  /** The flat OPC package inserted ('' for a paragraph inserted by insertParagraph). */
  readonly ooxml: string;
  readonly location: string;
  readonly landed: Landing;
  /** insertParagraph's text. */
  readonly paragraph?: string;
}

/** A content control of the document: `text` is its content, changed by what lands in it. */
export interface FakeControl {
  readonly kind: 'control';
  readonly type: 'RichText' | 'PlainText';
  readonly id: number;
  text: string;
}

/** A table (one of its cells, for what it holds). */
export interface FakeTableBox {
  readonly kind: 'table';
}

export type Container = FakeControl | FakeTableBox;

export interface Selection {
  /** '' is a cursor (a collapsed range, an insertion point). */
  readonly text: string;
  /** What holds the selection's first character, outermost first ([]: body text). */
  readonly start: readonly Container[];
  /** What holds the point where the selection ends. */
  readonly end: readonly Container[];
}

let nextControlId = 1;

/** A content control holding `text` (what the user typed in it). */
export function control(type: 'RichText' | 'PlainText', text = '控件中的文字'): FakeControl {
  return { kind: 'control', type, id: nextControlId++, text };
}

export function table(): FakeTableBox {
  return { kind: 'table' };
}

/** A cursor (or `text` selected) inside `holders`, outermost first. */
export function inside(holders: readonly Container[], text = ''): Selection {
  return { text, start: holders, end: holders };
}

/**
 * The common selections: a cursor, selected body text, or a cursor (or `text`) in a table
 * cell — of a table nested `depth` deep (1: a top-level table, 2: a table in one of its cells).
 */
export function selection(
  kind: 'cursor' | 'text' | 'table',
  { text = '', depth = 1 }: { readonly text?: string; readonly depth?: number } = {},
): Selection {
  if (kind === 'cursor') return inside([]);
  if (kind === 'text') return inside([], text || '所选的文字');
  return inside(
    Array.from({ length: depth }, () => table()),
    text,
  );
}

/** A selection whose ends are in different places (e.g. body text into a table). */
export function spanning(
  text: string,
  start: readonly Container[],
  end: readonly Container[],
): Selection {
  return { text, start, end };
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
  /**
   * Whether parentContentControl* report plain-text controls (“the currently supported
   * content control”): Word builds before plain-text support skip them (office-js#1302).
   */
  plainTextControlsVisible = true;
  /** The next insert fails with this host error (e.g. GeneralException), then it is cleared. */
  failNextInsert: { code: string; message: string } | null = null;
  /** What Office.context.requirements.isSetSupported answers for WordApi. */
  readonly supported = new Set(['WordApi 1.1', 'WordApi 1.2', 'WordApi 1.3']);
  readonly insertions: Insertion[] = [];
  /** The document's text, paragraph by paragraph (body and table cells, in document order). */
  paragraphs: FakeParagraph[] = [];
  /** Content controls wrapped around text (Range.insertContentControl), in no order. */
  readonly controls: FakeTextControl[] = [];
  /** Comments (Range.insertComment, WordApi 1.4), in no order. */
  readonly comments: FakeComment[] = [];
  /** What Range/ContentControl.select() last selected, by paragraph index and offsets. */
  selected: { paragraph: number; start: number; end: number; text: string } | null = null;
  syncs = 0;
  readonly requestBytes: number[] = [];

  /** The selection's text (kept for older tests): setting it selects body text. */
  get selectionText(): string {
    return this.selection.text;
  }
  set selectionText(text: string) {
    this.selection = inside([], text);
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

  /** A control the API reports as a parent (“currently supported”). */
  visible(c: Container): c is FakeControl {
    return c.kind === 'control' && (c.type === 'RichText' || this.plainTextControlsVisible);
  }

  run<T>(batch: (context: FakeWordContext) => Promise<T>): Promise<T> {
    return batch(new FakeWordContext(this));
  }

  /**
   * The document's text: one paragraph each, `⟦-…-⟧` deleted and `⟦+…+⟧` inserted with
   * change tracking (shown inline, as “All Markup” shows them).
   */
  setText(paragraphs: readonly (string | { text: string; where?: 'body' | 'table' })[]): this {
    this.paragraphs = paragraphs.map((p) =>
      typeof p === 'string' ? fakeParagraph(p) : fakeParagraph(p.text, p.where),
    );
    this.controls.length = 0;
    this.comments.length = 0;
    return this;
  }

  /** Everything a user could see of the document's text: for “nothing else changed”. */
  snapshot(): unknown {
    const at = (p: FakeParagraph) => this.paragraphs.indexOf(p);
    return {
      paragraphs: this.paragraphs.map((p) => ({
        where: p.where,
        chars: p.chars.map((c) => `${c.ch}|${c.revision ?? ''}|${c.highlight ?? ''}`),
      })),
      controls: this.controls
        .map((c) => `${at(c.paragraph)}:${c.start}-${c.end} ${c.tag} ${c.title}`)
        .sort(),
      comments: this.comments
        .map((c) => `${at(c.paragraph)}:${c.start}-${c.end} ${c.content}`)
        .sort(),
    };
  }

  /** The characters of paragraph `index` highlighted with `color` ('#RRGGBB'), as strings. */
  highlighted(color = '#FFFF00'): { paragraph: number; text: string; start: number }[] {
    const out: { paragraph: number; text: string; start: number }[] = [];
    this.paragraphs.forEach((p, paragraph) => {
      let run: { paragraph: number; text: string; start: number } | null = null;
      p.chars.forEach((c, i) => {
        if (c.highlight === color) {
          if (run) run.text += c.ch;
          else out.push((run = { paragraph, text: c.ch, start: i }));
        } else run = null;
      });
    });
    return out;
  }
}

type Op = { readonly op: string; readonly payload: unknown; readonly apply: () => void };

export class FakeWordContext {
  private queue: Op[] = [];
  /** Bumped at every sync: objects remember the sync they were created before. */
  generation = 0;
  readonly document: {
    getSelection: () => FakeWordRange;
    /** WordApi 1.1: the body; its `paragraphs` hold table cells' paragraphs too. */
    readonly body: FakeBody;
    /** WordApi 1.1: the document's content controls (those wrapped around text). */
    readonly contentControls: FakeTextControlCollection;
  };
  constructor(readonly data: FakeDocument) {
    const paragraphs = () => new FakeParagraphCollection(this);
    const controls = () => new FakeTextControlCollection(this, null);
    this.document = {
      getSelection: () => new FakeWordRange(this, { kind: 'selection' }),
      get body() {
        return { paragraphs: paragraphs() };
      },
      get contentControls() {
        return controls();
      },
    };
  }
  enqueue(op: Op): void {
    this.queue.push(op);
  }
  /** Queue a call of a WordApi 1.3 member: an older Word fails the whole batch at sync. */
  requires13(member: string): void {
    this.requires('1.3', member);
  }
  /** Queue a call of a member of WordApi `version`: an older Word fails the batch at sync. */
  requires(version: string, member: string): void {
    this.enqueue({
      op: 'call',
      payload: member,
      apply: () => {
        if (!this.data.isSetSupported('WordApi', version))
          throw new FakeWordError('ApiNotFound', `ApiNotFound: ${member} needs WordApi ${version}`);
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

/**
 * What a range stands for: the selection, one of its ends, or the point just after a
 * container (`path`: what holds it, outermost first, ending with the container itself).
 */
type Where =
  | { readonly kind: 'selection' }
  | { readonly kind: 'start' | 'end' }
  | { readonly kind: 'after'; readonly path: readonly Container[] };

const LOCATIONS = ['Replace', 'Start', 'End', 'Before', 'After'];

function propertyNames(props: string | readonly string[]): string[] {
  return (typeof props === 'string' ? props.split(',') : [...props]).map((p) => p.trim());
}

function notLoaded(name: string): never {
  throw new PropertyNotLoadedError(
    `PropertyNotLoaded: The property '${name}' is not available. Call load and sync first.`,
  );
}

/** The containers both paths share (what holds the whole of a selection). */
function commonPrefix(a: readonly Container[], b: readonly Container[]): Container[] {
  const out: Container[] = [];
  for (let i = 0; i < Math.min(a.length, b.length) && a[i] === b[i]; i++) out.push(a[i]!);
  return out;
}

/** `path` up to (and including) its innermost element that `keep` accepts, or null. */
function upToInnermost(
  path: readonly Container[],
  keep: (c: Container) => boolean,
): Container[] | null {
  for (let i = path.length - 1; i >= 0; i--) if (keep(path[i]!)) return path.slice(0, i + 1);
  return null;
}

const isTable = (c: Container) => c.kind === 'table';

/** AccessDenied, failNextInsert and the package check: what every insert goes through. */
function checkInsert(data: FakeDocument, ooxml: string | null): void {
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
    ooxml !== null &&
    (!/^<pkg:package [\s\S]*<\/pkg:package>$/.test(ooxml) ||
      !ooxml.includes('pkg:name="/word/document.xml"'))
  ) {
    throw new FakeWordError(
      'InvalidArgument',
      'InvalidArgument: insertOoxml needs a flat OPC package with /word/document.xml',
    );
  }
}

/** Marks what an insertion puts inside a control, so a test sees the control's content change. */
export const INSERTED_IN_CONTROL = '〔插入的内容〕';

/**
 * Content put at a point held by `holders`: inside the innermost container. In a control, its
 * content changes (a plain-text control refuses it: GUESS, see the header).
 */
function landInside(holders: readonly Container[]): Landing {
  const innermost = holders[holders.length - 1]!;
  if (innermost.kind === 'table') return 'inTableCell';
  if (innermost.type === 'PlainText')
    throw new FakeWordError(
      'GeneralException',
      'GeneralException: a plain-text content control cannot hold paragraphs (fake: guessed rule)',
    );
  innermost.text += INSERTED_IN_CONTROL;
  return 'inContentControl';
}

export class FakeWordRange {
  private loaded = new Map<string, unknown>();
  constructor(
    private readonly ctx: FakeWordContext,
    private readonly where: Where,
  ) {}

  /** What holds this range, outermost first (a selection: what holds all of it). */
  private holders(): readonly Container[] {
    const s = this.ctx.data.selection;
    switch (this.where.kind) {
      case 'selection':
        return commonPrefix(s.start, s.end);
      case 'start':
        return s.start;
      case 'end':
        return s.end;
      case 'after':
        return this.where.path.slice(0, -1);
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
    return new FakeWordTable(this.ctx, upToInnermost(this.holders(), isTable), true);
  }

  /** WordApi 1.3: as above, but ItemNotFound (at sync) outside a table. */
  get parentTable(): FakeWordTable {
    this.ctx.requires13('Range.parentTable');
    return new FakeWordTable(this.ctx, upToInnermost(this.holders(), isTable), false);
  }

  /** WordApi 1.3: the innermost (supported) content control holding the range, or a null object. */
  get parentContentControlOrNullObject(): FakeWordContentControl {
    this.ctx.requires13('Range.parentContentControlOrNullObject');
    const path = upToInnermost(this.holders(), (c) => this.ctx.data.visible(c));
    return new FakeWordContentControl(this.ctx, path, true);
  }

  /** WordApi 1.1: as above, but ItemNotFound (at sync) outside a control. */
  get parentContentControl(): FakeWordContentControl {
    const path = upToInnermost(this.holders(), (c) => this.ctx.data.visible(c));
    return new FakeWordContentControl(this.ctx, path, false);
  }

  insertOoxml(ooxml: string, location: string): void {
    if (!LOCATIONS.includes(location))
      throw new FakeWordError('InvalidArgument', `InvalidArgument: insert location ${location}`);
    this.ctx.enqueue({
      op: 'insertOoxml',
      payload: { ooxml, location },
      apply: () => {
        checkInsert(this.ctx.data, ooxml);
        this.ctx.data.insertions.push({ ooxml, location, landed: this.landing(location) });
      },
    });
  }

  /** WordApi 1.1: Range.insertParagraph takes 'Before' or 'After' only. */
  insertParagraph(text: string, location: string): void {
    this.ctx.enqueue({
      op: 'insertParagraph',
      payload: { text, location },
      apply: () => {
        if (location !== 'Before' && location !== 'After')
          throw new FakeWordError(
            'InvalidArgument',
            `InvalidArgument: Range.insertParagraph(${location})`,
          );
        checkInsert(this.ctx.data, null);
        const landed = this.landing(location);
        this.ctx.data.insertions.push({ ooxml: '', location, landed, paragraph: text });
      },
    });
  }

  private landing(location: string): Landing {
    const s = this.ctx.data.selection;
    if (this.where.kind === 'after') {
      const holders = this.holders();
      if (holders.length > 0) return landInside(holders);
      const container = this.where.path[this.where.path.length - 1]!;
      return container.kind === 'table' ? 'afterTable' : 'afterContentControl';
    }
    if (this.where.kind !== 'selection') {
      const holders = this.where.kind === 'start' ? s.start : s.end;
      if (holders.length > 0) return landInside(holders);
      if (s.text === '') return 'atCursor';
      return this.where.kind === 'end' ? 'afterSelection' : 'beforeSelection';
    }
    // Content at the selection's start (Before/Start) or end (After/End), or over all of it
    // (Replace: inside whatever holds either end).
    const holders =
      location === 'Replace'
        ? s.end.length > 0
          ? s.end
          : s.start
        : location === 'Before' || location === 'Start'
          ? s.start
          : s.end;
    if (holders.length > 0) return landInside(holders);
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

/** What Table and ContentControl share: a path, the null object, and the sync it knows. */
abstract class FakeWordObject {
  protected loaded = new Set<string>();
  /** The sync count when this proxy was made: isNullObject is known after the next sync. */
  private readonly bornAt: number;
  constructor(
    protected readonly ctx: FakeWordContext,
    /** What holds this object, outermost first, ending with the object; null: no object. */
    protected readonly path: readonly Container[] | null,
    member: string,
    orNull: boolean,
  ) {
    this.bornAt = ctx.generation;
    if (path === null && !orNull) {
      ctx.enqueue({
        op: 'resolve',
        payload: member,
        apply: () => {
          throw new FakeWordError('ItemNotFound', `ItemNotFound: ${member}: there is none`);
        },
      });
    }
  }

  /** Set by sync (no load needed, as the docs say), never readable before it. */
  get isNullObject(): boolean {
    if (this.ctx.generation === this.bornAt) notLoaded('isNullObject');
    return this.path === null;
  }

  /** A loaded property of a real object (a null object's cannot be read). */
  protected property<T>(name: string, value: () => T): T {
    if (!this.loaded.has(name) || this.ctx.generation === this.bornAt) notLoaded(name);
    if (this.path === null)
      throw new FakeWordError('ItemNotFound', `ItemNotFound: ${name} of a null object`);
    return value();
  }

  protected queueLoad(kind: string, props: string | readonly string[], known: string[]): void {
    const names = propertyNames(props);
    this.ctx.enqueue({
      op: 'load',
      payload: names,
      apply: () => {
        for (const name of names) {
          if (name !== 'isNullObject' && !known.includes(name))
            throw new FakeWordError('InvalidArgument', `PropertyNotFound: ${kind}.${name}`);
          this.loaded.add(name);
        }
      },
    });
  }

  /** A call on a null object is queued like any other and fails the batch at sync. */
  protected call(member: string): void {
    if (this.path !== null) return;
    this.ctx.enqueue({
      op: 'call',
      payload: member,
      apply: () => {
        throw new FakeWordError('ItemNotFound', `ItemNotFound: ${member} on a null object`);
      },
    });
  }

  /** What holds this object (its path without itself). */
  protected holders(): readonly Container[] {
    return this.path === null ? [] : this.path.slice(0, -1);
  }

  /** The point just after this object. */
  protected after(): FakeWordRange {
    return new FakeWordRange(this.ctx, { kind: 'after', path: this.path ?? [] });
  }
}

/** Word.Table (WordApi 1.3), or the null object a *OrNullObject accessor returns. */
export class FakeWordTable extends FakeWordObject {
  constructor(ctx: FakeWordContext, path: readonly Container[] | null, orNull: boolean) {
    super(ctx, path, 'parentTable', orNull);
  }

  get nestingLevel(): number {
    return this.property('nestingLevel', () => this.path!.filter(isTable).length);
  }

  load(props: string | readonly string[]): this {
    this.queueLoad('Table', props, ['nestingLevel']);
    return this;
  }

  /** The table holding this one (whatever controls lie between). */
  get parentTable(): FakeWordTable {
    this.call('Table.parentTable');
    return new FakeWordTable(this.ctx, upToInnermost(this.holders(), isTable), false);
  }

  get parentTableOrNullObject(): FakeWordTable {
    this.call('Table.parentTableOrNullObject');
    return new FakeWordTable(this.ctx, upToInnermost(this.holders(), isTable), true);
  }

  /** Only 'After' is modelled: the point just past the table. */
  getRange(location: string = 'Whole'): FakeWordRange {
    this.call('Table.getRange');
    if (location !== 'After')
      throw new FakeWordError('InvalidArgument', `the fake models Table.getRange('After') only`);
    return this.after();
  }
}

/** Word.ContentControl (WordApi 1.1; its parents and getRange 1.3), or a null object. */
export class FakeWordContentControl extends FakeWordObject {
  constructor(ctx: FakeWordContext, path: readonly Container[] | null, orNull: boolean) {
    super(ctx, path, 'parentContentControl', orNull);
  }

  private get control(): FakeControl {
    return this.path![this.path!.length - 1] as FakeControl;
  }

  /** 'RichText' or 'PlainText' (the two kinds the fake models). */
  get type(): string {
    return this.property('type', () => this.control.type);
  }

  get text(): string {
    return this.property('text', () => this.control.text);
  }

  get id(): number {
    return this.property('id', () => this.control.id);
  }

  load(props: string | readonly string[]): this {
    this.queueLoad('ContentControl', props, ['type', 'text', 'id']);
    return this;
  }

  /** WordApi 1.3: the (supported) control holding this one, or a null object. */
  get parentContentControlOrNullObject(): FakeWordContentControl {
    this.ctx.requires13('ContentControl.parentContentControlOrNullObject');
    this.call('ContentControl.parentContentControlOrNullObject');
    const path = upToInnermost(this.holders(), (c) => this.ctx.data.visible(c));
    return new FakeWordContentControl(this.ctx, path, true);
  }

  /** WordApi 1.3: the innermost table holding this control, or a null object. */
  get parentTableOrNullObject(): FakeWordTable {
    this.ctx.requires13('ContentControl.parentTableOrNullObject');
    this.call('ContentControl.parentTableOrNullObject');
    return new FakeWordTable(this.ctx, upToInnermost(this.holders(), isTable), true);
  }

  /** WordApi 1.3. Only 'After' is modelled: the point just past the control. */
  getRange(location: string = 'Whole'): FakeWordRange {
    this.ctx.requires13('ContentControl.getRange');
    this.call('ContentControl.getRange');
    if (location !== 'After')
      throw new FakeWordError(
        'InvalidArgument',
        `the fake models ContentControl.getRange('After') only`,
      );
    return this.after();
  }

  /**
   * Into the control: the location “must be 'Replace', 'Start', or 'End'”; the host refuses
   * any other (InvalidArgument at sync — which code is a GUESS).
   */
  insertOoxml(ooxml: string, location: string): void {
    this.call('ContentControl.insertOoxml');
    this.ctx.enqueue({
      op: 'insertOoxml',
      payload: { ooxml, location },
      apply: () => {
        if (!['Replace', 'Start', 'End'].includes(location))
          throw new FakeWordError(
            'InvalidArgument',
            `InvalidArgument: ContentControl.insertOoxml(${location}): Replace, Start or End`,
          );
        checkInsert(this.ctx.data, ooxml);
        const landed = landInside(this.path!);
        this.ctx.data.insertions.push({ ooxml, location, landed });
      },
    });
  }

  /** 'Start' / 'End': into the control; 'Before' / 'After': outside it, next to it. */
  insertParagraph(text: string, location: string): void {
    this.call('ContentControl.insertParagraph');
    this.ctx.enqueue({
      op: 'insertParagraph',
      payload: { text, location },
      apply: () => {
        if (!['Start', 'End', 'Before', 'After'].includes(location))
          throw new FakeWordError(
            'InvalidArgument',
            `InvalidArgument: insertParagraph(${location})`,
          );
        checkInsert(this.ctx.data, null);
        const landed =
          location === 'Start' || location === 'End'
            ? landInside(this.path!)
            : this.holders().length > 0
              ? landInside(this.holders())
              : location === 'After'
                ? 'afterContentControl'
                : 'beforeContentControl';
        this.ctx.data.insertions.push({ ooxml: '', location, landed, paragraph: text });
      },
    });
  }
}

// ---------------------------------------------------------------------------------------------
// The document's text, for proofreading (issue #17): paragraphs, search, highlight, content
// controls wrapped around text, comments. Rules, from the Word JavaScript API reference
// (learn.microsoft.com/javascript/api/word, the same text as @types/office-js) and the
// office-js issues named:
// - Body.paragraphs (1.1) holds the paragraphs of table cells too, in document order;
//   Paragraph.tableNestingLevel (1.3) “returns 0 if the paragraph isn't in a table”.
// - Paragraph.text (1.1) with tracked changes shown inline holds deleted text too (Word on the
//   web: office-js#1267; Windows with “All Markup” inline: #2314); getReviewedText('Current')
//   (1.4) is the text with the changes accepted, 'Original' without them.
// - search(text, options) (1.1) returns a RangeCollection, found in the text as shown (deleted
//   text included: a word broken by a deletion is not found, office-js#5874); matchCase
//   (default false); without matchWildcards, `^^` is a caret and other `^` codes are special
//   characters (not modelled: refused); a search string over 255 characters fails
//   (InvalidArgument: office-js#168/#31). The fake refuses matchWildcards: true (unused).
// - Font.highlightColor (1.1): set a colour name or '#RRGGBB', null removes it; read back as
//   '#RRGGBB', '' for mixed colours, null for none.
// - Range.insertContentControl (1.1) wraps the range; a range that crosses the boundary of an
//   existing control (partly in, partly out) fails with GeneralException (office-js#1169, a
//   Microsoft engineer: “an invalid CC operation … it will fail [in the UI], and so the API”);
//   ContentControl.tag / title / appearance
//   (1.1); ContentControlCollection.getByTag (1.1); ContentControl.delete(keepContent) (1.1):
//   with true the content stays. A control adds no characters to Paragraph.text (GUESS: the
//   reference does not say; Word shows control boundaries only as marks).
// - Range.insertComment (1.4), Comment.content / delete (1.4), ContentControl.getComments
//   (1.4): the comments anchored in the control's range (GUESS: “Gets comments associated
//   with the content control” — taken as anchored wholly inside it).
// - Range/ContentControl.select() (1.1) selects it in Word.
// - Every edit fails with AccessDenied in a read-only document, and with NotAllowed in text
//   of a locked content control (`FakeParagraph.locked`: the document's own, not modelled
//   further).
// ---------------------------------------------------------------------------------------------

export interface FakeChar {
  readonly ch: string;
  /** Tracked change the character belongs to (shown inline), or none. */
  readonly revision: 'inserted' | 'deleted' | null;
  /** '#RRGGBB' or null. */
  highlight: string | null;
}

export interface FakeParagraph {
  readonly chars: FakeChar[];
  readonly where: 'body' | 'table';
  /** Text inside a locked content control of the document: edits fail with NotAllowed. */
  locked: boolean;
}

/** A content control wrapped around text of one paragraph (offsets in the shown text). */
export interface FakeTextControl {
  readonly id: number;
  readonly paragraph: FakeParagraph;
  readonly start: number;
  readonly end: number;
  tag: string;
  title: string;
  appearance: string;
}

export interface FakeComment {
  readonly id: string;
  readonly paragraph: FakeParagraph;
  readonly start: number;
  readonly end: number;
  content: string;
  readonly authorName: string;
}

/** A paragraph from text with `⟦-deleted-⟧` and `⟦+inserted+⟧` tracked changes. */
export function fakeParagraph(text: string, where: 'body' | 'table' = 'body'): FakeParagraph {
  const chars: FakeChar[] = [];
  const re = /⟦([-+])([\s\S]*?)\1⟧/g;
  let last = 0;
  const add = (t: string, revision: FakeChar['revision']) => {
    // UTF-16 code units, as offsets into Paragraph.text count them.
    for (const unit of t.split('')) chars.push({ ch: unit, revision, highlight: null });
  };
  for (const m of text.matchAll(re)) {
    add(text.slice(last, m.index), null);
    add(m[2]!, m[1] === '-' ? 'deleted' : 'inserted');
    last = m.index + m[0].length;
  }
  add(text.slice(last), null);
  return { chars, where, locked: false };
}

const shownText = (p: FakeParagraph) => p.chars.map((c) => c.ch).join('');

/** The default highlight colours (Font.highlightColor's note), by name. */
const HIGHLIGHTS: Readonly<Record<string, string>> = {
  yellow: '#FFFF00',
  lime: '#00FF00',
  turquoise: '#00FFFF',
  pink: '#FF00FF',
  blue: '#0000FF',
  red: '#FF0000',
  darkblue: '#000080',
  teal: '#008080',
  green: '#008000',
  purple: '#800080',
  darkred: '#800000',
  olive: '#808000',
  gray: '#808080',
  lightgray: '#C0C0C0',
  black: '#000000',
};

function highlightValue(color: string | null): string | null {
  if (color === null) return null;
  const named = HIGHLIGHTS[color.toLowerCase()];
  if (named) return named;
  if (/^#[0-9a-f]{6}$/i.test(color)) return color.toUpperCase();
  throw new FakeWordError('InvalidArgument', `InvalidArgument: highlightColor ${color}`);
}

/** What a read of highlightColor over `chars` returns. */
function highlightOf(chars: readonly FakeChar[]): string | null {
  const colors = new Set(chars.map((c) => c.highlight));
  if (colors.size !== 1) return '';
  return [...colors][0]!;
}

/** AccessDenied in a read-only document, NotAllowed in a locked control's text. */
function checkEdit(data: FakeDocument, paragraph: FakeParagraph | null, member: string): void {
  if (data.readOnly)
    throw new FakeWordError('AccessDenied', `AccessDenied: ${member}: the document is read-only`);
  if (paragraph?.locked)
    throw new FakeWordError('NotAllowed', `NotAllowed: ${member}: the text is in a locked control`);
}

/** A stretch of one paragraph, by offsets into its shown text. */
interface Span {
  readonly paragraph: FakeParagraph;
  readonly start: number;
  readonly end: number;
}

/** Loaded values of a proxy: set at sync, readable only after it. */
class Loaded {
  private readonly values = new Map<string, unknown>();
  constructor(private readonly kind: string) {}
  set(name: string, value: unknown): void {
    this.values.set(name, value);
  }
  get<T>(name: string): T {
    if (!this.values.has(name)) notLoaded(`${this.kind}.${name}`);
    return this.values.get(name) as T;
  }
}

/** `props` as names relative to the items of a collection ('items/text' → 'text'). */
function itemProps(props: string | readonly string[]): string[] {
  return propertyNames(props)
    .filter((p) => p !== '' && p !== 'items')
    .map((p) => p.replace(/^items\//, ''));
}

export class FakeClientResult<T> {
  private known = false;
  private v: T | undefined;
  settle(v: T): void {
    this.v = v;
    this.known = true;
  }
  get value(): T {
    if (!this.known)
      throw new PropertyNotLoadedError('PropertyNotLoaded: the result is known after sync');
    return this.v as T;
  }
}

/** Word.Font of a range or a control: only highlightColor is modelled. */
export class FakeFont {
  private readonly loaded = new Loaded('Font');
  constructor(
    private readonly ctx: FakeWordContext,
    private readonly span: () => Span,
  ) {}
  /** Filled by a load of the owner's 'font' or 'font/highlightColor'. */
  fill(): void {
    const s = this.span();
    this.loaded.set('highlightColor', highlightOf(s.paragraph.chars.slice(s.start, s.end)));
  }
  get highlightColor(): string | null {
    return this.loaded.get<string | null>('highlightColor');
  }
  set highlightColor(color: string | null) {
    this.ctx.enqueue({
      op: 'set',
      payload: { highlightColor: color },
      apply: () => {
        const s = this.span();
        checkEdit(this.ctx.data, s.paragraph, 'Font.highlightColor');
        const value = highlightValue(color);
        for (const c of s.paragraph.chars.slice(s.start, s.end)) c.highlight = value;
      },
    });
  }
}

/** Queue a load of `names` on a proxy whose values `fill` computes at sync. */
function queueLoad(
  ctx: FakeWordContext,
  kind: string,
  names: readonly string[],
  known: readonly string[],
  fill: (name: string) => void,
): void {
  ctx.enqueue({
    op: 'load',
    payload: { kind, names },
    apply: () => {
      for (const name of names) {
        if (!known.includes(name))
          throw new FakeWordError('InvalidArgument', `PropertyNotFound: ${kind}.${name}`);
        fill(name);
      }
    },
  });
}

/** A Word.Range over some text of a paragraph (a search result). */
export class FakeTextRange {
  private readonly loaded = new Loaded('Range');
  readonly font: FakeFont;
  constructor(
    private readonly ctx: FakeWordContext,
    readonly span: Span,
  ) {
    this.font = new FakeFont(ctx, () => span);
  }
  get text(): string {
    return this.loaded.get('text');
  }
  /** Fill the loaded values now (at the sync that made this range). */
  fill(name: string): void {
    if (name === 'text')
      this.loaded.set('text', shownText(this.span.paragraph).slice(this.span.start, this.span.end));
    else if (name === 'font' || name === 'font/highlightColor') this.font.fill();
  }
  load(props: string | readonly string[]): this {
    queueLoad(this.ctx, 'Range', propertyNames(props), RANGE_PROPS, (n) => this.fill(n));
    return this;
  }
  /** WordApi 1.1: wraps the range in a (rich text) content control. */
  insertContentControl(type: string = 'RichText'): FakeTextControlProxy {
    const proxy = new FakeTextControlProxy(this.ctx, null);
    this.ctx.enqueue({
      op: 'insertContentControl',
      payload: type,
      apply: () => {
        if (type !== 'RichText')
          throw new FakeWordError('InvalidArgument', `the fake models RichText controls only`);
        checkEdit(this.ctx.data, this.span.paragraph, 'Range.insertContentControl');
        const { start, end, paragraph } = this.span;
        const crossed = this.ctx.data.controls.some(
          (c) =>
            c.paragraph === paragraph &&
            c.start < end &&
            start < c.end &&
            !(c.start <= start && end <= c.end) &&
            !(start <= c.start && c.end <= end),
        );
        if (crossed)
          throw new FakeWordError(
            'GeneralException',
            'GeneralException: the range crosses the boundary of a content control',
          );
        const control: FakeTextControl = {
          id: nextControlId++,
          ...this.span,
          tag: '',
          title: '',
          appearance: 'BoundingBox',
        };
        this.ctx.data.controls.push(control);
        proxy.bind(control);
      },
    });
    return proxy;
  }
  /** WordApi 1.4. */
  insertComment(text: string): FakeCommentProxy {
    this.ctx.requires('1.4', 'Range.insertComment');
    const proxy = new FakeCommentProxy(this.ctx, null);
    this.ctx.enqueue({
      op: 'insertComment',
      payload: text,
      apply: () => {
        checkEdit(this.ctx.data, this.span.paragraph, 'Range.insertComment');
        const comment: FakeComment = {
          id: `{fake-comment-${this.ctx.data.comments.length + 1}-${Date.now()}}`,
          ...this.span,
          content: text,
          authorName: '当前用户',
        };
        this.ctx.data.comments.push(comment);
        proxy.bind(comment);
      },
    });
    return proxy;
  }
  select(mode: string = 'Select'): void {
    this.ctx.enqueue({
      op: 'select',
      payload: mode,
      apply: () => selectSpan(this.ctx.data, this.span),
    });
  }
}

const RANGE_PROPS = ['text', 'font', 'font/highlightColor'];

function selectSpan(data: FakeDocument, span: Span): void {
  const text = shownText(span.paragraph).slice(span.start, span.end);
  const paragraph = data.paragraphs.indexOf(span.paragraph);
  data.selected = { paragraph, start: span.start, end: span.end, text };
  data.selection = inside(span.paragraph.where === 'table' ? [table()] : [], text);
}

/** The characters a search string stands for without wildcards (`^^` is a caret). */
function literalSearch(text: string): string {
  if (text.length > 255)
    throw new FakeWordError(
      'InvalidArgument',
      'InvalidArgument: search string over 255 characters',
    );
  return text.replace(/\^(.)/g, (_, c: string) => {
    if (c === '^') return '^';
    throw new FakeWordError('InvalidArgument', `the fake does not model the search code ^${c}`);
  });
}

/** Word.RangeCollection: the results of a search, found at the sync that loads them. */
export class FakeRangeCollection {
  private found: FakeTextRange[] | null = null;
  constructor(
    private readonly ctx: FakeWordContext,
    private readonly paragraph: () => FakeParagraph,
    private readonly searchText: string,
    private readonly options: { matchCase?: boolean; matchWildcards?: boolean },
  ) {}
  get items(): FakeTextRange[] {
    if (this.found === null) notLoaded('RangeCollection.items');
    return this.found;
  }
  load(props: string | readonly string[] = 'text'): this {
    const names = itemProps(props);
    this.ctx.enqueue({
      op: 'load',
      payload: { search: this.searchText, options: this.options, names },
      apply: () => {
        if (this.options.matchWildcards)
          throw new FakeWordError('InvalidArgument', 'the fake does not model wildcard search');
        const p = this.paragraph();
        const wanted = literalSearch(this.searchText);
        const fold = (s: string) => (this.options.matchCase ? s : s.toLowerCase());
        const text = fold(shownText(p));
        const needle = fold(wanted);
        const found: FakeTextRange[] = [];
        for (let at = needle === '' ? -1 : text.indexOf(needle); at >= 0;) {
          found.push(
            new FakeTextRange(this.ctx, { paragraph: p, start: at, end: at + needle.length }),
          );
          at = text.indexOf(needle, at + needle.length);
        }
        for (const range of found)
          for (const name of names) {
            if (!RANGE_PROPS.includes(name))
              throw new FakeWordError('InvalidArgument', `PropertyNotFound: Range.${name}`);
            range.fill(name);
          }
        this.found = found;
      },
    });
    return this;
  }
}

/** Word.Paragraph. */
export class FakeParagraphProxy {
  private readonly loaded = new Loaded('Paragraph');
  constructor(
    private readonly ctx: FakeWordContext,
    private readonly paragraph: FakeParagraph,
  ) {}
  get text(): string {
    return this.loaded.get('text');
  }
  /** WordApi 1.3. */
  get tableNestingLevel(): number {
    return this.loaded.get('tableNestingLevel');
  }
  fill(name: string): void {
    if (name === 'text') this.loaded.set('text', shownText(this.paragraph));
    else if (name === 'tableNestingLevel')
      this.loaded.set('tableNestingLevel', this.paragraph.where === 'table' ? 1 : 0);
    else throw new FakeWordError('InvalidArgument', `PropertyNotFound: Paragraph.${name}`);
  }
  load(props: string | readonly string[]): this {
    const names = propertyNames(props);
    if (names.includes('tableNestingLevel'))
      this.ctx.requires('1.3', 'Paragraph.tableNestingLevel');
    queueLoad(this.ctx, 'Paragraph', names, PARAGRAPH_PROPS, (n) => this.fill(n));
    return this;
  }
  search(
    text: string,
    options: { matchCase?: boolean; matchWildcards?: boolean } = {},
  ): FakeRangeCollection {
    return new FakeRangeCollection(this.ctx, () => this.paragraph, text, options);
  }
  /** WordApi 1.4: 'Current' (changes accepted, the default) or 'Original'. */
  getReviewedText(version: 'Current' | 'Original' = 'Current'): FakeClientResult<string> {
    this.ctx.requires('1.4', 'Paragraph.getReviewedText');
    const result = new FakeClientResult<string>();
    this.ctx.enqueue({
      op: 'getReviewedText',
      payload: version,
      apply: () => {
        const skip = version === 'Current' ? 'deleted' : 'inserted';
        result.settle(
          this.paragraph.chars
            .filter((c) => c.revision !== skip)
            .map((c) => c.ch)
            .join(''),
        );
      },
    });
    return result;
  }
}

const PARAGRAPH_PROPS = ['text', 'tableNestingLevel'];

/** Word.ParagraphCollection of the body. */
export class FakeParagraphCollection {
  private list: FakeParagraphProxy[] | null = null;
  constructor(private readonly ctx: FakeWordContext) {}
  get items(): FakeParagraphProxy[] {
    if (this.list === null) notLoaded('ParagraphCollection.items');
    return this.list;
  }
  load(props: string | readonly string[] = 'text'): this {
    const names = itemProps(props);
    if (names.includes('tableNestingLevel'))
      this.ctx.requires('1.3', 'Paragraph.tableNestingLevel');
    this.ctx.enqueue({
      op: 'load',
      payload: { paragraphs: names },
      apply: () => {
        this.list = this.ctx.data.paragraphs.map((p) => {
          const proxy = new FakeParagraphProxy(this.ctx, p);
          for (const name of names) proxy.fill(name);
          return proxy;
        });
      },
    });
    return this;
  }
}

export class FakeBody {
  constructor(readonly paragraphs: FakeParagraphCollection) {}
}

/** Word.Comment (WordApi 1.4). */
export class FakeCommentProxy {
  private readonly loaded = new Loaded('Comment');
  constructor(
    private readonly ctx: FakeWordContext,
    private comment: FakeComment | null,
  ) {}
  bind(comment: FakeComment): void {
    this.comment = comment;
  }
  fill(name: string): void {
    const c = this.comment!;
    if (name === 'content') this.loaded.set('content', c.content);
    else if (name === 'id') this.loaded.set('id', c.id);
    else if (name === 'authorName') this.loaded.set('authorName', c.authorName);
    else throw new FakeWordError('InvalidArgument', `PropertyNotFound: Comment.${name}`);
  }
  get content(): string {
    return this.loaded.get('content');
  }
  get id(): string {
    return this.loaded.get('id');
  }
  load(props: string | readonly string[]): this {
    queueLoad(this.ctx, 'Comment', propertyNames(props), COMMENT_PROPS, (n) => this.fill(n));
    return this;
  }
  delete(): void {
    this.ctx.enqueue({
      op: 'deleteComment',
      payload: null,
      apply: () => {
        const c = this.comment!;
        checkEdit(this.ctx.data, c.paragraph, 'Comment.delete');
        const at = this.ctx.data.comments.indexOf(c);
        if (at < 0) throw new FakeWordError('ItemNotFound', 'ItemNotFound: the comment is gone');
        this.ctx.data.comments.splice(at, 1);
      },
    });
  }
}

const COMMENT_PROPS = ['content', 'id', 'authorName'];

export class FakeCommentCollection {
  private list: FakeCommentProxy[] | null = null;
  constructor(
    private readonly ctx: FakeWordContext,
    private readonly span: () => Span,
  ) {}
  get items(): FakeCommentProxy[] {
    if (this.list === null) notLoaded('CommentCollection.items');
    return this.list;
  }
  load(props: string | readonly string[] = 'content'): this {
    const names = itemProps(props);
    this.ctx.enqueue({
      op: 'load',
      payload: { comments: names },
      apply: () => {
        const s = this.span();
        this.list = this.ctx.data.comments
          .filter((c) => c.paragraph === s.paragraph && c.start >= s.start && c.end <= s.end)
          .map((c) => {
            const proxy = new FakeCommentProxy(this.ctx, c);
            for (const name of names) proxy.fill(name);
            return proxy;
          });
      },
    });
    return this;
  }
}

/** Word.ContentControl around text (one made by insertContentControl, or one loaded). */
export class FakeTextControlProxy {
  private readonly loaded = new Loaded('ContentControl');
  readonly font: FakeFont;
  constructor(
    private readonly ctx: FakeWordContext,
    private control: FakeTextControl | null,
  ) {
    this.font = new FakeFont(ctx, () => this.live());
  }
  bind(control: FakeTextControl): void {
    this.control = control;
  }
  /** The control, still in the document (ItemNotFound once deleted). */
  private live(): FakeTextControl {
    const c = this.control;
    if (!c || !this.ctx.data.controls.includes(c))
      throw new FakeWordError('ItemNotFound', 'ItemNotFound: the content control is gone');
    return c;
  }
  fill(name: string): void {
    const c = this.live();
    if (name === 'text') this.loaded.set('text', shownText(c.paragraph).slice(c.start, c.end));
    else if (name === 'tag' || name === 'title' || name === 'appearance' || name === 'id')
      this.loaded.set(name, c[name]);
    else if (name === 'font' || name === 'font/highlightColor') this.font.fill();
    else throw new FakeWordError('InvalidArgument', `PropertyNotFound: ContentControl.${name}`);
  }
  get tag(): string {
    return this.loaded.get('tag');
  }
  set tag(v: string) {
    this.setProperty('tag', v);
  }
  get title(): string {
    return this.loaded.get('title');
  }
  set title(v: string) {
    this.setProperty('title', v);
  }
  get appearance(): string {
    return this.loaded.get('appearance');
  }
  set appearance(v: string) {
    if (!['BoundingBox', 'Tags', 'Hidden'].includes(v))
      throw new FakeWordError('InvalidArgument', `InvalidArgument: appearance ${v}`);
    this.setProperty('appearance', v);
  }
  get text(): string {
    return this.loaded.get('text');
  }
  private setProperty(name: 'tag' | 'title' | 'appearance', value: string): void {
    this.ctx.enqueue({
      op: 'set',
      payload: { [name]: value },
      apply: () => {
        const c = this.live();
        checkEdit(this.ctx.data, c.paragraph, `ContentControl.${name}`);
        c[name] = value;
      },
    });
  }
  load(props: string | readonly string[]): this {
    queueLoad(this.ctx, 'ContentControl', propertyNames(props), CONTROL_PROPS, (n) => this.fill(n));
    return this;
  }
  /** WordApi 1.1: with keepContent the text stays (deleting the content is not modelled). */
  delete(keepContent: boolean): void {
    this.ctx.enqueue({
      op: 'deleteControl',
      payload: keepContent,
      apply: () => {
        const c = this.live();
        if (!keepContent)
          throw new FakeWordError('InvalidArgument', 'the fake models delete(true) only');
        checkEdit(this.ctx.data, c.paragraph, 'ContentControl.delete');
        this.ctx.data.controls.splice(this.ctx.data.controls.indexOf(c), 1);
      },
    });
  }
  select(mode: string = 'Select'): void {
    this.ctx.enqueue({
      op: 'select',
      payload: mode,
      apply: () => selectSpan(this.ctx.data, this.live()),
    });
  }
  /** WordApi 1.4. */
  getComments(): FakeCommentCollection {
    this.ctx.requires('1.4', 'ContentControl.getComments');
    return new FakeCommentCollection(this.ctx, () => this.live());
  }
}

const CONTROL_PROPS = ['text', 'tag', 'title', 'appearance', 'id', 'font', 'font/highlightColor'];

/** Word.ContentControlCollection: the document's controls in document order (or by tag). */
export class FakeTextControlCollection {
  private list: FakeTextControlProxy[] | null = null;
  constructor(
    private readonly ctx: FakeWordContext,
    private readonly tag: string | null,
  ) {}
  get items(): FakeTextControlProxy[] {
    if (this.list === null) notLoaded('ContentControlCollection.items');
    return this.list;
  }
  /** WordApi 1.1. */
  getByTag(tag: string): FakeTextControlCollection {
    return new FakeTextControlCollection(this.ctx, tag);
  }
  load(props: string | readonly string[] = 'tag'): this {
    const names = itemProps(props);
    this.ctx.enqueue({
      op: 'load',
      payload: { controls: names, tag: this.tag },
      apply: () => {
        const data = this.ctx.data;
        const order = (c: FakeTextControl) => [data.paragraphs.indexOf(c.paragraph), c.start];
        this.list = data.controls
          .filter((c) => this.tag === null || c.tag === this.tag)
          .sort((a, b) => {
            const [pa, sa] = order(a) as [number, number];
            const [pb, sb] = order(b) as [number, number];
            return pa - pb || sa - sb;
          })
          .map((c) => {
            const proxy = new FakeTextControlProxy(this.ctx, c);
            for (const name of names) proxy.fill(name);
            return proxy;
          });
      },
    });
    return this;
  }
}
