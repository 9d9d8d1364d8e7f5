import { readFile } from 'node:fs/promises';
import { describe, expect, it } from 'vitest';
import { fold, published } from './helpers/seed-text';
import type { SettingsInput } from '../src/settings/settings';
import { analyzeWorkbook } from '../src/evaluation/analyze';
import { readWorkbookGrids } from '../src/io/xlsx-read';
import { buildNarrative, narrativeText } from '../src/narrative/build';
import type { Fact, Narrative } from '../src/narrative/types';
import { expectGolden } from './helpers/golden';

// How the August writer shortened five names in the volume sentence: a display-alias setting.
const AUGUST_ALIASES: SettingsInput = {
  narrative: {
    aliases: {
      福州市公安局交通警察支队: '市公安局交通警察支队',
      福州市道路运输管理处: '市道路运输管理处',
      福州市高新区管委会: '福州高新区管委会',
      福州市城乡建设委员会: '市城乡建设委员会',
    },
  },
};

async function analysis(file: string, settings: SettingsInput = {}) {
  return analyzeWorkbook(await readWorkbookGrids(await readFile(file)), settings);
}

const august = await analysis('samples/2017-08.xlsx');
const july = await analysis('samples/2017-07.xlsx');
const alone = buildNarrative(august);
const withJuly = buildNarrative(august, july);
const text = fold(narrativeText(alone));

function fact<K extends Fact['kind']>(
  n: Narrative,
  kind: K,
  where: Partial<Fact> = {},
): Extract<Fact, { kind: K }> {
  const all = n.sections.flatMap((s) => s.paragraphs.flatMap((p) => p.facts));
  const found = all.filter(
    (f) =>
      f.kind === kind &&
      Object.entries(where).every(([k, v]) => (f as Record<string, unknown>)[k] === v),
  );
  expect(found, `${kind} ${JSON.stringify(where)}`).toHaveLength(1);
  return found[0] as Extract<Fact, { kind: K }>;
}
const names = (xs: readonly { name: string }[]) => xs.map((x) => x.name);
const values = (xs: readonly { name: string; value: number }[]) =>
  xs.map((x) => [x.name, x.value / 100]);

describe('the August 2017 sentences, regenerated from the tables', () => {
  it('数字城管 综合指标值: the 8 units tied at 100 and the bottom three, word for word', () => {
    expect(text).toContain(published('办理较好的单位是', '；排名后三位'));
    expect(text).toContain(published('排名后三位的单位是', '；较上月'));
    const best = fact(alone, 'best', { measure: '综合指标值' });
    expect([best.count, best.value]).toEqual([8, 10000]);
  });

  it('数字城管 按期结案率: the bottom three, word for word', () => {
    expect(text).toContain(published('排名后三位的市直单位是', '；较上月'));
  });

  it('五城区 and 七县(市): best and last, with values', () => {
    const range = (measure: '综合指标值' | '按期结案率', group: '五城区' | '七县(市)') => {
      const f = fact(alone, 'groupRange', { measure, group });
      return [values(f.best), values(f.worst)];
    };
    expect(range('综合指标值', '五城区')).toEqual([[['台江区', 98.88]], [['马尾区', 93.81]]]);
    expect(range('综合指标值', '七县(市)')).toEqual([[['连江县', 99.96]], [['闽侯县', 94.46]]]);
    expect(range('按期结案率', '五城区')).toEqual([[['台江区', 97.84]], [['马尾区', 85.63]]]);
    // The bulletin's text says 闽侯县(95.13%), its own table 85.13 (1225 / 1439): the table wins.
    expect(range('按期结案率', '七县(市)')).toEqual([[['连江县', 99.91]], [['闽侯县', 85.13]]]);
    expect(text).toContain(
      '五城区中综合指标值较好的为台江区（98.88分），排名最后一位的是马尾区（93.81分）',
    );
  });

  it('12345 volume: the five 市直 units and the three districts, 10.26% and 36.96%', async () => {
    const aliased = fold(
      narrativeText(buildNarrative(await analysis('samples/2017-08.xlsx', AUGUST_ALIASES))),
    );
    expect(aliased).toContain(published('办理数量较多的市直单位为', '。'));
    expect(text).toContain(published('诉求件办理数量较多的县（市）区为', '。'));
    expect(fact(alone, 'volume', { scope: 'departments' }).share).toBe(1026);
    expect(fact(alone, 'volume', { scope: 'districts' }).share).toBe(3696);
    expect(fact(alone, 'volume', { scope: 'districts' }).total).toBe(47249);
  });

  it('12345 satisfaction: 等90家单位 at 100% and the three lowest, word for word', () => {
    expect(text).toContain(published('等 90 家单位', '。'));
    const best = fact(alone, 'satisfactionBest', { scope: 'departments' });
    expect([best.count, best.value]).toEqual([90, 10000]);
    const districts = fact(alone, 'satisfactionBottom', { scope: 'districts' });
    expect(values(districts.units)).toEqual([
      ['罗源县', 99.66],
      ['晋安区', 99.7], // the bulletin lists 长乐市 before 晋安区 at the same 99.70%; ties go in table order
      ['长乐市', 99.7],
    ]);
    expect(names(fact(alone, 'satisfactionBest', { scope: 'districts' }).named)).toEqual([
      '永泰县',
      '闽清县',
    ]);
  });

  it('12345 transfers: all 100%, the three busiest at 82.16%, word for word', () => {
    expect(text).toContain(published('各单位的 12345 平台诉求转接电话', '。'));
    expect(text).toContain(published('其中，受理量较多的单位是', '。'));
  });

  it('reads as the golden file', async () => {
    await expectGolden('narrative-2017-08.txt', narrativeText(alone) + '\n');
  });
});

describe('with last month (samples/2017-07.xlsx, laid out one table per sheet, counts only)', () => {
  const withText = fold(narrativeText(withJuly));

  it('writes the bulletin’s month-over-month sentences word for word', () => {
    expect(withText).toContain(published('较上月进步较大的市直单位是', '。'));
    expect(withText).toContain(published('本月晋安区综合指标值较上月有所上升', '；'));
    expect(withText).toContain(
      published('七县(市)中福清市、连江县、永泰县综合指标值较上月均有所提升', ','),
    );
    expect(withText).toContain(published('较上月进步较大的前三位市直单位是', '。'));
    expect(withText).toContain(published('本月晋安区按期结案率有所上升', ';'));
    expect(withText).toContain(
      published('七县(市)中福清市、连江县、永泰县按期结案率较上月均有所提升', ','),
    );
  });

  it('reports the units last month’s workbook does not have', () => {
    expect(withJuly.comparison).toMatchObject({
      previousPeriod: { year: 2017, month: 7 },
      matched: 50,
      goneUnits: [],
    });
    expect(withJuly.comparison!.newUnits.map((u) => u.name)).toEqual([
      '市渣土办',
      '市交通综合执法支队',
      '市闽江下游管理处',
    ]);
  });

  it('reads as the golden file', async () => {
    await expectGolden('narrative-2017-08-vs-07.txt', narrativeText(withJuly) + '\n');
  });
});
