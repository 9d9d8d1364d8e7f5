/**
 * The summary tables (issue #10 parts 1–3): reading them wherever they are, checking every
 * total, 环比, the charts, the 通报数据 template. Their paragraphs (一、基本情况 and the 分类情况)
 * are with the other paragraphs, in `../narrative/summary.ts`.
 */
export { readSummary, lastMonthFromColumns } from './read';
export { compareSummary, countChange, rateChange } from './compare';
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
