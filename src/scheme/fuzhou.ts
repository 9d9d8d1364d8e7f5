import type { EvaluationSettings } from './evaluation-settings';
import type { SchemeInput } from './scheme';

export const FUZHOU_ID = 'fuzhou-2017';

/** The bulletin's own parameters: the default `settings.evaluation`. */
export const FUZHOU_EVALUATION: EvaluationSettings = {
  decimals: 2,
  rounding: 'halfUp',
  weights: { closed: 0.2, onTime: 0.3, rework: 0.5 },
  denominators: { rework: '处置数', closed: '应结案数', onTime: '应结案数' },
  reworkTermWhenNoneDisposed: 'zero',
  bands: [
    { grade: 'A', min: 90 },
    { grade: 'B', min: 75 },
    { grade: 'C', min: 60 },
    { grade: 'D', min: 40 },
    { grade: 'E', min: 0 },
  ],
};

/**
 * Fuzhou's 2017 scheme (说明 2–5 of the bulletin), built from the evaluation settings so the
 * weights, denominators, zero rule, decimals, rounding and bands the 设置 dialog edits keep
 * working. With the default settings it equals `presets/fuzhou-2017.json` (a test checks).
 */
export function fuzhouScheme(e: EvaluationSettings): SchemeInput {
  return {
    id: FUZHOU_ID,
    name: '福州 2017（默认）',
    decimals: e.decimals,
    rounding: e.rounding,
    counts: [
      { key: '应处置数', headers: ['应处置案件数'] },
      { key: '处置数', headers: ['已处置数'] },
      '超期未处置数',
      '超期处置数',
      '返工数',
      '应结案数',
      '结案数',
      '按期结案数',
    ],
    figures: [
      {
        kind: 'rate',
        key: '返工率',
        numerator: '返工数',
        denominator: e.denominators.rework,
        whenZero: 'zero',
      },
      { kind: 'rate', key: '结案率', numerator: '结案数', denominator: e.denominators.closed },
      {
        kind: 'rate',
        key: '按期结案率',
        numerator: '按期结案数',
        denominator: e.denominators.onTime,
      },
      {
        kind: 'index',
        key: '综合指标值',
        headers: ['综合指标', '综合分值'],
        requires: ['应处置数', '应结案数'],
        terms: [
          { figure: '结案率', weight: e.weights.closed },
          { figure: '按期结案率', weight: e.weights.onTime },
          {
            figure: '返工率',
            weight: e.weights.rework,
            complement: true,
            whenZeroDenominator: e.reworkTermWhenNoneDisposed === 'zero' ? 'zero' : 'asValue',
          },
        ],
      },
      { kind: 'grade', key: '评价等级', headers: ['等级'], from: '综合指标值', bands: e.bands },
    ],
    checks: [
      { value: '处置数', limit: '应处置数' },
      { value: '结案数', limit: '应结案数' },
      { value: '按期结案数', limit: '结案数' },
    ],
    groups: [
      { pattern: '县\\(市\\)|七县|各县', group: '七县(市)' },
      { pattern: '区政府|五城区', group: '五城区' },
      { pattern: '市直|企业|省属|市属', group: '市直单位' },
    ],
    measures: [
      { figure: '综合指标值', unit: '分', valueName: '综合分值' },
      { figure: '按期结案率', unit: '%' },
    ],
  };
}
