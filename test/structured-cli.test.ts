/**
 * [issue 16] The command line on tables no scheme reads: `evaluate` prints them in their own
 * section with the formulas found and every misprint at its cell, `--json` carries them, and
 * `tongbao scheme` writes the proposal as a scheme file that `--scheme` then reads the table with.
 * The tables are published ones (test/corpus), typed into workbooks as a clerk would; every
 * figure expected below is worked out by hand from the printed counts.
 */
import { mkdtemp, readFile, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { runCli } from '../src/cli/run';
import type { EvaluationJson } from '../src/report/json';
import { corpusXlsx, loadCorpus } from './helpers/corpus-compare';

let dir: string;
const books: Record<string, string> = {};

async function cli(argv: string[]) {
  const out: string[] = [];
  const err: string[] = [];
  const code = await runCli(argv, { out: (l) => out.push(l), err: (l) => err.push(l) });
  return { code, out: out.join('\n'), err: err.join('\n') };
}

beforeAll(async () => {
  dir = await mkdtemp(join(tmpdir(), 'tongbao-structured-cli-'));
  for (const { file, table } of loadCorpus()) {
    if (
      ![
        'dazhou-2022-04-departments.json',
        'sanmenxia-2020-w35-12319.json',
        'ningguo-2022-04-12345.json',
      ].includes(file)
    )
      continue;
    books[file] = join(dir, file.replace('.json', '.xlsx'));
    await writeFile(books[file], await corpusXlsx(table));
  }
});

describe('tongbao evaluate on a table no scheme reads', () => {
  it('says the table was checked with formulas found from itself, with the misprint at its cell', async () => {
    const r = await cli(['evaluate', books['dazhou-2022-04-departments.json']!]);
    expect(r.code).toBe(0);
    expect(r.err).toBe('');
    expect(r.out).toContain('按表格自身推得公式核对的表 1 张');
    expect(r.out).not.toContain('未找到评价表');
    // 918 / 1024 = 89.648… % → 89.65 %, printed 89.45 %.
    expect(r.out).toContain(
      '2022年4月!L4  市城管执法直属一大队/二中队 按期结案率：表中为 89.45%，按公式为 89.65%',
    );
    expect(r.out).toContain(
      '按期结案率 = 按期结案数 / 应结案数 ×100%，四舍五入到0.01%，9行中8行吻合',
    );
    expect(r.out).toContain('上级单位：市城管执法直属一大队（下属 5 个）、市政工程处（下属 2 个）');
    // The per-parent 合计 rows are no false alarm: only the one misprint is listed.
    expect(r.out.match(/表中为/g)).toHaveLength(1);
  });

  it('--json: units with their parents and sheet rows, the formula and the discrepancy', async () => {
    const json = join(dir, 'dazhou.json');
    const r = await cli(['evaluate', books['dazhou-2022-04-departments.json']!, '--json', json]);
    expect(r.code).toBe(0);
    const doc = JSON.parse(await readFile(json, 'utf8')) as EvaluationJson;
    expect(doc.tables).toEqual([]);
    const s = doc.structured![0]!;
    expect(s.sheet).toBe('2022年4月');
    // Title in row 1, the header in row 2: 一中队 is the first body row, sheet row 3.
    expect(s.units[0]).toEqual({ name: '一中队', parents: ['市城管执法直属一大队'], row: 3 });
    expect(s.units.map((u) => u.name)).toContain('市城管直属二大队');
    expect(s.units.find((u) => u.name === '市城管直属二大队')!.parents).toEqual([]);
    expect(s.units).toHaveLength(8);
    const onTime = s.formulas.find((f) => f.column === '按期结案率')!;
    expect(onTime).toMatchObject({
      numerator: [{ column: '按期结案数', sign: 1 }],
      denominator: [{ column: '应结案数', sign: 1 }],
      decimals: 2,
      percent: true,
      rowsChecked: 9,
      rowsFitting: 8,
    });
    expect(s.discrepancies).toEqual([
      expect.objectContaining({
        kind: 'formula',
        cell: 'L4',
        unit: '市城管执法直属一大队/二中队',
        column: '按期结案率',
        printed: '89.45%',
        expected: '89.65%',
      }),
    ]);
    // Last period's rates have no counts in the table: named, not judged.
    expect(s.notCheckedColumns.map((c) => c.column)).toEqual([
      '上期处置率',
      '上期结案率',
      '上期按期结案率',
    ]);
  });
});

describe('tongbao scheme', () => {
  it('writes the proposal as a scheme file that --scheme then reads the table with', async () => {
    const book = books['sanmenxia-2020-w35-12319.json']!;
    const r = await cli(['scheme', book]);
    expect(r.code).toBe(0);
    expect(r.err).toContain('推得 1 个公式');
    const scheme = JSON.parse(r.out) as { figures: Record<string, unknown>[]; names: string[] };
    // 完成率 = 完成数 / 派遣数, whole percents: 15 / 16 = 93.75 % → 94 % on the 合计 row.
    expect(scheme.figures).toEqual([
      expect.objectContaining({
        kind: 'rate',
        key: '完成率',
        numerator: '完成数',
        denominator: '派遣数',
        decimals: 0,
        rounding: 'halfUp',
      }),
    ]);
    expect(scheme.names).toEqual(['部门']);
    const file = join(dir, 'sanmenxia-scheme.json');
    await writeFile(file, r.out);
    const again = await cli(['evaluate', book, '--scheme', file]);
    expect(again.code).toBe(0);
    expect(again.out).toContain('共找到 1 张评价表，6 个单位');
    expect(again.out).toContain('全部一致');
    expect(again.out).not.toContain('按表格自身推得公式核对');
  });

  it('a table with three header rows, read back with its own proposed scheme: the header rows are never units', async () => {
    const book = books['ningguo-2022-04-12345.json']!;
    const r = await cli(['scheme', book]);
    expect(r.code).toBe(0);
    const file = join(dir, 'ningguo-scheme.json');
    await writeFile(file, r.out);
    const again = await cli(['evaluate', book, '--scheme', file, '--json', join(dir, 'ng.json')]);
    expect(again.code).toBe(0);
    const doc = JSON.parse(await readFile(join(dir, 'ng.json'), 'utf8')) as EvaluationJson;
    expect(doc.units.map((u) => u.name)).toEqual([
      '住建局',
      '公安局',
      '城管局',
      '卫健委',
      '市场监督管理局',
    ]);
  });

  it('the sample workbook follows the default scheme: nothing to propose, stdout empty, exit 2', async () => {
    const r = await cli(['scheme', 'samples/2017-08.xlsx']);
    expect(r.code).toBe(2);
    expect(r.out).toBe('');
    expect(r.err).toBe(
      'samples/2017-08.xlsx 中的评价表已按方案“福州 2017（默认）”读取，无需另推方案；未输出方案文件',
    );
  });

  it('usage: one workbook, no options', async () => {
    expect((await cli(['scheme'])).code).toBe(1);
    expect((await cli(['scheme', 'a.xlsx', '--json', 'x.json'])).code).toBe(1);
  });
});

describe('never silent: what the layout reader was unsure of is said at its cell', () => {
  it('two text columns that both look like unit names: the one read is named at its header cell', async () => {
    const ExcelJS = (await import('exceljs')).default;
    const wb = new ExcelJS.Workbook();
    const ws = wb.addWorksheet('本月');
    for (const row of [
      ['各单位办理情况'],
      ['单位', '联系人', '派遣数', '完成数', '完成率'],
      ['鼓楼区', '张三', 100, 98, '98.00%'],
      ['台江区', '李四', 200, 190, '95.00%'],
      ['仓山区', '王五', 50, 50, '100.00%'],
    ])
      ws.addRow(row);
    const file = join(dir, 'two-names.xlsx');
    await wb.xlsx.writeFile(file);
    const r = await cli(['evaluate', file]);
    expect(r.code).toBe(0);
    const lines = r.out.split('\n');
    const note = lines.findIndex((l) =>
      l.includes('本月!A2  读取时不能确定：“单位”列和“联系人”列都像单位名称，按“单位”列读取单位'),
    );
    expect(note).toBeGreaterThan(0);
    // The units are the districts, never the contacts; 98/100, 190/200, 50/50 all agree.
    expect(r.out).toContain('完成率 = 完成数 / 派遣数 ×100%');
    expect(r.out).not.toContain('张三');
    expect(r.out).toContain('全部一致');
  });
});
