/**
 * [issue 16] Cell primitives the readers share: a cell's text without its spaces, text folded
 * to the form names are compared in, and the merged area a cell lies in. One copy each, used
 * by every reader that did the same job (the evaluation-table detector, the structure reader,
 * the printed-number parser, the 12345 and summary readers, the narrative's name matching).
 */
import { GridShapeError } from './errors';
import type { CellValue, MergedArea } from './grid';

/**
 * A space as the char-test readers see it: space, tab, CR, LF, no-break space and the
 * ideographic space (U+3000). A char test, not a regex: the structure reader and the
 * printed-number parser call it for every cell of a 100,000-row sheet.
 */
export function isSpaceCode(c: number): boolean {
  return c === 32 || c === 9 || c === 10 || c === 13 || c === 0xa0 || c === 0x3000;
}

/**
 * Text with every space (`isSpaceCode`) removed (“合  计” → “合计”, “洋  县人民政府” →
 * “洋县人民政府”); the text itself when it has none (no allocation).
 */
export function squash(s: string): string {
  for (let i = 0; i < s.length; i++) {
    if (isSpaceCode(s.charCodeAt(i))) {
      let out = '';
      for (let j = 0; j < s.length; j++) if (!isSpaceCode(s.charCodeAt(j))) out += s[j];
      return out;
    }
  }
  return s;
}

const SPACE_RE = /\s/;
const SPACES_RE = /\s+/g;

/**
 * A text cell's text with every whitespace character (JavaScript's `\s`, which includes the
 * ideographic space) removed: stray spaces in names; '' for a cell that is not text.
 */
export function textWithoutSpaces(v: CellValue | undefined): string {
  if (typeof v !== 'string') return '';
  return SPACE_RE.test(v) ? v.replace(SPACES_RE, '') : v;
}

/**
 * Text in the form names and labels are compared in: full/half-width folded (NFKC: “（一）”
 * → “(一)”, “１２” → “12”) and every whitespace character removed.
 */
export function foldText(s: string): string {
  return s.normalize('NFKC').replace(SPACES_RE, '');
}

/** Merged areas by row, to read the label a merged cell shows in rows below its top. */
export class MergeIndex {
  private readonly byRow = new Map<number, MergedArea[]>();
  /** Throws GridShapeError for an area that is not one (negative, inverted, fractional). */
  constructor(merges: readonly MergedArea[] | undefined) {
    for (const m of merges ?? []) {
      if (
        !Number.isInteger(m.top) ||
        !Number.isInteger(m.left) ||
        m.bottom < m.top ||
        m.right < m.left ||
        m.top < 0 ||
        m.left < 0
      ) {
        throw new GridShapeError(`Bad merged area ${JSON.stringify(m)}`);
      }
      for (let r = m.top; r <= m.bottom; r++) {
        const list = this.byRow.get(r);
        if (list) list.push(m);
        else this.byRow.set(r, [m]);
      }
    }
  }

  /** The merged area cell (row, col) lies in, if any. */
  at(row: number, col: number): MergedArea | undefined {
    return this.byRow.get(row)?.find((m) => col >= m.left && col <= m.right);
  }
}
