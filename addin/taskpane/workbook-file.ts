import { analyzeWorkbook, type Analysis } from '../../src/evaluation/analyze';

/**
 * An .xlsx the user picked, analysed in the browser with the same reader the command line
 * uses; null when it is not a workbook. ExcelJS loads only now, outside the pane's bundle.
 */
export async function analyzeFile(file: File): Promise<Analysis | null> {
  const { readWorkbookGrids, WorkbookReadError } = await import('../../src/io/xlsx-read');
  try {
    return analyzeWorkbook(await readWorkbookGrids(new Uint8Array(await file.arrayBuffer())));
  } catch (e) {
    if (e instanceof WorkbookReadError) return null;
    throw e;
  }
}
