import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import type { CellValue, MergedArea, SheetGrid } from '../src/core/grid';
import { analyzeWorkbook } from '../src/evaluation/analyze';
import { buildNarrative } from '../src/narrative/build';
import { toEvaluationJson } from '../src/report/json';
import { COUNT_FIELDS } from '../src/tables/columns';
import { COUNT_HEADER } from './helpers/grid';

const WORDS = [
  ...COUNT_FIELDS,
  '返工率 (%)',
  '结案率（%）',
  '按期结案率(%)',
  '综合指标值',
  '评价等级',
  '综合指标值（复核）',
  '区政府',
  '主管(责任)单位',
  '处置责任单位',
  '下属单位',
  '下属单位：本局',
  '其中：',
  '本月无应处置案件',
  '备注：',
  '说明：1)',
  '(一) 各区政府综合评价表',
  '各县(市)政府综合评价表',
  '市属企业',
  '2017年8月份',
  'A',
  'E',
  '#DIV/0!',
  '=SUM(A1:A3)',
  '1,053',
  '１２',
  ' 7 ',
  '-3',
  '3.5',
  '1e400',
  '98.5%',
];

const cell: fc.Arbitrary<CellValue> = fc.oneof(
  fc.constantFrom(...WORDS),
  fc.integer({ min: -5, max: 2000 }),
  fc.double({ noDefaultInfinity: false, noNaN: false }),
  fc.constantFrom(null, '', true, false, 0, -0, Number.MAX_SAFE_INTEGER, 1e12),
  fc.string({ maxLength: 6 }),
);

const NAMES = [
  '台江区政府',
  '市公安局',
  '下属单位',
  '',
  ' 本局 ',
  '备注：无',
  '本月无应处置案件',
  '2) 说明',
];
const HEADERS = [
  [
    '区政府',
    ...COUNT_HEADER,
    '返工率(%)',
    '结案率（%）',
    '按期结案率 (%)',
    '综合指标值',
    '评价等级',
  ],
  ['主管(责任)单位', '', ...COUNT_HEADER],
  ['处置责任单位', ...COUNT_HEADER.filter((h) => h !== '按期结案数')],
];

/** A real header somewhere, then rows of hostile figures: most runs do find a table. */
const tableish = fc
  .tuple(
    fc.nat(3),
    fc.nat(3),
    fc.constantFrom(...HEADERS),
    fc.array(fc.tuple(fc.constantFrom(...NAMES), fc.array(cell, { minLength: 8, maxLength: 15 })), {
      maxLength: 12,
    }),
  )
  .map(([top, left, header, rows]) => [
    ...Array.from({ length: top }, () => [] as CellValue[]),
    [...Array<CellValue>(left).fill(''), ...header],
    ...rows.map(([name, cells]) => [...Array<CellValue>(left).fill(''), name, ...cells]),
  ]);

const grid = fc
  .oneof(fc.array(fc.array(cell, { maxLength: 16 }), { maxLength: 30 }), tableish, tableish)
  .chain((values) => {
    const rows = values.length;
    const cols = Math.max(1, ...values.map((r) => r.length));
    const merge: fc.Arbitrary<MergedArea> = fc
      .tuple(fc.nat(Math.max(0, rows - 1)), fc.nat(cols - 1), fc.nat(3), fc.nat(3))
      .map(([top, left, h, w]) => ({ top, left, bottom: top + h, right: left + w }));
    return fc.record({ values: fc.constant(values), merges: fc.array(merge, { maxLength: 4 }) });
  });

function finiteEverywhere(v: unknown): boolean {
  if (typeof v === 'number') return Number.isFinite(v);
  if (Array.isArray(v)) return v.every(finiteEverywhere);
  if (v && typeof v === 'object') return Object.values(v).every(finiteEverywhere);
  return true;
}

describe('random and hostile grids', () => {
  it('never throw, never yield NaN, and every unit is evaluated or named in a diagnostic', () => {
    let withUnits = 0;
    fc.assert(
      fc.property(fc.array(grid, { minLength: 1, maxLength: 3 }), (sheets) => {
        const input: SheetGrid[] = sheets.map((s, i) => ({ name: `S${i}`, ...s }));
        const analysis = analyzeWorkbook(input);
        // The narrative must survive whatever the engine made of the grid, against itself as last month too.
        const narrative = buildNarrative(analysis, analysis);
        for (const s of narrative.sections) {
          for (const p of s.paragraphs) expect(p.text).not.toMatch(/NaN|undefined|null|Infinity/);
        }
        const out = toEvaluationJson(analysis);
        const { units, diagnostics, discrepancies } = out;
        if (units.length > 0) withUnits++;
        // Figures the user sees must be finite numbers (printed cells are echoed as they are).
        expect(finiteEverywhere(units)).toBe(true);
        expect(finiteEverywhere(discrepancies.map((d) => d.recomputed))).toBe(true);
        for (const u of units) {
          if (u.evaluated) {
            expect(u.figures['综合指标值']).not.toBeNull();
            const closed = u.figures['结案率'] as number;
            const onTime = u.figures['按期结案率'] as number;
            expect(closed >= 0 && closed <= 100).toBe(true);
            expect(onTime >= 0 && onTime <= closed).toBe(true);
            continue;
          }
          const named = diagnostics.some(
            (d) =>
              d.sheet === u.sheet &&
              (Number(/\d+$/.exec(d.cell)![0]) === u.row ||
                d.code === 'missingColumns' ||
                d.code === 'figuresUnavailable'),
          );
          expect(named, `${u.sheet} row ${u.row} (${u.reason})`).toBe(true);
        }
      }),
      { numRuns: 400 },
    );
    // The property must have been exercised on tables, not only on noise.
    expect(withUnits).toBeGreaterThan(200);
  });
});

// An independent oracle in BigInt rationals: rates rounded half-up to hundredths of a percent,
// the index from the rounded rates, rounded half-up.
function oracle(c: bigint[]): { rework: bigint; closed: bigint; onTime: bigint; index: bigint } {
  const [, disposed, , , rework, due, closed, onTime] = c as [
    bigint,
    bigint,
    bigint,
    bigint,
    bigint,
    bigint,
    bigint,
    bigint,
  ];
  const rate = (n: bigint, d: bigint) => (2n * n * 10000n + d) / (2n * d);
  const r = disposed === 0n ? 0n : rate(rework, disposed);
  const cl = rate(closed, due);
  const ot = rate(onTime, due);
  const reworkTerm = disposed === 0n ? 0n : (10000n - r) * 50n;
  const sum = cl * 20n + ot * 30n + reworkTerm; // in 1/10000 of a point
  return { rework: r, closed: cl, onTime: ot, index: (2n * sum + 100n) / 200n };
}

describe('exactness on random valid counts', () => {
  const counts = fc
    .tuple(
      fc.integer({ min: 1, max: 1_000_000_000 }),
      fc.double({ min: 0, max: 1, noNaN: true }),
      fc.double({ min: 0, max: 1, noNaN: true }),
      fc.double({ min: 0, max: 1, noNaN: true }),
      fc.double({ min: 0, max: 1, noNaN: true }),
      fc.double({ min: 0, max: 1, noNaN: true }),
    )
    .map(([due0, a, b, c, d, e]) => {
      const shouldDispose = due0;
      const disposed = Math.floor(shouldDispose * a);
      const rework = Math.floor(disposed * b);
      const due = Math.max(1, Math.floor(shouldDispose * c));
      const closed = Math.floor(due * d);
      const onTime = Math.floor(closed * e);
      return [shouldDispose, disposed, 0, 0, rework, due, closed, onTime];
    });

  it('match a BigInt oracle to the hundredth', () => {
    fc.assert(
      fc.property(fc.array(counts, { minLength: 1, maxLength: 20 }), (rows) => {
        const values = [['区政府', ...COUNT_HEADER], ...rows.map((r, i) => [`单位${i}`, ...r])];
        const out = toEvaluationJson(analyzeWorkbook([{ name: '各区', values }]));
        rows.forEach((r, i) => {
          const u = out.units[i]!;
          const o = oracle(r.map(BigInt));
          expect(u.evaluated).toBe(true);
          const f = u.figures as Record<string, number>;
          expect(Math.round(f['返工率']! * 100)).toBe(Number(o.rework));
          expect(Math.round(f['结案率']! * 100)).toBe(Number(o.closed));
          expect(Math.round(f['按期结案率']! * 100)).toBe(Number(o.onTime));
          expect(Math.round(f['综合指标值']! * 100)).toBe(Number(o.index));
          expect(String(u.figures['综合指标值'])).toMatch(/^\d+(\.\d{1,2})?$/);
        });
      }),
      { numRuns: 300 },
    );
  });
});
