// [grid bounds] The size of a workbook's parts, measured from its zip before ExcelJS loads
// it. Loaded on demand (`await import`), so the web page's first chunk does not carry it.
import JSZip from 'jszip';
import { sheetParts, ValueExtent } from './xlsx-read';

/** One sheet as its XML is: the box of its values and what ExcelJS would build from it. */
export interface SheetSize {
  /** The sheet's name; a sheet part the workbook does not list, by its path. */
  readonly name: string;
  /**
   * Rows and columns from A1 to the last cell holding a value (0 × 0 when none), a few far-off
   * cells left out as the reader leaves them out (`ValueExtent`, issue 18).
   */
  readonly rows: number;
  readonly cols: number;
  /** `<c>` elements, with or without a value, and `<row>` elements. */
  readonly cells: number;
  readonly rowElements: number;
  /** The sheet part's uncompressed size, in bytes. */
  readonly xmlBytes: number;
}

/**
 * Every other part ExcelJS reads whole: `buffer` for the media and themes it keeps as buffers,
 * `xml` for the rest (shared strings, styles, drawings, comments; parts it does not know).
 */
export interface PartSize {
  readonly path: string;
  readonly kind: 'xml' | 'buffer';
  /** Uncompressed, in bytes (as far as the scan went, if it stopped in this part). */
  readonly bytes: number;
  /** The uncompressed size the zip gives for it (unchecked: to say how big, not to decide). */
  readonly zipBytes: number;
}

export interface WorkbookSize {
  readonly sheets: readonly SheetSize[];
  readonly parts: readonly PartSize[];
  /** True when the scan stopped early, `stop` having said enough (in the last part measured). */
  readonly stopped: boolean;
}

/** What the scan has found so far, for `stop`. */
export interface SizeSoFar {
  /** `<c>` and `<row>` elements of the sheets. */
  readonly cells: number;
  /** Uncompressed bytes of the sheets, of the other parts read as text, of the buffers. */
  readonly sheetBytes: number;
  readonly xmlBytes: number;
  readonly bufferBytes: number;
}

/** The parts ExcelJS 4.4 reads as worksheets, by their path alone (as its `xlsx.load` does). */
const EXCELJS_SHEET = /xl\/worksheets\/sheet\d+[.]xml/;
/** …and those it keeps as buffers. */
const EXCELJS_BUFFER = /xl\/media\/|xl\/theme\/[a-zA-Z0-9]+[.]xml/;

/**
 * Every part of the workbook inflated chunk by chunk, never held whole: a 20 MB file that
 * inflates to gigabytes is measured in seconds. The sheets (those the workbook lists, and any
 * part ExcelJS would read as one) are scanned for cells; every other part is only counted.
 * `stop` is asked after each chunk with the totals so far; when it says true the scan ends
 * there. Null when the file is no zip (ExcelJS then says why).
 */
export async function measureWorkbook(
  data: ArrayBuffer | Uint8Array,
  stop: (soFar: SizeSoFar) => boolean = () => false,
): Promise<WorkbookSize | null> {
  let zip: JSZip;
  try {
    zip = await JSZip.loadAsync(data);
  } catch {
    return null;
  }
  const named = await sheetParts(zip).catch(() => new Map<string, string>());
  const files = Object.values(zip.files).filter((f) => !f.dir);
  // The workbook's sheets first, in its order; then any other part ExcelJS reads as a sheet.
  const sheetFiles: [string, JSZip.JSZipObject][] = [];
  const seen = new Set<string>();
  for (const [name, part] of named) {
    const file = zip.file(part);
    if (file && !seen.has(file.name)) {
      seen.add(file.name);
      sheetFiles.push([name, file]);
    }
  }
  for (const file of files)
    if (!seen.has(file.name) && EXCELJS_SHEET.test(file.name)) {
      seen.add(file.name);
      sheetFiles.push([file.name, file]);
    }

  const sheets: SheetSize[] = [];
  const parts: PartSize[] = [];
  const total = { cells: 0, sheetBytes: 0, xmlBytes: 0, bufferBytes: 0 };
  let stopped = false;
  for (const [name, file] of sheetFiles) {
    const scanner = new SheetScanner();
    const before = { ...total };
    stopped = await inflate(file, (chunk) => {
      scanner.push(chunk);
      total.cells = before.cells + scanner.cells + scanner.rowElements;
      total.sheetBytes = before.sheetBytes + scanner.bytes;
      return stop(total);
    });
    scanner.end();
    sheets.push({
      name,
      rows: scanner.maxRow,
      cols: scanner.maxCol,
      cells: scanner.cells,
      rowElements: scanner.rowElements,
      xmlBytes: scanner.bytes,
    });
    if (stopped) return { sheets, parts, stopped };
  }
  for (const file of files) {
    if (seen.has(file.name)) continue;
    const kind = EXCELJS_BUFFER.test(file.name) ? 'buffer' : 'xml';
    let bytes = 0;
    stopped = await inflate(file, (chunk) => {
      bytes += chunk.length;
      if (kind === 'buffer') total.bufferBytes += chunk.length;
      else total.xmlBytes += chunk.length;
      return stop(total);
    });
    parts.push({ path: file.name, kind, bytes, zipBytes: entryData(file)?.uncompressedSize ?? 0 });
    if (stopped) break;
  }
  return { sheets, parts, stopped };
}

/**
 * The part inflated chunk by chunk; resolves true if `onChunk` asked to stop. A part that
 * cannot be inflated (corrupt data, a size that is not what the zip says) ends where it
 * fails: ExcelJS then says why. In Node, Node's zlib inflates it (3× faster than jszip's
 * pako, in chunks of 1 MB); elsewhere jszip does.
 */
function inflate(
  file: JSZip.JSZipObject,
  onChunk: (chunk: Uint8Array) => boolean,
): Promise<boolean> {
  const zlib = nodeZlib();
  const data = entryData(file);
  const raw = data?.compressedContent;
  const magic = data?.compression?.magic;
  if (zlib && raw instanceof Uint8Array && (magic === '\x08\x00' || magic === '\x00\x00'))
    return magic === '\x00\x00'
      ? Promise.resolve(stored(raw, onChunk))
      : inflateNode(zlib, raw, onChunk);
  return new Promise((resolve) => {
    let stream: JSZip.JSZipStreamHelper<Uint8Array>;
    try {
      // jszip's own typings leave out `internalStream`, the stream its `nodeStream` wraps.
      stream = (
        file as unknown as {
          internalStream(type: 'uint8array'): JSZip.JSZipStreamHelper<Uint8Array>;
        }
      ).internalStream('uint8array');
    } catch {
      resolve(false);
      return;
    }
    let done = false;
    stream
      .on('data', (chunk: Uint8Array) => {
        if (done) return;
        if (onChunk(chunk)) {
          done = true;
          stream.pause();
          resolve(true);
        }
      })
      .on('error', () => {
        if (!done) resolve(false);
        done = true;
      })
      .on('end', () => {
        if (!done) resolve(false);
        done = true;
      })
      .resume();
  });
}

/**
 * What jszip keeps of an entry it loaded (its private `_data`): the bytes as they are in the
 * zip, its compression's magic, the uncompressed size the zip gives. Undefined if not that.
 */
function entryData(file: JSZip.JSZipObject):
  | {
      readonly compressedContent?: unknown;
      readonly compression?: { readonly magic?: unknown };
      readonly uncompressedSize?: number;
    }
  | undefined {
  const data = (file as unknown as { _data?: unknown })._data;
  if (typeof data !== 'object' || data === null) return undefined;
  const size = (data as { uncompressedSize?: unknown }).uncompressedSize;
  return { ...data, uncompressedSize: typeof size === 'number' ? size : undefined };
}

/** What `inflate` uses of Node's zlib. */
interface NodeZlib {
  createInflateRaw(options: { chunkSize: number }): {
    on(event: 'data', listener: (chunk: Uint8Array) => void): unknown;
    on(event: 'error' | 'end' | 'close', listener: () => void): unknown;
    end(chunk: Uint8Array): unknown;
    destroy(): unknown;
  };
}

/**
 * Node's zlib, when this runs in Node: `process.getBuiltinModule` (Node ≥ 20.16) rather than
 * an import, so that the web page's bundles neither see nor need it. Null in a browser.
 */
function nodeZlib(): NodeZlib | null {
  const p = (globalThis as { process?: { getBuiltinModule?: (id: string) => unknown } }).process;
  const zlib = typeof p?.getBuiltinModule === 'function' ? p.getBuiltinModule('node:zlib') : null;
  return (zlib as NodeZlib | null | undefined) ?? null;
}

const NODE_CHUNK = 2 ** 20;

function inflateNode(
  zlib: NodeZlib,
  raw: Uint8Array,
  onChunk: (chunk: Uint8Array) => boolean,
): Promise<boolean> {
  return new Promise((resolve) => {
    const z = zlib.createInflateRaw({ chunkSize: NODE_CHUNK });
    let done = false;
    const finish = (stopped: boolean) => {
      if (done) return;
      done = true;
      resolve(stopped);
      if (stopped) z.destroy();
    };
    z.on('data', (chunk) => {
      if (!done && onChunk(chunk)) finish(true);
    });
    z.on('error', () => finish(false));
    z.on('end', () => finish(false));
    z.on('close', () => finish(false));
    z.end(raw);
  });
}

/** A part stored without compression, in chunks as `inflateNode` gives them. */
function stored(raw: Uint8Array, onChunk: (chunk: Uint8Array) => boolean): boolean {
  for (let i = 0; i < raw.length; i += NODE_CHUNK)
    if (onChunk(raw.subarray(i, i + NODE_CHUNK))) return true;
  return false;
}

/** The most of one tag the scanner holds while it waits for the tag's end in the next chunk. */
const MAX_TAG = 64 * 1024;

// Bytes of the XML, as the scanner compares them.
const LT = 0x3c; // <
const GT = 0x3e; // >
const SLASH = 0x2f;
const COLON = 0x3a;
const EQUALS = 0x3d;
const SPACE = 0x20; // and below: tab, LF, CR (XML's white space)
const QUOTE = 0x22;
const APOSTROPHE = 0x27;
const DOLLAR = 0x24;
const ZERO = 0x30;
const NINE = 0x39;
const LOWER_C = 0x63;
const LOWER_F = 0x66;
const LOWER_I = 0x69;
const LOWER_R = 0x72;
const LOWER_S = 0x73;
const LOWER_V = 0x76;
const LOWER_O = 0x6f;
const LOWER_W = 0x77;

/**
 * The next `<` from `from`, -1 if none: looked for byte by byte first (tags mostly follow one
 * another), then with `indexOf` (long text): a call per tag costs more than the loop.
 */
function nextTag(b: Uint8Array, from: number): number {
  const near = Math.min(b.length, from + 16);
  for (let i = from; i < near; i++) if (b[i] === LT) return i;
  return near < b.length ? b.indexOf(LT, near) : -1;
}

/** The end of the tag whose attributes start at `from`, -1 if not in `b` (as `nextTag`). */
function tagEnd(b: Uint8Array, from: number): number {
  const near = Math.min(b.length, from + 32);
  for (let i = from; i < near; i++) if (b[i] === GT) return i;
  return near < b.length ? b.indexOf(GT, near) : -1;
}

/**
 * A sheet's XML fed in chunks of bytes (exported for tests), never decoded to text: each `<` is looked at once,
 * for the tags that matter (any namespace prefix) — `<row>`, `<c>`, and the `<v>`, `<is>`,
 * `<f>` that give a cell a value. Cells are counted, and the box of the cells holding a value
 * is grown from their `r` (or from their place after the cell or row before).
 */
export class SheetScanner {
  bytes = 0;
  cells = 0;
  rowElements = 0;
  /** [issue 18] The cells holding a value, for the box without its far-off cells. */
  private readonly extent = new ValueExtent();
  /**
   * A tag cut by the end of the last chunk, waiting for its `>`: its first `MAX_TAG` bytes,
   * and when it is longer, its last byte so far (`tail`, else -1) to tell `/>` from `>`.
   */
  private carry: Uint8Array | null = null;
  private tail = -1;
  private row = 0;
  private col = 0;
  /** Inside a `<c>` not yet known to hold a value. */
  private inCell = false;
  /** Set by `ref`: the address read from a `<c>`'s `r`. */
  private refRow = 0;
  private refCol = 0;

  /** The last row and column of the box of the values (1-based), far-off cells left out. */
  get maxRow(): number {
    return this.extent.lastRow;
  }

  get maxCol(): number {
    return this.extent.lastCol;
  }

  push(chunk: Uint8Array): void {
    this.bytes += chunk.length;
    if (chunk.length === 0) return;
    let from = 0;
    if (this.carry) {
      // The cut tag ends at the chunk's first `>` (a `>` is escaped nowhere before it).
      const gt = chunk.indexOf(GT);
      if (gt < 0) {
        this.keep(chunk, 0);
        return;
      }
      const head = this.carry;
      const tail = this.tail >= 0 ? 1 : 0;
      const joined = new Uint8Array(head.length + tail + gt + 1);
      joined.set(head);
      if (tail) joined[head.length] = this.tail;
      joined.set(chunk.subarray(0, gt + 1), head.length + tail);
      this.carry = null;
      this.tail = -1;
      this.scan(joined, 0, false);
      from = gt + 1;
    }
    const cut = this.scan(chunk, from, false);
    if (cut < chunk.length) this.keep(chunk, cut);
  }

  end(): void {
    if (this.carry) this.scan(this.carry, 0, true);
    this.carry = null;
    this.tail = -1;
  }

  /**
   * `chunk` from `from` kept as (more of) the cut tag: copied (the chunk may be a view of a
   * buffer the stream reuses), never more than `MAX_TAG` bytes of it. A `<c r="…">` longer
   * than that (attributes of no use here) is counted without its address beyond them.
   */
  private keep(chunk: Uint8Array, from: number): void {
    const kept = this.carry ?? new Uint8Array(0);
    const room = MAX_TAG - kept.length;
    const part = chunk.subarray(from);
    if (room > 0) {
      const take = part.subarray(0, room);
      const carry = new Uint8Array(kept.length + take.length);
      carry.set(kept);
      carry.set(take, kept.length);
      this.carry = carry;
    }
    if (part.length > room) this.tail = part[part.length - 1]!;
  }

  /**
   * The tags of `b` from `from`; returns where a tag cut by the end of `b` starts (`b.length`
   * if none). At the end of the XML (`last`), a tag without its end is no tag.
   */
  private scan(b: Uint8Array, from: number, last: boolean): number {
    const n = b.length;
    for (let i = nextTag(b, from); i >= 0;) {
      let p = i + 1;
      const closing = b[p] === SLASH;
      // Closing tags matter only to end a cell that holds no value.
      if (closing && !this.inCell) {
        i = nextTag(b, p + 1);
        continue;
      }
      if (closing) p++;
      // The name runs to white space, `/` or `>`; its local part follows the last `:`.
      let local = p;
      let e = p;
      for (; e < n; e++) {
        const c = b[e]!;
        if (c <= SPACE || c === SLASH || c === GT) break;
        if (c === COLON) local = e + 1;
      }
      if (e >= n) {
        if (last) return n;
        return i;
      }
      const length = e - local;
      const first = b[local];
      if (closing) {
        if (length === 1 && first === LOWER_C) this.inCell = false;
      } else if (length === 1 && first === LOWER_C) {
        const gt = tagEnd(b, e);
        if (gt < 0) return last ? n : i;
        this.cells++;
        if (this.ref(b, e, gt, true)) {
          this.col = this.refCol;
          this.row = this.refRow;
        } else this.col++;
        this.inCell = b[gt - 1] !== SLASH;
        i = nextTag(b, gt + 1);
        continue;
      } else if (
        this.inCell &&
        ((length === 1 && (first === LOWER_V || first === LOWER_F)) ||
          (length === 2 && first === LOWER_I && b[local + 1] === LOWER_S))
      ) {
        // The cell holds a value: the box grows to it, and the rest of the cell is skipped.
        this.extent.add(this.row, this.col);
        this.inCell = false;
      } else if (
        length === 3 &&
        first === LOWER_R &&
        b[local + 1] === LOWER_O &&
        b[local + 2] === LOWER_W
      ) {
        const gt = tagEnd(b, e);
        if (gt < 0) return last ? n : i;
        this.rowElements++;
        this.row = this.ref(b, e, gt, false) ? this.refRow : this.row + 1;
        this.col = 0;
        this.inCell = false;
        i = nextTag(b, gt + 1);
        continue;
      }
      i = nextTag(b, e);
    }
    return n;
  }

  /**
   * The first `r="…"` among the attributes in `b[from, to)`: a cell's address (`A1`, `$A$1`,
   * letters 1–3, digits 1–7) when `cell`, else a row number (digits 1–7). Sets `refRow` and
   * `refCol` (1-based); false when there is none.
   */
  private ref(b: Uint8Array, from: number, to: number, cell: boolean): boolean {
    for (let k = from + 1; k < to; k++) {
      if (b[k] !== LOWER_R || b[k - 1]! > SPACE) continue;
      let p = k + 1;
      while (p < to && b[p]! <= SPACE) p++;
      if (b[p] !== EQUALS) continue;
      p++;
      while (p < to && b[p]! <= SPACE) p++;
      if (b[p] !== QUOTE && b[p] !== APOSTROPHE) continue;
      p++;
      let col = 0;
      if (cell) {
        if (b[p] === DOLLAR) p++;
        const start = p;
        for (; p < to; p++) {
          const c = b[p]! | 0x20; // lower case
          if (c < 0x61 || c > 0x7a) break;
          col = col * 26 + (c - 0x60);
        }
        if (p === start || p - start > 3) continue;
        if (b[p] === DOLLAR) p++;
      }
      const start = p;
      let row = 0;
      for (; p < to; p++) {
        const c = b[p]!;
        if (c < ZERO || c > NINE) break;
        row = row * 10 + (c - ZERO);
      }
      if (p === start || p - start > 7 || (b[p] !== QUOTE && b[p] !== APOSTROPHE)) continue;
      this.refRow = row;
      this.refCol = col;
      return true;
    }
    return false;
  }
}
