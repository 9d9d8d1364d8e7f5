import ExcelJS from 'exceljs';
import { execFile } from 'node:child_process';
import { existsSync } from 'node:fs';
import { copyFile, mkdir, mkdtemp, readFile, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { promisify } from 'node:util';
import { beforeAll, describe, expect, it } from 'vitest';
import { runCli } from '../src/cli/run';
import type { EvaluationJson } from '../src/report/json';
import { ENCRYPTED_XLSX, LEGACY_XLS } from './helpers/legacy-xls';

const SAMPLE = 'samples/2017-08.xlsx';
let dir: string;
beforeAll(async () => {
  dir = await mkdtemp(join(tmpdir(), 'tongbao-cli-'));
});

async function cli(...argv: string[]) {
  const out: string[] = [];
  const err: string[] = [];
  const code = await runCli(argv, { out: (l) => out.push(l), err: (l) => err.push(l) });
  return { code, out: out.join('\n'), err: err.join('\n') };
}

describe('tongbao evaluate', () => {
  it('writes the JSON report: units, discrepancies, diagnostics', async () => {
    const file = join(dir, 'nested', 'out.json');
    const r = await cli('evaluate', SAMPLE, '--json', file);
    expect(r.code).toBe(0);
    expect(r.out).toContain('共找到 5 张评价表，53 个单位，其中 50 个参加评价。');
    const json = JSON.parse(await readFile(file, 'utf8')) as EvaluationJson;
    expect(json.units).toHaveLength(53);
    expect(json.units.find((u) => u.parent === '市公安局' && u.name === '市交警支队')).toEqual({
      sheet: '数字城管综合评价表',
      table: '市直单位综合评价表',
      group: '市直单位',
      name: '市交警支队',
      parent: '市公安局',
      row: 39,
      evaluated: true,
      reason: null,
      counts: {
        应处置数: 214,
        处置数: 214,
        超期未处置数: 0,
        超期处置数: 0,
        返工数: 10,
        应结案数: 214,
        结案数: 214,
        按期结案数: 214,
      },
      figures: { 返工率: 4.67, 结案率: 100, 按期结案率: 100, 综合指标值: 97.67, 评价等级: 'A' },
    });
    // Cross-check the row and cell against the workbook itself.
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.readFile(SAMPLE);
    const ws = wb.getWorksheet('数字城管综合评价表')!;
    expect(ws.getCell('B39').value).toBe('市交警支队');
    expect(ws.getCell('A62').value).toBe('市自来水有限公司');
    expect([ws.getCell('L58').value, ws.getCell('L62').value]).toEqual(['按期结案率(%)', 98.5]);
    expect(json.discrepancies).toHaveLength(1);
    expect(json.discrepancies[0]).toMatchObject({
      sheet: '数字城管综合评价表',
      cell: 'L62',
      field: '按期结案率',
      printed: 98.5,
      recomputed: 98.51,
    });
    expect(
      json.diagnostics.every((d) => typeof d.message === 'string' && d.message.length > 0),
    ).toBe(true);
  });

  it('prints a readable summary without --json, marking the disagreeing figure', async () => {
    const r = await cli('evaluate', SAMPLE);
    expect(r.code).toBe(0);
    expect(r.out).toMatch(/市自来水有限公司\s+1\.49\s+100\.00\s+98\.51≠\s+98\.81\s+A/);
    expect(r.out).toContain(
      '数字城管综合评价表!L62  市自来水有限公司  按期结案率：表中为 98.5，复核为 98.51',
    );
    expect(r.out).toMatch(/└ 市渣土办\s+不参加评价：本月无应处置案件/);
  });

  it('--text prints the paragraphs, --previous adds last month, --json carries them', async () => {
    const file = join(dir, 'with-previous.json');
    const r = await cli(
      'evaluate',
      SAMPLE,
      '--previous',
      'samples/2017-07.xlsx',
      '--text',
      '--json',
      file,
    );
    expect(r.code).toBe(0);
    expect(r.out).toContain(
      '较上月进步较大的市直单位是：福州新榕城市建设发展有限公司（本月100分，提高15分）',
    );
    expect(r.out).toContain('与上月（2017年7月）比较：50 个单位对应上。');
    const json = JSON.parse(await readFile(file, 'utf8')) as EvaluationJson;
    // The seed's outline: 一、基本情况, its two parts (introductions untitled), the parts the
    // writer fills in.
    expect(json.narrative!.sections.map((s) => s.title)).toEqual([
      '基本情况',
      '',
      '诉求件分类情况',
      '诉求件办理情况',
      '诉求转接接听情况',
      '诉求热点',
      '',
      '案件分类情况',
      '案件办理情况',
      '热点问题',
      '典型案例',
      '督办及反馈情况',
      '下一阶段工作要求',
    ]);
    expect(json.narrative!.sections.find((x) => x.id === 'city-handling')!.paragraphs[0]).toMatch(
      /^（1）从案件综合指标值看，办理较好的单位是：市建委/,
    );
    expect(json.comparison).toMatchObject({ matched: 50, goneUnits: [] });
  });

  it('--settings takes a JSON settings file, and refuses an invalid one in one line', async () => {
    const docx = join(dir, 'dated.docx');
    const ok = await cli(
      'evaluate',
      SAMPLE,
      '--settings',
      'samples/settings.example.json',
      '--docx',
      docx,
      '--text',
    );
    expect(ok.code).toBe(0);
    expect(ok.out).toContain('办理数量较多的市直单位为：市公安局交通警察支队1782件次');
    const { docxParts } = await import('./helpers/docx-xml');
    expect((await docxParts(new Uint8Array(await readFile(docx))))['word/document.xml']).toContain(
      '2017年9月25日',
    );

    const bad = join(dir, 'bad-settings.json');
    await writeFile(bad, JSON.stringify({ evaluation: { weights: { closed: 0.9 } } }));
    const refused = await cli('evaluate', SAMPLE, '--settings', bad);
    expect([refused.code, refused.err]).toEqual([
      2,
      `错误：设置文件 ${bad} 有误：综合指标值权重：结案率、按期结案率和（1−返工率）三项权重之和应为 100%`,
    ]);
    await writeFile(bad, JSON.stringify({ narrative: { hotline: 'x' } }));
    expect((await cli('evaluate', SAMPLE, '--settings', bad)).err).toBe(
      `错误：设置文件 ${bad} 有误：12345 段落：应为一组设置（JSON 对象）`,
    );
    await writeFile(bad, '{ not json');
    expect((await cli('evaluate', SAMPLE, '--settings', bad)).err).toMatch(
      /^错误：设置文件 .* 有误：不是有效的 JSON（/,
    );
  });

  it('an old .xls workbook is named as such, with what to do', async () => {
    const xls = join(dir, 'old.xls');
    await writeFile(xls, LEGACY_XLS);
    const r = await cli('evaluate', xls);
    expect([r.code, r.err]).toEqual([
      2,
      `错误：${xls} 是旧版 Excel 97-2003 格式（.xls），请在 Excel 或 WPS 中另存为 .xlsx 后再运行`,
    ]);
  });

  it('a password-protected workbook is named as such, not as an old .xls', async () => {
    const locked = join(dir, 'locked.xlsx');
    await writeFile(locked, ENCRYPTED_XLSX);
    const r = await cli('evaluate', locked);
    expect([r.code, r.err]).toEqual([
      2,
      `错误：${locked} 设有打开密码，请在 Excel 或 WPS 中删除密码并保存后再运行`,
    ]);
  });

  it('refuses a missing last-month workbook like a missing workbook', async () => {
    const r = await cli('evaluate', SAMPLE, '--previous', join(dir, 'july.xlsx'));
    expect([r.code, r.err]).toEqual([2, `错误：找不到文件 ${join(dir, 'july.xlsx')}`]);
  });

  it('refuses a missing file, a file that is not .xlsx, and a workbook without tables', async () => {
    const missing = await cli('evaluate', join(dir, 'nope.xlsx'));
    expect([missing.code, missing.err]).toEqual([2, `错误：找不到文件 ${join(dir, 'nope.xlsx')}`]);

    const fake = join(dir, 'fake.xlsx');
    await writeFile(fake, 'this is not a zip');
    const notXlsx = await cli('evaluate', fake);
    expect([notXlsx.code, notXlsx.err]).toEqual([2, `错误：${fake} 不是有效的 .xlsx 工作簿`]);

    const empty = join(dir, 'empty.xlsx');
    const wb = new ExcelJS.Workbook();
    wb.addWorksheet('说明').addRow(['这里没有评价表']);
    await wb.xlsx.writeFile(empty);
    const noTables = await cli('evaluate', empty);
    expect(noTables.code).toBe(2);
    expect(noTables.err).toContain('中未找到评价表');
  });

  it('explains its usage on bad arguments', async () => {
    expect((await cli('evaluate')).code).toBe(1);
    const unknown = await cli('evaluate', SAMPLE, '--jsn', 'x');
    expect(unknown.code).toBe(1);
    expect(unknown.err).toContain('不认识的参数 --jsn');
    expect((await cli('evaluate', SAMPLE, '--json')).err).toContain('参数 --json 需要一个值');
    expect((await cli('--help')).out).toContain('用法：npm run --silent tongbao -- evaluate');
  });

  it('runs as the README says: npm run --silent tongbao -- evaluate …', async () => {
    const run = promisify(execFile);
    const file = join(dir, 'readme.json');
    const ok = await run('npm', [
      'run',
      '--silent',
      'tongbao',
      '--',
      'evaluate',
      SAMPLE,
      '--json',
      file,
    ]);
    expect(ok.stdout).toContain(`已写入 ${file}`);
    const bad = await run('npm', [
      'run',
      '--silent',
      'tongbao',
      '--',
      'evaluate',
      join(dir, 'nope.xlsx'),
    ]).catch((e: { code: number; stderr: string }) => e);
    expect('code' in bad && bad.code).toBe(2);
    expect(bad.stderr.trim().split('\n')).toHaveLength(1);
  });
});

describe('the built command line: node bin/tongbao.js (lib/, npm run build:cli)', () => {
  interface Run {
    code: number;
    stdout: string;
    stderr: string;
  }
  /** The bin as its own Node process, the way `npx tongbao` and `npm run tongbao` start it. */
  async function bin(argv: string[], env: NodeJS.ProcessEnv = {}, script = 'bin/tongbao.js') {
    return promisify(execFile)(process.execPath, [script, ...argv], {
      env: { ...process.env, TONGBAO_DEBUG: '', ...env },
    }).then(
      (r): Run => ({ code: 0, stdout: r.stdout, stderr: r.stderr }),
      (e: Run): Run => ({ code: e.code, stdout: e.stdout, stderr: e.stderr }),
    );
  }
  beforeAll(() => {
    if (!existsSync('lib/cli.js'))
      throw new Error('lib/cli.js is missing: run `npm run build:cli` first (npm test builds it)');
  });

  it('evaluates the sample and prints the paragraphs', async () => {
    const r = await bin(['evaluate', SAMPLE, '--text']);
    expect([r.code, r.stderr]).toEqual([0, '']);
    expect(r.stdout).toContain('办理较好的单位是：市建委、电信福州分公司、市华润燃气公司等8家单位');
  });

  it('refuses a missing workbook in one line, exit code 2, no stack trace', async () => {
    const r = await bin(['evaluate', 'missing.xlsx']);
    expect(r.code).toBe(2);
    expect(r.stderr.trimEnd().split('\n')).toEqual(['错误：找不到文件 missing.xlsx']);
    expect(r.stderr).not.toMatch(/^\s*at /m);
  });

  it('reports an internal error in one line; the stack only with TONGBAO_DEBUG', async () => {
    // A fault no user causes: fs.rename throwing a TypeError, injected by a preload module.
    const fault = join(dir, 'fault.mjs');
    await writeFile(
      fault,
      [
        "import fs from 'node:fs';",
        "import { syncBuiltinESMExports } from 'node:module';",
        "fs.promises.rename = async () => { throw new TypeError('injected fault'); };",
        'syncBuiltinESMExports();',
      ].join('\n'),
    );
    const env = { NODE_OPTIONS: `--import=${pathToFileURL(fault).href}` };
    const json = join(dir, 'fault', 'out.json');
    const r = await bin(['evaluate', SAMPLE, '--json', json], env);
    expect(r.code).toBe(3);
    expect(r.stderr.trimEnd().split('\n')).toEqual(['内部错误：injected fault']);
    expect(existsSync(join(dir, 'fault'))).toBe(false); // nothing left behind
    const debug = await bin(['evaluate', SAMPLE, '--json', json], { ...env, TONGBAO_DEBUG: '1' });
    expect(debug.code).toBe(3);
    expect(debug.stderr).toMatch(/^\s*at .*src[/\\]cli[/\\]run\.ts:\d+/m); // source-mapped
  });

  it('refuses a folder as the JSON output in one line, exit code 2 (no internal error)', async () => {
    const r = await bin(['evaluate', SAMPLE, '--json', dir]);
    expect([r.code, r.stderr]).toEqual([
      2,
      `错误：无法写入 ${dir}：这是一个文件夹，请指定文件名\n`,
    ]);
  });

  it('says in one line to build it when lib/ is missing', async () => {
    const copy = join(dir, 'unbuilt', 'bin', 'tongbao.js');
    await mkdir(dirname(copy), { recursive: true });
    await copyFile('bin/tongbao.js', copy);
    const r = await bin(['evaluate', SAMPLE], {}, copy);
    expect(r.code).toBe(3);
    expect(r.stderr.trimEnd().split('\n')).toHaveLength(1);
    expect(r.stderr).toContain('npm run build:cli');
  });
});

describe('the built command line refuses what it cannot do in exactly one line', () => {
  const run = (argv: string[]) =>
    promisify(execFile)(process.execPath, ['bin/tongbao.js', ...argv], {
      env: { ...process.env, TONGBAO_DEBUG: '' },
    }).then(
      (r) => ({ code: 0, stderr: r.stderr }),
      (e: { code: number; stderr: string }) => ({ code: e.code, stderr: e.stderr }),
    );

  it('a sheet name over 31 characters: no ExcelJS console warning, one line', async () => {
    const JSZip = (await import('jszip')).default;
    const zip = await JSZip.loadAsync(await readFile(SAMPLE));
    const xml = await zip.file('xl/workbook.xml')!.async('string');
    const long = '一二三四五六七八九十一二三四五六七八九十一二三四五六七八九十一二';
    zip.file('xl/workbook.xml', xml.replace(/(<sheet [^>]*?name=")[^"]*"/, `$1${long}"`));
    const file = join(dir, 'long-sheet.xlsx');
    await writeFile(file, await zip.generateAsync({ type: 'nodebuffer' }));
    const r = await run(['evaluate', file]);
    expect(r.code).toBe(2);
    expect(r.stderr.trimEnd().split('\n')).toHaveLength(1);
    expect(r.stderr).toContain(`工作表名称“${long}”超过 31 个字符`);
  });

  it('--out over the workbook: exit 1, one line, the workbook untouched', async () => {
    const copy = join(dir, 'mine.xlsx');
    await copyFile(SAMPLE, copy);
    const r = await run(['evaluate', copy, '--json', join(dir, 'x.json'), '--out', copy]);
    expect(r.code).toBe(1);
    expect(r.stderr.trimEnd().split('\n')).toEqual([
      `错误：--out ${copy} 与要读取的工作簿 ${copy} 是同一个文件，不能覆盖输入文件，请另选输出路径`,
    ]);
    expect(await readFile(copy)).toEqual(await readFile(SAMPLE));
    expect(existsSync(join(dir, 'x.json'))).toBe(false);
  });
});
