/**
 * 校对本文 in Word (issue #17): the open document read as a Draft, checked by the engine, each
 * wrong element marked in place; the marks found again to select one, and removed again.
 * Loaded only when 校对本文 (or 清除校对标记) is pressed: never part of the pane's first paint.
 *
 * How Word is read (Word JavaScript API reference; office-js issues named):
 * - `body.paragraphs` (WordApi 1.1) holds the paragraphs of table cells too, in document order;
 *   `tableNestingLevel` (1.3) tells a cell from body text. Without 1.3 every paragraph is read
 *   as body text (the engine then reads a table's cells as sentences: GUESS that this only
 *   costs claims in tables, never a wrong finding).
 * - Tracked changes: `Paragraph.text` holds deleted text too where revisions are shown inline
 *   (Word on the web: office-js#1267; Windows depends on the markup view: #2314), so with
 *   WordApi 1.4 the text checked is `getReviewedText('Current')` (the changes accepted).
 *   Without 1.4 there is no way to tell; the pane says so. (On a Mac, getReviewedText may
 *   scroll the document to the changes: office-js#3691.)
 *
 * How a finding is put back on the document: `paragraph.search(written, { matchCase: true })`
 * (1.1) finds every occurrence of the written element in its paragraph; the finding's is the
 * one with as many occurrences before it in the checked text as its `start` has. Search sees
 * the text as shown, deleted text included (a term broken by a deletion is not found:
 * office-js#5874), so when the occurrences Word finds are not as many as the checked text has,
 * the finding is listed but not marked (never a mark on the wrong characters).
 *
 * A mark: the element wrapped in a rich-text content control (1.1) tagged
 * `tongbao-proofread/<n>` and titled 通报校对, highlighted yellow (1.1), and with WordApi 1.4 a
 * comment giving the tables' value and cell. The tag is how the marks are found again after
 * the pane was closed (or the document saved and reopened): comments cannot be told apart by
 * author through the API, highlights not at all. Text that already had a highlight of its own
 * keeps it (tag `…/kept`): 清除 then resets nothing but what Tongbao set. 清除 removes the
 * comments inside Tongbao's controls whose text starts with Tongbao's mark, resets the
 * highlight, and deletes the controls keeping their content: the text is as it was.
 *
 * Syncs: a fixed number per check (read 1–2, search 1, mark 1; 2 more to remove an earlier
 * check's marks), never one per finding. A batch that fails part way leaves what was done
 * before the failure (office-js batches are not transactions): when Word refuses a mark (an
 * element across the boundary of a control of the document, office-js#1169; text in a locked
 * control) the marks made are removed and each is tried in a batch of its own, so one refusal
 * costs only its own mark. A read-only document (AccessDenied) is not tried again.
 */
import type { Analysis } from '../../src/evaluation/analyze';
import { zhCN, type UiStrings } from '../../src/i18n/catalog';
import type { Draft, Finding, ProofreadResult } from '../../src/proofread/types';
import { errorCode } from '../taskpane/errors';
import { WordInsertError, toWordError, type WordProblem } from './errors';

export const MARK_TAG = 'tongbao-proofread';
/** Word's limit for a search string (office-js#168, #31: longer ones fail the batch). */
const SEARCH_LIMIT = 255;

export interface ProofreadSupport {
  /** WordApi 1.1: reading, searching, highlighting, content controls. */
  readonly marks: boolean;
  /** WordApi 1.3: table cells told from body text. */
  readonly tables: boolean;
  /** WordApi 1.4: comments, and tracked changes read as accepted. */
  readonly comments: boolean;
}

export function proofreadSupport(): ProofreadSupport {
  const has = (v: string) => Office.context.requirements.isSetSupported('WordApi', v);
  return { marks: has('1.1'), tables: has('1.3'), comments: has('1.4') };
}

/** The words a mark carries, from the pane's catalog. */
export interface MarkWords {
  /** The controls' title (shown on the control's tab in Word). */
  readonly title: string;
  /** A finding's comment. */
  readonly comment: (finding: Finding) => string;
  /** How Tongbao's comments begin (every UI language's): only those are removed. */
  readonly commentMarks: readonly string[];
}

/** The marks' words in the pane's language; comments of either language are Tongbao's. */
export function markWords(ui: UiStrings): MarkWords {
  return {
    title: ui.markTitle,
    comment: (f) => ui.markComment(f.message),
    commentMarks: [...new Set([ui.markComment(''), zhCN.ui.markComment('')])],
  };
}

/** Word's refusal, as the pane words it (null: not Word's own error). */
export function problemOf(e: unknown): WordProblem | null {
  return e instanceof WordInsertError ? e.problem : null;
}

export interface WordProofread {
  readonly result: ProofreadResult;
  /** Per finding, in order: the number of its mark in the document, or null (not marked). */
  readonly marks: readonly (number | null)[];
  readonly support: ProofreadSupport;
  /** Some paragraph had tracked changes (read with them accepted). */
  readonly tracked: boolean;
  /** Marks of an earlier check, removed first. */
  readonly cleared: number;
  /** Marking failed (a read-only document…): the findings stand, `marks` are all null. */
  readonly markError: unknown;
}

/** Occurrences of `needle` in `text`, scanning forward without overlaps (as Word's search). */
export function occurrences(text: string, needle: string): number[] {
  const at: number[] = [];
  if (needle === '') return at;
  for (let i = text.indexOf(needle); i >= 0; i = text.indexOf(needle, i + needle.length))
    at.push(i);
  return at;
}

/** A search string for Word without wildcards: `^` starts a special character, `^^` is one. */
const searchString = (text: string) => text.replace(/\^/g, '^^');

type OurControl = {
  readonly control: Word.ContentControl;
  readonly kept: boolean;
  readonly n: number;
};

/** Tongbao's marks among the loaded controls (tag `tongbao-proofread/<n>[/kept]`). */
function ours(controls: Word.ContentControlCollection): OurControl[] {
  const found: OurControl[] = [];
  for (const control of controls.items) {
    const m = /^tongbao-proofread\/(\d+)(\/kept)?$/.exec(control.tag);
    if (m) found.push({ control, n: Number(m[1]), kept: m[2] !== undefined });
  }
  return found;
}

/**
 * Queue the removal of Tongbao's marks, in two steps: `prepare` (reset highlights, load the
 * comments) then, after a sync, `finish` (delete our comments and the controls, content kept).
 */
function removal(
  marks: readonly OurControl[],
  withComments: boolean,
  commentMarks: readonly string[],
) {
  const comments = marks.map(({ control, kept }) => {
    // Resetting to none is right only where Tongbao set the highlight on unhighlighted text.
    if (!kept) control.font.highlightColor = null as unknown as string;
    return withComments ? control.getComments().load('content') : null;
  });
  return () => {
    marks.forEach(({ control }, i) => {
      for (const c of comments[i]?.items ?? [])
        if (commentMarks.some((m) => c.content.startsWith(m))) c.delete();
      control.delete(true);
    });
  };
}

/**
 * Read the open document, check it with `check`, mark the findings. Reading failures reject
 * (a WordInsertError for Word's own); marking failures are returned in `markError`.
 */
export async function proofreadOpenDocument(
  check: (draft: Draft) => ProofreadResult | Promise<ProofreadResult>,
  words: MarkWords,
): Promise<WordProofread> {
  const support = proofreadSupport();
  try {
    return await Word.run(async (context) => {
      const paragraphs = context.document.body.paragraphs.load(
        support.tables ? 'items/text,items/tableNestingLevel' : 'items/text',
      );
      const controls = context.document.contentControls.load('items/tag');
      await context.sync();

      const shown = paragraphs.items.map((p) => p.text);
      let checked = shown;
      if (support.comments) {
        const reviewed = paragraphs.items.map((p) => p.getReviewedText('Current'));
        await context.sync();
        checked = reviewed.map((r) => r.value);
      }
      const tracked = checked.some((t, i) => t !== shown[i]);
      const draft: Draft = {
        paragraphs: paragraphs.items.map((p, i) => ({
          text: checked[i]!,
          where: support.tables && p.tableNestingLevel > 0 ? 'table' : 'body',
        })),
      };
      const result = await check(draft);
      const old = ours(controls);
      const none = result.findings.map(() => null);

      try {
        // Earlier marks go first (their highlight would read as the text's own).
        const finish = removal(old, support.comments, words.commentMarks);
        if (old.length > 0) await context.sync();
        finish();

        // Where each finding is: its paragraph's occurrences of the written element.
        type Place = {
          readonly key: string;
          readonly hits: Word.RangeCollection;
          readonly k: number;
          readonly n: number;
        };
        const places = result.findings.map((f): Place | null => {
          const text = checked[f.paragraph - 1];
          const paragraph = paragraphs.items[f.paragraph - 1];
          if (text === undefined || !paragraph || f.written === '') return null;
          if (text.slice(f.start, f.end) !== f.written) return null;
          const search = searchString(f.written);
          if (search.length > SEARCH_LIMIT) return null;
          const at = occurrences(text, f.written);
          const k = at.indexOf(f.start);
          if (k < 0) return null;
          const hits = paragraph
            .search(search, { matchCase: true, matchWildcards: false })
            .load('items/text,items/font/highlightColor');
          return { key: `${f.paragraph}:${f.start}:${f.end}`, hits, k, n: at.length };
        });
        await context.sync();

        // One mark per place (two findings on one element share it), numbered in order.
        const numbers = new Map<string, number>();
        const groups: { n: number; range: Word.Range; findings: Finding[] }[] = [];
        const marks = places.map((place, i) => {
          if (!place || place.hits.items.length !== place.n) return null;
          const finding = result.findings[i]!;
          const known = numbers.get(place.key);
          if (known !== undefined) {
            groups[known - 1]!.findings.push(finding);
            return known;
          }
          const n = numbers.size + 1;
          numbers.set(place.key, n);
          groups.push({ n, range: place.hits.items[place.k]!, findings: [finding] });
          return n;
        });
        const queueMark = (g: (typeof groups)[number]) => {
          // null: no highlight; '' (mixed) or a colour: the user's own, kept as it is.
          const kept = g.range.font.highlightColor !== null;
          const control = g.range.insertContentControl();
          control.tag = `${MARK_TAG}/${g.n}${kept ? '/kept' : ''}`;
          control.title = words.title;
          if (!kept) g.range.font.highlightColor = 'Yellow';
          // Every finding on the element gets its own comment.
          if (support.comments) for (const f of g.findings) g.range.insertComment(words.comment(f));
        };
        groups.forEach(queueMark);
        try {
          if (groups.length > 0) await context.sync();
          return { result, marks, support, tracked, cleared: old.length, markError: null };
        } catch (e) {
          if (errorCode(e) === 'AccessDenied') throw e;
          // Word refused one mark (an element across the boundary of a control of the
          // document: office-js#1169; text in a locked control): what the batch did is undone
          // and each mark is tried on its own, so the others are still made.
          await removeAll(context, support.comments, words.commentMarks);
          let refused: unknown = e;
          const failed = new Set<number>();
          for (const g of groups) {
            queueMark(g);
            try {
              await context.sync();
            } catch (err) {
              failed.add(g.n);
              refused = err;
            }
          }
          return {
            result,
            marks: marks.map((n) => (n !== null && !failed.has(n) ? n : null)),
            support,
            tracked,
            cleared: old.length,
            markError: failed.size > 0 ? toWordError(refused) : null,
          };
        }
      } catch (e) {
        return { result, marks: none, support, tracked, cleared: 0, markError: toWordError(e) };
      }
    });
  } catch (e) {
    throw toWordError(e);
  }
}

/** Remove Tongbao's marks: 3 syncs (none but the first when there are none). */
async function removeAll(
  context: Word.RequestContext,
  withComments: boolean,
  commentMarks: readonly string[],
): Promise<number> {
  const controls = context.document.contentControls.load('items/tag');
  await context.sync();
  const marks = ours(controls);
  if (marks.length === 0) return 0;
  const finish = removal(marks, withComments, commentMarks);
  await context.sync();
  finish();
  await context.sync();
  return marks.length;
}

/** Remove every mark Tongbao made in the document (this session's or an earlier one's). */
export async function clearMarks(commentMarks: readonly string[]): Promise<number> {
  const { comments } = proofreadSupport();
  try {
    return await Word.run((context) => removeAll(context, comments, commentMarks));
  } catch (e) {
    throw toWordError(e);
  }
}

/** Select mark `n` in Word; false when it is no longer in the document. */
export async function selectMark(n: number): Promise<boolean> {
  try {
    return await Word.run(async (context) => {
      const controls = context.document.contentControls.load('items/tag');
      await context.sync();
      const mark = ours(controls).find((m) => m.n === n);
      if (!mark) return false;
      mark.control.select();
      await context.sync();
      return true;
    });
  } catch (e) {
    throw toWordError(e);
  }
}

// ---------------------------------------------------------------------------------------------
// The Word pane's side of 校对本文, 清除校对标记 and a click on a finding: what it shows. Here,
// not in WordApp, so that none of it is in the pane's first paint.
// ---------------------------------------------------------------------------------------------

/** A notice of the pane (addin/taskpane/layout.tsx's NoticeState). */
export interface PaneNotice {
  readonly intent: 'success' | 'warning' | 'error';
  readonly text: string;
}

/** Word's own failure in `sentence` with its code; null when it is not Word's (ours: a bug). */
function wordFailure(sentence: string, e: unknown, ui: UiStrings): PaneNotice | null {
  const code = errorCode(e);
  return code === null ? null : { intent: 'error', text: `${sentence}${ui.problemCode(code)}` };
}

/**
 * 校对本文 in the pane: the open document against `current` (and `previous`), marked; the
 * findings to list and the one notice to show. Rejects only with errors that are not Word's.
 */
export async function proofreadInPane(
  ui: UiStrings,
  current: Analysis,
  previous: Analysis | null,
): Promise<{ readonly checked: WordProofread | null; readonly notice: PaneNotice | null }> {
  const support = proofreadSupport();
  if (!support.marks)
    return { checked: null, notice: { intent: 'error', text: ui.proofreadLimits(support) } };
  const [{ proofread }, { proofreadEnUS }] = await Promise.all([
    import('../../src/proofread/check'),
    import('../../src/i18n/proofread'),
  ]);
  // The findings in the pane's language.
  const messages = ui === zhCN.ui ? undefined : proofreadEnUS;
  let out: WordProofread;
  try {
    out = await proofreadOpenDocument(
      (draft) => proofread(draft, current, previous, { messages }),
      markWords(ui),
    );
  } catch (e) {
    const notice = wordFailure(ui.proofreadFailed, e, ui);
    if (notice === null) throw e;
    return { checked: null, notice };
  }
  const found = out.result.findings.length;
  const located = out.marks.filter((m) => m !== null).length;
  // What this Word cannot do (no comments, no tables): said with every result.
  const limits = support.comments && support.tables ? '' : ui.proofreadLimits(support);
  let notice: PaneNotice | null = null;
  if (out.markError !== null) {
    // Nothing marked in a read-only document; else some marks were refused.
    const readOnly = problemOf(out.markError) === 'readOnly' && located === 0;
    notice = { intent: 'warning', text: readOnly ? ui.proofreadReadOnly : ui.proofreadMarkFailed };
  } else if (found > 0 || limits !== '') {
    notice = {
      intent: located < found || limits !== '' ? 'warning' : 'success',
      text: `${found > 0 ? ui.proofreadMarked(located, found, support.comments) : ''}${limits}`,
    };
  }
  return { checked: out, notice };
}

/** 清除校对标记 in the pane: what to say. Rejects only with errors that are not Word's. */
export async function clearInPane(ui: UiStrings): Promise<PaneNotice> {
  try {
    return {
      intent: 'success',
      text: ui.marksCleared(await clearMarks(markWords(ui).commentMarks)),
    };
  } catch (e) {
    const notice = wordFailure(ui.proofreadWordFailed, e, ui);
    if (notice === null) throw e;
    return notice;
  }
}

/** A click on a finding: mark `n` selected in Word, or what to say instead. */
export async function selectInPane(ui: UiStrings, n: number): Promise<PaneNotice | null> {
  try {
    return (await selectMark(n)) ? null : { intent: 'warning', text: ui.markGone };
  } catch (e) {
    const notice = wordFailure(ui.proofreadWordFailed, e, ui);
    if (notice === null) throw e;
    return notice;
  }
}
