import { describe, expect, it } from 'vitest';
import { analyzeWorkbook } from '../src/evaluation/analyze';
import { auditSummary } from '../src/evaluation/audit-summary';
import { zhCN } from '../src/i18n/catalog';
import { describeDiscrepancy } from '../src/report/describe';
import { COUNT_HEADER, countRow } from './helpers/grid';

/**
 * A 合计 row of an evaluation table is not a unit: each of its counts is checked against the
 * sum of the table's units. 台江区政府 + 马尾区政府 (seed): 应处置数 6949 + 6006 = 12955,
 * 处置数 6901 + 5896 = 12797, 超期未处置数 12 + 87 = 99, 超期处置数 137 + 773 = 910,
 * 返工数 61 + 187 = 248, 应结案数 6913 + 5983 = 12896, 结案数 6901 + 5896 = 12797,
 * 按期结案数 6764 + 5123 = 11887.
 */
const RIGHT = [12955, 12797, 99, 910, 248, 12896, 12797, 11887];

function analyze(total: (number | string)[]) {
  return analyzeWorkbook([
    {
      name: '各区',
      values: [
        ['区政府', ...COUNT_HEADER],
        countRow('台江区政府'),
        countRow('马尾区政府'),
        ['合计', ...total],
      ],
    },
  ]);
}

describe('合计 rows of an evaluation table', () => {
  it('a right one is not flagged, and is not a unit', () => {
    const a = analyze(RIGHT);
    expect(a.units.map((u) => u.name)).toEqual(['台江区政府', '马尾区政府']);
    expect(a.discrepancies).toEqual([]);
  });

  it('a wrong count is flagged with its cell and the units’ sum', () => {
    const wrong = [...RIGHT];
    wrong[5] = 12869; // 应结案数 typed with two digits swapped
    const a = analyze(wrong);
    expect(a.discrepancies).toHaveLength(1);
    expect(a.discrepancies[0]).toMatchObject({
      kind: 'total',
      sheet: '各区',
      cell: 'G4',
      field: '应结案数',
      printed: 12869,
      recomputed: 12896,
    });
    expect(describeDiscrepancy(a.discrepancies[0]!, zhCN, '')).toMatchObject({
      field: '应结案数（各单位之和）',
      unit: '合计',
    });
    expect(zhCN.ui.audit(auditSummary(a))).toContain('合计行与各单位之和不符 1 处');
  });

  it('is left alone where a unit’s count could not be read', () => {
    const a = analyzeWorkbook([
      {
        name: '各区',
        values: [
          ['区政府', ...COUNT_HEADER],
          countRow('台江区政府'),
          ['马尾区政府', 6006, 'x', 87, 773, 187, 5983, 5896, 5123],
          ['合计', ...RIGHT.map((v) => v + 1)],
        ],
      },
    ]);
    // 处置数 cannot be summed (马尾区 reads “x”): only the other seven columns are checked,
    // and each is one more than the sum.
    const fields = a.discrepancies.filter((d) => d.kind === 'total').map((d) => d.field);
    expect(fields).toHaveLength(7);
    expect(fields).not.toContain('处置数');
  });
});

describe('小计 rows and the figures a total row prints', () => {
  it('a 小计 is not checked against the whole table; the rates a total row prints are recomputed from its own counts', () => {
    const header = ['区政府', ...COUNT_HEADER, '按期结案率(%)'];
    const a = analyzeWorkbook([
      {
        name: '各区',
        values: [
          header,
          [...countRow('台江区政府'), 97.84],
          ['小计', ...countRow('台江区政府').slice(1), 97.84],
          [...countRow('马尾区政府'), 85.63],
          ['合计', ...RIGHT, 92.18],
        ],
      },
    ]);
    expect(a.discrepancies).toEqual([]);
    // [issue 16] The two units' 按期结案率 and the 小计's and 合计's, each from its own row's
    // counts (合计: 11887 / 12896 = 92.18%).
    expect(a.checked[0]).toMatchObject({ figures: 4, matched: 4, notChecked: 0 });
    expect(zhCN.ui.audit(auditSummary(a))).not.toContain('未核对');
  });
});

describe('a summary table laid out as columns is not a table of units', () => {
  it('a 系统 column beside 应结案数 | 结案数 | 按期结案数 reads as the summary, not as a unit “数字城管”', () => {
    const a = analyzeWorkbook([
      {
        name: '汇总',
        values: [
          ['系统', '应结案数', '结案数', '按期结案数'],
          ['数字城管', 73373, 72835, 69256],
        ],
      },
    ]);
    expect(a.units).toEqual([]);
  });
});
