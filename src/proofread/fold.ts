import { CHECK_MARK } from '../i18n/narrative';

/**
 * A paragraph as the claim finder reads it: full-width letters, digits and punctuation folded
 * to ASCII (（ → (, ９ → 9, ％ → %), every space, the emphasis marks of pasted text and
 * Tongbao's own “【请核对】” marks dropped — with, for each folded character, where it stands
 * in the paragraph as written, so a finding points at the draft's own characters.
 */
export interface Folded {
  /** The folded text. */
  readonly text: string;
  /** For each character of `text`: its UTF-16 offset in the paragraph as written. */
  readonly at: readonly number[];
  /** For each character of `text`: a space (or more) stood just before it. */
  readonly spaced: readonly boolean[];
  /** The paragraph as written. */
  readonly original: string;
}

const SPACE = /[\s\u3000\u00A0\u200B\uFEFF]/;

/** Full-width ASCII (U+FF01–FF5E) to ASCII; everything else as it is. */
function foldChar(c: string): string {
  const code = c.charCodeAt(0);
  if (code >= 0xff01 && code <= 0xff5e) return String.fromCharCode(code - 0xfee0);
  return c;
}

export function foldText(original: string): Folded {
  let text = '';
  const at: number[] = [];
  const spaced: boolean[] = [];
  let pendingSpace = false;
  for (let i = 0; i < original.length; i++) {
    const c = original[i]!;
    if (SPACE.test(c)) {
      pendingSpace = true;
      continue;
    }
    // Pasted text carries the PDF's **emphasis** marks: not part of any word.
    if (c === '*') continue;
    // [issue 16] A draft Tongbao wrote marks a figure to check “【请核对】”: an editorial
    // mark, not a claim, not a word of the sentence.
    if (c === CHECK_MARK[0] && original.startsWith(CHECK_MARK, i)) {
      i += CHECK_MARK.length - 1;
      continue;
    }
    text += foldChar(c);
    at.push(i);
    spaced.push(pendingSpace);
    pendingSpace = false;
  }
  return { text, at, spaced, original };
}

/** Offsets in the paragraph as written of the folded range [start, end). */
export function originalSpan(
  f: Folded,
  start: number,
  end: number,
): { start: number; end: number } {
  if (end <= start) {
    const s = f.at[start] ?? f.original.length;
    return { start: s, end: s };
  }
  return { start: f.at[start]!, end: f.at[end - 1]! + 1 };
}

/** The folded range as the draft writes it. */
export function writtenText(f: Folded, start: number, end: number): string {
  const s = originalSpan(f, start, end);
  return f.original.slice(s.start, s.end);
}

/** Names compared as people read them: folded, spaces dropped (NFKC for the rest). */
export function foldName(name: string): string {
  return name.normalize('NFKC').replace(/[\s\u3000*]+/g, '');
}
