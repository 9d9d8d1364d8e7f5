import ExcelJS from 'exceljs';
import JSZip from 'jszip';
import { spawnSync } from 'node:child_process';
import { existsSync } from 'node:fs';
import { mkdir, writeFile } from 'node:fs/promises';
import { crc32, deflateRawSync } from 'node:zlib';
import { cellAddress, type CellValue } from '../../src/core/grid';
import { generateGrid } from '../../bench/generate';
import { bombXlsx, manyMerges, SMALL_TABLE } from './bomb-xlsx';

/**
 * Big hostile .xlsx files (issue “Nothing lost, nothing crashes”, items 3 and 8), for
 * `npm run test:hostile` and `npm run bench`: written once into `.bench/hostile/`
 * (git-ignored) and reused. The sheet XML is written directly (ExcelJS would take minutes
 * and gigabytes to write some of them).
 */
export interface BigCase {
  readonly file: string;
  readonly label: string;
  /** Extra CLI arguments (`--out`). */
  readonly args: readonly string[];
  readonly make: () => Promise<Uint8Array>;
}

const DIR = '.bench/hostile';

export const BIG_CASES: readonly BigCase[] = [
  {
    file: 'rows-20mb.xlsx',
    label: 'a 20 MB workbook of ordinary rows (unit tables)',
    args: [],
    // ≈ 470,000 rows of 14 columns: 20 MB zipped (measured: 5.3 MB per 100,000 rows).
    make: () => sheetXlsx(rowsXml(generateGrid(470_000))),
  },
  {
    file: 'xfd-200k.xlsx',
    label: '200,000 rows, each one value in column XFD',
    args: [],
    make: () =>
      sheetXlsx(
        (function* () {
          yield* rowsXml(SMALL_TABLE);
          for (let r = SMALL_TABLE.length + 1; r <= 200_000; r++)
            yield `<row r="${r}"><c r="XFD${r}"><v>${r}</v></c></row>`;
        })(),
      ),
  },
  {
    file: 'strings-20mb.xlsx',
    label: 'a 20 MB sheet of long strings (beside a small table)',
    args: [],
    make: () => {
      const rand = lcg(7);
      const letters = (n: number) => {
        let s = '';
        for (let i = 0; i < n; i++) s += String.fromCharCode(97 + Math.floor(rand() * 26));
        return s;
      };
      return sheetXlsx(
        (function* () {
          const table = [...rowsXml(SMALL_TABLE)];
          for (let r = 1; r <= 32_000; r++) {
            const first = table[r - 1];
            const cells = first !== undefined ? first.replace(/^<row r="\d+">|<\/row>$/g, '') : '';
            yield `<row r="${r}">${cells}<c r="P${r}" t="inlineStr"><is><t>${letters(1000)}</t></is></c></row>`;
          }
        })(),
      );
    },
  },
  {
    file: 'styles-5m.xlsx',
    label: 'a styles part of 5 million cell formats (296 MB of XML, 1 MB zipped)',
    args: [],
    make: () => stylesBomb(5_000_000),
  },
  {
    file: 'media-300mb.xlsx',
    label: 'a picture of 300 MB (zeros, 0.3 MB zipped)',
    args: [],
    make: () => mediaBomb(300),
  },
  {
    file: 'merges-20k.xlsx',
    label: '20,000 merged areas',
    args: [],
    make: () => bombXlsx({ merges: manyMerges(20_000) }),
  },
  {
    file: 'merge-bomb.xlsx',
    label: 'Z1:XFD1048576 merged (beside the table), with --out',
    args: ['--out', `${DIR}/merge-bomb.out.xlsx`],
    make: () => bombXlsx({ merges: ['Z1:XFD1048576'] }),
  },
  {
    file: 'merge-bomb-over.xlsx',
    label: 'J1:XFD1048576 merged (over the table), with --out',
    args: ['--out', `${DIR}/merge-bomb-over.out.xlsx`],
    make: () => bombXlsx({ merges: ['J1:XFD1048576'] }),
  },
];

/**
 * `base` (an .xlsx) with `parts` added or put in place of its own, every part deflated by
 * Node's zlib: hundreds of megabytes of repeated XML in a fraction of a second, where jszip
 * (pako) takes seconds. A plain zip, no zip64: parts under 4 GB.
 */
export async function withParts(
  base: Uint8Array,
  parts: Readonly<Record<string, Uint8Array>>,
): Promise<Uint8Array> {
  const zip = await JSZip.loadAsync(base);
  const entries = new Map<string, Uint8Array>();
  for (const file of Object.values(zip.files))
    if (!file.dir) entries.set(file.name, await file.async('uint8array'));
  for (const [path, data] of Object.entries(parts)) entries.set(path, data);
  const chunks: Uint8Array[] = [];
  const central: Uint8Array[] = [];
  let offset = 0;
  for (const [path, data] of entries) {
    const name = Buffer.from(path, 'utf8');
    const packed = deflateRawSync(data, { level: 1 });
    const crc = crc32(data);
    const local = Buffer.alloc(30);
    local.writeUInt32LE(0x04034b50, 0);
    local.writeUInt16LE(20, 4); // version needed
    local.writeUInt16LE(0x0800, 6); // UTF-8 names
    local.writeUInt16LE(8, 8); // deflate
    local.writeUInt16LE(0x21, 12); // 1980-01-01
    local.writeUInt32LE(crc, 14);
    local.writeUInt32LE(packed.length, 18);
    local.writeUInt32LE(data.length, 22);
    local.writeUInt16LE(name.length, 26);
    const dir = Buffer.alloc(46);
    dir.writeUInt32LE(0x02014b50, 0);
    dir.writeUInt16LE(20, 4); // made by
    dir.writeUInt16LE(20, 6);
    dir.writeUInt16LE(0x0800, 8);
    dir.writeUInt16LE(8, 10);
    dir.writeUInt16LE(0x21, 14);
    dir.writeUInt32LE(crc, 16);
    dir.writeUInt32LE(packed.length, 20);
    dir.writeUInt32LE(data.length, 24);
    dir.writeUInt16LE(name.length, 28);
    dir.writeUInt32LE(offset, 42);
    chunks.push(local, name, packed);
    central.push(dir, name);
    offset += local.length + name.length + packed.length;
  }
  const size = central.reduce((n, c) => n + c.length, 0);
  const end = Buffer.alloc(22);
  end.writeUInt32LE(0x06054b50, 0);
  end.writeUInt16LE(entries.size, 8);
  end.writeUInt16LE(entries.size, 10);
  end.writeUInt32LE(size, 12);
  end.writeUInt32LE(offset, 16);
  return new Uint8Array(Buffer.concat([...chunks, ...central, end]));
}

/** `head`, then `unit` `count` times, then `tail`, as bytes (one allocation, no big string). */
export function repeated(head: string, unit: string, count: number, tail: string): Uint8Array {
  const h = Buffer.byteLength(head);
  const u = Buffer.byteLength(unit);
  const out = Buffer.alloc(h + u * count + Buffer.byteLength(tail));
  out.write(head, 0);
  if (count > 0) out.fill(unit, h, h + u * count);
  out.write(tail, h + u * count);
  return out;
}

/**
 * The small table's workbook with `count` more cell formats (`<xf>`) in its styles part: each
 * one an object ExcelJS builds (5 million, 296 MB of XML, take it 10 s and 1 GB).
 */
export async function stylesBomb(count: number): Promise<Uint8Array> {
  const base = await bombXlsx();
  const styles = await (await JSZip.loadAsync(base)).file('xl/styles.xml')!.async('string');
  const open = /<cellXfs count="(\d+)">/.exec(styles)!;
  const at = open.index + open[0].length;
  const head = `${styles.slice(0, open.index)}<cellXfs count="${Number(open[1]) + count}">`;
  const xf = '<xf numFmtId="0" fontId="0" fillId="0" borderId="0" xfId="0"/>';
  return withParts(base, {
    'xl/styles.xml': repeated(head, xf, count, styles.slice(at)),
  });
}

/** The small table's workbook with a picture of `megabytes` MB (zeros: a few hundred KB zipped). */
export async function mediaBomb(megabytes: number): Promise<Uint8Array> {
  return withParts(await bombXlsx(), {
    'xl/media/image1.png': new Uint8Array(megabytes * 2 ** 20),
  });
}

/** The case's file, written if missing; its path. */
export async function bigFile(c: BigCase): Promise<string> {
  await mkdir(DIR, { recursive: true });
  const path = `${DIR}/${c.file}`;
  if (!existsSync(path)) await writeFile(path, await c.make());
  return path;
}

/** Prints the child's peak resident set size on stderr when it exits. */
export const RSS_HOOK =
  'data:text/javascript,process.on("exit",()=>process.stderr.write(`maxrss ${process.resourceUsage().maxRSS}\\n`))';

export interface CliRun {
  readonly status: number | null;
  readonly signal: string | null;
  /** stderr without the peak-RSS line. */
  readonly stderr: string;
  readonly ms: number;
  readonly rssBytes: number;
}

/** `node bin/tongbao.js evaluate FILE …` under a 1 GB heap (NODE_OPTIONS), timed. */
export function runCli(file: string, args: readonly string[], timeoutMs = 120_000): CliRun {
  const t0 = performance.now();
  const r = spawnSync(
    process.execPath,
    ['--import', RSS_HOOK, 'bin/tongbao.js', 'evaluate', file, ...args],
    {
      stdio: ['ignore', 'ignore', 'pipe'],
      encoding: 'utf8',
      timeout: timeoutMs,
      env: { ...process.env, NODE_OPTIONS: '--max-old-space-size=1024' },
    },
  );
  const ms = performance.now() - t0;
  const rss = Number(/^maxrss (\d+)$/m.exec(r.stderr)?.[1] ?? NaN) * 1024;
  return {
    status: r.status,
    signal: r.signal,
    stderr: r.stderr.replace(/^maxrss \d+\n?/m, ''),
    ms,
    rssBytes: rss,
  };
}

/** A deterministic pseudo-random sequence. */
function lcg(seed: number): () => number {
  let s = seed >>> 0;
  return () => {
    s = (Math.imul(s, 1664525) + 1013904223) >>> 0;
    return s / 2 ** 32;
  };
}

const escapeXml = (s: string) =>
  s.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;');

/** Grid rows as `<row>` XML: numbers as `<v>`, strings inline, empty cells left out. */
function* rowsXml(rows: readonly (readonly CellValue[])[]): Generator<string> {
  for (let r = 0; r < rows.length; r++) {
    let cells = '';
    rows[r]!.forEach((v, c) => {
      const ref = cellAddress(r, c);
      if (typeof v === 'number') cells += `<c r="${ref}"><v>${v}</v></c>`;
      else if (typeof v === 'string' && v !== '')
        cells += `<c r="${ref}" t="inlineStr"><is><t>${escapeXml(v)}</t></is></c>`;
      else if (typeof v === 'boolean') cells += `<c r="${ref}" t="b"><v>${v ? 1 : 0}</v></c>`;
    });
    yield `<row r="${r + 1}">${cells}</row>`;
  }
}

/** A one-sheet workbook (sheet “区”) whose `<sheetData>` holds the given rows. */
async function sheetXlsx(rows: Iterable<string>): Promise<Uint8Array> {
  const wb = new ExcelJS.Workbook();
  wb.addWorksheet('区');
  const zip = await JSZip.loadAsync(await wb.xlsx.writeBuffer());
  const part = 'xl/worksheets/sheet1.xml';
  const xml = await zip.file(part)!.async('string');
  const [head, tail] = xml.split(/<sheetData\s*\/>|<sheetData><\/sheetData>/);
  if (tail === undefined) throw new Error('no empty <sheetData> in the template');
  const chunks = [head!, '<sheetData>'];
  for (const row of rows) chunks.push(row);
  chunks.push('</sheetData>', tail);
  zip.file(part, chunks.join(''));
  return zip.generateAsync({ type: 'uint8array', compression: 'DEFLATE' });
}
