/**
 * Text from a workbook, made safe to print to a terminal: a unit or sheet name holding ESC
 * (an ANSI or OSC sequence: colours, a changed window title, a hyperlink, a cleared screen),
 * BEL, BS, CR or any other C0/C1 control would act on the terminal instead of being read.
 * Every control character but TAB and LF becomes visible as its escape: `\x1b`, `\x07`, `\u009b`.
 * Lone surrogates become U+FFFD. LF is kept in multi-line text (`safeForTerminal(text, true)`);
 * in a single name it is shown as `\n` too.
 */
export function safeForTerminal(text: string, multiline = false): string {
  // eslint-disable-next-line no-control-regex
  if (!/[\u0000-\u001F\u007F-\u009F\u2028\u2029\uD800-\uDFFF]/.test(text)) return text;
  let out = '';
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i);
    if (c >= 0xd800 && c <= 0xdbff) {
      const next = text.charCodeAt(i + 1);
      if (next >= 0xdc00 && next <= 0xdfff) {
        out += text.slice(i, i + 2);
        i++;
      } else out += '\uFFFD';
    } else if (c >= 0xdc00 && c <= 0xdfff) out += '\uFFFD';
    else if ((c === 0x0a && multiline) || c === 0x09) out += text[i];
    else if (c === 0x0a) out += '\\n';
    else if (c < 0x20 || (c >= 0x7f && c <= 0x9f))
      out += c <= 0xff ? `\\x${c.toString(16).padStart(2, '0')}` : `\\u${c.toString(16)}`;
    else if (c === 0x2028 || c === 0x2029) out += `\\u${c.toString(16)}`;
    else out += text[i];
  }
  return out;
}
