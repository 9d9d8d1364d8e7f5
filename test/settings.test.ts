import { describe, expect, it } from 'vitest';
import { SettingsError } from '../src/core/errors';
import { DEFAULT_SETTINGS, resolveSettings } from '../src/core/settings';
import { analyzeWorkbook } from '../src/evaluation/analyze';
import { scaledToNumber } from '../src/core/fixed';

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
  return u.scores ? scaledToNumber(u.scores.index, 2) : null;
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
    expect(u.scores?.grade).toBe('良');
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
