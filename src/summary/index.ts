/**
 * The summary tables (issue #10 parts 1–3): reading them wherever they are, checking every
 * total, 环比, the paragraphs of 一、基本情况 and the 分类情况, the charts, the 通报数据 template.
 */
export { readSummary, lastMonthFromColumns } from './read';
export { compareSummary, countChange, rateChange } from './compare';
export { summaryParagraphs, summaryText } from './paragraphs';
export { summaryCharts, CHART_IDS } from './charts';
export { checkHotlineTotals } from './check';
export {
  summaryTemplate,
  fillTemplate,
  TEMPLATE_SHEET_NAME,
  type TemplateSheet,
  type TemplateFill,
} from './template';
export {
  DEFAULT_SUMMARY_SETTINGS,
  resolveSummarySettings,
  validateSummarySettings,
  type SummarySettings,
  type SummarySettingsInput,
} from './settings';
export type { ChartSpec } from './chart-spec';
export type * from './types';
