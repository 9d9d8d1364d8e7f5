import type { ValueBlock } from '../../src/plan/write-plan';

/** Bytes of a string in UTF-8, without encoding it. */
export function utf8Length(s: string): number {
  let n = 0;
  for (let i = 0; i < s.length; i++) {
    const c = s.charCodeAt(i);
    if (c < 0x80) n += 1;
    else if (c < 0x800) n += 2;
    else if (c >= 0xd800 && c <= 0xdbff) {
      n += 4;
      i++;
    } else n += 3;
  }
  return n;
}

/**
 * Cut a block into runs of whole rows whose serialised values and formats stay under
 * `budget` bytes each, so that no request exceeds the host's limit.
 */
export function splitRows(
  block: ValueBlock,
  budget: number,
): { block: ValueBlock; bytes: number }[] {
  const out: { block: ValueBlock; bytes: number }[] = [];
  let start = 0;
  let bytes = 0;
  const flush = (end: number) => {
    if (end <= start) return;
    out.push({
      bytes,
      block: {
        row: block.row + start,
        col: block.col,
        rows: end - start,
        cols: block.cols,
        values: block.values.slice(start, end),
        numberFormat: block.numberFormat.slice(start, end),
      },
    });
    start = end;
    bytes = 0;
  };
  for (let r = 0; r < block.values.length; r++) {
    const rowBytes =
      utf8Length(JSON.stringify(block.values[r])) +
      utf8Length(JSON.stringify(block.numberFormat[r])) +
      2;
    if (bytes > 0 && bytes + rowBytes > budget) flush(r);
    bytes += rowBytes;
  }
  flush(block.values.length);
  return out;
}
