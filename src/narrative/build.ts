import type { Analysis } from '../evaluation/analyze';
import { narrativeZhCN, type NarrativeTemplates } from '../i18n/narrative';
import { cityParagraphs } from './city';
import { matchMonths } from './compare';
import { hotlineParagraphs } from './hotline';
import type { Narrative, Section } from './types';

/**
 * The bulletin's ranking paragraphs from this month's analysis and, when given, last month's:
 * structured sections, each paragraph with the facts it states. Narrative settings come with
 * the analysis (`analysis.settings.narrative`).
 */
export function buildNarrative(
  current: Analysis,
  previous: Analysis | null = null,
  templates: NarrativeTemplates = narrativeZhCN,
): Narrative {
  const s = current.settings.narrative;
  const match = previous === null ? null : matchMonths(current, previous);
  const hotline = hotlineParagraphs(current, s, templates);
  const sections: Section[] = [
    {
      id: 'hotline-handling',
      part: 'hotline',
      title: templates.sectionTitles['hotline-handling'],
      paragraphs: hotline.handling,
    },
    {
      id: 'hotline-transfers',
      part: 'hotline',
      title: templates.sectionTitles['hotline-transfers'],
      paragraphs: hotline.transfers,
    },
    {
      id: 'city-handling',
      part: 'cityManagement',
      title: templates.sectionTitles['city-handling'],
      paragraphs: cityParagraphs(current, match, s, templates),
    },
  ];
  return {
    sections: sections.filter((x) => x.paragraphs.length > 0),
    comparison: match?.comparison ?? null,
  };
}

/** The narrative as plain text: section titles and paragraphs, a blank line between sections. */
export function narrativeText(n: Narrative, templates: NarrativeTemplates = narrativeZhCN): string {
  return n.sections
    .map((section) =>
      [
        `【${templates.partTitles[section.part]}·${section.title}】`,
        ...section.paragraphs.map((p) => p.text),
      ].join('\n'),
    )
    .join('\n\n');
}
