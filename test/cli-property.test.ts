import ExcelJS from 'exceljs';
import fc from 'fast-check';
import JSZip from 'jszip';
import { mkdir, mkdtemp, readdir, readFile, rm, symlink, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join, relative } from 'node:path';
import { SaxesParser } from 'saxes';
import { afterAll, describe, expect, it } from 'vitest';
import { runCli } from '../src/cli/run';
import type { CellValue } from '../src/core/grid';
import { readWorkbookGrids } from '../src/io/xlsx-read';
import { COUNT_HEADER, countRow, UNITS, type UnitKey } from './helpers/grid';

/**
 * Whatever the workbook and wherever the outputs point, the command line either succeeds and
 * every output re-opens (the annotated copy keeping every user cell), or refuses in exactly
 * one line having written nothing — no output, no temporary file, the input untouched.
 */

const root = await mkdtemp(join(tmpdir(), 'tongbao-prop-'));
afterAll(() => rm(root, { recursive: true, force: true }));

type Book =
  | { kind: 'table'; title: string | null; units: UnitKey[]; extra: [number, number, string][] }
  | { kind: 'empty'; cells: string[] }
  | { kind: 'garbage'; bytes: Uint8Array };

const unitNames = Object.keys(UNITS) as UnitKey[];
const bookArb: fc.Arbitrary<Book> = fc.oneof(
  {
    weight: 3,
    arbitrary: fc.record({
      kind: fc.constant('table' as const),
      title: fc.option(fc.constantFrom('2017年8月份综合评价表', '各区政府综合评价表'), {
        nil: null,
      }),
      units: fc.uniqueArray(fc.constantFrom(...unitNames), { minLength: 1, maxLength: 4 }),
      // Stray cells, some where the recomputed columns go (then --out is refused).
      extra: fc.array(
        fc.tuple(fc.integer({ min: 0, max: 8 }), fc.integer({ min: 0, max: 16 }), fc.string()),
        { maxLength: 2 },
      ),
    }),
  },
  fc.record({
    kind: fc.constant('empty' as const),
    cells: fc.array(fc.string(), { maxLength: 3 }),
  }),
  fc.record({
    kind: fc.constant('garbage' as const),
    bytes: fc.uint8Array({ maxLength: 64 }),
  }),
);

async function bookBytes(book: Book): Promise<Uint8Array> {
  if (book.kind === 'garbage') return book.bytes;
  const wb = new ExcelJS.Workbook();
  const ws = wb.addWorksheet('评价表');
  if (book.kind === 'empty') {
    book.cells.forEach((c, i) => {
      if (c !== '') ws.getCell(i + 1, 1).value = c;
    });
  } else {
    const rows: CellValue[][] = [];
    if (book.title) rows.push([book.title]);
    rows.push(['单位', ...COUNT_HEADER]);
    for (const u of book.units) rows.push(countRow(u));
    rows.forEach((row, r) => row.forEach((v, c) => (ws.getCell(r + 1, c + 1).value = v)));
    for (const [r, c, v] of book.extra)
      if (v.trim() !== '' && !/^[=+\-@]/.test(v)) ws.getCell(r + 1, c + 1).value = v;
  }
  return new Uint8Array(await wb.xlsx.writeBuffer());
}

type Where =
  | 'none'
  | 'fresh'
  | 'nested'
  | 'input'
  | 'inputSpelt'
  | 'inputSlash'
  | 'inputLink'
  | 'folder'
  | 'underFile'
  | 'duplicate'
  | 'wrongExt';
// Mostly outputs that can be written, so that a fair share of runs succeed with all three.
const whereArb: fc.Arbitrary<Where> = fc.oneof(
  { arbitrary: fc.constantFrom<Where>('none', 'fresh', 'nested'), weight: 8 },
  {
    arbitrary: fc.constantFrom<Where>(
      'input',
      'inputSpelt',
      'inputSlash',
      'inputLink',
      'folder',
      'underFile',
      'duplicate',
      'wrongExt',
    ),
    weight: 2,
  },
);

const EXT = { '--json': '.json', '--docx': '.docx', '--out': '.xlsx' } as const;
type Option = keyof typeof EXT;

function outputPath(d: string, option: Option, where: Where, first: string | null): string | null {
  const ext = EXT[option];
  switch (where) {
    case 'none':
      return null;
    case 'fresh':
      return join(d, `r${ext}`);
    case 'nested':
      return join(d, 'new', 'deeper', `r${ext}`);
    case 'input':
      return join(d, 'in.xlsx');
    case 'inputSpelt':
      return join(d, 'sub', '..', '.', 'in.xlsx');
    case 'inputSlash':
      return `${join(d, 'in.xlsx')}/`;
    case 'inputLink':
      return join(d, 'link.xlsx');
    case 'folder':
      return join(d, 'folder');
    case 'underFile':
      return join(d, 'file.txt', `r${ext}`);
    case 'duplicate':
      return first ?? join(d, `r${ext}`);
    case 'wrongExt':
      return join(d, `r${ext === '.xlsx' ? '.xls' : '.xlsx'}`);
  }
}

async function tree(d: string): Promise<string[]> {
  const entries = await readdir(d, { recursive: true, withFileTypes: true });
  return entries.map((e) => relative(d, join(e.parentPath, e.name))).sort();
}

function wellFormed(xml: string): boolean {
  const parser = new SaxesParser();
  let ok = true;
  parser.on('error', () => (ok = false));
  parser.write(xml).close();
  return ok;
}

let runs = 0;
let succeeded = 0;

describe('the command line never loses or half-writes a file (property)', () => {
  it('succeeds with outputs that re-open, or refuses in one line writing nothing', async () => {
    await fc.assert(
      fc.asyncProperty(
        bookArb,
        whereArb,
        whereArb,
        whereArb,
        async (book, whereJson, whereDocx, whereOut) => {
          const d = join(root, `run-${runs++}`);
          await mkdir(join(d, 'sub'), { recursive: true });
          await mkdir(join(d, 'folder'));
          await writeFile(join(d, 'file.txt'), 'x');
          const input = join(d, 'in.xlsx');
          const bytes = await bookBytes(book);
          await writeFile(input, bytes);
          await symlink(input, join(d, 'link.xlsx'));
          const before = await tree(d);

          const argv = ['evaluate', input];
          let first: string | null = null;
          const asked: [Option, string][] = [];
          for (const [option, where] of [
            ['--json', whereJson],
            ['--docx', whereDocx],
            ['--out', whereOut],
          ] as const) {
            const path = outputPath(d, option, where, first);
            if (path === null) continue;
            first ??= path;
            asked.push([option, path]);
            argv.push(option, path);
          }
          const out: string[] = [];
          const err: string[] = [];
          const code = await runCli(argv, { out: (l) => out.push(l), err: (l) => err.push(l) });

          expect(new Uint8Array(await readFile(input))).toEqual(bytes);
          if (code !== 0) {
            expect([1, 2]).toContain(code);
            expect(err).toHaveLength(1);
            expect(err[0]).not.toContain('\n');
            expect(await tree(d)).toEqual(before);
            return;
          }
          expect(err).toEqual([]);
          if (asked.length > 0) succeeded++;
          expect((await tree(d)).filter((f) => f.endsWith('.tmp'))).toEqual([]);
          for (const [option, path] of asked) {
            const data = await readFile(path);
            if (option === '--json') {
              expect(JSON.parse(data.toString('utf8'))).toHaveProperty('units');
            } else if (option === '--docx') {
              const zip = await JSZip.loadAsync(data);
              expect(wellFormed(await zip.file('word/document.xml')!.async('string'))).toBe(true);
            } else {
              const [given] = await readWorkbookGrids(bytes);
              const [annotated] = await readWorkbookGrids(data);
              given!.values.forEach((row, r) =>
                row.forEach((v, c) => {
                  if (v !== null) expect(annotated!.values[r]?.[c]).toEqual(v);
                }),
              );
            }
          }
        },
      ),
      { numRuns: 60 },
    );
    expect(succeeded).toBeGreaterThan(0);
  }, 60_000);
});
