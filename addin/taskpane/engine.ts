/**
 * The engine as the panes use it, in one module that loads on first use (重新计算, a workbook
 * chosen): the pane paints without detection, scoring, narrative or the write plan.
 */
export { analyzeWorkbook } from '../../src/evaluation/analyze';
export { buildNarrative, narrativeText } from '../../src/narrative/build';
