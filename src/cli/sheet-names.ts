import JSZip from 'jszip';

/** Why ExcelJS refuses a sheet name that Excel or another tool wrote. */
export type SheetNameProblem = 'tooLong' | 'reserved' | 'characters' | 'quote';

const ENTITIES: Readonly<Record<string, string>> = {
  amp: '&',
  lt: '<',
  gt: '>',
  quot: '"',
  apos: "'",
};

function unescapeXml(s: string): string {
  return s.replace(/&(#x[0-9a-f]+|#\d+|\w+);/gi, (all, e: string) => {
    if (e[0] === '#')
      return String.fromCodePoint(
        e[1] === 'x' || e[1] === 'X' ? parseInt(e.slice(2), 16) : +e.slice(1),
      );
    return ENTITIES[e] ?? all;
  });
}

/**
 * The first sheet name of an .xlsx that ExcelJS cannot load — the rules of its Worksheet
 * name setter: "History" reserved, more than 31 characters (it truncates the name, then
 * trips over its own copy: “Worksheet name already exists”), * ? : / \ [ ], a quote at
 * either end. Null when the names are not the problem (or the file is no zip).
 */
export async function sheetNameProblem(
  bytes: Uint8Array,
): Promise<{ name: string; problem: SheetNameProblem } | null> {
  const zip = await JSZip.loadAsync(bytes).catch(() => null);
  const xml = await zip
    ?.file('xl/workbook.xml')
    ?.async('string')
    .catch(() => null);
  if (!xml) return null;
  for (const m of xml.matchAll(/<(?:\w+:)?sheet\b[^>]*?\sname=(?:"([^"]*)"|'([^']*)')/g)) {
    const name = unescapeXml(m[1] ?? m[2] ?? '');
    if (name === 'History') return { name, problem: 'reserved' };
    if (/[*?:/\\[\]]/.test(name)) return { name, problem: 'characters' };
    if (/(^')|('$)/.test(name)) return { name, problem: 'quote' };
    if (name.length > 31) return { name, problem: 'tooLong' };
  }
  return null;
}
