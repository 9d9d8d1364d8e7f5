import { describe, expect, it } from 'vitest';
import { SettingsError } from '../src/core/errors';
import { DEFAULT_SETTINGS, resolveSettings } from '../src/settings/settings';
import { zhCN } from '../src/i18n/catalog';

/**
 * A settings file is unknown JSON (typed by hand, exported by another version, edited in a
 * text editor): every level is checked and a wrong one refused with its path, never silently
 * ignored or half-applied. test/settings.test.ts covers the top levels; these are the levels
 * below: fonts, band entries, alias values, the 12345 lists, the report's texts.
 */
function refused(input: unknown): SettingsError {
  try {
    resolveSettings(JSON.parse(JSON.stringify(input)) as never);
  } catch (e) {
    if (e instanceof SettingsError) return e;
    throw e;
  }
  throw new Error(`accepted ${JSON.stringify(input)}`);
}

describe('settings refused below the top level', () => {
  it.each([
    // report.fonts
    [{ report: { fonts: 'x' } }, 'report.fonts', 'object'],
    [{ report: { fonts: null } }, 'report.fonts', 'notNull'],
    [{ report: { fonts: { bold: ['黑体'] } } }, 'report.fonts.bold', 'unknownKey'],
    [{ report: { fonts: { title: [] } } }, 'report.fonts.title', 'fontList'],
    [{ report: { fonts: { heading1: [''] } } }, 'report.fonts.heading1', 'fontList'],
    // An entry that is not text: named by its place in the list where the engine can say so.
    [{ report: { fonts: { heading2: [5] } } }, 'report.fonts.heading2', ['fontList', 'listItem']],
    [{ report: { fonts: { song: { name: '宋体' } } } }, 'report.fonts.song', 'fontList'],
    [{ report: { fonts: { latin: ['Arial'] } } }, 'report.fonts.latin', 'fontName'],
    [{ report: { fonts: { latin: ' ' } } }, 'report.fonts.latin', 'fontName'],
    // evaluation.bands entries
    [{ evaluation: { bands: 'A' } }, 'evaluation.bands', 'bandsList'],
    [{ evaluation: { bands: [null] } }, 'evaluation.bands[0]', 'object'],
    [{ evaluation: { bands: [{ grade: 1, min: 0 }] } }, 'evaluation.bands[0].grade', 'bandGrade'],
    [{ evaluation: { bands: [{ grade: ' ', min: 0 }] } }, 'evaluation.bands[0].grade', 'bandGrade'],
    [{ evaluation: { bands: [{ grade: 'A' }] } }, 'evaluation.bands[0].min', 'bandMin'],
    [{ evaluation: { bands: [{ grade: 'A', min: '0' }] } }, 'evaluation.bands[0].min', 'bandMin'],
    [
      {
        evaluation: {
          bands: [
            { grade: 'A', min: 101 },
            { grade: 'E', min: 0 },
          ],
        },
      },
      'evaluation.bands[0].min',
      'bandMin',
    ],
    [
      // 89.95 cannot be reached by an index rounded to one place.
      {
        evaluation: {
          decimals: 1,
          bands: [
            { grade: 'A', min: 89.95 },
            { grade: 'E', min: 0 },
          ],
        },
      },
      'evaluation.bands[0].min',
      'bandMin',
    ],
    [
      {
        evaluation: {
          bands: [
            { grade: 'A', min: 90 },
            { grade: 'E', min: 0, label: '差' },
          ],
        },
      },
      'evaluation.bands[1].label',
      'unknownKey',
    ],
    // narrative.aliases values and shape
    [{ narrative: { aliases: [] } }, 'narrative.aliases', 'object'],
    [{ narrative: { aliases: '市建委' } }, 'narrative.aliases', 'object'],
    [{ narrative: { aliases: { 市建委: 5 } } }, 'narrative.aliases', 'aliases'],
    [{ narrative: { aliases: { 市建委: null } } }, 'narrative.aliases', 'aliases'],
    [{ narrative: { aliases: { 市建委: { to: '建委' } } } }, 'narrative.aliases', 'aliases'],
    [{ narrative: { aliases: { 市建委: '  ' } } }, 'narrative.aliases', 'aliases'],
    // narrative.hotline
    [{ narrative: { hotline: { leftOut: '中心' } } }, 'narrative.hotline.leftOut', 'nameList'],
    [
      { narrative: { hotline: { leftOut: [1] } } },
      'narrative.hotline.leftOut',
      ['nameList', 'listItem'],
    ],
    [
      { narrative: { hotline: { topDepartment: 5 } } },
      'narrative.hotline.topDepartment',
      'unknownKey',
    ],
    [{ narrative: { hotline: { topDistricts: -1 } } }, 'narrative.hotline.topDistricts', 'integer'],
    [
      { narrative: { hotline: { topTransfers: 2.5 } } },
      'narrative.hotline.topTransfers',
      'integer',
    ],
    // narrative rules
    [{ narrative: { namedInTies: 0 } }, 'narrative.namedInTies', 'integer'],
    [{ narrative: { improvedCount: '3' } }, 'narrative.improvedCount', 'integer'],
    [{ narrative: { tiesAtCutoff: 'all' } }, 'narrative.tiesAtCutoff', 'oneOf'],
    [{ narrative: { rateChange: 'points' } }, 'narrative.rateChange', 'oneOf'],
    // evaluation objects and rules
    [{ evaluation: { weights: 'x' } }, 'evaluation.weights', 'object'],
    [
      { evaluation: { denominators: { closed: null } } },
      'evaluation.denominators.closed',
      'notNull',
    ],
    [
      { evaluation: { denominators: { index: '处置数' } } },
      'evaluation.denominators.index',
      'unknownKey',
    ],
    [
      { evaluation: { reworkTermWhenNoneDisposed: 'none' } },
      'evaluation.reworkTermWhenNoneDisposed',
      'oneOf',
    ],
    // report texts
    [{ report: { recipients: null } }, 'report.recipients', 'notNull'],
    [{ report: { title: '' } }, 'report.title', 'textOrNull'],
    [{ report: { date: 20170925 } }, 'report.date', 'textOrNull'],
    [{ report: { issuers: 'x' } }, 'report.issuers', 'unknownKey'],
    // a key that is an Object.prototype name is still an unknown key
    [
      JSON.parse('{"evaluation":{"__proto__":{"decimals":1}}}') as unknown,
      'evaluation.__proto__',
      'unknownKey',
    ],
    [{ report: { constructor: 'x' } }, 'report.constructor', 'unknownKey'],
  ] as [unknown, string, string | string[]][])('refuses %j at %s (%s)', (input, path, kind) => {
    const e = refused(input);
    expect(e.path).toBe(path);
    expect(typeof kind === 'string' ? [kind] : kind).toContain(e.rule.kind);
    // …and says so in Chinese, naming the field.
    const message = zhCN.settings.problem(e.path, e.rule);
    expect(message).toMatch(/[\u4e00-\u9fff]/);
  });

  it('a refused file changes nothing: the next resolve still gives the defaults', () => {
    refused({ report: { fonts: { body: [] } }, narrative: { bottomCount: 2 } });
    expect(resolveSettings()).toEqual(DEFAULT_SETTINGS);
  });

  it('a partial fonts object keeps the other roles’ defaults', () => {
    const s = resolveSettings({ report: { fonts: { body: ['仿宋'] } } });
    expect(s.report.fonts).toEqual({ ...DEFAULT_SETTINGS.report.fonts, body: ['仿宋'] });
  });
});
