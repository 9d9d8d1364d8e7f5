/**
 * Issue #16 scope 5 on the command line without --text: a plain `tongbao evaluate` says the
 * implausible 环比 the bulletin would state (it prints no text, so no 【请核对】 reasons), and a
 * run that writes the text into a .docx says both, on stderr. The expected lines are worked
 * out by hand: (35275 − 110951) / 110951 = −68.206 % → 下降68.21%.
 */
import ExcelJS from 'exceljs';
import { mkdtemp, readFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { runCli } from '../src/cli/run';
import { analyzeWorkbook } from '../src/evaluation/analyze';
import { readWorkbookGrids } from '../src/io/xlsx-read';

const MARK = '【请核对】';
let dir: string;
let july: string;
/** July's 12345 受理 cell, where the misread July holds the system's 110951. */
let at: { sheet: string; cell: string };

beforeAll(async () => {
  const grids = await readWorkbookGrids(await readFile('samples/2017-07.xlsx'));
  const f = analyzeWorkbook(grids).summary.figures.find((x) => x.id === 'hotline.accepted')!;
  at = { sheet: f.sheet, cell: f.cell };
  const wb = new ExcelJS.Workbook();
  await wb.xlsx.readFile('samples/2017-07.xlsx');
  wb.getWorksheet(at.sheet)!.getCell(at.cell).value = 110951;
  dir = await mkdtemp(join(tmpdir(), 'tongbao-flags-cli-'));
  july = join(dir, 'july.xlsx');
  await wb.xlsx.writeFile(july);
});

async function run(argv: string[]) {
  const out: string[] = [];
  const err: string[] = [];
  const code = await runCli(argv, { out: (l) => out.push(l), err: (l) => err.push(l) });
  return { code, out: out.join('\n').split('\n'), err };
}

const warning = () =>
  `[提醒] 通报数据汇总!C5  “12345平台受理诉求件”环比下降68.21%（本月 通报数据汇总!C5 为 35275，` +
  `上月工作簿 ${at.sheet}!${at.cell} 为 110951），变化超过上月的一半，可能取错了单元格，请核对`;

describe('tongbao evaluate (no --text, no --json)', () => {
  it('lists the implausible 环比 with the summary tables’ notes, right after their line', async () => {
    const { code, out, err } = await run(['evaluate', 'samples/2017-08.xlsx', '--previous', july]);
    expect(code).toBe(0);
    expect(err).toEqual([]);
    const totals = out.findIndex((l) => l.startsWith('汇总表（'));
    expect(totals).toBeGreaterThan(0);
    expect(out[totals + 1]).toBe(`  ${warning()}`);
    // No text is printed: no mark, no line about one.
    expect(out.join('\n')).not.toContain(MARK);
  });

  it('the real July: no warning line', async () => {
    const { code, out } = await run([
      'evaluate',
      'samples/2017-08.xlsx',
      '--previous',
      'samples/2017-07.xlsx',
    ]);
    expect(code).toBe(0);
    expect(out.join('\n')).not.toContain('环比');
    const totals = out.findIndex((l) => l.startsWith('汇总表（'));
    expect(out[totals + 1] ?? '').not.toMatch(/^\s+\[/);
  });
});

describe('tongbao evaluate --docx (the text goes into the document)', () => {
  it('says the warning and why each mark is there on stderr', async () => {
    const { code, err } = await run([
      'evaluate',
      'samples/2017-08.xlsx',
      '--previous',
      july,
      '--docx',
      join(dir, 'bulletin.docx'),
    ]);
    expect(code).toBe(0);
    expect(err).toEqual([
      warning(),
      `通报文字中“12345平台受理诉求件”处标有“【请核对】”：环比变化过大（通报数据汇总!C5、${at.sheet}!${at.cell}）`,
    ]);
  });
});
