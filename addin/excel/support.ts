/** What this Excel can do, from its requirement sets (asked once per 重新计算). */
export interface ExcelSupport {
  /** ExcelApi 1.7: getUsedRangeOrNullObject, conditional formats (1.6), the calls we make. */
  readonly core: boolean;
  /** ExcelApi 1.8: `workbook.readOnly`, to refuse a write before trying it. */
  readonly readOnly: boolean;
  /** ExcelApi 1.13: merged areas. */
  readonly merges: boolean;
}

export function excelSupport(): ExcelSupport {
  const req = Office.context.requirements;
  return {
    core: req.isSetSupported('ExcelApi', '1.7'),
    readOnly: req.isSetSupported('ExcelApi', '1.8'),
    merges: req.isSetSupported('ExcelApi', '1.13'),
  };
}

/** `context.sync()` counting its round trips (the adapters report them; tests assert on them). */
export function countingSync(context: Excel.RequestContext): {
  readonly sync: () => Promise<void>;
  readonly count: number;
} {
  let count = 0;
  return {
    sync: async () => {
      count++;
      await context.sync();
    },
    get count() {
      return count;
    },
  };
}
