import { structuredEnUS } from './structured-ui';
import { quote, unitLabel } from './catalog';
import { auditEn, enUS } from './catalog-en';
import type { CliCatalog, CliStrings } from './cli';

/** The command line's strings in English (the fallback language). */
export const cliEnUS: CliStrings = {
  structured: structuredEnUS,
  schemeNothing: (file) =>
    `No rate formula a scheme can hold was found in the tables of ${file} (count columns and a rate computed from them are needed): no scheme written`,
  schemeNotNeeded: (file, scheme) =>
    `The tables in ${file} already follow the scheme “${scheme}”: nothing to propose, no scheme written`,
  schemeProposed: (tables, n) =>
    `${n} formulas found from ${tables.map((x) => `“${x}”`).join(', ')} (the scheme JSON is on stdout); check it, save it as .json and use it with --scheme`,
  usage: [
    'Usage: npm run --silent tongbao -- evaluate <workbook.xlsx> [--previous <last-month.xlsx>] [--json <out.json>] [--text] [--docx <out.docx>] [--out <annotated.xlsx>] [--settings <settings.json>] [--scheme <name or scheme.json>]',
    '       npm run --silent tongbao -- template <template.xlsx>',
    '       npm run --silent tongbao -- scheme <workbook.xlsx> > city-scheme.json',
    '       npm run --silent tongbao -- proofread <draft.docx|draft.txt> --workbook <this-month.xlsx> [--previous <last-month.xlsx>] [--settings <settings.json>] [--scheme <scheme>] [--json <out.json>] [--out <marked.docx>]',
    '',
    '  template    write the empty 通报数据 sheet (.xlsx): fill in the month’s figures and keep it in the workbook with the evaluation tables',
    "  scheme      propose a scheme from the workbook's own tables (each rate's formula, decimals, rounding) as JSON; check it, then use it with --scheme",
    '  evaluate    recompute every evaluation table of the workbook and audit its printed figures',
    "  --previous  last month's workbook, for the month-over-month sentences",
    '  --json      write units, discrepancies, diagnostics and the paragraphs to a JSON file',
    "  --text      print the bulletin's ranking paragraphs",
    '  --docx      export the bulletin as a Word document (.docx, official format)',
    '  --out       save a copy of the workbook with the recomputed columns (.xlsx)',
    '  --settings  a JSON settings file: weights, bands, paragraph rules, issuer, date, …',
    '  --scheme    the evaluation scheme: a built-in name (fuzhou-2017, district-rates, company-score, hotline-dispatch) or a scheme file (.json); see README',
    '  proofread   check a draft bulletin: every figure, ranking and month-over-month change against the tables',
    "  --workbook  (proofread) this month's workbook",
    '  --out       (proofread) save a copy of the draft (.docx) with each wrong element highlighted and commented; the draft is not changed',
  ].join('\n'),
  fileMissing: (f) => `Error: no such file ${f}`,
  notXlsx: (f) => `Error: ${f} is not a valid .xlsx workbook`,
  noTables: (f) =>
    `Error: no evaluation table found in ${f} (a header needs a unit-name column and the columns of one rate of the scheme; other cities' tables: choose a scheme with --scheme)`,
  summaryTotals: (sheets, checked, n) =>
    `Summary tables (${sheets.join(', ') || 'none'}) and the 12345 totals: ${checked === 0 ? 'no total could be checked (its parts are not there).' : n === 0 ? `checked ${checked} totals and rates: all agree.` : `checked ${checked} totals and rates: ${n} differ from their parts:`}`,
  templateExists: (f) =>
    `Error: ${f} exists and was left as it is; the template never replaces a file (it may be your workbook): choose another name`,
  noChartFont:
    'Note: no Chinese font found (Microsoft YaHei, SimHei or Noto Sans CJK; TONGBAO_CHART_FONT may name a font file): the charts have no pictures; the Word document says so, the checked workbook has no chart sheet',
  chartSheetTaken: (sheet) =>
    `Note: the workbook already has a sheet named “${sheet}” that Tongbao did not make: the checked copy has no charts; rename that sheet and run again`,
  figureTitle: (n, title) => `Figure ${n} ${title}`,
  figureFailed: (n, title, reason) =>
    `Note: figure ${n} (${title}) could not be drawn and is left out: ${reason}`,
  unknownScheme: (v, presets) =>
    `Error: --scheme ${v} is neither a built-in scheme (${presets.join(', ')}) nor a readable scheme file (.json)`,
  unknownOption: (o) => `Error: unknown option ${o}`,
  optionNeedsValue: (o) => `Error: option ${o} needs a value`,
  wroteJson: (f) => `Wrote ${f}`,
  summaryHeader: (t, u, e) => `${t} evaluation tables, ${u} units, ${e} evaluated.`,
  tableHeading: (title, group, sheet, cell) =>
    `[${title}] (${group ?? 'ungrouped'}, sheet “${sheet}” ${cell})`,
  unitColumn: 'Unit',
  audit: (a) => auditEn(a),
  discrepancyLine: (d) =>
    `  ${d.sheet}!${d.cell}  ${d.unit}  ${d.field}: printed ${d.printed}, recomputed ${d.recomputed}`,
  diagnosticsHeading: (n) => `${n} data notes:`,
  notEvaluated: 'not evaluated',
  childSum: ' (sum of sub-units)',
  totalSum: ' (sum of the units)',
  badSettings: (file, detail) => `Error: settings file ${file} is invalid: ${detail}`,
  notJson: (d) => `not valid JSON (${d})`,
  legacyXls: (f) => `Error: ${f} is an Excel 97-2003 (.xls) workbook; save it as .xlsx first`,
  encrypted: (f) => `Error: ${f} has an opening password; remove it and save, then run again`,
  tooBig: (f, sheet, range, cells) =>
    cells !== undefined
      ? `Error: sheet “${sheet}” of ${f} holds ${cells} cells in ${range}: too much to read within the time and memory allowed; split it into smaller workbooks, then run again`
      : `Error: sheet “${sheet}” of ${f} holds values across ${range}: too many cells to read (at most 5 million); delete the content far outside the table, then run again`,
  partTooBig: (f, part, mb) =>
    `Error: part “${part}” of ${f} is ${mb} MB uncompressed: too much to read within the time and memory allowed; delete needless pictures, comments and cell formats, or split it into smaller workbooks, then run again`,
  outputIsInput: (option, output, role, input) =>
    `Error: ${option} ${output} is the same file as the ${{ workbook: 'workbook', previous: 'previous workbook (--previous)', settings: 'settings file (--settings)', scheme: 'scheme file (--scheme)', draft: 'draft to proofread' }[role]} ${input}; inputs are never overwritten`,
  sameOutput: (oa, a, ob, b) =>
    `Error: ${oa} ${a} and ${ob} ${b} are the same file; give each output its own file`,
  wrongExtension: (option, file, ext) => `Error: ${option} writes a ${ext} file: ${file}`,
  outputIsFolder: (f) => `Error: cannot write ${f}: it is a folder`,
  outputUnderFile: (f, parent) => `Error: cannot write ${f}: ${parent} is a file, not a folder`,
  outputNotFile: (f) => `Error: cannot write ${f}: not a regular file`,
  cannotWrite: (f, code, detail) =>
    `Error: cannot write ${f}: ${code === 'EACCES' || code === 'EPERM' ? 'permission denied' : code === 'ENOSPC' || code === 'EDQUOT' ? 'the disk is full' : detail} (nothing written)`,
  macroWorkbook: (f) =>
    `Error: --out cannot copy a macro-enabled workbook (${f}): the macros would be lost; save it as .xlsx first`,
  draftProblem: (f, problem, detail) =>
    ({
      legacyDoc: `Error: ${f} is a Word 97-2003 document (.doc): save it as .docx in Word or WPS first`,
      encrypted: `Error: ${f} has an opening password: remove it in Word or WPS and save first`,
      notDocx: `Error: ${f} is not a valid Word document (.docx); a draft is a .docx or plain text (.txt)`,
      corrupt: `Error: cannot read ${f}: the document is damaged (${detail}); open it in Word and save it again`,
      tooBig: `Error: the text of ${f} is too big to read (64 MB at most)`,
      notText: `Error: ${f} is not a text file; a draft is a .docx or plain text (.txt, UTF-8 or GBK)`,
    })[problem],
  markNeedsDocx: (d) =>
    `Error: --out marks a Word draft (.docx) only, and ${d} is not one; without --out plain text is proofread too`,
  markNotPlainDocx: (d) =>
    `Error: --out cannot copy a macro-enabled document or a template (${d}): the copy would not open as .docx; save it as .docx first`,
  markUnplaced: (f, items) =>
    `Note: ${items.length} findings could not be marked in ${f} (the text is not where they say): ${items.map((i) => `paragraph ${i.paragraph} “${i.written}”`).join(', ')}`,
  proofreadHeader: (d, w, p) =>
    `Proofreading ${d} (against ${w}${p === null ? '' : `, last month ${p}`})`,
  proofreadCounts: (c) =>
    c.claims === 0
      ? 'No figure in the draft could be checked against the tables.'
      : `${c.claims} claims found: ${c.matched} agree, ${c.wrong} wrong, ${c.notChecked} not checked.`,
  proofreadWrongHeading: (n) => `Wrong (${n}):`,
  proofreadNotCheckedHeading: (n) =>
    `Not checked (${n}; the tables hold nothing to compare them with, not errors):`,
  proofreadNotesHeading: 'Notes:',
  proofreadItem: (p, text) => (p === null ? `  ${text}` : `  paragraph ${p}  ${text}`),
  proofreadNotChecked: (written, reason) => `${written}: ${reason}`,
  unreadable: (f, reason) => `Error: cannot read ${f}: ${reason}`,
  badSheetName: (f, name, problem, reason) =>
    `Error: cannot read ${f}: the sheet name “${name}” ${{ tooLong: 'is over 31 characters', reserved: 'is reserved', characters: 'contains * ? : / \\ [ ]', quote: 'starts or ends with a quote' }[problem]}; rename the sheet and run again (${reason})`,
  cannotAnnotate: (f, reason) => `Error: cannot write ${f}: saving the copy failed (${reason})`,
  copyUnreadable: (f, reason) =>
    `Error: ${f} not written: the checked workbook could not be read back after it was made (${reason}); nothing written. The original is unchanged: write the checked columns into it with the Excel add-in instead`,
  periodsUnclear: (f, sheets) =>
    `Error: ${f}: sheets ${sheets.map(quote).join(', ')} list the same units but name no period; which month is which cannot be told. Name the month in each sheet's name or title, or move the other months' sheets to another workbook`,
  copyLoses: (f, items) =>
    `Note: ${f} does not keep the original workbook's ${items.map((i) => (i.sheets.length > 0 ? `${i.what} (${i.sheets.join(', ')})` : i.what)).join('; ')}; to keep them, write the checked columns into the original with the Excel add-in`,
  copyLossKinds: {
    chart: 'charts',
    chartSheet: 'chart sheets',
    otherSheet: 'macro or dialog sheets',
    pivotTable: 'pivot tables',
    slicer: 'slicers',
    timeline: 'timelines',
    threadedComment: 'threaded comments (kept as plain notes)',
    formControl: 'form or ActiveX controls',
    embeddedObject: 'embedded objects',
    externalLink: 'external links',
    customXml: 'custom XML data',
    dataModel: 'data model (Power Pivot)',
    connection: 'data connections and queries',
    addinData: 'add-in data (including settings add-ins saved in the workbook)',
    richData: 'pictures in cells or data types',
    cellMetadata: 'cell metadata (such as dynamic array formulas)',
    customProperties: 'custom document properties',
    shape: 'shapes, text boxes or SmartArt',
    headerPicture: 'pictures in headers and footers',
    other: 'other content',
  },
  conflicts: (file, cells) =>
    `Error: ${file} not written: the cells for the new columns are not empty (${cells.slice(0, 8).join(', ')}${cells.length > 8 ? `, ${cells.length} in all` : ''})`,
  comparison: (c) =>
    [
      `Compared with ${c.previousPeriod ? `${c.previousPeriod.year}-${c.previousPeriod.month}` : 'last month'}: ${c.matched} units matched.`,
      c.newUnits.length > 0
        ? `Not in last month's workbook: ${c.newUnits.map(unitLabel).join(', ')}`
        : '',
      c.goneUnits.length > 0 ? `Gone this month: ${c.goneUnits.map(unitLabel).join(', ')}` : '',
    ]
      .filter(Boolean)
      .join('\n'),
};

export const enUSCli: CliCatalog = { ...enUS, cli: cliEnUS };
