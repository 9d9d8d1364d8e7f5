/**
 * [issue 18] Dates in count cells, the part both readers share (no ExcelJS here: the Excel
 * pane imports it): whether a number format shows a date or time, and the date a serial number
 * shows. The .xlsx reader (src/io/xlsx-read.ts) and the add-in (addin/excel/dates.ts) note a
 * date-formatted count by these two functions, so the command line and the pane say the same.
 */

const MS_PER_DAY = 24 * 3600 * 1000;

/**
 * What a format code shows as text rather than a code: quoted text (`"年"`), a character after
 * a backslash (`\d`), after `_` (a space as wide as it) or `*` (repeated to fill), and `[...]`
 * sections (colours, conditions, locales such as `[$-804]`) — except the elapsed-time codes
 * `[h]`, `[mm]`, `[ss]`, which stay (as `h`) to count as time. An unclosed quote runs to the end.
 */
const LITERAL = /"[^"]*(?:"|$)|\\[\s\S]|_[\s\S]|\*[\s\S]|\[[^\]]*\]?/g;
const ELAPSED = /^\[(?:h+|m+|s+)\]$/i;

/**
 * Whether a number format shows a date or time (Excel's rule, roughly): once its literal text
 * is removed, it holds a date or time code — y, m, d, h or s, in either case (`General` holds
 * none). `yyyy-mm-dd`, `m/d/yy`, `[$-804]yyyy"年"m"月"d"日"`, `h:mm`, `[h]:mm:ss` are dates
 * and times; `0`, `0.00%`, `#,##0`, `@`, `"d"0`, `[Red]0` are not.
 *
 * ExcelJS (the command line's reader) decides by a rule of its own, which agrees on the common
 * formats (the tests list them) but not on three rare kinds: it drops the backslashes of a
 * format as it loads it, so `0\d` (a number followed by the letter d) is a date to it; it
 * matches lowercase codes and `M` only, so `YYYY` alone is a number to it; and it removes every
 * `[...]`, so elapsed time alone (`[h]`) is a number to it. There the command line and the pane
 * differ by one warning; the figures are the same.
 */
export function isDateFormat(format: string | null | undefined): boolean {
  if (typeof format !== 'string' || format === '') return false;
  const codes = format.replace(LITERAL, (m) => (ELAPSED.test(m) ? 'h' : ''));
  return /[ymdhs]/i.test(codes);
}

/**
 * A serial number as Excel shows it formatted yyyy-mm-dd (hh:mm when not midnight), in the
 * 1900 date system with its fictitious 1900-02-29 (serial 60; 0 shows 1900-01-00) or the 1904
 * one; null where Excel shows ##### (negative, after 9999).
 */
export function excelDate(serial: number, is1904: boolean): string | null {
  if (!Number.isFinite(serial) || serial < 0) return null;
  let day = Math.floor(serial);
  let minutes = Math.round((serial - day) * 1440);
  if (minutes === 1440) {
    day++;
    minutes = 0;
  }
  const time =
    minutes === 0
      ? ''
      : ` ${String(Math.floor(minutes / 60)).padStart(2, '0')}:${String(minutes % 60).padStart(2, '0')}`;
  if (!is1904 && day === 0) return `1900-01-00${time}`;
  if (!is1904 && day === 60) return `1900-02-29${time}`;
  // Days since 1970-01-01: 1900 serials before the fictitious day count from 1899-12-31.
  const epochDays = is1904 ? day + 1462 - 25569 : day < 60 ? day - 25568 : day - 25569;
  const d = new Date(epochDays * MS_PER_DAY);
  if (Number.isNaN(d.getTime()) || d.getUTCFullYear() > 9999) return null;
  return `${d.toISOString().slice(0, 10)}${time}`;
}
