import { scaledToNumber } from '../core/fixed';
import { decimalsOf, lastMonthOf, type Analysis } from '../evaluation/analyze';
import { narrativeZhCN, type NarrativeTemplates } from '../i18n/narrative';
import { measureChartSpecs } from '../charts/index-chart';
import type { ChartSpec } from '../summary/chart-spec';
import { compareSummary, lastMonthFromColumns, summaryCharts } from '../summary/index';
import { summaryZhCN } from '../i18n/summary';
import { cityParagraphs } from './city';
import { matchMonths } from './compare';
import { FlagMarks, summaryFlags, unitFlags, type Flag } from './flags';
import { hotlineParagraphs } from './hotline';
import { summaryParagraphs } from './summary';
import { displayName } from './names';
import type { Narrative, Paragraph, Section } from './types';

/**
 * The bulletin's text from this month's analysis and, when given, last month's: 一、基本情况
 * and the 分类情况 paragraphs from the summary tables, the ranking paragraphs from the
 * evaluation and 12345 tables, the charts the paragraphs announce, and the places the writer
 * fills in — structured sections in the bulletin's order, each paragraph with the facts it
 * states. Settings come with the analysis.
 *
 * [issue 16] A sentence built on a flagged figure or unit is marked “【请核对】” after it: the
 * flags of the summary tables and of units whose row has an error, and `extraFlags` any other
 * reader adds; `flags` lists those the text marks, `diagnostics` the implausible 环比 found.
 */
export function buildNarrative(
  current: Analysis,
  given: Analysis | null = null,
  templates: NarrativeTemplates = narrativeZhCN,
  extraFlags: readonly Flag[] = [],
): Narrative {
  // [issue 16] Without last month's workbook, the earlier period of this month's own workbook.
  const previous = lastMonthOf(current, given);
  const s = current.settings.narrative;
  const match = previous === null ? null : matchMonths(current, previous);
  // The summary sections exist when the workbook has summary tables; last month is the
  // previous workbook's, else the 上月 column of this one.
  const reading = current.summary;
  const hasSummary = reading.sheets.length > 0;
  const fromBook = previous !== null && previous.summary.sheets.length > 0;
  const previousReading = fromBook ? previous.summary : lastMonthFromColumns(reading);
  const summaryFlagged = hasSummary
    ? summaryFlags(reading, previousReading, current.settings.summary, {
        columns: !fromBook,
        book: fromBook && given !== null,
      })
    : { flags: [], diagnostics: [] };
  const marks = new FlagMarks(
    [...summaryFlagged.flags, ...unitFlags(current), ...extraFlags],
    templates.checkMark,
    reading,
  );
  const hotline = hotlineParagraphs(current, s, templates, marks);
  const ranking = new Map<Section['id'], Section>([
    [
      'hotline-handling',
      {
        id: 'hotline-handling',
        part: 'hotline',
        title: templates.sectionTitles['hotline-handling'],
        paragraphs: hotline.handling,
      },
    ],
    [
      'hotline-transfers',
      {
        id: 'hotline-transfers',
        part: 'hotline',
        title: templates.sectionTitles['hotline-transfers'],
        paragraphs: hotline.transfers,
      },
    ],
    [
      'city-handling',
      {
        id: 'city-handling',
        // A scheme of 12345 诉求件 ranks them under the 12345 part.
        part: current.scheme.part,
        title:
          current.scheme.part === 'hotline'
            ? templates.sectionTitles['hotline-handling']
            : templates.sectionTitles['city-handling'],
        paragraphs: cityParagraphs(current, match, s, templates, marks),
      },
    ],
  ]);
  const measureFigures = measureCharts(current, templates);
  if (measureFigures.paragraph) {
    const city = ranking.get('city-handling')!;
    ranking.set('city-handling', {
      ...city,
      paragraphs: [...city.paragraphs, measureFigures.paragraph],
    });
  }
  const summary = hasSummary
    ? summaryParagraphs(reading, previousReading, current.settings.summary, summaryZhCN, marks)
    : [];
  // The bulletin's order: the ranking sections go after the 分类情况 of their part (the
  // scheme's ranking under 12345 when its scheme ranks 诉求件).
  const sections: Section[] = [];
  const hotlineRanking: Section['id'][] = ['hotline-handling', 'hotline-transfers'];
  const cityRanking: Section['id'][] = [];
  (current.scheme.part === 'hotline' ? hotlineRanking : cityRanking).push('city-handling');
  const after: Partial<Record<string, readonly Section['id'][]>> = {
    'hotline-categories': hotlineRanking,
    'city-categories': cityRanking,
  };
  const placed = new Set<Section['id']>();
  const place = (id: Section['id']) => {
    const r = ranking.get(id);
    if (r && !placed.has(id)) sections.push(r);
    placed.add(id);
  };
  for (const x of summary) {
    // A part's ranking sections come before its hotspots when there is no 分类情况.
    if (x.id === 'hotline-hotspots') hotlineRanking.forEach(place);
    if (x.id === 'city-hotspots') cityRanking.forEach(place);
    if (x.id === 'cases') {
      ['hotline-handling', 'hotline-transfers', 'city-handling'].forEach((id) =>
        place(id as Section['id']),
      );
    }
    sections.push(x);
    for (const id of after[x.id] ?? []) place(id);
  }
  for (const id of ranking.keys()) place(id);
  return {
    sections: sections.filter((x) => x.paragraphs.length > 0),
    comparison: match?.comparison ?? null,
    charts: [...(hasSummary ? summaryCharts(reading) : []), ...measureFigures.charts],
    summary: hasSummary ? compareSummary(reading, previousReading, current.settings.summary) : null,
    flags: marks.marked(),
    diagnostics: summaryFlagged.diagnostics,
  };
}

/** Units a measure chart shows at most (市直单位 has about 45). */
export const MAX_BARS = 60;

/**
 * One bar chart per group of the first measure the paragraphs rank by (Fuzhou: 综合指标值), and
 * the sentence that announces them at the end of the 案件办理情况 section.
 */
function measureCharts(
  a: Analysis,
  t: NarrativeTemplates,
): { charts: ChartSpec[]; paragraph: Paragraph | null } {
  const measure = a.scheme.measures[0];
  if (!measure) return { charts: [], paragraph: null };
  const decimals = decimalsOf(a, measure.figure);
  const units = a.units.flatMap((u) => {
    const v = u.figures[measure.figure];
    return u.evaluated && u.parent === null && typeof v === 'number'
      ? [
          {
            group: u.group ?? u.table,
            name: displayName(u.name, u.group, a.settings.narrative),
            value: scaledToNumber(v, decimals),
          },
        ]
      : [];
  });
  // A chart of more bars than a page can show legibly is left out.
  const charts = measureChartSpecs(units, measure, (group) =>
    t.measureChart(group, measure.figure),
  ).filter((c) => c.categories.length <= MAX_BARS);
  if (charts.length === 0) return { charts, paragraph: null };
  return {
    charts,
    paragraph: {
      text: t.measureCharts(measure.figure),
      facts: [],
      charts: charts.map((c) => c.id),
    },
  };
}

const CN = '一二三四五六七八九十';
const cn = (n: number) => (n >= 1 && n <= 10 ? CN[n - 1]! : String(n));

/**
 * The narrative as text, headed and numbered as the bulletin is: “【一、基本情况】”,
 * “【（一）12345平台运行情况】”, “【1. 诉求件分类情况】”; a chart a paragraph announces as
 * “【图：各类诉求件占比】” on the line after it; a place to write as “【待填写：…】”. This is
 * what the pane shows and lets the user edit, and what `textBlocks` turns into the document.
 */
export function narrativeText(n: Narrative, templates: NarrativeTemplates = narrativeZhCN): string {
  const title = new Map(n.charts.map((c) => [c.id, c.title] as const));
  const blocks: string[] = [];
  let h1 = 0;
  let h2 = 0;
  let h3 = 0;
  let part: Section['part'] | null = null;
  for (const section of n.sections) {
    const lines: string[] = [];
    if (section.part === 'overview' || section.part === 'editorial') {
      lines.push(`【${cn(++h1)}、${section.title}】`);
      h2 = 0;
    } else {
      // Without 一、基本情况 the parts still sit under a first heading.
      if (h1 === 0) lines.push(`【${cn(++h1)}、${templates.operationsHeading}】`);
      if (part !== section.part) {
        lines.push(`【（${cn(++h2)}）${templates.partTitles[section.part]}】`);
        h3 = 0;
      }
      if (section.title !== '') lines.push(`【${++h3}. ${section.title}】`);
    }
    part = section.part;
    for (const p of section.paragraphs) {
      // “【待填写：请填写…】”: the prompt's own brackets are dropped inside the marker.
      const prompt = p.editorial?.prompt.replace(/^（(.*)）$/, '$1');
      lines.push(prompt !== undefined ? `【${templates.toWrite}：${prompt}】` : p.text);
      for (const id of p.charts ?? []) {
        const t = title.get(id);
        if (t !== undefined) lines.push(`【${templates.figure}：${t}】`);
      }
    }
    blocks.push(lines.join('\n'));
  }
  return blocks.join('\n\n');
}
