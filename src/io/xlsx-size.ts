// [grid bounds] The size of a workbook's sheets, measured from its XML before ExcelJS loads
// it. Loaded on demand (`await import`), so the web page's first chunk does not carry it.
import JSZip from 'jszip';
import { columnIndex } from '../core/grid';
import { sheetParts } from './xlsx-read';

/** One sheet as its XML is: the box of its values and what ExcelJS would build from it. */
export interface SheetSize {
  readonly name: string;
  /** Rows and columns from A1 to the last cell holding a value (0 × 0 when none). */
  readonly rows: number;
  readonly cols: number;
  /** `<c>` elements, with or without a value, and `<row>` elements. */
  readonly cells: number;
  readonly rowElements: number;
  /** The sheet part's uncompressed size, in bytes. */
  readonly xmlBytes: number;
}

export interface WorkbookSize {
  readonly sheets: readonly SheetSize[];
  /** The shared-strings part's uncompressed size, in bytes. */
  readonly sharedStringsBytes: number;
  /** True when the scan stopped early, `stop` having said enough. */
  readonly stopped: boolean;
}

/**
 * Every worksheet's XML scanned as it is inflated, never held whole: a 20 MB file that
 * inflates to gigabytes is measured in seconds. `stop` is asked after each chunk with the
 * bytes seen so far; when it says true the scan ends there. Null when the file is no zip
 * or has no workbook part (ExcelJS then says why).
 */
export async function measureWorkbook(
  data: ArrayBuffer | Uint8Array,
  stop: (xmlBytesSoFar: number, cellsSoFar: number) => boolean = () => false,
): Promise<WorkbookSize | null> {
  let zip: JSZip;
  try {
    zip = await JSZip.loadAsync(data);
  } catch {
    return null;
  }
  const parts = await sheetParts(zip);
  const sheets: SheetSize[] = [];
  let bytes = 0;
  let cells = 0;
  let stopped = false;
  for (const [name, part] of parts) {
    const file = zip.file(part);
    if (!file) continue;
    const scanner = new SheetScanner();
    stopped = await inflate(file, (chunk) => {
      scanner.push(chunk);
      return stop(bytes + scanner.bytes, cells + scanner.cells + scanner.rowElements);
    });
    scanner.end();
    bytes += scanner.bytes;
    cells += scanner.cells + scanner.rowElements;
    sheets.push({
      name,
      rows: scanner.maxRow,
      cols: scanner.maxCol,
      cells: scanner.cells,
      rowElements: scanner.rowElements,
      xmlBytes: scanner.bytes,
    });
    if (stopped) break;
  }
  let sharedStringsBytes = 0;
  const shared = stopped
    ? null
    : (zip.file(/(^|\/)sharedStrings\.xml$/i).find((f) => !f.dir) ?? null);
  if (shared)
    stopped = await inflate(shared, (chunk) => {
      sharedStringsBytes += chunk.length;
      return stop(bytes + sharedStringsBytes, cells);
    });
  return { sheets, sharedStringsBytes, stopped };
}

/** The part inflated chunk by chunk; resolves true if `onChunk` asked to stop. */
function inflate(
  file: JSZip.JSZipObject,
  onChunk: (chunk: Uint8Array) => boolean,
): Promise<boolean> {
  return new Promise((resolve, reject) => {
    // jszip's own typings leave out `internalStream`, the stream its `nodeStream` wraps.
    const stream = (
      file as unknown as {
        internalStream(type: 'uint8array'): JSZip.JSZipStreamHelper<Uint8Array>;
      }
    ).internalStream('uint8array');
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
      .on('error', (e: Error) => {
        if (!done) reject(e);
        done = true;
      })
      .on('end', () => {
        if (!done) resolve(false);
        done = true;
      })
      .resume();
  });
}

/** The tags that matter, any namespace prefix: rows, cells, and what gives a cell a value. */
const TAG = /<(\/?)(?:[A-Za-z_][\w.-]*:)?(row|c|v|is|f)(?=[\s/>])([^>]*)>/g;
const REF = /(?:^|\s)r\s*=\s*["']\$?([A-Za-z]{1,3})\$?(\d{1,7})["']/;
const ROW = /(?:^|\s)r\s*=\s*["'](\d{1,7})["']/;

/** A sheet's XML fed in chunks: cells counted, the box of the cells holding a value grown. */
class SheetScanner {
  bytes = 0;
  cells = 0;
  rowElements = 0;
  maxRow = 0;
  maxCol = 0;
  private readonly decoder = new TextDecoder('utf-8');
  private carry = '';
  private row = 0;
  private col = 0;
  private inCell = false;
  private hasValue = false;

  push(chunk: Uint8Array): void {
    this.bytes += chunk.length;
    const text = this.carry + this.decoder.decode(chunk, { stream: true });
    // A tag cut by the chunk's end waits for the next chunk.
    const lt = text.lastIndexOf('<');
    const cut = lt >= 0 && text.indexOf('>', lt) < 0 ? lt : text.length;
    this.scan(cut === text.length ? text : text.slice(0, cut));
    this.carry = text.slice(cut);
  }

  end(): void {
    this.scan(this.carry + this.decoder.decode());
    this.carry = '';
  }

  private scan(text: string): void {
    TAG.lastIndex = 0;
    for (let m = TAG.exec(text); m; m = TAG.exec(text)) {
      const closing = m[1] === '/';
      const name = m[2]!;
      const attrs = m[3]!;
      if (name === 'c') {
        if (closing) {
          if (this.inCell && this.hasValue) this.grow();
          this.inCell = false;
          continue;
        }
        this.cells++;
        const ref = REF.exec(attrs);
        if (ref) {
          this.col = columnIndex(ref[1]!) + 1;
          this.row = Number(ref[2]);
        } else this.col++;
        const selfClosing = attrs.endsWith('/');
        this.inCell = !selfClosing;
        this.hasValue = false;
      } else if (name === 'row') {
        if (closing) continue;
        this.rowElements++;
        const r = ROW.exec(attrs);
        this.row = r ? Number(r[1]) : this.row + 1;
        this.col = 0;
      } else if (!closing && this.inCell) this.hasValue = true;
    }
  }

  private grow(): void {
    if (this.row > this.maxRow) this.maxRow = this.row;
    if (this.col > this.maxCol) this.maxCol = this.col;
  }
}
