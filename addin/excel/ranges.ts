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

/** Bytes a row of a block takes in a request: its values and formats as JSON. */
function rowBytes(block: ValueBlock, r: number): number {
  return (
    utf8Length(JSON.stringify(block.values[r])) +
    utf8Length(JSON.stringify(block.numberFormat[r])) +
    2
  );
}

/** Bytes the whole block takes in a request (an estimate; the host has the last word). */
export function blockBytes(block: ValueBlock): number {
  let n = 0;
  for (let r = 0; r < block.values.length; r++) n += rowBytes(block, r);
  return n;
}

/** Rows [start, end) of a block, as a block of its own. */
export function sliceRows(block: ValueBlock, start: number, end: number): ValueBlock {
  return {
    row: block.row + start,
    col: block.col,
    rows: end - start,
    cols: block.cols,
    values: block.values.slice(start, end),
    numberFormat: block.numberFormat.slice(start, end),
  };
}

/** The block in two halves by rows, or null for a single row (it cannot be split). */
export function halveRows(block: ValueBlock): readonly [ValueBlock, ValueBlock] | null {
  if (block.rows <= 1) return null;
  const mid = Math.ceil(block.rows / 2);
  return [sliceRows(block, 0, mid), sliceRows(block, mid, block.rows)];
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
    out.push({ bytes, block: sliceRows(block, start, end) });
    start = end;
    bytes = 0;
  };
  for (let r = 0; r < block.values.length; r++) {
    const n = rowBytes(block, r);
    if (bytes > 0 && bytes + n > budget) flush(r);
    bytes += n;
  }
  flush(block.values.length);
  return out;
}
