import type { Catalog } from '../../src/i18n/catalog';
import type { Narrative } from '../../src/narrative/types';

/**
 * [issue 16] What the pane says above the generated text: each implausible 环比 (as the command
 * line prints it: severity, sheet!cell, message), then why each “【请核对】” in the text is there
 * (its cells in the message). Each line selects its first cell — always this month's workbook;
 * a flag's later cells may be last month's (another workbook), named in the text only.
 */
export interface NoteLine {
  readonly key: string;
  readonly sheet: string;
  readonly cell: string;
  readonly text: string;
}

/** The narrative's notes, as NarrativeSection is given them. */
export interface NarrativeNotes {
  readonly narrative: Pick<Narrative, 'diagnostics' | 'flags'>;
  readonly catalog: Catalog;
  /** Select the cell in the workbook; absent where there is none to select in (Word, the web). */
  readonly onSelect?: (sheet: string, cell: string) => void;
}

/** “sheet!A1” → sheet and cell (a sheet name may hold “!”, a cell never does). */
function split(ref: string): { sheet: string; cell: string } {
  const i = ref.lastIndexOf('!');
  return { sheet: ref.slice(0, i), cell: ref.slice(i + 1) };
}

export function noteLines({ narrative, catalog }: NarrativeNotes): NoteLine[] {
  return [
    ...narrative.diagnostics.map((d, i) => ({
      key: `d${i}`,
      sheet: d.sheet,
      cell: d.cell,
      text: `[${catalog.severity[d.severity]}] ${d.sheet}!${d.cell} ${catalog.summary.diagnostic(d)}`,
    })),
    ...narrative.flags.map((f, i) => ({
      key: `f${i}`,
      ...split(f.cells[0] ?? ''),
      text: catalog.summary.flag(f),
    })),
  ];
}
