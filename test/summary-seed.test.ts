import { readFile } from 'node:fs/promises';
import { describe, expect, it } from 'vitest';
import { fold, published } from './helpers/seed-text';
import { readWorkbookGrids } from '../src/io/xlsx-read';
import {
  CHART_IDS,
  DEFAULT_SUMMARY_SETTINGS,
  readSummary,
  summaryCharts,
  type SummarySection,
  type SummarySectionId,
} from '../src/summary';
import { summaryParagraphs } from '../src/narrative/summary';

const august = readSummary(await readWorkbookGrids(await readFile('samples/2017-08.xlsx')));
const july = readSummary(await readWorkbookGrids(await readFile('samples/2017-07.xlsx')));
const withJuly = summaryParagraphs(august, july, DEFAULT_SUMMARY_SETTINGS);
const alone = summaryParagraphs(august, null, DEFAULT_SUMMARY_SETTINGS);

function section(sections: readonly SummarySection[], id: SummarySectionId): SummarySection {
  const s = sections.find((x) => x.id === id);
  expect(s, id).toBeDefined();
  return s!;
}
const texts = (sections: readonly SummarySection[], id: SummarySectionId) =>
  section(sections, id)
    .paragraphs.filter((p) => !p.editorial)
    .map((p) => fold(p.text));

describe('the August 2017 summary paragraphs, regenerated from the summary tables', () => {
  it('一、基本情况: the whole paragraph, word for word, with July', () => {
    expect(texts(withJuly, 'basic')).toEqual([
      published('8月份，我市12345', '（一）12345平台运行情况'),
    ]);
  });

  it('（一）12345: the intro, word for word but for the editorial “与省平台完成对接”', () => {
    const intro = published('8月份，12345平台', '1.诉求件分类情况');
    const [text] = texts(withJuly, 'hotline-intro');
    // The event of the month is the writer's: the rest of the sentence is the tables'.
    expect(text).toBe(intro.replace('与省平台完成对接，', ''));
    expect(text).toContain(published('本月受理诉求件以投诉', '1.诉求件分类情况'));
  });

  it('1. 诉求件分类情况: the top three, their share, each one’s 环比, word for word', () => {
    const [text] = texts(withJuly, 'hotline-categories');
    expect(text).toBe(published('诉求件受理排名前三位', '城乡建设类诉求件主要集中在'));
  });

  it('the sub-topics under each 类别 are the writer’s: one marked place per named 类别', () => {
    const prompts = section(withJuly, 'hotline-categories')
      .paragraphs.filter((p) => p.editorial)
      .map((p) => p.editorial!.prompt);
    expect(prompts).toHaveLength(3);
    expect(prompts[0]).toContain('城乡建设类');
    for (const id of ['hotline-hotspots', 'city-hotspots', 'cases'] as const) {
      const s = section(withJuly, id);
      expect(s.paragraphs.every((p) => p.editorial && p.text === '')).toBe(true);
    }
    expect(section(withJuly, 'hotline-hotspots').title).toBe('诉求热点');
    expect(section(withJuly, 'city-hotspots').title).toBe('热点问题');
    expect(section(withJuly, 'cases').title).toBe('典型案例');
  });

  it('（二）数字城管: the intro with the three main 大类 of 事件 and 部件, word for word', () => {
    expect(texts(withJuly, 'city-intro')).toEqual([
      published('8月份，数字城管系统事件立案', '1.案件分类情况'),
    ]);
  });

  it('1. 案件分类情况: 事件 and 部件 小类, their share, per area, and the chart line, word for word', () => {
    expect(texts(withJuly, 'city-categories')).toEqual([
      published('事件立案受理主要集中在', '部件立案受理主要集中在'),
      published('部件立案受理主要集中在', '各类案件整体占比'),
      published('各类案件整体占比', '2.案件办理情况'),
    ]);
  });

  it('without last month: the same figures, no 环比 clause and no “较上月” judgement', () => {
    const expected = published('8月份，我市12345', '（一）12345平台运行情况')
      .replace(/，环比(上升|下降)[\d.]+%/g, '')
      .replace(
        '12345平台的群众基本满意度较上月略有下降，数字城管系统的结案率和按期结案率略有提升。',
        '',
      );
    expect(texts(alone, 'basic')).toEqual([expected]);
    const [categories] = texts(alone, 'hotline-categories');
    expect(categories).toBe(
      published('诉求件受理排名前三位', '其中，城乡建设类诉求') +
        published('各类诉求件具体占比', '城乡建设类诉求件主要集中在'),
    );
    const [intro] = texts(alone, 'hotline-intro');
    expect(intro).not.toContain('上月');
    expect(intro).toContain(published('诉求件受理渠道及类型对比', '1.诉求件分类情况'));
    // 数字城管's 分类 paragraphs state no 环比 in the bulletin: unchanged.
    expect(texts(alone, 'city-categories')).toEqual(texts(withJuly, 'city-categories'));
  });

  it('keeps the facts as data: figures with their 环比, the top three with their share', () => {
    const basic = section(withJuly, 'basic').paragraphs[0]!;
    const satisfaction = basic.facts.find(
      (f) => f.kind === 'figure' && f.figure.id === 'hotline.satisfaction',
    );
    expect(satisfaction).toMatchObject({
      figure: {
        value: 9974,
        previous: 9983,
        change: { value: -9, basis: 'difference', size: 'slight' },
      },
    });
    const top = section(withJuly, 'hotline-categories').paragraphs[0]!.facts[0]!;
    expect(top).toMatchObject({ kind: 'topCategories', sum: 18407, share: 5218, of: 35275 });
  });

  it('every figure is read with its sheet and cell; the sample’s totals all add up', () => {
    expect(august.discrepancies).toEqual([]);
    expect(august.diagnostics).toEqual([]);
    expect(july.discrepancies).toEqual([]);
    const at = (id: string) => august.figures.find((f) => f.id === id);
    expect(at('system.accepted')).toMatchObject({
      sheet: '通报数据汇总',
      cell: 'B5',
      value: 109169,
    });
    expect(at('city.closed')).toMatchObject({ sheet: '通报数据汇总', cell: 'C9', value: 72835 });
    expect(august.period).toEqual({ year: 2017, month: 8 });
    expect(july.period).toEqual({ year: 2017, month: 7 });
    // The rates the paragraphs state are recomputed from the counts, and agree with the sheet.
    expect(august.values['city.closedRate']).toMatchObject({ value: 9927, source: 'computed' });
  });

  it('the evaluation and 12345 tables are not summary tables', async () => {
    const grids = await readWorkbookGrids(await readFile('samples/2017-08.xlsx'));
    const others = readSummary(
      grids.filter((g) => !['通报数据汇总', '诉求件及案件分类'].includes(g.name)),
    );
    expect(others.figures).toEqual([]);
    expect(others.lists).toEqual([]);
  });

  it('chart data for the four figures the bulletin announces', () => {
    const charts = summaryCharts(august);
    expect(charts.map((c) => c.id)).toEqual([
      CHART_IDS.channelsAndTypes,
      CHART_IDS.categories,
      CHART_IDS.eventMajors,
      CHART_IDS.partMajors,
      CHART_IDS.all,
    ]);
    const sum = (id: string) =>
      charts.find((c) => c.id === id)!.series[0]!.values.reduce((a, b) => a + b, 0);
    expect(sum(CHART_IDS.categories)).toBe(35275);
    expect(sum(CHART_IDS.eventMajors)).toBe(68234);
    expect(sum(CHART_IDS.partMajors)).toBe(5660);
    expect(sum(CHART_IDS.all)).toBe(73894);
    expect(sum(CHART_IDS.channelsAndTypes)).toBe(35275 * 2);
    const announced = withJuly.flatMap((s) => s.paragraphs.flatMap((p) => p.charts ?? []));
    expect(announced.sort()).toEqual(charts.map((c) => c.id).sort());
  });
});
