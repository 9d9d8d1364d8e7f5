import { zhCNCli } from '../src/i18n/cli';
import ExcelJS from 'exceljs';
import JSZip from 'jszip';
import { SaxesParser } from 'saxes';
import { describe, expect, it } from 'vitest';
import { formatSummary } from '../src/cli/summary';
import { safeForTerminal } from '../src/cli/terminal';
import type { CellValue, SheetGrid } from '../src/core/grid';
import { analyzeWorkbook } from '../src/evaluation/analyze';
import { zhCN } from '../src/i18n/catalog';
import { readWorkbookGrids } from '../src/io/xlsx-read';
import { annotateWorkbook } from '../src/io/xlsx-write';
import { buildNarrative, narrativeText } from '../src/narrative/build';
import { planWrites } from '../src/plan/write-plan';
import { describeDiagnostic } from '../src/report/describe';
import { packDocx } from '../src/report/docx';
import { formatEvaluationJson, toEvaluationJson } from '../src/report/json';
import { buildReport } from '../src/report/model';
import { attachmentBlocks, blocksToFlatOpc } from '../src/report/ooxml';
import { COUNT_HEADER, FULL_HEADER, fullRow } from './helpers/grid';
import { hostileXlsx, part, sharedStringCount } from './helpers/hostile-xlsx';

/** Parse as XML 1.0, strictly: throws on any character XML cannot hold. */
function parseXml(xml: string): void {
  const parser = new SaxesParser({ xmlns: false });
  parser.on('error', (e) => {
    throw e;
  });
  parser.write(xml).close();
}

async function everyXmlPartParses(bytes: Uint8Array): Promise<string[]> {
  const zip = await JSZip.loadAsync(bytes);
  const names = Object.keys(zip.files).filter((n) => /\.(xml|rels)$/.test(n));
  for (const n of names) parseXml(await zip.file(n)!.async('string'));
  return names;
}

function table(names: readonly string[], title = '各区政府综合评价表', sheet = '区'): SheetGrid {
  const keys = ['台江区政府', '马尾区政府', '连江县政府', '市交警支队', '市公安局'] as const;
  return {
    name: sheet,
    values: [
      [title],
      ['区政府', ...FULL_HEADER],
      ...names.map((n, i) => fullRow(n, keys[i % keys.length])),
    ],
  };
}

const BAD = ['\u0001', '\u001B', '\uFFFE', '\uFFFF', '\uD800', '\uDC00'];

describe('the .docx and the Word OOXML hold only what XML can', () => {
  const names = [`台江\u0001区政府`, `马尾区\uFFFE政府`, `连江县\uD800政府`, `𠀀\uFFFF市交警支队`];
  const analysis = analyzeWorkbook([table(names)]);

  it('names each cell whose text had such characters', () => {
    const d = analysis.diagnostics.filter((x) => x.code === 'invalidCharacters');
    expect(d.map((x) => x.cell)).toEqual(['A3', 'A4', 'A5', 'A6']);
    expect(describeDiagnostic(d[0]!, zhCN)).toContain('U+0001');
    expect(describeDiagnostic(d[3]!, zhCN)).toContain('U+FFFF');
    // A valid surrogate pair (𠀀) is not reported.
    expect(describeDiagnostic(d[3]!, zhCN)).not.toContain('U+D840');
  });

  it('packDocx writes a document Word opens: every part parses, the names lose only those characters', async () => {
    const narrative = buildNarrative(analysis);
    const text = `${narrativeText(narrative)}\n${BAD.join('')}编辑过的段落`;
    const bytes = await packDocx(
      buildReport(analysis, narrative, undefined, text),
      analysis.settings.report.fonts,
    );
    await everyXmlPartParses(bytes);
    const doc = await part(bytes, 'word/document.xml');
    expect(doc).toContain('台江区政府');
    expect(doc).toContain('𠀀市交警支队');
    expect(doc).toContain('编辑过的段落');
  });

  it('the OOXML inserted into Word parses too', async () => {
    const model = buildReport(analysis, buildNarrative(analysis));
    const flat = await blocksToFlatOpc(
      [...attachmentBlocks(model), { kind: 'paragraph', text: `段落${BAD.join('')}` }],
      analysis.settings.report.fonts,
    );
    parseXml(flat);
    expect(flat).toContain('马尾区政府');
  });
});

describe('the annotated workbook keeps the user’s cells as Excel stores them', () => {
  // The table, then a note row below it: the user's own cells the copy must keep.
  const rows: CellValue[][] = [
    ['各区政府综合评价表'],
    ['区政府', ...COUNT_HEADER],
    ['台江区政府', 6949, 6901, 12, 137, 61, 6913, 6901, 6764],
    ['马尾区政府', 6006, 5896, 87, 773, 187, 5983, 5896, 5123],
    [],
    ['备注', 'x', 'x', 'x', 'x', 'x'],
  ];

  /** Cells of row 6 holding shared strings as Excel stores them (XML text of `<t>`). */
  async function withStored(stored: readonly string[]) {
    const base = await sharedStringCount(await hostileXlsx(rows));
    const cells: Record<string, string> = {};
    stored.forEach((_, i) => (cells[`${'BCDEF'[i]}6`] = `t="s"><v>${base + i}</v>`));
    return hostileXlsx(rows, {
      sharedStrings: stored.map((t) => `<t xml:space="preserve">${t}</t>`),
      cells,
    });
  }

  async function annotated(bytes: Uint8Array) {
    const analysis = analyzeWorkbook(await readWorkbookGrids(bytes));
    const out = await annotateWorkbook(bytes, planWrites(analysis));
    await everyXmlPartParses(out);
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.load(out as unknown as ArrayBuffer);
    return { out, ws: wb.worksheets[0]!, grid: (await readWorkbookGrids(out))[0]! };
  }

  it('the typed text _x0041_ stays _x0041_ (not “A”)', async () => {
    // Excel stores the typed text _x0041_ as _x005F_x0041_.
    const bytes = await withStored(['_x005F_x0041_']);
    expect((await readWorkbookGrids(bytes))[0]!.values[5]![1]).toBe('_x0041_');
    const { out, grid } = await annotated(bytes);
    expect(grid.values[5]![1]).toBe('_x0041_');
    expect(await part(out, 'xl/sharedStrings.xml')).toContain('_x005F_x0041_');
  });

  it('control characters, U+FFFF and CR in cells are kept, stored as Excel stores them', async () => {
    const stored = ['备_x0001_注', '_xFFFF_', '甲_x000D_\n乙', '_x001B_[31m红'];
    const bytes = await withStored(stored);
    const expected = ['备\u0001注', '\uFFFF', '甲\r\n乙', '\u001B[31m红'];
    expect((await readWorkbookGrids(bytes))[0]!.values[5]!.slice(1, 5)).toEqual(expected);
    const { out, grid } = await annotated(bytes);
    expect(grid.values[5]!.slice(1, 5)).toEqual(expected);
    const sst = await part(out, 'xl/sharedStrings.xml');
    for (const s of stored) expect(sst).toContain(s);
  });

  it('a phone number in a date-formatted cell is kept as the number, not NaN', async () => {
    const bytes = await hostileXlsx(rows, {
      dateFormatted: ['B6', 'B3'],
      cells: { B6: '><v>13812345678</v>' },
    });
    const { out, grid } = await annotated(bytes);
    const sheet = await part(out, 'xl/worksheets/sheet1.xml');
    expect(sheet).not.toContain('NaN');
    expect(sheet).toMatch(/<c r="B6"[^>]*><v>13812345678<\/v>/);
    expect(grid.values[5]![1]).toBe(13812345678);
    expect(grid.values[2]![1]).toBe(6949);
  });

  it('a number of 100,000 digits is written back as the file had it', async () => {
    const digits = '9'.repeat(100_000);
    const bytes = await hostileXlsx(rows, { cells: { B6: `><v>${digits}</v>` } });
    const { out } = await annotated(bytes);
    const sheet = await part(out, 'xl/worksheets/sheet1.xml');
    expect(sheet).not.toContain('Infinity');
    expect(sheet).toContain(`<v>${digits}</v>`);
  });
});

describe('units named like JavaScript properties print as themselves', () => {
  const names = ['constructor', 'toString', '__proto__', 'hasOwnProperty', 'valueOf'];
  const analysis = analyzeWorkbook([table(names)]);

  it('are all evaluated, in the summary, the JSON, the narrative and the .docx', async () => {
    expect(analysis.units.map((u) => [u.name, u.evaluated])).toEqual(names.map((n) => [n, true]));
    const summary = formatSummary(analysis, zhCNCli);
    const narrative = buildNarrative(analysis);
    const text = narrativeText(narrative);
    const json = JSON.parse(formatEvaluationJson(toEvaluationJson(analysis, zhCN, narrative))) as {
      units: { name: string }[];
    };
    expect(json.units.map((u) => u.name)).toEqual(names);
    const doc = await part(
      await packDocx(buildReport(analysis, narrative), analysis.settings.report.fonts),
      'word/document.xml',
    );
    for (const n of names) {
      expect(summary).toContain(n);
      expect(doc).toContain(n);
    }
    expect(text).toMatch(/constructor|toString|__proto__|hasOwnProperty|valueOf/);
    for (const out of [summary, text, doc])
      expect(out).not.toMatch(/function |\[native code\]|\[object /);
  });

  it('with an alias configured for one of them', () => {
    const a = analyzeWorkbook([table(names)], {
      narrative: { aliases: { constructor: '构造局' } },
    });
    const text = narrativeText(buildNarrative(a));
    expect(text).not.toMatch(/function |\[native code\]/);
  });
});

describe('no control sequence from a workbook reaches the terminal', () => {
  it('names and sheet names with ESC, OSC and BEL are printed escaped', () => {
    const a = analyzeWorkbook([
      table(
        ['\u001B[2J台江区政府', '马尾区\u001B]0;owned\u0007政府', '连江县\u009B31m政府'],
        '各区政府综合评价表\u001B[5m',
        '区\u001B[31m',
      ),
    ]);
    const summary = formatSummary(a, zhCNCli);
    // eslint-disable-next-line no-control-regex
    expect(summary).not.toMatch(/[\u0000-\u0008\u000B-\u001F\u007F-\u009F]/);
    expect(summary).toContain('\\x1b[2J台江区政府');
    expect(summary).toContain('马尾区\\x1b]0;owned\\x07政府');
  });

  it('safeForTerminal keeps ordinary text, tabs and (when asked) line breaks', () => {
    expect(safeForTerminal('台江区政府\t98.5')).toBe('台江区政府\t98.5');
    expect(safeForTerminal('甲\n乙', true)).toBe('甲\n乙');
    expect(safeForTerminal('甲\n乙')).toBe('甲\\n乙');
    expect(safeForTerminal('\uD800')).toBe('\uFFFD');
  });
});
