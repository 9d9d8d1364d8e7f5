/**
 * 校对本文 on the published August 2017 bulletin, open in the Word fake, with the real engine:
 * the one slip the bulletin printed (闽侯县 按期结案率 95.13%, its own table says 85.13%) is the
 * one finding, highlighted on exactly its characters; 清除 gives the document back as it was.
 */
import { readFile } from 'node:fs/promises';
import { beforeEach, describe, expect, it } from 'vitest';
import { clearMarks, markWords, proofreadOpenDocument } from '../addin/word/proofread';
import { analyzeWorkbook } from '../src/evaluation/analyze';
import { zhCN } from '../src/i18n/catalog';
import { readWorkbookGrids } from '../src/io/xlsx-read';
import { proofread } from '../src/proofread/check';
import { FakeDocument } from './fake/word-fake';
import { BULLETIN } from './helpers/seed-text';

const current = analyzeWorkbook(await readWorkbookGrids(await readFile('samples/2017-08.xlsx')));
const previous = analyzeWorkbook(await readWorkbookGrids(await readFile('samples/2017-07.xlsx')));
const words = markWords(zhCN.ui);

/** The bulletin as typed into Word: one paragraph a line (the extraction's ** was bold). */
const PARAGRAPHS = BULLETIN.replace(/\*\*/g, '')
  .split(/\r?\n/)
  .filter((l) => l.trim() !== '');
const SLIP = '排名最后一位的是闽侯县(95.13%)';
const AT = PARAGRAPHS.findIndex((p) => p.includes(SLIP));

let doc: FakeDocument;
function open(paragraphs: readonly string[], api: string): void {
  doc = new FakeDocument().supportUpTo(api).setText(paragraphs);
  const g = globalThis as Record<string, unknown>;
  g.Word = { run: (b: Parameters<FakeDocument['run']>[0]) => doc.run(b) };
  g.Office = {
    context: {
      requirements: { isSetSupported: (n: string, v: string) => doc.isSetSupported(n, v) },
    },
  };
}

const check = (draft: Parameters<typeof proofread>[0]) => proofread(draft, current, previous);

beforeEach(() => open(PARAGRAPHS, '1.4'));

describe('the published bulletin in Word', () => {
  it('finds 95.13% and nothing else, highlights exactly it, comments it; 清除 restores the document', async () => {
    expect(AT).toBeGreaterThan(0);
    const before = doc.snapshot();
    const out = await proofreadOpenDocument(check, words);
    expect(out.result.findings).toHaveLength(1);
    const f = out.result.findings[0]!;
    expect(f).toMatchObject({ paragraph: AT + 1, written: '95.13%', expected: '85.13%' });
    expect(f.message).toContain('闽侯县 按期结案率：文中为95.13%，表中为85.13%');
    expect(out.marks).toEqual([1]);
    // Only those six characters, in that paragraph (there is no other 95.13% in it).
    const start = PARAGRAPHS[AT]!.indexOf(SLIP) + SLIP.indexOf('95.13%');
    expect(doc.highlighted()).toEqual([{ paragraph: AT, text: '95.13%', start }]);
    expect(
      doc.comments.map((c) => [doc.paragraphs.indexOf(c.paragraph), c.start, c.content]),
    ).toEqual([[AT, start, `通报校对：${f.message}`]]);
    expect(await clearMarks(words.commentMarks)).toBe(1);
    expect(doc.snapshot()).toEqual(before);
  });

  it('Word without WordApi 1.4: the same finding highlighted, no comment', async () => {
    open(PARAGRAPHS, '1.3');
    const out = await proofreadOpenDocument(check, words);
    expect(out.result.findings.map((f) => f.written)).toEqual(['95.13%']);
    expect(out.support.comments).toBe(false);
    expect(doc.highlighted().map((h) => h.text)).toEqual(['95.13%']);
    expect(doc.comments).toEqual([]);
  });

  it('tracked changes are read as accepted: a corrected slip is no finding, a slip typed over the right figure is one', async () => {
    const corrected = PARAGRAPHS.map((p, i) =>
      i === AT ? p.replace('(95.13%)', '(⟦-95.13%-⟧⟦+85.13%+⟧)') : p,
    );
    open(corrected, '1.4');
    const fixed = await proofreadOpenDocument(check, words);
    expect(fixed.tracked).toBe(true);
    expect(fixed.result.findings).toEqual([]);
    expect(doc.controls).toEqual([]);

    const broken = PARAGRAPHS.map((p, i) =>
      i === AT ? p.replace('(95.13%)', '(⟦-85.13%-⟧⟦+95.13%+⟧)') : p,
    );
    open(broken, '1.4');
    const out = await proofreadOpenDocument(check, words);
    expect(out.result.findings.map((f) => [f.written, f.expected])).toEqual([['95.13%', '85.13%']]);
    expect(out.marks).toEqual([1]);
    // The inserted 95.13% is highlighted, not the deleted 85.13% before it.
    expect(doc.highlighted().map((h) => h.text)).toEqual(['95.13%']);
  });
});
