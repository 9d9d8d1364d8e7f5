/**
 * A faithful fake of the part of the Excel JavaScript API the adapter uses, over an in-memory
 * workbook, with office-js semantics:
 *  - reading a property that was not loaded and synced throws (PropertyNotLoaded);
 *  - writes are queued and reach the workbook at `sync()`; every sync is counted, with the
 *    bytes of its request, and a request over 5 MB is refused as Excel on the web does;
 *  - `null` in a values / numberFormat array leaves that cell alone, `""` clears it;
 *  - a string starting with `=` becomes a formula, one starting with `'` stays text; a
 *    formula cell's `value` is its cached result (`""` when written through `values`,
 *    any result with `setFormula`): `values` gives that, `formulas` gives the formula (and the
 *    value of every other cell, `""` for an empty one), as office.js does;
 *  - `*OrNullObject` methods give null objects; merged areas need ExcelApi 1.13;
 *  - host rules the adapter must follow, each switchable and each with its own test:
 *    a method called on a null object fails the sync (InvalidObjectPath); hidden and very hidden
 *    sheets (`visibility`); protected sheets (`protection.protected`: writes fail, AccessDenied);
 *    more than 512 merged areas make `getMergedAreasOrNullObject` fail, which returns only the
 *    areas whose top-left cell is in the range; reading the values, formulas or formats of a
 *    range over 5,000,000 cells fails (RangeExceedsLimit) while its shape reads, and a used range
 *    (of a sheet, or of a range: ExcelApi 1.4) spans every value however far; cell-edit mode fails
 *    every sync (InvalidOperationInCellEditMode); a read-only workbook (`workbook.readOnly`,
 *    writes fail AccessDenied); requests and responses over 5 MB fail with the payload codes;
 *    `failSync` fails the N-th sync part way (for partial-write tests); a cell whose number
 *    format is Text (`@`) takes a written string as it is: no formula, apostrophe kept;
 *    `worksheets.add` refuses a name a sheet already has (ItemAlreadyExists, without case).
 *  - pictures and defined names (the chart sheet): `shapes.addImage` (ExcelApi 1.9, a base64
 *    PNG or JPEG, else InvalidArgument), workbook `names` (`add`, `getItemOrNullObject`,
 *    `delete`: ExcelApi 1.4; a name already there is ItemAlreadyExists; `formula` 1.7) whose
 *    reference follows its sheet and becomes #REF! when the sheet is deleted;
 *    `worksheet.delete()` (a VeryHidden sheet fails, InvalidOperation) and `position`.
 * Batches run in order: when an operation fails, those before it stay applied (as in Excel).
 * It runs in Node (vitest) and in the browser (bundled for the task-pane test).
 */

import { columnIndex, columnLetters } from '../../src/core/grid';

export interface FakeCell {
  /** The value; for a formula cell, its cached result. */
  value: string | number | boolean;
  /** The formula, with its leading `=`. */
  formula?: string;
  numberFormat?: string;
  bold?: boolean;
  fill?: string;
}

export interface FakeConditionalFormat {
  readonly type: string;
  /** A1 range it applies to. */
  readonly address: string;
  readonly rule: Record<string, unknown>;
}

export type FakeVisibility = 'Visible' | 'Hidden' | 'VeryHidden';

export interface FakeSheetData {
  name: string;
  visibility: FakeVisibility;
  /** `protection.protected`: every write to the sheet fails with AccessDenied. */
  protected: boolean;
  cells: Map<string, FakeCell>;
  merges: { top: number; left: number; bottom: number; right: number }[];
  conditionalFormats: FakeConditionalFormat[];
  /** `format.columnWidth` as set, in points, by 0-based column (unset: Excel's default). */
  columnWidths?: Map<number, number>;
  /** `format.rowHeight` as set, in points, by 0-based row (unset: Excel's default). */
  rowHeights?: Map<number, number>;
  /** Pictures `shapes.addImage` put on the sheet, in the order added. */
  pictures?: FakePicture[];
}

/** A picture on a sheet: its image as given, and where it was put (points). */
export interface FakePicture {
  readonly base64: string;
  readonly format: 'PNG' | 'JPEG';
  left: number;
  top: number;
  width: number;
  height: number;
  name: string;
}

/** A workbook-scoped defined name referring to a range: it follows its sheet, as Excel's does. */
export interface FakeName {
  readonly name: string;
  /** The sheet it refers to (a deleted sheet: #REF!), and the range's A1 address there. */
  readonly sheet: FakeSheetData;
  readonly address: string;
  readonly comment: string;
}

export const REQUEST_LIMIT = 5 * 1024 * 1024;
/**
 * `getMergedAreasOrNullObject`: “if the merged areas count in this range is more than 512,
 * then this method will fail to return the result” (Excel.Range reference, ExcelApi 1.13).
 * Counted here as the areas the call would return: those whose top-left cell is in the range
 * (see FakeRangeAreas) — which areas the host counts is not documented (a guess).
 */
export const MERGED_AREAS_LIMIT = 512;
/**
 * “A range is limited to 5,000,000 cells for read operations” (Resource limits and performance
 * optimization for Office Add-ins, section “Excel add-ins”); the error is `RangeExceedsLimit`,
 * “The cell count in the range has exceeded the maximum supported number” (Error handling with
 * the application-specific JavaScript APIs, Excel-specific error codes). Loading a cell-level
 * property (`values`, `formulas`, `numberFormat`) of a larger range fails the sync with it;
 * its shape (`address`, `rowCount`, `columnCount`…) loads as for any range.
 */
export const CELL_READ_LIMIT = 5_000_000;

/** What office.js rejects a sync with (OfficeExtension.Error): a code and a message. */
export class FakeRichApiError extends Error {
  override readonly name = 'RichApi.Error';
  constructor(
    readonly code: string,
    message: string,
  ) {
    super(message);
  }
}

export class PropertyNotLoadedError extends Error {
  readonly code = 'PropertyNotLoaded';
}

export class RequestPayloadSizeLimitExceededError extends Error {
  readonly code: string = 'RequestPayloadSizeLimitExceeded';
}

export class ResponsePayloadSizeLimitExceededError extends RequestPayloadSizeLimitExceededError {
  override readonly code = 'ResponsePayloadSizeLimitExceeded';
}

const key = (r: number, c: number) => `${r},${c}`;

function parseAddress(address: string): { row: number; col: number; rows: number; cols: number } {
  const local = address.includes('!') ? address.slice(address.lastIndexOf('!') + 1) : address;
  const [a, b] = local.replace(/\$/g, '').split(':') as [string, string | undefined];
  const p = (s: string) => {
    const m = /^([A-Z]+)(\d+)$/i.exec(s);
    if (!m) throw new Error(`InvalidArgument: bad address ${address}`);
    return { row: Number(m[2]) - 1, col: columnIndex(m[1]!) };
  };
  const from = p(a);
  const to = b === undefined ? from : p(b);
  return { row: from.row, col: from.col, rows: to.row - from.row + 1, cols: to.col - from.col + 1 };
}

function a1(row: number, col: number, rows = 1, cols = 1): string {
  const start = `${columnLetters(col)}${row + 1}`;
  return rows === 1 && cols === 1
    ? start
    : `${start}:${columnLetters(col + cols - 1)}${row + rows}`;
}

/** The in-memory workbook, and the counters tests read. */
export class FakeWorkbook {
  readonly sheets: FakeSheetData[] = [];
  syncs = 0;
  readonly requestBytes: number[] = [];
  readonly responseBytes: number[] = [];
  /** Requirement sets the fake host claims, e.g. ['ExcelApi 1.7', 'ExcelApi 1.13']. */
  supported = new Set([
    'ExcelApi 1.1',
    'ExcelApi 1.2',
    'ExcelApi 1.4',
    'ExcelApi 1.5',
    'ExcelApi 1.6',
    'ExcelApi 1.7',
    'ExcelApi 1.13',
  ]);
  selected: string | null = null;
  /** Workbook-scoped defined names (`workbook.names`). */
  readonly names: FakeName[] = [];
  /** The sheet `activate()` last made active. */
  active: string | null = null;
  /** Excel on the web's limits, bytes per request and per response (tests may lower them). */
  requestLimit = REQUEST_LIMIT;
  responseLimit = REQUEST_LIMIT;
  /** Cells a range may have for its values / formulas / formats to be read (tests may lower it). */
  cellReadLimit = CELL_READ_LIMIT;
  /** The user is typing in a cell: every sync fails with InvalidOperationInCellEditMode. */
  cellEditMode = false;
  /** Opened read-only (Excel on the web in view mode): `workbook.readOnly`, writes refused. */
  readOnly = false;
  /**
   * Fail the `at`-th sync (1-based, counted over the workbook's life) with `code`, after
   * applying the first `applied` operations of its batch (default: half of them), as a batch
   * that fails part way does in Excel.
   */
  failSync: { at: number; code?: string; applied?: number } | null = null;

  /** Add a sheet from a grid of values (row-major, from A1) and merged areas. */
  addSheet(
    name: string,
    values: readonly (readonly (string | number | boolean | null)[])[],
    merges: FakeSheetData['merges'] = [],
  ): FakeSheetData {
    const cells = new Map<string, FakeCell>();
    values.forEach((row, r) =>
      row.forEach((v, c) => {
        if (v !== null && v !== '') cells.set(key(r, c), { value: v });
      }),
    );
    const sheet: FakeSheetData = {
      name,
      visibility: 'Visible',
      protected: false,
      cells,
      merges: [...merges],
      conditionalFormats: [],
    };
    this.sheets.push(sheet);
    return sheet;
  }

  /** Make a cell (A1 address) a formula with the given cached result, as Excel saved it. */
  setFormula(
    sheet: string,
    address: string,
    formula: string,
    result: string | number | boolean = '',
  ): void {
    const { row, col } = parseAddress(address);
    const cells = this.sheet(sheet).cells;
    cells.set(key(row, col), { ...cells.get(key(row, col)), value: result, formula });
  }

  /** Give a cell (A1 address) a number format (`yyyy-mm-dd`), keeping its value. */
  setNumberFormat(sheet: string, address: string, numberFormat: string): void {
    const { row, col } = parseAddress(address);
    const cells = this.sheet(sheet).cells;
    cells.set(key(row, col), { value: '', ...cells.get(key(row, col)), numberFormat });
  }

  /** A defined name's formula as Excel gives it: `=通报图表!$A$1`, `='a b'!$A$1`, `=#REF!$A$1`. */
  nameFormula(n: FakeName): string {
    const { row, col, rows, cols } = parseAddress(n.address);
    const abs = (r: number, c: number) => `$${columnLetters(c)}$${r + 1}`;
    const range =
      rows === 1 && cols === 1
        ? abs(row, col)
        : `${abs(row, col)}:${abs(row + rows - 1, col + cols - 1)}`;
    if (!this.sheets.includes(n.sheet)) return `=#REF!${range}`;
    const sheet = /^[\p{L}_][\p{L}\p{N}_.]*$/u.test(n.sheet.name)
      ? n.sheet.name
      : `'${n.sheet.name.replace(/'/g, "''")}'`;
    return `=${sheet}!${range}`;
  }

  sheet(name: string): FakeSheetData {
    const s = this.sheets.find((x) => x.name === name);
    if (!s) throw new Error(`no sheet ${name}`);
    return s;
  }

  /** A deep copy of every cell, to compare a workbook before and after. */
  snapshot(): Record<string, Record<string, FakeCell>> {
    return Object.fromEntries(
      this.sheets.map((s) => [
        s.name,
        Object.fromEntries([...s.cells.entries()].map(([k, v]) => [k, { ...v }])),
      ]),
    );
  }

  isSetSupported(name: string, version: string): boolean {
    const [major, minor] = version.split('.').map(Number) as [number, number];
    return [...this.supported].some((s) => {
      const [n, v] = s.split(' ') as [string, string];
      const [M, m] = v.split('.').map(Number) as [number, number];
      return n === name && (M > major || (M === major && m >= minor));
    });
  }

  /** `Excel.run` over this workbook. */
  run<T>(batch: (context: FakeRequestContext) => Promise<T>): Promise<T> {
    return batch(new FakeRequestContext(this));
  }
}

/** A queued load: `read` takes the values (when its place in the batch is reached), `commit` makes them readable. */
interface Load {
  readonly read: () => Map<string, unknown>;
  readonly commit: (values: Map<string, unknown>) => void;
}

type Op = {
  readonly op: string;
  readonly target: string;
  readonly payload?: unknown;
  readonly apply: () => void;
};

const WHOLE_SHEET = { row: 0, col: 0, rows: 1_048_576, cols: 16_384 };

export class FakeRequestContext {
  readonly workbook: FakeWorkbookApi;
  private queue: Op[] = [];
  private loads: { load: Load; result?: Map<string, unknown> }[] = [];

  constructor(readonly data: FakeWorkbook) {
    this.workbook = new FakeWorkbookApi(this);
  }

  enqueue(op: Op): void {
    this.queue.push(op);
  }

  enqueueLoad(target: string, props: string, load: Load): void {
    const entry: { load: Load; result?: Map<string, unknown> } = { load };
    this.loads.push(entry);
    // The load reads the workbook where it stands in the batch: after the writes before it.
    this.queue.push({
      op: 'load',
      target,
      payload: props,
      apply: () => {
        entry.result = load.read();
      },
    });
  }

  /** Writes to a protected sheet or a read-only workbook fail as Excel refuses them. */
  checkWritable(sheet: FakeSheetData): void {
    if (this.data.readOnly) {
      throw new FakeRichApiError('AccessDenied', 'You cannot perform the requested operation.');
    }
    if (sheet.protected) {
      throw new FakeRichApiError(
        'AccessDenied',
        `You cannot perform the requested operation: sheet ${sheet.name} is protected.`,
      );
    }
  }

  sync(): Promise<void> {
    const bytes = new TextEncoder().encode(
      JSON.stringify(this.queue.map(({ op, target, payload }) => ({ op, target, payload }))),
    ).length;
    this.data.syncs++;
    this.data.requestBytes.push(bytes);
    const queue = this.queue;
    const loads = this.loads;
    this.queue = [];
    this.loads = [];
    if (this.data.cellEditMode) {
      return Promise.reject(
        new FakeRichApiError(
          'InvalidOperationInCellEditMode',
          'Excel is in cell-editing mode. Please exit the edit mode by pressing ENTER or TAB or selecting another cell, and then try again.',
        ),
      );
    }
    if (bytes > this.data.requestLimit) {
      return Promise.reject(
        new RequestPayloadSizeLimitExceededError(
          `request of ${bytes} bytes exceeds the limit (${this.data.requestLimit})`,
        ),
      );
    }
    const fail = this.data.failSync?.at === this.data.syncs ? this.data.failSync : null;
    const applied = fail
      ? Math.min(queue.length, fail.applied ?? Math.floor(queue.length / 2))
      : queue.length;
    try {
      for (let i = 0; i < applied; i++) queue[i]!.apply();
    } catch (e) {
      return Promise.reject(e instanceof Error ? e : new Error(String(e)));
    }
    if (fail) {
      return Promise.reject(
        new FakeRichApiError(
          fail.code ?? 'GeneralException',
          `sync ${fail.at} failed after ${applied} of ${queue.length} operations (injected)`,
        ),
      );
    }
    // The response carries every loaded value: Excel on the web refuses one over 5 MB too.
    const read = loads.map((l) => l.result ?? new Map<string, unknown>());
    const responseBytes = new TextEncoder().encode(
      JSON.stringify(read.map((m) => [...m.values()])),
    ).length;
    this.data.responseBytes.push(responseBytes);
    if (responseBytes > this.data.responseLimit) {
      return Promise.reject(
        new ResponsePayloadSizeLimitExceededError(
          `response of ${responseBytes} bytes exceeds the limit (${this.data.responseLimit})`,
        ),
      );
    }
    loads.forEach((l, i) => l.load.commit(read[i]!));
    return Promise.resolve();
  }
}

/** Base of every proxy: properties readable only once loaded and synced. */
class ClientObject {
  private loaded = new Map<string, unknown>();
  constructor(
    protected readonly ctx: FakeRequestContext,
    protected readonly path: string,
  ) {}

  protected readProp<T>(name: string): T {
    if (!this.loaded.has(name)) {
      throw new PropertyNotLoadedError(
        `The property '${name}' is not available. Before reading the property's value, call the load method on the containing object and call "context.sync()" on the associated request context.`,
      );
    }
    return this.loaded.get(name) as T;
  }

  /** Make a property readable, as a sync that loaded it does (used for collection items). */
  setLoaded(name: string, value: unknown): void {
    this.loaded.set(name, value);
  }

  protected snapshotProps(): Record<string, () => unknown> {
    return {};
  }

  /** Navigation properties (`protection`) that `load('protection/protected')` goes through. */
  protected children(): Record<string, ClientObject> {
    return {};
  }

  /** The object is an `*OrNullObject` result that turned out null (at sync time). */
  protected isNull(): boolean {
    return false;
  }

  /**
   * A method called on the object: when it is a null object at sync, the host fails the batch
   * (office.js documents that methods on a null object throw; the code it reports for an
   * invalid object is InvalidObjectPath).
   */
  protected guard(method: string): void {
    this.ctx.enqueue({
      op: `call:${method}`,
      target: this.path,
      apply: () => {
        if (this.isNull()) {
          throw new FakeRichApiError(
            'InvalidObjectPath',
            `${method} was called on ${this.path}, which is a null object`,
          );
        }
      },
    });
  }

  load(props?: string | string[]): this {
    const list = (Array.isArray(props) ? props : (props ?? '').split(','))
      .map((p) => p.trim())
      .filter(Boolean);
    const getters = this.snapshotProps();
    const children = this.children();
    const names = list.length > 0 ? list : Object.keys(getters);
    const own: string[] = [];
    for (const n of names) {
      const [top, ...rest] = n.split('/');
      const child = children[top!];
      if (child && rest.length > 0) child.load(rest.join('/'));
      else if (getters[top!]) own.push(n);
      else throw new Error(`InvalidArgument: unknown property ${n} on ${this.path}`);
    }
    if (own.length === 0) return this;
    this.ctx.enqueueLoad(this.path, own.join(','), {
      read: () => {
        const values = new Map<string, unknown>();
        for (const n of own) {
          const top = n.split('/')[0]!;
          try {
            values.set(top, getters[top]!());
          } catch (e) {
            // A range too big to read fails the whole sync, as Excel's read limit does.
            if (e instanceof FakeRichApiError && e.code === 'RangeExceedsLimit') throw e;
            // A null object: only isNullObject can be read; anything else stays unloaded.
          }
        }
        return values;
      },
      commit: (values) => this.commitLoaded(values, own),
    });
    return this;
  }

  protected commitLoaded(values: Map<string, unknown>, _names: readonly string[]): void {
    for (const [k, v] of values) this.loaded.set(k, v);
  }
}

class FakeWorkbookApi extends ClientObject {
  readonly worksheets: FakeWorksheetCollection;
  readonly names: FakeNamedItemCollection;
  constructor(ctx: FakeRequestContext) {
    super(ctx, 'workbook');
    this.worksheets = new FakeWorksheetCollection(ctx);
    this.names = new FakeNamedItemCollection(ctx);
  }
  protected override snapshotProps() {
    return { readOnly: () => this.ctx.data.readOnly };
  }
  /** ExcelApi 1.8. */
  get readOnly(): boolean {
    return this.readProp('readOnly');
  }
}

/** What a loaded `items` entry carries over the wire; the sheet itself rides along unseen. */
interface SheetWire {
  name: string;
  visibility: FakeVisibility;
  protection: { protected: boolean };
}

class FakeWorksheetCollection extends ClientObject {
  constructor(ctx: FakeRequestContext) {
    super(ctx, 'worksheets');
  }

  protected override snapshotProps() {
    return {
      items: () =>
        this.ctx.data.sheets.map((d) => {
          const wire: SheetWire = {
            name: d.name,
            visibility: d.visibility,
            protection: { protected: d.protected },
          };
          Object.defineProperty(wire, 'sheet', { value: d, enumerable: false });
          return wire;
        }),
    };
  }

  /** `items/name,items/protection/protected`: proxies with exactly those properties loaded. */
  protected override commitLoaded(values: Map<string, unknown>, names: readonly string[]): void {
    const wires = values.get('items') as (SheetWire & { sheet?: FakeSheetData })[] | undefined;
    if (!wires) return;
    const paths = names.filter((n) => n.startsWith('items/')).map((n) => n.slice(6));
    const items = wires.map((w, i) => {
      const d = (w as unknown as { sheet: FakeSheetData }).sheet;
      const ws = new FakeWorksheet(this.ctx, () => d, `worksheets.items[${i}]`);
      for (const p of paths) {
        if (p === 'protection/protected')
          ws.protection.setLoaded('protected', w.protection.protected);
        else if (p === 'name' || p === 'visibility') ws.setLoaded(p, w[p]);
      }
      ws.setLoaded('isNullObject', false);
      return ws;
    });
    this.setLoaded('items', items);
  }

  get items(): FakeWorksheet[] {
    return this.readProp('items');
  }

  /**
   * `worksheets.add(name)` (ExcelApi 1.1): the new sheet is last. Excel refuses a name a sheet
   * already has — compared without case — with ItemAlreadyExists, and any sheet in a
   * read-only workbook with AccessDenied.
   */
  add(name: string): FakeWorksheet {
    this.ctx.enqueue({
      op: 'worksheets.add',
      target: 'worksheets',
      payload: name,
      apply: () => {
        const data = this.ctx.data;
        if (data.readOnly)
          throw new FakeRichApiError('AccessDenied', 'You cannot perform the requested operation.');
        if (data.sheets.some((s) => s.name.toLowerCase() === name.toLowerCase()))
          throw new FakeRichApiError(
            'ItemAlreadyExists',
            `A resource with the same name or identifier already exists: ${name}`,
          );
        data.addSheet(name, []);
      },
    });
    return new FakeWorksheet(
      this.ctx,
      () => this.ctx.data.sheets.find((s) => s.name === name) ?? null,
      `worksheets.add(${name})`,
    );
  }

  getFirst(): FakeWorksheet {
    return new FakeWorksheet(this.ctx, () => this.ctx.data.sheets[0] ?? null, 'worksheets.first');
  }
  getItem(name: string): FakeWorksheet {
    return new FakeWorksheet(this.ctx, () => this.ctx.data.sheet(name), `worksheets[${name}]`);
  }
  /** ExcelApi 1.4. */
  getItemOrNullObject(name: string): FakeWorksheet {
    return new FakeWorksheet(
      this.ctx,
      () => this.ctx.data.sheets.find((s) => s.name === name) ?? null,
      `worksheets[${name}]?`,
    );
  }
}

class FakeWorksheetProtection extends ClientObject {
  constructor(
    ctx: FakeRequestContext,
    private readonly sheet: () => FakeSheetData | null,
    path: string,
  ) {
    super(ctx, path);
  }
  protected override snapshotProps() {
    return {
      protected: () => {
        const d = this.sheet();
        if (!d) throw new Error('null object');
        return d.protected;
      },
    };
  }
  get protected(): boolean {
    return this.readProp('protected');
  }
}

class FakeWorksheet extends ClientObject {
  readonly protection: FakeWorksheetProtection;
  readonly shapes: FakeShapeCollection;

  constructor(
    ctx: FakeRequestContext,
    private readonly resolve: () => FakeSheetData | null,
    path: string,
  ) {
    super(ctx, path);
    this.protection = new FakeWorksheetProtection(ctx, resolve, `${path}.protection`);
    this.shapes = new FakeShapeCollection(ctx, () => this.data(), `${path}.shapes`);
  }

  protected override isNull(): boolean {
    return this.resolve() === null;
  }

  protected override children() {
    return { protection: this.protection };
  }

  protected override snapshotProps() {
    return {
      name: () => this.data().name,
      visibility: () => this.data().visibility,
      position: () => this.ctx.data.sheets.indexOf(this.data()),
      isNullObject: () => this.resolve() === null,
    };
  }

  /** 0-based place among the sheets; set, it moves the sheet there (ExcelApi 1.1). */
  get position(): number {
    return this.readProp('position');
  }
  set position(v: number) {
    this.guard('position');
    this.ctx.enqueue({
      op: 'position',
      target: this.path,
      payload: v,
      apply: () => {
        const d = this.data();
        const sheets = this.ctx.data.sheets;
        if (!Number.isInteger(v) || v < 0 || v >= sheets.length)
          throw new FakeRichApiError('InvalidArgument', `no position ${v}`);
        sheets.splice(sheets.indexOf(d), 1);
        sheets.splice(v, 0, d);
      },
    });
  }

  /**
   * Deletes the sheet (ExcelApi 1.1). Documented: a VeryHidden sheet fails with
   * InvalidOperation. Names referring to it become #REF! (they stay, as in Excel).
   */
  delete(): void {
    this.guard('delete');
    this.ctx.enqueue({
      op: 'worksheet.delete',
      target: this.path,
      apply: () => {
        const d = this.data();
        if (this.ctx.data.readOnly)
          throw new FakeRichApiError('AccessDenied', 'You cannot perform the requested operation.');
        if (d.visibility === 'VeryHidden')
          throw new FakeRichApiError('InvalidOperation', `sheet ${d.name} is very hidden`);
        const sheets = this.ctx.data.sheets;
        sheets.splice(sheets.indexOf(d), 1);
      },
    });
  }

  get name(): string {
    return this.readProp('name');
  }
  get visibility(): FakeVisibility {
    return this.readProp('visibility');
  }
  get isNullObject(): boolean {
    return this.readProp('isNullObject');
  }

  data(): FakeSheetData {
    const d = this.resolve();
    if (!d) throw new FakeRichApiError('ItemNotFound', 'the worksheet is a null object');
    return d;
  }

  getNextOrNullObject(): FakeWorksheet {
    this.guard('getNextOrNullObject');
    return new FakeWorksheet(
      this.ctx,
      () => {
        const d = this.resolve();
        if (!d) return null;
        const sheets = this.ctx.data.sheets;
        return sheets[sheets.indexOf(d) + 1] ?? null;
      },
      `${this.path}.next`,
    );
  }

  activate(): void {
    this.guard('activate');
    this.ctx.enqueue({
      op: 'activate',
      target: this.path,
      apply: () => {
        this.ctx.data.active = this.data().name;
      },
    });
  }

  getUsedRangeOrNullObject(valuesOnly = false): FakeRange {
    this.guard('getUsedRangeOrNullObject');
    return new FakeRange(
      this.ctx,
      () => {
        const d = this.resolve();
        return d ? usedWithin({ sheet: d, ...WHOLE_SHEET }, valuesOnly) : null;
      },
      `${this.path}.usedRange`,
      true,
    );
  }

  /** A range by address; without one, the whole sheet. */
  getRange(address?: string): FakeRange {
    this.guard('getRange');
    const r = address === undefined ? WHOLE_SHEET : parseAddress(address);
    return new FakeRange(
      this.ctx,
      () => {
        const d = this.resolve();
        return d ? { sheet: d, ...r } : null;
      },
      `${this.path}!${address ?? '*'}`,
    );
  }
}

interface RangeRef {
  sheet: FakeSheetData;
  row: number;
  col: number;
  rows: number;
  cols: number;
}

/**
 * The used range within a range: the smallest box holding every used cell there (with
 * `valuesOnly`, a cell with a value or a formula; without, any cell the sheet keeps, formats
 * too), or null when none is. However far apart the used cells, the box covers them all:
 * one value in XFD2000 makes a sheet's used range A1:XFD2000.
 */
function usedWithin(r: RangeRef, valuesOnly: boolean): RangeRef | null {
  let top = Infinity;
  let left = Infinity;
  let bottom = -1;
  let right = -1;
  for (const [k, cell] of r.sheet.cells) {
    if (valuesOnly && cell.value === '' && cell.formula === undefined) continue;
    const comma = k.indexOf(',');
    const row = Number(k.slice(0, comma));
    if (row < r.row || row >= r.row + r.rows) continue;
    const col = Number(k.slice(comma + 1));
    if (col < r.col || col >= r.col + r.cols) continue;
    top = Math.min(top, row);
    left = Math.min(left, col);
    bottom = Math.max(bottom, row);
    right = Math.max(right, col);
  }
  if (bottom < 0) return null;
  return { sheet: r.sheet, row: top, col: left, rows: bottom - top + 1, cols: right - left + 1 };
}

/**
 * A value written into a cell. In a cell formatted as Text (`@`), Excel takes a string as it
 * is — `=A` stays text, a leading apostrophe stays part of the value — and a number as its
 * text; elsewhere `=` makes a formula and a leading `'` marks text and is dropped.
 */
function writeValue(cell: FakeCell | undefined, v: unknown): FakeCell | undefined {
  if (v === null || v === undefined) return cell;
  if (v === '') return cell ? { ...cell, value: '', formula: undefined } : undefined;
  if (cell?.numberFormat === '@' && (typeof v === 'string' || typeof v === 'number'))
    return { ...cell, value: String(v), formula: undefined };
  if (typeof v === 'string' && v.startsWith('=')) return { ...cell, value: '', formula: v };
  if (typeof v === 'string' && v.startsWith("'"))
    return { ...cell, value: v.slice(1), formula: undefined };
  if (typeof v === 'string' || typeof v === 'number' || typeof v === 'boolean')
    return { ...cell, value: v, formula: undefined };
  throw new FakeRichApiError('InvalidArgument', `cannot write ${JSON.stringify(v)}`);
}

export class FakeRange extends ClientObject {
  readonly format: {
    font: { bold: boolean; color: string };
    fill: { color: string };
    autofitColumns: () => void;
    /** Points, every column of the range (write-only in this fake). */
    columnWidth: number;
    /** Points, every row of the range (write-only in this fake). */
    rowHeight: number;
  };
  readonly conditionalFormats: FakeConditionalFormatCollection;

  constructor(
    ctx: FakeRequestContext,
    private readonly resolve: () => RangeRef | null,
    path: string,
    /** Came from an `*OrNullObject` method: may turn out a null object. */
    private readonly nullable = false,
  ) {
    super(ctx, path);
    const range = () => this.ref();
    const set = (prop: 'bold' | 'fill', value: unknown) => {
      this.guard(`format.${prop}`);
      ctx.enqueue({
        op: `format.${prop}`,
        target: path,
        payload: value,
        apply: () =>
          this.eachCell((cell) => ({ ...cell, value: cell?.value ?? '', [prop]: value })),
      });
    };
    this.format = {
      font: {
        set bold(v: boolean) {
          set('bold', v);
        },
        get bold(): boolean {
          throw new PropertyNotLoadedError('format.font.bold is not loaded');
        },
        color: '',
      },
      fill: {
        set color(v: string) {
          set('fill', v);
        },
        get color(): string {
          throw new PropertyNotLoadedError('format.fill.color is not loaded');
        },
      },
      autofitColumns: () =>
        ctx.enqueue({ op: 'autofitColumns', target: path, apply: () => undefined }),
      set rowHeight(v: number) {
        ctx.enqueue({
          op: 'format.rowHeight',
          target: path,
          payload: v,
          apply: () => {
            const r = range();
            ctx.checkWritable(r.sheet);
            r.sheet.rowHeights ??= new Map();
            for (let row = r.row; row < r.row + r.rows; row++) r.sheet.rowHeights.set(row, v);
          },
        });
      },
      get rowHeight(): number {
        throw new PropertyNotLoadedError('format.rowHeight is not loaded');
      },
      set columnWidth(v: number) {
        ctx.enqueue({
          op: 'format.columnWidth',
          target: path,
          payload: v,
          apply: () => {
            const r = range();
            ctx.checkWritable(r.sheet);
            r.sheet.columnWidths ??= new Map();
            for (let c = r.col; c < r.col + r.cols; c++) r.sheet.columnWidths.set(c, v);
          },
        });
      },
      get columnWidth(): number {
        throw new PropertyNotLoadedError('format.columnWidth is not loaded');
      },
    };
    this.conditionalFormats = new FakeConditionalFormatCollection(
      ctx,
      () => this.ref(),
      path,
      (m) => this.guard(m),
    );
  }

  protected override isNull(): boolean {
    return this.nullable && this.resolve() === null;
  }

  /** The range's sheet and cells, when its place in a batch is reached (for `names.add`). */
  target(): RangeRef {
    return this.ref();
  }

  private ref(): RangeRef {
    const r = this.resolve();
    if (!r) throw new FakeRichApiError('InvalidObjectPath', 'the range is a null object');
    return r;
  }

  private eachCell(
    update: (cell: FakeCell | undefined, dr: number, dc: number) => FakeCell | undefined,
  ): void {
    const r = this.ref();
    this.ctx.checkWritable(r.sheet);
    for (let dr = 0; dr < r.rows; dr++) {
      for (let dc = 0; dc < r.cols; dc++) {
        const k = key(r.row + dr, r.col + dc);
        const next = update(r.sheet.cells.get(k), dr, dc);
        if (
          next === undefined ||
          (next.value === '' && !next.formula && !next.numberFormat && !next.bold && !next.fill)
        ) {
          r.sheet.cells.delete(k);
        } else {
          r.sheet.cells.set(k, next);
        }
      }
    }
  }

  /** The range, when a cell-level property of it is read: over the read limit, the sync fails. */
  private readable(r: RangeRef): RangeRef {
    const limit = this.ctx.data.cellReadLimit;
    if (r.rows * r.cols > limit) {
      throw new FakeRichApiError(
        'RangeExceedsLimit',
        `The cell count in the range has exceeded the maximum supported number: ${a1(r.row, r.col, r.rows, r.cols)} has ${r.rows * r.cols} cells (at most ${limit} for a read)`,
      );
    }
    return r;
  }

  protected override snapshotProps() {
    // Resolved once for all the properties of one load (a used range scans the whole sheet).
    let memo: RangeRef | null | undefined;
    const resolved = () => (memo === undefined ? (memo = this.resolve()) : memo);
    const ref = () => {
      const r = resolved();
      if (!r) throw new FakeRichApiError('InvalidObjectPath', 'the range is a null object');
      return r;
    };
    return {
      isNullObject: () => resolved() === null,
      values: () => {
        const r = this.readable(ref());
        return Array.from({ length: r.rows }, (_, dr) =>
          Array.from(
            { length: r.cols },
            (_, dc) => r.sheet.cells.get(key(r.row + dr, r.col + dc))?.value ?? '',
          ),
        );
      },
      formulas: () => {
        const r = this.readable(ref());
        return Array.from({ length: r.rows }, (_, dr) =>
          Array.from({ length: r.cols }, (_, dc) => {
            const cell = r.sheet.cells.get(key(r.row + dr, r.col + dc));
            return cell?.formula ?? cell?.value ?? '';
          }),
        );
      },
      numberFormat: () => {
        const r = this.readable(ref());
        return Array.from({ length: r.rows }, (_, dr) =>
          Array.from(
            { length: r.cols },
            (_, dc) => r.sheet.cells.get(key(r.row + dr, r.col + dc))?.numberFormat ?? 'General',
          ),
        );
      },
      rowIndex: () => ref().row,
      columnIndex: () => ref().col,
      rowCount: () => ref().rows,
      columnCount: () => ref().cols,
      address: () => {
        const r = ref();
        return `${r.sheet.name}!${a1(r.row, r.col, r.rows, r.cols)}`;
      },
    };
  }

  get isNullObject(): boolean {
    return this.readProp('isNullObject');
  }
  get values(): (string | number | boolean)[][] {
    return this.readProp('values');
  }
  set values(v: unknown[][]) {
    this.checkShape(v);
    this.guard('values');
    this.ctx.enqueue({
      op: 'setValues',
      target: this.path,
      payload: v,
      apply: () => this.eachCell((cell, dr, dc) => writeValue(cell, v[dr]![dc])),
    });
  }
  /** Formulas where cells hold one, values elsewhere (read only in this fake). */
  get formulas(): (string | number | boolean)[][] {
    return this.readProp('formulas');
  }
  get numberFormat(): string[][] {
    return this.readProp('numberFormat');
  }
  set numberFormat(v: (string | null)[][]) {
    this.checkShape(v);
    this.guard('numberFormat');
    this.ctx.enqueue({
      op: 'setNumberFormat',
      target: this.path,
      payload: v,
      apply: () =>
        this.eachCell((cell, dr, dc) => {
          const f = v[dr]![dc];
          return f === null || f === undefined
            ? cell
            : { ...cell, value: cell?.value ?? '', numberFormat: f };
        }),
    });
  }
  get rowIndex(): number {
    return this.readProp('rowIndex');
  }
  get columnIndex(): number {
    return this.readProp('columnIndex');
  }
  get rowCount(): number {
    return this.readProp('rowCount');
  }
  get columnCount(): number {
    return this.readProp('columnCount');
  }
  get address(): string {
    return this.readProp('address');
  }

  private checkShape(v: unknown[][]): void {
    // The shape is known without a load when the range came from an address.
    const r = this.nullable ? null : this.resolve();
    if (r && (v.length !== r.rows || v.some((row) => row.length !== r.cols))) {
      throw new Error(
        `InvalidArgument: ${v.length}×${v[0]?.length ?? 0} values for a ${r.rows}×${r.cols} range`,
      );
    }
  }

  /**
   * `Range.getUsedRangeOrNullObject(valuesOnly)` (ExcelApi 1.4): “Returns the used range of the
   * given range object. If there are no used cells within the range, then this function will
   * return an object with its isNullObject property set to true.” Its shape loads whatever its
   * size; its values only within the read limit.
   */
  getUsedRangeOrNullObject(valuesOnly = false): FakeRange {
    if (!this.ctx.data.isSetSupported('ExcelApi', '1.4')) {
      throw new Error('ApiNotFound: Range.getUsedRangeOrNullObject needs ExcelApi 1.4');
    }
    this.guard('getUsedRangeOrNullObject');
    return new FakeRange(
      this.ctx,
      () => {
        const r = this.resolve();
        return r ? usedWithin(r, valuesOnly) : null;
      },
      `${this.path}.usedRange`,
      true,
    );
  }

  getMergedAreasOrNullObject(): FakeRangeAreas {
    if (!this.ctx.data.isSetSupported('ExcelApi', '1.13')) {
      throw new Error('ApiNotFound: getMergedAreasOrNullObject needs ExcelApi 1.13');
    }
    this.guard('getMergedAreasOrNullObject');
    const areas = new FakeRangeAreas(this.ctx, () => this.resolve(), `${this.path}.mergedAreas`);
    // Documented: “if the merged areas count in this range is more than 512, then this method
    // will fail to return the result”. The code it fails with is not documented.
    this.ctx.enqueue({
      op: 'getMergedAreasOrNullObject',
      target: this.path,
      apply: () => {
        const n = areas.count();
        if (n > MERGED_AREAS_LIMIT) {
          throw new FakeRichApiError(
            'GeneralException',
            `${n} merged areas: more than ${MERGED_AREAS_LIMIT}`,
          );
        }
      },
    });
    return areas;
  }

  select(): void {
    this.guard('select');
    this.ctx.enqueue({
      op: 'select',
      target: this.path,
      apply: () => {
        const r = this.ref();
        this.ctx.data.selected = `${r.sheet.name}!${a1(r.row, r.col, r.rows, r.cols)}`;
      },
    });
  }
}

class FakeRangeAreas extends ClientObject {
  constructor(
    ctx: FakeRequestContext,
    private readonly within: () => RangeRef | null,
    path: string,
  ) {
    super(ctx, path);
  }
  private list() {
    const r = this.within();
    if (!r) return [];
    // Only areas whose top-left cell is in the range (office-js issue 3611).
    return r.sheet.merges.filter(
      (m) => m.top >= r.row && m.top < r.row + r.rows && m.left >= r.col && m.left < r.col + r.cols,
    );
  }
  count(): number {
    return this.list().length;
  }
  protected override isNull(): boolean {
    return this.list().length === 0;
  }
  protected override snapshotProps() {
    return {
      isNullObject: () => this.list().length === 0,
      areas: () => ({
        items: this.list().map((m) => ({
          rowIndex: m.top,
          columnIndex: m.left,
          rowCount: m.bottom - m.top + 1,
          columnCount: m.right - m.left + 1,
        })),
      }),
    };
  }
  get isNullObject(): boolean {
    return this.readProp('isNullObject');
  }
  get areas(): {
    items: { rowIndex: number; columnIndex: number; rowCount: number; columnCount: number }[];
  } {
    return this.readProp('areas');
  }
}

class FakeConditionalFormatCollection {
  constructor(
    private readonly ctx: FakeRequestContext,
    private readonly range: () => RangeRef,
    private readonly path: string,
    private readonly guard: (method: string) => void,
  ) {}

  add(type: string): Record<string, unknown> {
    const rule: Record<string, unknown> = {};
    const known = ['Custom', 'CellValue', 'ColorScale', 'DataBar', 'ContainsText'];
    if (!known.includes(type)) throw new Error(`InvalidArgument: conditional format type ${type}`);
    this.guard('conditionalFormats.add');
    this.ctx.enqueue({
      op: 'conditionalFormats.add',
      target: this.path,
      payload: { type, rule },
      apply: () => {
        const r = this.range();
        this.ctx.checkWritable(r.sheet);
        r.sheet.conditionalFormats.push({ type, address: a1(r.row, r.col, r.rows, r.cols), rule });
      },
    });
    // The rule's properties are filled in by the caller before sync; `rule` is serialised then.
    const format = () => ({
      fill: {} as Record<string, unknown>,
      font: {} as Record<string, unknown>,
    });
    const proxy = {
      custom: { rule: {} as Record<string, unknown>, format: format() },
      cellValue: { rule: {} as Record<string, unknown>, format: format() },
      colorScale: { criteria: {} as Record<string, unknown> },
    };
    rule.custom = proxy.custom;
    rule.cellValue = proxy.cellValue;
    rule.colorScale = proxy.colorScale;
    return proxy;
  }

  clearAll(): void {
    this.guard('conditionalFormats.clearAll');
    this.ctx.enqueue({
      op: 'conditionalFormats.clearAll',
      target: this.path,
      apply: () => {
        const r = this.range();
        this.ctx.checkWritable(r.sheet);
        r.sheet.conditionalFormats = r.sheet.conditionalFormats.filter((cf) => {
          const a = parseAddress(cf.address);
          const overlaps =
            a.row < r.row + r.rows &&
            a.row + a.rows > r.row &&
            a.col < r.col + r.cols &&
            a.col + a.cols > r.col;
          return !overlaps;
        });
      },
    });
  }
}

/** `workbook.names`: workbook-scoped defined names (ExcelApi 1.1; add and the rest 1.4). */
class FakeNamedItemCollection extends ClientObject {
  constructor(ctx: FakeRequestContext) {
    super(ctx, 'names');
  }

  private need(method: string): void {
    const ctx = this.ctx;
    ctx.enqueue({
      op: `names.${method}:requires`,
      target: this.path,
      apply: () => {
        if (!ctx.data.isSetSupported('ExcelApi', '1.4'))
          throw new FakeRichApiError('ApiNotFound', `names.${method} needs ExcelApi 1.4`);
      },
    });
  }

  /**
   * `add(name, reference, comment)`: a name already defined (names compare without case)
   * fails with ItemAlreadyExists. This fake takes a Range (or an `=Sheet!$A$1` string).
   */
  add(name: string, reference: FakeRange | string, comment = ''): FakeNamedItem {
    this.need('add');
    const ctx = this.ctx;
    ctx.enqueue({
      op: 'names.add',
      target: this.path,
      payload: { name, reference: typeof reference === 'string' ? reference : 'range', comment },
      apply: () => {
        const data = ctx.data;
        if (data.readOnly)
          throw new FakeRichApiError('AccessDenied', 'You cannot perform the requested operation.');
        if (data.names.some((n) => n.name.toLowerCase() === name.toLowerCase()))
          throw new FakeRichApiError(
            'ItemAlreadyExists',
            `A resource with the same name or identifier already exists: ${name}`,
          );
        let sheet: FakeSheetData;
        let address: string;
        if (typeof reference === 'string') {
          const m = /^=?(?:'((?:[^']|'')+)'|([^!]+))!(.+)$/.exec(reference);
          if (!m) throw new FakeRichApiError('InvalidArgument', `bad reference ${reference}`);
          const sheetName = m[1] !== undefined ? m[1].replace(/''/g, "'") : m[2]!;
          const found = data.sheets.find((s) => s.name.toLowerCase() === sheetName.toLowerCase());
          if (!found) throw new FakeRichApiError('InvalidArgument', `no sheet ${sheetName}`);
          sheet = found;
          address = m[3]!.replace(/\$/g, '');
        } else {
          const r = reference.target();
          sheet = r.sheet;
          address = a1(r.row, r.col, r.rows, r.cols);
        }
        data.names.push({ name, sheet, address, comment });
      },
    });
    return new FakeNamedItem(ctx, () => this.find(name), `names[${name}]`);
  }

  private find(name: string): FakeName | null {
    return this.ctx.data.names.find((n) => n.name.toLowerCase() === name.toLowerCase()) ?? null;
  }

  getItemOrNullObject(name: string): FakeNamedItem {
    this.need('getItemOrNullObject');
    return new FakeNamedItem(this.ctx, () => this.find(name), `names[${name}]?`);
  }
}

class FakeNamedItem extends ClientObject {
  constructor(
    ctx: FakeRequestContext,
    private readonly resolve: () => FakeName | null,
    path: string,
  ) {
    super(ctx, path);
  }
  protected override isNull(): boolean {
    return this.resolve() === null;
  }
  private item(): FakeName {
    const n = this.resolve();
    if (!n) throw new FakeRichApiError('InvalidObjectPath', 'the named item is a null object');
    return n;
  }
  protected override snapshotProps() {
    const formula = () => this.ctx.data.nameFormula(this.item());
    return {
      isNullObject: () => this.resolve() === null,
      name: () => this.item().name,
      /** ExcelApi 1.7. */
      formula: () => {
        if (!this.ctx.data.isSetSupported('ExcelApi', '1.7'))
          throw new FakeRichApiError('ApiNotFound', 'NamedItem.formula needs ExcelApi 1.7');
        return formula();
      },
      type: () => (formula().startsWith('=#REF!') ? 'Error' : 'Range'),
      value: () => (formula().startsWith('=#REF!') ? '#REF!' : formula().slice(1)),
    };
  }
  get isNullObject(): boolean {
    return this.readProp('isNullObject');
  }
  get name(): string {
    return this.readProp('name');
  }
  get formula(): string {
    return this.readProp('formula');
  }
  get type(): string {
    return this.readProp('type');
  }
  get value(): unknown {
    return this.readProp('value');
  }
  /** ExcelApi 1.4: the name goes (the range it referred to stays). */
  delete(): void {
    this.guard('names.delete');
    this.ctx.enqueue({
      op: 'names.delete',
      target: this.path,
      apply: () => {
        const data = this.ctx.data;
        if (data.readOnly)
          throw new FakeRichApiError('AccessDenied', 'You cannot perform the requested operation.');
        const n = this.item();
        data.names.splice(data.names.indexOf(n), 1);
      },
    });
  }
}

/** What a base64 image string holds: PNG, JPEG, or neither (null). */
function imageFormat(base64: string): 'PNG' | 'JPEG' | null {
  if (!/^[A-Za-z0-9+/]+={0,2}$/.test(base64) || base64.length % 4 !== 0) return null;
  const head = atob(base64.slice(0, 12));
  const bytes = [...head].map((ch) => ch.charCodeAt(0));
  const png = [0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a];
  if (png.every((b, i) => bytes[i] === b)) return 'PNG';
  if (bytes[0] === 0xff && bytes[1] === 0xd8 && bytes[2] === 0xff) return 'JPEG';
  return null;
}

/** `worksheet.shapes` (ExcelApi 1.9): only pictures, the part the adapter uses. */
class FakeShapeCollection {
  constructor(
    private readonly ctx: FakeRequestContext,
    private readonly sheet: () => FakeSheetData,
    private readonly path: string,
  ) {}

  /**
   * `addImage(base64)`: “A Base64-encoded string representing an image in either JPEG or PNG
   * format” (ExcelApi 1.9). Anything else fails with InvalidArgument; an older Excel with
   * ApiNotFound. The base64 travels in the request, and counts toward its size.
   */
  addImage(base64: string): FakeShape {
    const ctx = this.ctx;
    const picture: { p: FakePicture | null } = { p: null };
    ctx.enqueue({
      op: 'shapes.addImage',
      target: this.path,
      payload: base64,
      apply: () => {
        if (!ctx.data.isSetSupported('ExcelApi', '1.9'))
          throw new FakeRichApiError('ApiNotFound', 'shapes.addImage needs ExcelApi 1.9');
        const format = imageFormat(base64);
        if (!format)
          throw new FakeRichApiError('InvalidArgument', 'the image is neither PNG nor JPEG');
        const d = this.sheet();
        ctx.checkWritable(d);
        d.pictures ??= [];
        picture.p = {
          base64,
          format,
          left: 0,
          top: 0,
          width: 0,
          height: 0,
          name: `Picture ${d.pictures.length + 1}`,
        };
        d.pictures.push(picture.p);
      },
    });
    return new FakeShape(ctx, () => picture.p, `${this.path}.image`);
  }
}

/** A picture's placement, set before or after sync (points). */
class FakeShape {
  constructor(
    private readonly ctx: FakeRequestContext,
    private readonly picture: () => FakePicture | null,
    private readonly path: string,
  ) {}
  private set(prop: 'left' | 'top' | 'width' | 'height' | 'name', v: number | string): void {
    this.ctx.enqueue({
      op: `shape.${prop}`,
      target: this.path,
      payload: v,
      apply: () => {
        const p = this.picture();
        if (!p) throw new FakeRichApiError('InvalidObjectPath', 'the shape was not added');
        if (prop === 'name') p.name = String(v);
        else if (typeof v !== 'number' || !(v >= 0))
          throw new FakeRichApiError('InvalidArgument', `${prop} ${v}`);
        else p[prop] = v;
      },
    });
  }
  set left(v: number) {
    this.set('left', v);
  }
  set top(v: number) {
    this.set('top', v);
  }
  set width(v: number) {
    this.set('width', v);
  }
  set height(v: number) {
    this.set('height', v);
  }
  set name(v: string) {
    this.set('name', v);
  }
}
