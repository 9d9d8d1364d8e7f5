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
