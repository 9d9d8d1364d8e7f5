import { describe, expect, it } from 'vitest';
import { SettingsError } from '../src/core/errors';
import { DEFAULT_SETTINGS, resolveSettings } from '../src/settings/settings';
import { analyzeWorkbook } from '../src/evaluation/analyze';
import { scaledToNumber } from '../src/core/fixed';
import { zhCN } from '../src/i18n/catalog';

const HEADER = ['区政府', '应处置数', '处置数', '返工数', '应结案数', '结案数', '按期结案数'];
// 连江县政府, August 2017: published 99.96 (A).
const grid = [
  {
    name: 'S',
    values: [
      ['(二) 各县(市)政府综合评价表'],
      HEADER,
      ['连江县政府', 1053, 1053, 0, 1053, 1052, 1052],
    ],
  },
];

function indexWith(settings: Parameters<typeof resolveSettings>[0]) {
  const u = analyzeWorkbook(grid, settings).units[0]!;
  const v = u.figures['综合指标值'];
  return typeof v === 'number' ? scaledToNumber(v, 2) : null;
}

describe('settings', () => {
  it('default to the bulletin: weights 20/30/50, bands A–E at 90/75/60/40, 2 decimals half-up', () => {
    expect(resolveSettings()).toEqual(DEFAULT_SETTINGS);
    expect(indexWith({})).toBe(99.96);
  });

  it('change the figures when a city uses other weights', () => {
    // 99.91×0.4 + 99.91×0.4 + 100×0.2 = 99.928 → 99.93
    expect(indexWith({ evaluation: { weights: { closed: 0.4, onTime: 0.4, rework: 0.2 } } })).toBe(
      99.93,
    );
  });

  it('change the grades with other bands', () => {
    const u = analyzeWorkbook(grid, {
      evaluation: {
        bands: [
          { grade: '优', min: 99.97 },
          { grade: '良', min: 0 },
        ],
      },
    }).units[0]!;
    expect(u.figures.评价等级).toBe('良');
  });

  it.each([
    [{ evaluation: { weights: { closed: 0.3 } } }, 'evaluation.weights'],
    [{ evaluation: { weights: { rework: -0.1, closed: 0.8 } } }, 'evaluation.weights.rework'],
    [{ evaluation: { weights: { rework: 0.33333 } } }, 'evaluation.weights.rework'],
    [{ evaluation: { decimals: 7 } }, 'evaluation.decimals'],
    [{ evaluation: { rounding: 'up' as never } }, 'evaluation.rounding'],
    [{ evaluation: { bands: [] } }, 'evaluation.bands'],
    [
      {
        evaluation: {
          bands: [
            { grade: 'A', min: 90 },
            { grade: 'B', min: 95 },
            { grade: 'E', min: 0 },
          ],
        },
      },
      'evaluation.bands[1].min',
    ],
    [
      {
        evaluation: {
          bands: [
            { grade: 'A', min: 90 },
            { grade: 'A', min: 0 },
          ],
        },
      },
      'evaluation.bands[1].grade',
    ],
    [
      {
        evaluation: {
          bands: [
            { grade: 'A', min: 90 },
            { grade: 'B', min: 10 },
          ],
        },
      },
      'evaluation.bands[1].min',
    ],
    [
      { evaluation: { denominators: { rework: '返工数' as never } } },
      'evaluation.denominators.rework',
    ],
  ])('reject %j naming %s', (input, path) => {
    expect(() => resolveSettings(input)).toThrow(SettingsError);
    try {
      resolveSettings(input);
    } catch (e) {
      expect((e as SettingsError).path).toBe(path);
    }
  });
});

describe('a settings file is unknown JSON, checked at every level', () => {
  const refused = (input: unknown): SettingsError => {
    try {
      resolveSettings(input as never);
    } catch (e) {
      if (e instanceof SettingsError) return e;
      throw e;
    }
    throw new Error(`accepted ${JSON.stringify(input)}`);
  };

  it.each([
    [{ narrative: { hotline: 'x' } }, 'narrative.hotline', 'object'],
    [{ narrative: 'x' }, 'narrative', 'object'],
    [[], '(root)', 'object'],
    [null, '(root)', 'object'],
    [{ evaluation: { weigths: { closed: 0.2 } } }, 'evaluation.weigths', 'unknownKey'],
    [{ report: { fonts: { body: '仿宋' } } }, 'report.fonts.body', 'fontList'],
    [{ evaluation: { bands: ['A'] } }, 'evaluation.bands[0]', 'object'],
    [
      { evaluation: { bands: [{ grade: 'A', min: 0, max: 100 }] } },
      'evaluation.bands[0].max',
      'unknownKey',
    ],
    [{ evaluation: { decimals: '2' } }, 'evaluation.decimals', 'integer'],
    [{ narrative: { aliases: { 市建委: '' } } }, 'narrative.aliases', 'aliases'],
    [{ report: { issuer: 5 } }, 'report.issuer', 'text'],
    [{ report: { issuer: '  ' } }, 'report.issuer', 'nonEmpty'],
    [{ evaluation: { decimals: null } }, 'evaluation.decimals', 'notNull'],
    [{ evaluation: { bands: null } }, 'evaluation.bands', 'notNull'],
    [{ narrative: { hotline: null } }, 'narrative.hotline', 'notNull'],
  ])('refuses %j at %s', (input, path, kind) => {
    const e = refused(input);
    expect(e.path).toBe(path);
    expect(e.rule.kind).toBe(kind);
  });

  it('takes null where null means “none” (no title override, no date)', () => {
    const s = resolveSettings({ report: { title: null, date: null } });
    expect([s.report.title, s.report.date]).toEqual([null, null]);
  });

  it('accepts any unit name as an alias key, even one that is a JavaScript property name', () => {
    const s = resolveSettings(
      JSON.parse('{"narrative":{"aliases":{"constructor":"甲","toString":"乙"}}}') as never,
    );
    expect(s.narrative.aliases).toEqual({ constructor: '甲', toString: '乙' });
  });

  it('says in Chinese which field is wrong and what it must be', () => {
    const say = (input: unknown) => {
      const e = refused(input);
      return zhCN.settings.problem(e.path, e.rule);
    };
    expect(say({ evaluation: { weights: { closed: 0.3 } } })).toBe(
      '综合指标值权重：结案率、按期结案率和（1−返工率）三项权重之和应为 100%',
    );
    expect(say({ evaluation: { rounding: 'up' } })).toBe(
      '舍入方式：应为以下之一：四舍五入、四舍六入五成双',
    );
    expect(
      say({
        evaluation: {
          bands: [
            { grade: 'A', min: 90 },
            { grade: 'B', min: 95 },
            { grade: 'E', min: 0 },
          ],
        },
      }),
    ).toBe('第2级的最低分：等级应从高到低排列，最低分依次递减');
    expect(say({ narrative: { bottomCount: 99 } })).toBe('排名后几位：应为 0 到 50 之间的整数');
    expect(say({ evaluation: { weigths: {} } })).toBe('“evaluation.weigths”：不是可识别的设置项');
  });
});
