/**
 * The engine as the panes use it, in one module that loads on first use (重新计算, a workbook
 * chosen): the pane paints without detection, scoring, narrative or the write plan.
 */
// [issue 16] A workbook by period: its latest period, with the one before it as last month
// (`analysis.periods.previous`, which buildNarrative uses when no other workbook is given) and
// a note saying which sheets were read as which period. Throws PeriodsUnclearError (a
// UserFacingError: problemText words it) when undated sheets repeat units.
export { analyzeByPeriod as analyzeWorkbook } from '../../src/evaluation/periods';
export { buildNarrative, narrativeText } from '../../src/narrative/build';
