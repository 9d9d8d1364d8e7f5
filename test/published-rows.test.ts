import { readFile } from 'node:fs/promises';
import { describe, expect, it } from 'vitest';
import { analyzeWorkbook } from '../src/evaluation/analyze';
import { readWorkbookGrids } from '../src/io/xlsx-read';
import { toEvaluationJson } from '../src/report/json';
import { published, seed } from './helpers/seed';

// The 50 rows of the published August 2017 bulletin, read from the bundled sample workbook
// (laid out as staff keep it) and recomputed. Expected figures are the bulletin's own.
const grids = await readWorkbookGrids(
  await readFile(new URL('../samples/2017-08.xlsx', import.meta.url)),
);
const result = toEvaluationJson(analyzeWorkbook(grids));

function unitFor(row: (typeof seed.evaluation)[number]) {
  const matches = result.units.filter(
    (u) => u.table === row.table && u.name === row.name && u.parent === row.parent,
  );
  expect(matches, `${row.table} / ${row.parent ?? ''} / ${row.name}`).toHaveLength(1);
  return matches[0]!;
}

describe('the 50 published rows of the August 2017 bulletin', () => {
  it('are all found and evaluated', () => {
    expect(seed.evaluation).toHaveLength(50);
    for (const row of seed.evaluation) expect(unitFor(row).evaluated).toBe(true);
    expect(result.units.filter((u) => u.evaluated)).toHaveLength(50);
  });

  it.each(seed.evaluation.map((r) => [`${r.parent ? r.parent + ' / ' : ''}${r.name}`, r] as const))(
    '%s: 综合指标值, 评价等级 and rates as printed',
    (_label, row) => {
      const u = unitFor(row);
      expect(u.figures['综合指标值']).toBe(published(row, '综合指标值'));
      expect(u.figures['评价等级']).toBe(published(row, '评价等级'));
      expect(u.figures.返工率).toBe(published(row, '返工率(%)'));
      expect(u.figures.结案率).toBe(published(row, '结案率(%)'));
      if (row.name === '市自来水有限公司') {
        // Printed 98.5; 66/67 = 98.507… rounds to 98.51. The bulletin's one wrong figure.
        expect(published(row, '按期结案率(%)')).toBe(98.5);
        expect(u.figures.按期结案率).toBe(98.51);
      } else {
        expect(u.figures.按期结案率).toBe(published(row, '按期结案率(%)'));
      }
    },
  );

  it('audits exactly one printed figure: 市自来水有限公司 按期结案率 98.5 → 98.51', () => {
    expect(result.discrepancies).toEqual([
      {
        kind: 'computed',
        sheet: '数字城管综合评价表',
        cell: 'L62',
        unit: '市自来水有限公司',
        parent: null,
        field: '按期结案率',
        printed: 98.5,
        recomputed: 98.51,
      },
    ]);
  });

  it('lists the three 本月无应处置案件 sub-units as not evaluated', () => {
    const idle = result.units
      .filter((u) => u.reason === 'noCases')
      .map((u) => `${u.parent}/${u.name}`);
    expect(idle).toEqual([
      '市城管委/市渣土办',
      '市交通委/市交通综合执法支队',
      '市水利局/市闽江下游管理处',
    ]);
  });

  it('assigns the narrative groups from the table titles', () => {
    const groups = new Map(result.tables.map((t) => [t.title, t.group]));
    expect(Object.fromEntries(groups)).toEqual({
      各区政府综合评价表: '五城区',
      '各县(市)政府综合评价表': '七县(市)',
      市直单位综合评价表: '市直单位',
      在榕中央及省属企业综合评价表: '市直单位',
      市属企业综合评价表: '市直单位',
    });
    expect(result.period).toEqual({ year: 2017, month: 8 });
  });

  it('reports no data problem in the published tables', () => {
    expect(result.diagnostics.filter((d) => d.severity !== 'info')).toEqual([]);
  });
});
