import type { CellValue } from '../src/core/grid';
import { BULLETIN_COLUMNS, printedHeader } from '../src/tables/columns';

const HEADER: CellValue[] = [
  '主管(责任)单位',
  '',
  ...BULLETIN_COLUMNS.map((f) => printedHeader(f)),
];

/** A deterministic pseudo-random sequence (no Math.random: runs must be comparable). */
function lcg(seed: number): () => number {
  let s = seed >>> 0;
  return () => {
    s = (Math.imul(s, 1664525) + 1013904223) >>> 0;
    return s / 2 ** 32;
  };
}

/**
 * `units` units in tables of `perTable` rows, laid out like the staff sheets: a title row, a
 * two-column name header, parents with merged 下属单位 children, printed figures (blank here:
 * the sheets exported by the system lack them about as often as not).
 */
export function generateGrid(units: number, perTable = 1000): CellValue[][] {
  const rand = lcg(42);
  const rows: CellValue[][] = [];
  const counts = () => {
    const due = 1 + Math.floor(rand() * 5000);
    const disposed = Math.floor(due * (0.9 + rand() * 0.1));
    const rework = Math.floor(disposed * rand() * 0.05);
    const toClose = Math.max(1, disposed);
    const closed = Math.floor(toClose * (0.9 + rand() * 0.1));
    const onTime = Math.floor(closed * (0.8 + rand() * 0.2));
    return [due, disposed, 0, 0, rework, toClose, closed, onTime];
  };
  const line = (a: string, b: string, c: number[]): CellValue[] => [
    a,
    b,
    c[0]!,
    c[1]!,
    c[2]!,
    c[3]!,
    c[4]!,
    '',
    c[5]!,
    c[6]!,
    '',
    c[7]!,
    '',
    '',
    '',
  ];
  let made = 0;
  let table = 0;
  while (made < units) {
    rows.push([`(${++table}) 市直单位综合评价表`]);
    rows.push(HEADER);
    // Blocks of a parent and three 下属单位 whose counts add up to the parent's.
    for (let i = 0; i < perTable && made < units; i += 4) {
      const children = [counts(), counts(), counts()].slice(
        0,
        Math.max(0, Math.min(3, units - made - 1)),
      );
      const parent =
        children.length > 0 ? children.reduce((s, c) => s.map((v, k) => v + c[k]!)) : counts();
      rows.push(line(`单位${made++}`, '', parent));
      children.forEach((c, k) => rows.push(line(k === 0 ? '下属单位' : '', `下属${made++}`, c)));
    }
  }
  return rows;
}
