import { execFile } from 'node:child_process';
import { existsSync } from 'node:fs';
import { copyFile, mkdtemp, readdir, readFile, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { promisify } from 'node:util';
import { beforeAll, describe, expect, it } from 'vitest';
import { decodeDraftText } from '../src/cli/proofread';
import { runCli } from '../src/cli/run';
import { readDocxDraft } from '../src/proofread/draft-docx';
import { docxXmlParts } from './helpers/docx-validate';
import { LEGACY_XLS } from './helpers/legacy-xls';
import { BULLETIN } from './helpers/seed-text';
import { publishedDraft, type BuiltDraft } from './helpers/word-draft';

/**
 * `tongbao proofread` (issue #17) end to end: the published August 2017 bulletin — as a Word
 * draft (test/helpers/word-draft.ts: split runs, fields, tracked changes, tables) and as the
 * pasted text — against samples/2017-08.xlsx. The bulletin printed 闽侯县 95.13% where its own
 * table gives 85.13%: that, and nothing else, is wrong.
 */

const WORKBOOK = 'samples/2017-08.xlsx';
const TEXT = 'samples/seed/bulletin-2017-08.txt';

interface FindingJson {
  paragraph: number;
  quote: string;
  written: string;
  expected: string;
  kind: string;
  unit: string | null;
  figure: string | null;
  sheet: string | null;
  cell: string | null;
  message: string;
}
interface ReportJson {
  checked: { claims: number; matched: number; wrong: number; notChecked: number };
  findings: FindingJson[];
  notChecked: { paragraph: number; quote: string; written: string; kind: string; reason: string }[];
  notes: { paragraph: number | null; message: string }[];
}

let dir: string;
let built: BuiltDraft;
let docx: string;
beforeAll(async () => {
  dir = await mkdtemp(join(tmpdir(), 'tongbao-proofread-'));
  built = await publishedDraft();
  docx = join(dir, '2017-08 草稿.docx');
  await writeFile(docx, built.bytes);
});

async function cli(...argv: string[]) {
  const out: string[] = [];
  const err: string[] = [];
  const code = await runCli(argv, { out: (l) => out.push(l), err: (l) => err.push(l) });
  return { code, out: out.join('\n'), err: err.join('\n') };
}

const json = async (file: string) => JSON.parse(await readFile(file, 'utf8')) as ReportJson;

/** The finding the published bulletin must give, in the JSON's terms. */
function expectOnlyMinhou(report: ReportJson) {
  expect(report.findings.map((f) => [f.unit, f.figure, f.written, f.expected])).toEqual([
    ['闽侯县政府', '按期结案率', '95.13%', '85.13%'],
  ]);
  const f = report.findings[0]!;
  expect(f.quote).toContain('95.13%');
  expect(f.message).toContain('95.13%');
  expect(f.message).toContain('85.13%');
  expect(f.sheet).toBe('数字城管综合评价表');
  expect(report.checked.wrong).toBe(1);
  expect(report.checked.claims).toBe(
    report.checked.matched + report.checked.wrong + report.checked.notChecked,
  );
  expect(report.checked.matched).toBeGreaterThan(20);
  expect(report.notChecked.length).toBe(report.checked.notChecked);
  for (const n of report.notChecked) expect(n.reason.length).toBeGreaterThan(0);
}

describe('tongbao proofread: the published bulletin against its workbook', () => {
  it('as a Word draft: exit 0, the one wrong figure in the JSON, at its paragraph; the report printed', async () => {
    const out = join(dir, 'docx.json');
    const r = await cli('proofread', docx, '--workbook', WORKBOOK, '--json', out);
    expect([r.code, r.err]).toEqual([0, '']);
    const report = await json(out);
    expectOnlyMinhou(report);
    // The paragraph as Word counts it in the draft (empty paragraphs and table cells included).
    const expected = built.paragraphs.findIndex((p) => p.text.includes('闽侯县(95.13%)')) + 1;
    expect(report.findings[0]!.paragraph).toBe(expected);
    // The terminal: what was read, the counts, the finding with its paragraph, the lists.
    const c = report.checked;
    expect(r.out).toContain(`已写入 ${out}`);
    expect(r.out).toContain(`校对 ${docx}（对照 ${WORKBOOK}）`);
    expect(r.out).toContain(
      `找到可核对的说法 ${c.claims} 处：一致 ${c.matched} 处，有误 1 处，未核对 ${c.notChecked} 处。`,
    );
    expect(r.out).toContain(`有误 1 处：\n  第${expected}段  ${report.findings[0]!.message}`);
    if (c.notChecked > 0) expect(r.out).toContain(`未核对 ${c.notChecked} 处`);
  });

  it('as pasted text (.txt), UTF-8 or GBK: the same one finding', async () => {
    const out = join(dir, 'txt.json');
    const r = await cli('proofread', TEXT, '--workbook', WORKBOOK, '--json', out);
    expect([r.code, r.err]).toEqual([0, '']);
    const report = await json(out);
    expectOnlyMinhou(report);
    const lines = BULLETIN.split(/\r?\n/);
    expect(lines.some((l) => l.includes('闽侯县(95.13%)'))).toBe(true);
    // Notepad's “ANSI” on Chinese Windows: GBK. Same text, same report.
    const gbk = join(dir, 'gbk.txt');
    await writeFile(gbk, new Uint8Array(await gbkBytes(BULLETIN)));
    const out2 = join(dir, 'gbk.json');
    const r2 = await cli('proofread', gbk, '--workbook', WORKBOOK, '--json', out2);
    expect([r2.code, r2.err]).toEqual([0, '']);
    expect(await json(out2)).toEqual(report);
  });

  it('with --previous: the 环比 are checked too (more claims matched), still the one finding', async () => {
    const without = join(dir, 'no-previous.json');
    await cli('proofread', docx, '--workbook', WORKBOOK, '--json', without);
    const out = join(dir, 'previous.json');
    const r = await cli(
      'proofread',
      docx,
      '--workbook',
      WORKBOOK,
      '--previous',
      'samples/2017-07.xlsx',
      '--json',
      out,
    );
    expect([r.code, r.err]).toEqual([0, '']);
    expect(r.out).toContain(`校对 ${docx}（对照 ${WORKBOOK}，上月 samples/2017-07.xlsx）`);
    const report = await json(out);
    expectOnlyMinhou(report);
    const before = await json(without);
    expect(report.checked.matched).toBeGreaterThan(before.checked.matched);
    expect(report.checked.notChecked).toBeLessThan(before.checked.notChecked);
  });

  it('--out: a marked copy, 95.13% highlighted with its comment; the draft unchanged, byte for byte', async () => {
    const before = await readFile(docx);
    const marked = join(dir, 'marked.docx');
    const out = join(dir, 'marked.json');
    const r = await cli('proofread', docx, '--workbook', WORKBOOK, '--json', out, '--out', marked);
    expect([r.code, r.err]).toEqual([0, '']);
    expect(r.out).toContain(`已写入 ${marked}`);
    expect(await readFile(docx)).toEqual(before);
    const report = await json(out);
    const parts = await docxXmlParts(await readFile(marked));
    const xml = parts['word/document.xml']!;
    const highlighted = [
      ...xml.matchAll(/<w:r[ >](?:(?!<\/w:r>).)*?<w:highlight w:val="yellow"\/>.*?<\/w:r>/g),
    ].map((m) => [...m[0].matchAll(/<w:t[^>]*>([^<]*)</g)].map((t) => t[1]).join(''));
    expect(highlighted).toEqual(['9', '5.1', '3%']);
    expect(parts['word/comments.xml']).toContain(`w:author="通报校对"`);
    expect(parts['word/comments.xml']).toContain(report.findings[0]!.message);
    expect((await readDocxDraft(await readFile(marked))).paragraphs).toEqual(built.paragraphs);
  });
});

describe('tongbao proofread refuses what it cannot do, in one line, writing nothing', () => {
  it('an output naming the workbook or the draft: exit 1, both inputs untouched', async () => {
    const draftBefore = await readFile(docx);
    const workbook = join(dir, 'book.xlsx');
    await copyFile(WORKBOOK, workbook);
    const bookBefore = await readFile(workbook);
    const asBook = await cli('proofread', docx, '--workbook', workbook, '--out', workbook);
    expect(asBook.code).toBe(1);
    expect(asBook.err).toBe(
      `错误：--out ${workbook} 与要读取的工作簿 ${workbook} 是同一个文件，不能覆盖输入文件，请另选输出路径`,
    );
    const asDraft = await cli('proofread', docx, '--workbook', workbook, '--out', docx);
    expect(asDraft.code).toBe(1);
    expect(asDraft.err).toBe(
      `错误：--out ${docx} 与要校对的草稿 ${docx} 是同一个文件，不能覆盖输入文件，请另选输出路径`,
    );
    const jsonOverDraft = await cli('proofread', docx, '--workbook', workbook, '--json', docx);
    expect(jsonOverDraft.code).toBe(1);
    expect(await readFile(docx)).toEqual(draftBefore);
    expect(await readFile(workbook)).toEqual(bookBefore);
    expect((await readdir(dir)).filter((f) => f.endsWith('.tmp'))).toEqual([]);
  });

  it('bad arguments: exit 1 (no --workbook, an unknown option, --out of the wrong kind or for a text draft)', async () => {
    const noBook = await cli('proofread', docx);
    expect(noBook.code).toBe(1);
    expect(noBook.err).toContain('proofread <草稿.docx|草稿.txt> --workbook <本月.xlsx>');
    const unknown = await cli('proofread', docx, '--workbook', WORKBOOK, '--docx', 'x.docx');
    expect([unknown.code, unknown.err.split('\n')[0]]).toEqual([1, '错误：不认识的参数 --docx']);
    const xlsx = await cli('proofread', docx, '--workbook', WORKBOOK, '--out', join(dir, 'm.xlsx'));
    expect([xlsx.code, xlsx.err]).toEqual([
      1,
      `错误：--out 应写出 .docx 文件：${join(dir, 'm.xlsx')}`,
    ]);
    const text = await cli('proofread', TEXT, '--workbook', WORKBOOK, '--out', join(dir, 'm.docx'));
    expect(text.code).toBe(1);
    expect(text.err).toBe(
      `错误：--out 只能为 Word 草稿（.docx）写出标注副本，${TEXT} 不是 .docx；不写 --out 即可校对纯文本`,
    );
    expect(existsSync(join(dir, 'm.docx'))).toBe(false);
  });

  it('an unreadable draft or workbook: exit 2, one Chinese line', async () => {
    const doc = join(dir, '草稿.doc');
    await writeFile(doc, LEGACY_XLS);
    const legacy = await cli('proofread', doc, '--workbook', WORKBOOK);
    expect([legacy.code, legacy.err]).toEqual([
      2,
      `错误：${doc} 是旧版 Word 97-2003 格式（.doc），请在 Word 或 WPS 中另存为 .docx 后再运行`,
    ]);
    const workbookAsDraft = await cli('proofread', WORKBOOK, '--workbook', WORKBOOK);
    expect([workbookAsDraft.code, workbookAsDraft.err]).toEqual([
      2,
      `错误：${WORKBOOK} 不是有效的 Word 文档（.docx）；草稿请用 .docx 或纯文本（.txt）`,
    ]);
    const binary = join(dir, 'binary.txt');
    await writeFile(binary, new Uint8Array([0x41, 0, 0x42, 0xff, 0xfe, 0xfd]));
    const notText = await cli('proofread', binary, '--workbook', WORKBOOK);
    expect(notText.code).toBe(2);
    expect(notText.err).toContain('不是文本文件');
    const missing = await cli('proofread', join(dir, 'nope.docx'), '--workbook', WORKBOOK);
    expect([missing.code, missing.err]).toEqual([2, `错误：找不到文件 ${join(dir, 'nope.docx')}`]);
    const noBook = await cli('proofread', docx, '--workbook', join(dir, 'nope.xlsx'));
    expect([noBook.code, noBook.err]).toEqual([2, `错误：找不到文件 ${join(dir, 'nope.xlsx')}`]);
  });

  it('reads text as Windows editors save it: UTF-8 with or without BOM, UTF-16 with BOM, GBK', async () => {
    const s = '福州市12345受理诉求35275件，环比上升3.15%。';
    const utf8 = new TextEncoder().encode(s);
    expect(decodeDraftText(utf8)).toBe(s);
    expect(decodeDraftText(new Uint8Array([0xef, 0xbb, 0xbf, ...utf8]))).toBe(s);
    const le = Buffer.from(s, 'utf16le');
    expect(decodeDraftText(new Uint8Array([0xff, 0xfe, ...le]))).toBe(s);
    expect(decodeDraftText(new Uint8Array(await gbkBytes(s)))).toBe(s);
    expect(decodeDraftText(new Uint8Array([0x41, 0x00, 0x42]))).toBeNull();
  });
});

describe('the built command line: node bin/tongbao.js proofread', () => {
  it('runs the published draft end to end, exit 0, the finding printed', async () => {
    if (!existsSync('lib/cli.js'))
      throw new Error('lib/cli.js is missing: run `npm run build:cli` first (npm test builds it)');
    const r = await promisify(execFile)(
      process.execPath,
      ['bin/tongbao.js', 'proofread', docx, '--workbook', WORKBOOK],
      { env: { ...process.env, TONGBAO_DEBUG: '' } },
    );
    expect(r.stderr).toBe('');
    expect(r.stdout).toMatch(/有误 1 处：\n {2}第\d+段 {2}[^\n]*95\.13%[^\n]*85\.13%/);
  });
});

/**
 * GBK bytes of a text, from a table built with the platform's own GBK decoder (Node has no
 * GBK encoder): every two-byte code decoded once, the text's characters looked up.
 */
async function gbkBytes(text: string): Promise<number[]> {
  const table = await gbkTable();
  const out: number[] = [];
  for (const ch of text) {
    const code = ch.codePointAt(0)!;
    if (code < 0x80) out.push(code);
    else {
      const pair = table.get(ch);
      if (pair === undefined) throw new Error(`no GBK code for ${ch}`);
      out.push(...pair);
    }
  }
  return out;
}
let gbk: Map<string, [number, number]> | undefined;
function gbkTable(): Promise<Map<string, [number, number]>> {
  if (gbk) return Promise.resolve(gbk);
  const decoder = new TextDecoder('gbk');
  gbk = new Map();
  for (let hi = 0x81; hi <= 0xfe; hi++)
    for (let lo = 0x40; lo <= 0xfe; lo++) {
      if (lo === 0x7f) continue;
      const ch = decoder.decode(new Uint8Array([hi, lo]));
      if (ch.length === 1 && ch !== '\uFFFD' && !gbk.has(ch)) gbk.set(ch, [hi, lo]);
    }
  return Promise.resolve(gbk);
}
