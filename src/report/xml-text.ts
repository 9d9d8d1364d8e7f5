/**
 * Text as XML 1.0 can hold it. A Word document (document.xml) or a workbook part with a C0
 * control character other than TAB, LF and CR, with U+FFFE/U+FFFF or with half of a surrogate
 * pair is refused by Word and Excel (“unreadable content”). Cells can hold such characters
 * (Excel stores them as `_x0001_`), so every text bound for the .docx passes through here.
 *
 * No regex lookbehind: the add-in's bundles run on EdgeHTML, which has none.
 */

function isInvalidAt(s: string, i: number): 1 | 2 | 0 {
  const c = s.charCodeAt(i);
  if (c < 0x20) return c === 0x09 || c === 0x0a || c === 0x0d ? 0 : 1;
  if (c === 0xfffe || c === 0xffff) return 1;
  if (c >= 0xd800 && c <= 0xdbff) {
    const next = s.charCodeAt(i + 1);
    return next >= 0xdc00 && next <= 0xdfff ? 2 : 1;
  }
  if (c >= 0xdc00 && c <= 0xdfff) return 1;
  return 0;
}

/** Quick test: most text has nothing to remove. */
// eslint-disable-next-line no-control-regex
const SUSPECT = /[\u0000-\u0008\u000B\u000C\u000E-\u001F\uD800-\uDFFF\uFFFE\uFFFF]/;

/** `text` with every character XML 1.0 cannot hold removed (valid surrogate pairs kept). */
export function xmlSafe(text: string): string {
  if (!SUSPECT.test(text)) return text;
  let out = '';
  for (let i = 0; i < text.length; i++) {
    const k = isInvalidAt(text, i);
    if (k === 1) continue;
    if (k === 2) {
      out += text.slice(i, i + 2);
      i++;
    } else out += text[i];
  }
  return out;
}

/** The characters `xmlSafe` would remove, as “U+0001”, each once, in order of appearance. */
export function xmlInvalidCharacters(text: string): string[] {
  if (!SUSPECT.test(text)) return [];
  const found: string[] = [];
  for (let i = 0; i < text.length; i++) {
    const k = isInvalidAt(text, i);
    if (k === 2) i++;
    if (k !== 1) continue;
    const label = `U+${text.charCodeAt(i).toString(16).toUpperCase().padStart(4, '0')}`;
    if (!found.includes(label)) found.push(label);
  }
  return found;
}
