/**
 * 校对本文 against the Word fake (addin/word/proofread.ts): how the open document is read, how
 * each finding is put back on exactly its characters, and that 清除校对标记 leaves the document
 * as it was. The engine is stood in for by `check` stubs here (what Word does with findings);
 * test/word-proofread-published.test.ts runs the real engine on the published bulletin.
 */
import { beforeEach, describe, expect, it } from 'vitest';
import {
  clearMarks,
  occurrences,
  proofreadOpenDocument,
  selectMark,
  type MarkWords,
} from '../addin/word/proofread';
import { WordInsertError } from '../addin/word/errors';
import { zhCN } from '../src/i18n/catalog';
import type { Draft, Finding, ProofreadResult } from '../src/proofread/types';
import { FakeDocument } from './fake/word-fake';

let doc: FakeDocument;

function install(d: FakeDocument): void {
  doc = d;
  const g = globalThis as Record<string, unknown>;
  g.Word = { run: (b: Parameters<FakeDocument['run']>[0]) => doc.run(b) };
  g.Office = {
    context: {
      requirements: { isSetSupported: (n: string, v: string) => doc.isSetSupported(n, v) },
    },
  };
}

beforeEach(() => install(new FakeDocument().supportUpTo('1.4')));

const ui = zhCN.ui;
const words: MarkWords = {
  title: ui.markTitle,
  comment: (f) => ui.markComment(f.message),
  commentMarks: [ui.markComment('')],
};

/** A finding on the `nth` occurrence (0-based) of `written` in paragraph `paragraph` (1-based). */
function finding(
  draft: Draft,
  paragraph: number,
  written: string,
  expected: string,
  nth = 0,
): Finding {
  const text = draft.paragraphs[paragraph - 1]!.text;
  const start = occurrences(text, written)[nth]!;
  expect(start, `${written} #${nth} in paragraph ${paragraph}`).toBeGreaterThanOrEqual(0);
  return {
    kind: 'unitFigure',
    paragraph,
    quote: text,
    quoteStart: 0,
    quoteEnd: text.length,
    written,
    start,
    end: start + written.length,
    expected,
    unit: '闽侯县政府',
    figure: '按期结案率',
    sheet: '数字城管综合评价表',
    cell: 'M62',
    message: `闽侯县 按期结案率：文中为${written}，表中为${expected}（数字城管综合评价表!M62）`,
  };
}

/** A check that finds what `pick` says and remembers the draft it was given. */
function stub(pick: (draft: Draft) => Finding[]) {
  const seen: Draft[] = [];
  const check = (draft: Draft): ProofreadResult => {
    seen.push(draft);
    const findings = pick(draft);
    return {
      checked: { claims: findings.length + 1, matched: 1, wrong: findings.length, notChecked: 0 },
      findings,
      notChecked: [],
      notes: [],
    };
  };
  return { check, seen };
}

const SENTENCE =
  '七县(市)中福清市、连江县、永泰县按期结案率较上月均有所提升,按期结案率较好的为连江县(99.91%),排名最后一位的是闽侯县(95.13%)。';

describe('校对本文 in Word', () => {
  it('marks the finding’s own occurrence: the second 95.13% of its paragraph, exactly its characters, with a comment', async () => {
    doc.setText(['通报', `去年同期为95.13%。${SENTENCE}`]);
    const before = doc.snapshot();
    const { check, seen } = stub((d) => [finding(d, 2, '95.13%', '85.13%', 1)]);
    const out = await proofreadOpenDocument(check, words);
    expect(seen[0]!.paragraphs.map((p) => p.where)).toEqual(['body', 'body']);
    expect(out.marks).toEqual([1]);
    expect(out.markError).toBeNull();
    const second = `去年同期为95.13%。${SENTENCE}`.lastIndexOf('95.13%');
    expect(doc.highlighted()).toEqual([{ paragraph: 1, text: '95.13%', start: second }]);
    expect(doc.controls.map((c) => [c.tag, c.title, c.start])).toEqual([
      ['tongbao-proofread/1', '通报校对', second],
    ]);
    expect(doc.comments.map((c) => [c.start, c.end, c.content])).toEqual([
      [
        second,
        second + 6,
        '通报校对：闽侯县 按期结案率：文中为95.13%，表中为85.13%（数字城管综合评价表!M62）',
      ],
    ]);
    // Nothing else changed: the text is the same, only those characters highlighted.
    const after = doc.snapshot() as { paragraphs: unknown };
    expect(after.paragraphs).not.toEqual((before as { paragraphs: unknown }).paragraphs);
    expect(await clearMarks(words.commentMarks)).toBe(1);
    expect(doc.snapshot()).toEqual(before);
  });

  it('a fixed number of syncs, however many findings: read, reviewed text, search, mark', async () => {
    const paragraphs = Array.from({ length: 30 }, (_, i) => `第${i}项为95.13%，另有95.13%。`);
    doc.setText(paragraphs);
    const { check } = stub((d) =>
      d.paragraphs.flatMap((_, i) => [finding(d, i + 1, '95.13%', '85.13%', 1)]),
    );
    const out = await proofreadOpenDocument(check, words);
    expect(out.marks).toEqual(paragraphs.map((_, i) => i + 1));
    expect(doc.syncs).toBe(4);
    expect(doc.highlighted()).toHaveLength(30);
    expect(doc.comments).toHaveLength(30);
  });

  it('tracked changes (WordApi 1.4): the text checked has them accepted; a mark where Word finds the element as often as the text has it', async () => {
    doc.setText([`闽侯县(⟦-94.13%-⟧⟦+95.13%+⟧)，连江县(9⟦-0-⟧9.91%)`]);
    const { check, seen } = stub((d) => [
      finding(d, 1, '95.13%', '85.13%'),
      finding(d, 1, '99.91%', '99.90%'),
    ]);
    const out = await proofreadOpenDocument(check, words);
    expect(seen[0]!.paragraphs[0]!.text).toBe('闽侯县(95.13%)，连江县(99.91%)');
    expect(out.tracked).toBe(true);
    // 99.91% is broken by a deletion: Word's search does not find it, so it is listed, unmarked.
    expect(out.marks).toEqual([1, null]);
    expect(doc.highlighted().map((h) => h.text)).toEqual(['95.13%']);
  });

  it('an older Word: WordApi 1.3 marks without comments; 1.2 reads table cells as body text', async () => {
    install(
      new FakeDocument().supportUpTo('1.3').setText(['正文', { text: SENTENCE, where: 'table' }]),
    );
    const first = stub((d) => [finding(d, 2, '95.13%', '85.13%')]);
    const out = await proofreadOpenDocument(first.check, words);
    expect(out.support).toEqual({ marks: true, tables: true, comments: false });
    expect(first.seen[0]!.paragraphs.map((p) => p.where)).toEqual(['body', 'table']);
    expect(out.marks).toEqual([1]);
    expect(doc.comments).toEqual([]);
    expect(doc.highlighted().map((h) => h.text)).toEqual(['95.13%']);
    expect(await clearMarks(words.commentMarks)).toBe(1);
    expect(doc.highlighted()).toEqual([]);

    install(
      new FakeDocument().supportUpTo('1.2').setText(['正文', { text: SENTENCE, where: 'table' }]),
    );
    const second = stub((d) => [finding(d, 2, '95.13%', '85.13%')]);
    const old = await proofreadOpenDocument(second.check, words);
    expect(old.support).toEqual({ marks: true, tables: false, comments: false });
    expect(second.seen[0]!.paragraphs.map((p) => p.where)).toEqual(['body', 'body']);
    expect(old.marks).toEqual([1]);
  });

  it('清除 removes only Tongbao’s marks, also in a later session: the user’s highlight, comment and controls stay', async () => {
    doc.setText([SENTENCE, '连江县(99.91%)']);
    // The user's own: a green highlight on 99.91% of paragraph 2, a comment, a control.
    await doc.run(async (ctx) => {
      const ps = ctx.document.body.paragraphs.load('items/text');
      await ctx.sync();
      const theirs = ps.items[1]!.search('99.91%').load('items/text');
      const named = ps.items[0]!.search('连江县').load('items/text');
      await ctx.sync();
      theirs.items[0]!.font.highlightColor = 'Lime';
      const c = named.items[0]!.insertContentControl();
      c.tag = 'their-control';
      named.items[0]!.insertComment('请核实连江县');
      await ctx.sync();
    });
    const before = doc.snapshot();
    const { check } = stub((d) => [
      finding(d, 1, '95.13%', '85.13%'),
      finding(d, 2, '99.91%', '99.90%'),
    ]);
    const out = await proofreadOpenDocument(check, words);
    expect(out.marks).toEqual([1, 2]);
    // Text with a highlight of its own keeps it (marked by its control and comment).
    expect(doc.highlighted('#00FF00').map((h) => h.text)).toEqual(['99.91%']);
    expect(doc.controls.map((c) => c.tag).sort()).toEqual([
      'their-control',
      'tongbao-proofread/1',
      'tongbao-proofread/2/kept',
    ]);
    // Checking again replaces the marks instead of adding to them.
    const again = await proofreadOpenDocument(check, words);
    expect(again.cleared).toBe(2);
    expect(doc.controls).toHaveLength(3);
    expect(doc.comments).toHaveLength(3);
    // The pane closed and opened again: 清除 finds the marks by their tags.
    expect(await clearMarks(words.commentMarks)).toBe(2);
    expect(doc.snapshot()).toEqual(before);
    expect(await clearMarks(words.commentMarks)).toBe(0);
  });

  it('click a finding: Word selects its element; a mark the user deleted is said to be gone', async () => {
    doc.setText(['通报', SENTENCE]);
    const { check } = stub((d) => [finding(d, 2, '95.13%', '85.13%')]);
    await proofreadOpenDocument(check, words);
    expect(await selectMark(1)).toBe(true);
    expect(doc.selected).toMatchObject({ paragraph: 1, text: '95.13%' });
    doc.controls.length = 0;
    expect(await selectMark(1)).toBe(false);
  });

  it('a read-only document: the findings stand, nothing marked, the problem said', async () => {
    doc.setText([SENTENCE]);
    doc.readOnly = true;
    const before = doc.snapshot();
    const { check } = stub((d) => [finding(d, 1, '95.13%', '85.13%')]);
    const out = await proofreadOpenDocument(check, words);
    expect(out.result.findings).toHaveLength(1);
    expect(out.marks).toEqual([null]);
    expect(out.markError).toBeInstanceOf(WordInsertError);
    expect((out.markError as WordInsertError).problem).toBe('readOnly');
    expect(doc.snapshot()).toEqual(before);
  });

  it('text in a locked control: that finding is not marked, the others are; the refusal is said', async () => {
    doc.setText([SENTENCE, '连江县(99.91%)']);
    doc.paragraphs[1]!.locked = true;
    const before = doc.snapshot();
    const { check } = stub((d) => [
      finding(d, 1, '95.13%', '85.13%'),
      finding(d, 2, '99.91%', '99.90%'),
    ]);
    const out = await proofreadOpenDocument(check, words);
    expect(out.marks).toEqual([1, null]);
    expect((out.markError as WordInsertError).problem).toBe('readOnly');
    expect(doc.highlighted().map((h) => [h.paragraph, h.text])).toEqual([[0, '95.13%']]);
    expect(doc.controls).toHaveLength(1);
    expect(await clearMarks(words.commentMarks)).toBe(1);
    expect(doc.snapshot()).toEqual(before);
  });

  it('Word refuses one mark (the element crosses a control of the document): the others are still made, one batch each', async () => {
    doc.setText([SENTENCE, '连江县(99.91%)']);
    // The user's control ends inside “95.13%”: Word cannot wrap that number (office-js#1169).
    await doc.run(async (ctx) => {
      const ps = ctx.document.body.paragraphs.load('items/text');
      await ctx.sync();
      const theirs = ps.items[0]!.search('闽侯县(95').load('items/text');
      await ctx.sync();
      theirs.items[0]!.insertContentControl().tag = 'their-control';
      await ctx.sync();
    });
    const before = doc.snapshot();
    const { check } = stub((d) => [
      finding(d, 1, '95.13%', '85.13%'),
      finding(d, 2, '99.91%', '99.90%'),
    ]);
    const out = await proofreadOpenDocument(check, words);
    expect(out.marks).toEqual([null, 2]);
    expect(out.markError).toBeInstanceOf(WordInsertError);
    expect(doc.highlighted().map((h) => [h.paragraph, h.text])).toEqual([[1, '99.91%']]);
    expect(doc.comments.map((c) => c.content)).toEqual([words.comment(out.result.findings[1]!)]);
    expect(await clearMarks(words.commentMarks)).toBe(1);
    expect(doc.snapshot()).toEqual(before);
  });

  it('a finding whose text is not in the paragraph as written (offsets off) is listed, never marked elsewhere', async () => {
    doc.setText([SENTENCE]);
    const { check } = stub((d) => {
      const f = finding(d, 1, '95.13%', '85.13%');
      return [{ ...f, start: f.start - 1, end: f.end - 1 }];
    });
    const out = await proofreadOpenDocument(check, words);
    expect(out.marks).toEqual([null]);
    expect(doc.controls).toEqual([]);
    expect(doc.highlighted()).toEqual([]);
  });
});
