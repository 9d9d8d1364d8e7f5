import ExcelJS from 'exceljs';
import JSZip from 'jszip';
import { existsSync } from 'node:fs';
import {
  copyFile,
  link,
  mkdir,
  mkdtemp,
  readdir,
  readFile,
  symlink,
  writeFile,
} from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join, relative } from 'node:path';
import { beforeEach, describe, expect, it } from 'vitest';
import { runCli, type CliDeps } from '../src/cli/run';
import { analyzeWorkbook } from '../src/evaluation/analyze';
import { readWorkbookGrids } from '../src/io/xlsx-read';
import { planWrites } from '../src/plan/write-plan';

const SAMPLE = 'samples/2017-08.xlsx';
const sample = await readFile(SAMPLE);

let dir: string;
let book: string;
beforeEach(async () => {
  dir = await mkdtemp(join(tmpdir(), 'tongbao-files-'));
  book = join(dir, 'a.xlsx');
  await writeFile(book, sample);
});

async function cli(argv: string[], deps: CliDeps = {}) {
  const out: string[] = [];
  const err: string[] = [];
  const code = await runCli(
    argv,
    { out: (l) => out.push(l), err: (l) => err.push(l) },
    undefined,
    deps,
  );
  return { code, out, err };
}

/** Every file under `root`, relative, sorted (folders too, with a trailing slash). */
async function tree(root: string): Promise<string[]> {
  const entries = await readdir(root, { recursive: true, withFileTypes: true });
  return entries
    .map((e) => relative(root, join(e.parentPath, e.name)) + (e.isDirectory() ? '/' : ''))
    .sort();
}

const errno = (code: string) => Object.assign(new Error(`${code}: injected`), { code });

describe('never overwrite an input', () => {
  it.each([
    ['the same path', (d: string) => join(d, 'a.xlsx')],
    ['another spelling', (d: string) => join(d, 'sub', '..', '.', 'a.xlsx')],
    ['a trailing slash', (d: string) => `${join(d, 'a.xlsx')}/`],
  ])('refuses --out naming the workbook by %s, exit 1, one line', async (_, spell) => {
    await mkdir(join(dir, 'sub'));
    const target = spell(dir);
    const r = await cli(['evaluate', book, '--out', target]);
    expect(r.code).toBe(1);
    expect(r.err).toEqual([
      `错误：--out ${target} 与要读取的工作簿 ${book} 是同一个文件，不能覆盖输入文件，请另选输出路径`,
    ]);
    expect(await readFile(book)).toEqual(sample);
    expect(await tree(dir)).toEqual(['a.xlsx', 'sub/']);
  });

  it('refuses a relative spelling of an absolute input', async () => {
    const rel = relative(process.cwd(), book);
    const r = await cli(['evaluate', book, '--out', `./${rel}`]);
    expect(r.code).toBe(1);
    expect(r.err).toHaveLength(1);
  });

  it('refuses a symlink, a symlinked folder and a hard link to the workbook', async () => {
    await symlink(book, join(dir, 'link.xlsx'));
    await symlink(dir, join(dir, 'folder-link'));
    await link(book, join(dir, 'hard.xlsx'));
    for (const target of ['link.xlsx', 'folder-link/a.xlsx', 'hard.xlsx'].map((f) =>
      join(dir, f),
    )) {
      const r = await cli(['evaluate', book, '--out', target]);
      expect([r.code, r.err.length]).toEqual([1, 1]);
      expect(r.err[0]).toContain(target);
      expect(r.err[0]).toContain(book);
    }
    expect(await readFile(book)).toEqual(sample);
    expect(await tree(dir)).toEqual(['a.xlsx', 'folder-link', 'hard.xlsx', 'link.xlsx']);
  });

  it('takes a name differing only in case as another file (Linux)', async () => {
    if (process.platform !== 'linux') return;
    const other = join(dir, 'A.xlsx');
    const r = await cli(['evaluate', book, '--out', other]);
    expect(r.code).toBe(0);
    expect(await readFile(book)).toEqual(sample);
    expect(existsSync(other)).toBe(true);
  });

  it('refuses --json over the settings file and --docx over last month, naming both', async () => {
    const settings = join(dir, 'settings.json');
    await writeFile(settings, '{}');
    const s = await cli(['evaluate', book, '--settings', settings, '--json', settings]);
    expect([s.code, s.err]).toEqual([
      1,
      [
        `错误：--json ${settings} 与设置文件（--settings） ${settings} 是同一个文件，不能覆盖输入文件，请另选输出路径`,
      ],
    ]);
    const july = join(dir, 'july.docx');
    await copyFile('samples/2017-07.xlsx', july);
    const p = await cli(['evaluate', book, '--previous', july, '--docx', july]);
    expect(p.code).toBe(1);
    expect(p.err).toEqual([
      `错误：--docx ${july} 与上月工作簿（--previous） ${july} 是同一个文件，不能覆盖输入文件，请另选输出路径`,
    ]);
    expect(await readFile(settings, 'utf8')).toBe('{}');
  });

  it('refuses two outputs naming one file', async () => {
    const json = join(dir, 'out.json');
    const r = await cli(['evaluate', book, '--json', json, '--docx', join(dir, '.', 'out.json')]);
    expect(r.code).toBe(1);
    expect(r.err).toEqual([
      `错误：--json ${json} 与 --docx ${join(dir, '.', 'out.json')} 是同一个文件，请为每项输出指定不同的文件`,
    ]);
    expect(await tree(dir)).toEqual(['a.xlsx']);
  });
});

describe('atomic outputs: all of them or none', () => {
  it('writes nothing when --out is refused for its conflicts (the JSON and .docx neither)', async () => {
    // Put a value where the first recomputed column would go.
    const plan = planWrites(analyzeWorkbook(await readWorkbookGrids(sample)));
    const table = plan.sheets[0]!.tables[0]!;
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.load(sample as unknown as ArrayBuffer);
    wb
      .getWorksheet(plan.sheets[0]!.sheet)!
      .getCell(table.columns.row + 3, table.columns.col + 1).value = '手写备注';
    await wb.xlsx.writeFile(book);
    const r = await cli([
      'evaluate',
      book,
      '--json',
      join(dir, 'new', 'r.json'),
      '--docx',
      join(dir, 'r.docx'),
      '--out',
      join(dir, 'r.xlsx'),
    ]);
    expect(r.code).toBe(2);
    expect(r.err).toHaveLength(1);
    expect(r.err[0]).toMatch(/^错误：未写出 .*r\.xlsx：复核列要写入的位置已有内容/);
    expect(await tree(dir)).toEqual(['a.xlsx']);
  });

  it('a full disk on the last output: nothing written, no temporary file, no new folder', async () => {
    let writes = 0;
    const fs: CliDeps['fs'] = {
      writeFile: async (file, data, options) => {
        if (++writes === 3) throw errno('ENOSPC');
        const { writeFile: real } = await import('node:fs/promises');
        return real(file, data, options);
      },
    };
    const out = join(dir, 'deep', 'er', 'r.xlsx');
    const r = await cli(
      [
        'evaluate',
        book,
        '--json',
        join(dir, 'deep', 'r.json'),
        '--docx',
        join(dir, 'r.docx'),
        '--out',
        out,
      ],
      { fs },
    );
    expect([r.code, r.err]).toEqual([2, [`错误：无法写入 ${out}：磁盘空间不足（未写出任何文件）`]]);
    expect(r.out).toEqual([]);
    expect(await tree(dir)).toEqual(['a.xlsx']);
  });

  it('EACCES when renaming into place: one line, temporary files removed', async () => {
    const fs: CliDeps['fs'] = {
      rename: () => Promise.reject(errno('EACCES')),
    };
    const json = join(dir, 'r.json');
    const r = await cli(['evaluate', book, '--json', json, '--docx', join(dir, 'r.docx')], { fs });
    expect([r.code, r.err]).toEqual([
      2,
      [`错误：无法写入 ${json}：没有写入权限（未写出任何文件）`],
    ]);
    expect(await tree(dir)).toEqual(['a.xlsx']);
  });

  it('writes each output through a temporary file beside it, then renames it', async () => {
    const renamed: [string, string][] = [];
    const fs: CliDeps['fs'] = {
      rename: async (from, to) => {
        renamed.push([String(from), String(to)]);
        const { rename } = await import('node:fs/promises');
        return rename(from, to);
      },
    };
    const json = join(dir, 'r.json');
    await writeFile(json, 'old');
    const r = await cli(['evaluate', book, '--json', json], { fs });
    expect(r.code).toBe(0);
    expect(renamed).toHaveLength(1);
    expect(renamed[0]![1]).toBe(json);
    expect(renamed[0]![0]).toMatch(
      new RegExp(`^${dir}/\\.r\\.json\\.tongbao-${process.pid}-[0-9a-f]+\\.tmp$`),
    );
    expect(JSON.parse(await readFile(json, 'utf8'))).toHaveProperty('units');
    expect(await tree(dir)).toEqual(['a.xlsx', 'r.json']);
  });

  it('writes through a symlink to the file it points at', async () => {
    const real = join(dir, 'real.json');
    await writeFile(real, 'old');
    await symlink(real, join(dir, 'link.json'));
    const r = await cli(['evaluate', book, '--json', join(dir, 'link.json')]);
    expect(r.code).toBe(0);
    expect(await readFile(real, 'utf8')).toContain('"units"');
    expect(await tree(dir)).toEqual(['a.xlsx', 'link.json', 'real.json']);
  });
});

describe('clear errors for outputs that cannot be written (exit 2, one line)', () => {
  it('a folder, a path under a file, a trailing slash', async () => {
    await mkdir(join(dir, 'folder.json'));
    await writeFile(join(dir, 'file.txt'), 'x');
    const cases: [string, string][] = [
      [dir, `错误：无法写入 ${dir}：这是一个文件夹，请指定文件名`],
      [
        join(dir, 'folder.json'),
        `错误：无法写入 ${join(dir, 'folder.json')}：这是一个文件夹，请指定文件名`,
      ],
      [
        join(dir, 'file.txt', 'r.json'),
        `错误：无法写入 ${join(dir, 'file.txt', 'r.json')}：${join(dir, 'file.txt')} 是文件，不是文件夹`,
      ],
      [
        join(dir, 'file.txt', 'deeper', 'r.json'),
        `错误：无法写入 ${join(dir, 'file.txt', 'deeper', 'r.json')}：${join(dir, 'file.txt')} 是文件，不是文件夹`,
      ],
      [
        `${join(dir, 'new.json')}/`,
        `错误：无法写入 ${join(dir, 'new.json')}/：这是一个文件夹，请指定文件名`,
      ],
    ];
    for (const [target, line] of cases) {
      const r = await cli(['evaluate', book, '--json', target]);
      expect([r.code, r.err]).toEqual([2, [line]]);
    }
    expect(await tree(dir)).toEqual(['a.xlsx', 'file.txt', 'folder.json/']);
  });

  it('an unwritable folder (EACCES, injected: tests run as root)', async () => {
    const fs: CliDeps['fs'] = { access: () => Promise.reject(errno('EACCES')) };
    const json = join(dir, 'r.json');
    const r = await cli(['evaluate', book, '--json', json], { fs });
    expect([r.code, r.err]).toEqual([
      2,
      [`错误：无法写入 ${json}：没有写入权限（未写出任何文件）`],
    ]);
  });

  it('a device such as /dev/null is written in place', async () => {
    if (!existsSync('/dev/null')) return;
    const r = await cli(['evaluate', book, '--json', '/dev/null']);
    expect([r.code, r.err]).toEqual([0, []]);
  });
});

describe('settings files', () => {
  const settings = async (text: string) => {
    const file = join(dir, 's.json');
    await writeFile(file, text);
    return { file, r: await cli(['evaluate', book, '--settings', file]) };
  };

  it('accepts a UTF-8 byte-order mark', async () => {
    const { r } = await settings('\uFEFF{"report":{"issuer":"某市城管委"}}');
    expect([r.code, r.err]).toEqual([0, []]);
  });

  it.each([
    ['null', '设置：应为一组设置（JSON 对象）'],
    ['[]', '设置：应为一组设置（JSON 对象）'],
    ['[{"evaluation":{}}]', '设置：应为一组设置（JSON 对象）'],
    ['{"evaluation":{"bands":[null]}}', '第1级：应为一组设置（JSON 对象）'],
    [
      '{"narrative":{"hotline":{"leftOut":["a",null]}}}',
      '12345 名单中不列出的单位：第 2 项应为单位名称（文字），不能为 null 或数字',
    ],
    [
      '{"report":{"fonts":{"title":["宋体",null]}}}',
      '标题字体：第 2 项应为字体名称（文字），不能为 null 或数字',
    ],
    [
      '{"report":{"fonts":{"body":[null]}}}',
      '正文字体：第 1 项应为字体名称（文字），不能为 null 或数字',
    ],
    ['{"report":{"fonts":{"latin":null}}}', '西文字体：不能为 null（要用默认值，请删去这一项）'],
    ['\uFEFFnull', '设置：应为一组设置（JSON 对象）'],
  ])('refuses %s in one line naming the key', async (text, detail) => {
    const { file, r } = await settings(text);
    expect([r.code, r.err]).toEqual([2, [`错误：设置文件 ${file} 有误：${detail}`]]);
  });
});

/** The sample with a VBA project part added, as Excel saves an .xlsm. */
async function withMacros(): Promise<Buffer> {
  const zip = await JSZip.loadAsync(sample);
  zip.file('xl/vbaProject.bin', new Uint8Array([0xcc, 0x61, 0xff, 0xff]));
  const types = await zip.file('[Content_Types].xml')!.async('string');
  zip.file(
    '[Content_Types].xml',
    types
      .replace('sheet.main+xml', 'sheet.macroEnabled.main+xml')
      .replace(
        '<Default ',
        '<Default Extension="bin" ContentType="application/vnd.ms-office.vbaProject"/><Default ',
      ),
  );
  return zip.generateAsync({ type: 'nodebuffer' });
}

describe('.xlsm input and output extensions', () => {
  it('refuses --out for a macro-enabled workbook (ExcelJS drops vbaProject.bin)', async () => {
    const xlsm = join(dir, 'm.xlsm');
    await writeFile(xlsm, await withMacros());
    const line = `错误：--out 不支持启用宏的工作簿（${xlsm}）：另存的副本会丢失宏；请在 Excel 中另存为 .xlsx 后再运行`;
    const r = await cli(['evaluate', xlsm, '--out', join(dir, 'r.xlsx')]);
    expect([r.code, r.err]).toEqual([2, [line]]);
    // Named .xlsx but holding macros: refused the same, once read.
    const disguised = join(dir, 'm.xlsx');
    await writeFile(disguised, await withMacros());
    const d = await cli(['evaluate', disguised, '--out', join(dir, 'r.xlsx')]);
    expect(d.code).toBe(2);
    expect(d.err).toHaveLength(1);
    expect(d.err[0]).toContain('宏');
    expect(await tree(dir)).toEqual(['a.xlsx', 'm.xlsm', 'm.xlsx']);
    // Without --out, a macro-enabled workbook is only read: fine.
    expect((await cli(['evaluate', xlsm, '--json', join(dir, 'r.json')])).code).toBe(0);
  });

  it.each([
    ['--out', 'r.xls', '.xlsx'],
    ['--out', 'r.xlsm', '.xlsx'],
    ['--docx', 'r.xlsx', '.docx'],
    ['--json', 'r.txt', '.json'],
    ['--json', 'r', '.json'],
  ])('refuses %s %s in one line, exit 1', async (option, name, ext) => {
    const target = join(dir, name);
    const r = await cli(['evaluate', book, option, target]);
    expect([r.code, r.err]).toEqual([1, [`错误：${option} 应写出 ${ext} 文件：${target}`]]);
    expect(await tree(dir)).toEqual(['a.xlsx']);
  });

  it('accepts upper-case extensions', async () => {
    const r = await cli(['evaluate', book, '--out', join(dir, 'R.XLSX')]);
    expect(r.code).toBe(0);
  });
});

/** The sample with its first sheet renamed in xl/workbook.xml, as another tool might save it. */
async function renamedSheet(name: string): Promise<Buffer> {
  const zip = await JSZip.loadAsync(sample);
  const xml = await zip.file('xl/workbook.xml')!.async('string');
  zip.file('xl/workbook.xml', xml.replace(/(<sheet [^>]*?name=")[^"]*"/, `$1${name}"`));
  return zip.generateAsync({ type: 'nodebuffer' });
}

describe('valid workbooks ExcelJS finds fault with', () => {
  it('a sheet named History: refused with ExcelJS’s reason, in one line', async () => {
    const file = join(dir, 'h.xlsx');
    await writeFile(file, await renamedSheet('History'));
    const r = await cli(['evaluate', file]);
    expect([r.code, r.err]).toEqual([
      2,
      [
        `错误：${file} 无法读取：工作表名称“History”是保留名称，请在 Excel 或 WPS 中改名后再运行（The name "History" is protected. Please use a different name.）`,
      ],
    ]);
  });

  it('a sheet name over 31 characters: refused naming the sheet, with ExcelJS’s reason', async () => {
    // ExcelJS truncates the name, then finds its own truncated copy: “already exists”.
    const long = '这是另一个工具写出的名称超过三十一个字符的工作表名称一二三四五六';
    expect(long.length).toBeGreaterThan(31);
    const file = join(dir, 'long.xlsx');
    await writeFile(file, await renamedSheet(long));
    const r = await cli(['evaluate', file, '--out', join(dir, 'r.xlsx')]);
    expect(r.code).toBe(2);
    expect(r.err).toHaveLength(1);
    expect(r.err[0]).toMatch(
      new RegExp(
        `^错误：${file} 无法读取：工作表名称“${long}”超过 31 个字符，请在 Excel 或 WPS 中改名后再运行（Worksheet name already exists: .*）$`,
      ),
    );
    expect(await tree(dir)).toEqual(['a.xlsx', 'long.xlsx']);
  });

  it('a sheet name of exactly 31 characters, or lower-case “history”, is read', async () => {
    const file = join(dir, 'ok.xlsx');
    const name = '一二三四五六七八九十一二三四五六七八九十一二三四五六七八九十一';
    expect(name).toHaveLength(31);
    await writeFile(file, await renamedSheet(name));
    const out = join(dir, 'r.xlsx');
    expect((await cli(['evaluate', file, '--out', out])).code).toBe(0);
    expect((await readWorkbookGrids(await readFile(out))).map((g) => g.name)).toContain(name);
    await writeFile(file, await renamedSheet('history'));
    expect((await cli(['evaluate', file])).code).toBe(0);
  });

  it('the History refusal is worded with the sheet name', async () => {
    const file = join(dir, 'h.xlsx');
    await writeFile(file, await renamedSheet('History'));
    expect((await cli(['evaluate', file])).err[0]).toContain('工作表名称“History”是保留名称');
  });

  it('a file that is not a zip at all is still “not a valid .xlsx”', async () => {
    const file = join(dir, 'z.xlsx');
    await writeFile(file, 'plain text');
    const r = await cli(['evaluate', file]);
    expect([r.code, r.err]).toEqual([2, [`错误：${file} 不是有效的 .xlsx 工作簿`]]);
  });
});
