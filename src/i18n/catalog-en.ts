import type { Catalog } from './catalog';
import { quote, unitLabel } from './catalog';
import { settingsEnUS } from './settings-en';
import { summaryMessagesEnUS } from './summary-messages';
import type { AuditSummary } from '../evaluation/audit-summary';

function auditEn(a: AuditSummary): string {
  const rest =
    a.notChecked > 0
      ? `; ${a.notChecked} more were not checked (no formula in the scheme, or columns or data missing)`
      : '';
  const sums =
    (a.childSums > 0 ? `; ${a.childSums} parent rows differ from their sub-units' sum` : '') +
    (a.totals > 0 ? `; ${a.totals} total rows differ from the units' sum` : '');
  if (a.figures === 0) return `No printed figure could be checked${rest}${sums}.`;
  if (a.discrepancies === 0)
    return `Checked ${a.figures} printed figures: all agree${rest}${sums}.`;
  return `Checked ${a.figures} printed figures: ${a.discrepancies} disagree${rest}${sums}.`;
}

/** The English catalog: the fallback UI language, loaded only where Office or the browser is not Chinese. */
export const enUS: Catalog = {
  settings: settingsEnUS,
  summary: summaryMessagesEnUS,
  ui: {
    title: 'Tongbao',
    subtitle: 'Recompute the evaluation tables and draft the bulletin paragraphs',
    recompute: 'Recompute',
    working: 'Reading the sheets and recomputing…',
    settings: 'Settings',
    close: 'Close',
    excelTooOld:
      'This version of Excel lacks what the add-in needs (ExcelApi 1.7; conditional formats need 1.6). Please update Excel or use Excel on the web.',
    failed: (m) => `Recompute failed: ${m}`,
    wrote: (t, a) =>
      `Wrote the recomputed columns beside ${t} tables. ${auditEn(a)}${a.discrepancies > 0 ? ' Disagreements are highlighted.' : ''}`,
    audit: (a) => auditEn(a),
    conflicts: (cells) =>
      `Nothing was changed: the cells where the new columns would go are not empty (${cells.slice(0, 8).join(', ')}${cells.length > 8 ? `, ${cells.length} in all` : ''}). Clear them or move the table, then try again.`,
    noTables: 'No evaluation table found (a header with 应处置数, 结案数, … is needed).',
    tablesFound: (n) => `Tables found (${n})`,
    tableLine: (title, group, units, evaluated) =>
      `${title}: ${group ?? 'ungrouped'}, ${units} units, ${evaluated} evaluated`,
    grades: 'Grades',
    discrepancies: (n) => `Figures that disagree (${n})`,
    discrepancyLine: (d) =>
      `${d.sheet}!${d.cell} ${d.unit} ${d.field}: printed ${d.printed}, recomputed ${d.recomputed}`,
    diagnostics: (n) => `Data notes (${n})`,
    narrative: 'Bulletin paragraphs',
    narrativeHint: 'Edit freely, then copy into the bulletin.',
    copy: 'Copy',
    copied: 'Copied',
    copyFailed: 'Could not copy; select the text and copy it by hand.',
    selectCell: (cell) => `Select ${cell} in the sheet`,
    settingsTitle: 'Settings',
    weights: 'Index weights',
    weightLine: (c, o, r) => `closed ${c}, on time ${o}, (1 − rework) ${r}`,
    bands: 'Grades',
    rounding: (d, m) =>
      `Rates rounded ${m === 'halfUp' ? 'half up' : 'half to even'} to ${d} decimals before the index`,
    zeroRule: 'With 处置数 = 0 the rework rate is 0 and its term scores nothing',
    narrativeSettings: 'Paragraph rules',
    narrativeLine: (named, bottom, improved, ties, change) =>
      `name ${named} of tied units; bottom ${bottom}; top ${improved} risers; ties at the cut-off ${ties === 'includeAll' ? 'all listed' : 'cut in table order'}; rate changes as “${change === 'percent' ? '上升50%' : '上升50个百分点'}”`,
    leftOut: (names) => `Left out of 12345 lists: ${names.join(', ') || 'none'}`,
    notEvaluated: 'not evaluated',
    exportWord: 'Export to Word',
    exporting: 'Building the Word document…',
    exported: (name) => `Downloaded “${name}”.`,
    macNoDownload:
      'Excel for Mac cannot download files from an add-in. Copy the paragraphs with Copy, or open the add-in in Word and import the workbook.',
    importWorkbook: 'Import a workbook',
    importPrevious: 'Last month’s workbook (optional)',
    previousLoaded: (file) => `Read last month’s “${file}”: the paragraphs now compare with it.`,
    importing: 'Reading the workbook…',
    imported: (file, previous) =>
      `Read “${file}”${previous ? `, compared with “${previous}”` : ''}.`,
    withTables: 'Insert the attachment tables too',
    insert: 'Insert into the document',
    inserted: 'Inserted at the cursor.',
    replaceSelection: 'Replace the selection',
    insertedAt: (place) =>
      ({
        cursor: 'Inserted at the cursor.',
        afterSelection:
          'Inserted after the selection (kept; tick “Replace the selection” to replace it).',
        afterTable:
          'Inserted after the table (the cursor was in a table; the attachment tables are not nested in a cell).',
        afterContentControl:
          'Inserted after the content control (the cursor was in a content control; its contents are unchanged).',
        replacedSelection: 'Replaced the selection.',
      })[place],
    wordIntro:
      'Choose this month’s workbook (.xlsx), review the paragraphs, then insert them at the cursor.',
    save: 'Save',
    cancel: 'Cancel',
    restoreDefaults: 'Restore defaults',
    exportSettings: 'Export settings file',
    importSettings: 'Import settings file…',
    settingsWhere: (w) =>
      w === 'workbook' || w === 'document'
        ? `Settings are written into this ${w} and travel with it once the file is saved; issuer and recipients also become your own defaults.`
        : w === 'browser'
          ? 'Settings are saved in this browser and never uploaded.'
          : 'Settings cannot be saved here; they last for this session only.',
    settingsSaved: (w) =>
      w === 'browser'
        ? 'Settings saved in this browser.'
        : `Settings written into this ${w} (they travel with it once the file is saved).`,
    settingsSavedRecompute: 'Press Recompute to apply them.',
    settingsInvalid: 'Not saved; please correct:',
    settingsImported: (f) => `Read “${f}”; check the values, then Save.`,
    settingsFileBad: (f, d) => `Settings file “${f}” is invalid: ${d}`,
    savedSettingsBad: (d) =>
      `The saved settings are invalid, defaults are in force (${d}). Open Settings to fix them.`,
    settingsSaveFailed: (d) => `Settings not saved: ${d}`,
    storageBlocked:
      'This browser keeps no data (private mode or policy): settings last for this session only.',
    weightsPercent: 'Index weights (%, adding up to 100)',
    schemeFigures: (f) => (f.length > 0 ? `Computes: ${f.join(', ')}` : ''),
    schemeOwnFormulas:
      'This scheme carries its own formulas, decimals and grades (see README, “Schemes”): change them in the scheme file. The paragraph and document settings below still apply.',
    customScheme: (name) => `Scheme from the settings file: ${name}`,
    bandsHint: 'Best first; the last grade starts at 0',
    bandGrade: 'Grade',
    bandMin: 'Minimum',
    addBand: 'Add a grade',
    removeBand: (g) => `Remove grade ${g}`,
    reportSettings: 'Document',
    aliasesHint: 'One a line: name=as printed',
    leftOutHint: 'One unit name a line',
    titleHint: 'Empty: built from the issuer and the month',
    dateHint: 'e.g. 2017年9月25日; empty prints no date',
    narrativeKept:
      'New paragraphs were generated from the new data or settings; your edited text was kept.',
    useNew: 'Use the new paragraphs',
    officeJsMissing:
      'office.js (from Microsoft, appsforoffice.microsoft.com) could not be loaded, so the add-in cannot start. Check the network; on an intranet, have the add-in built with “--env officeJs=local”, or use the web page (web/index.html).',
    webTitle: 'Tongbao on the web',
    webIntro:
      'No Office, no network: the workbook is read and computed in this browser only, never uploaded.',
    dropHere: 'Drop this month’s workbook (.xlsx) here, or',
    chooseCurrent: 'Choose this month’s workbook…',
    stage: (stage, f) =>
      ({
        reading: `Reading “${f}”…`,
        parsing: 'Parsing the sheets…',
        checking: 'Recomputing…',
        writing: 'Writing the paragraphs…',
      })[stage],
    webChecked: (f, t, a) =>
      `Checked ${t} tables in “${f}”. ${auditEn(a)}${a.discrepancies + a.childSums + a.totals > 0 ? ' Listed below.' : ''}${a.discrepancies > 0 ? ' Red in the downloaded workbook.' : ''}`,
    downloadXlsx: 'Download the checked workbook',
    annotating: 'Building the checked workbook…',
    figures: 'Figures of the bulletin',
    drawingFigures: 'Drawing the figures…',
    figuresScroll:
      'The pane is narrow: scroll a figure sideways, or widen the pane to see it whole.',
    figureNotDrawn:
      'This figure could not be drawn; the exported documents leave it out too. The other figures and the text are not affected.',
    chartSheetTaken: (sheet) =>
      `The workbook already has a sheet named “${sheet}” that Tongbao did not make: the checked workbook was saved without the charts. Rename that sheet and try again.`,
    insertTemplate: 'Insert the 通报数据 sheet',
    templateInserted: (sheet) =>
      `Inserted the sheet “${sheet}”: fill in this month's figures in the 本月 column, save, and press 重新计算: the paragraphs use them.`,
    templateExists: (sheet) =>
      `The workbook already has a sheet named “${sheet}”: no sheet was inserted (its data would be lost). Rename or delete it first for an empty one.`,
    insertCharts: 'Insert the chart sheet',
    insertingCharts: 'Drawing and inserting the charts…',
    chartsInserted: (sheet, n, replaced) =>
      `${replaced ? 'Rebuilt' : 'Inserted'} the sheet “${sheet}” with ${n} picture${n === 1 ? '' : 's'}. Tongbao owns it: the next insertion replaces it whole, so do not edit it.`,
    chartsNone: (removed) =>
      removed
        ? 'The text names no figure any more: the chart sheet of the last insertion was removed.'
        : 'The text names no figure: no chart sheet was inserted.',
    chartSheetRefused: (sheet) =>
      `The workbook already has a sheet named “${sheet}” that Tongbao did not make: nothing was changed. Rename that sheet and try again.`,
    chartsNeedNewerExcel:
      'This Excel cannot put pictures on a sheet (it needs ExcelApi 1.9: Microsoft 365 or Excel 2021): nothing was changed. Export the Word document to see the figures, or download the checked workbook from the web page.',
    downloadTemplate: 'Download the 通报数据 template',
    settingsReadOnly:
      'This workbook is open read-only (e.g. viewing in Excel on the web): settings cannot be saved into it. Switch to editing, then save.',
    settingsHostError: (code, m) =>
      `Office could not save the settings (code ${code ?? 'unknown'}: ${m}).`,
    settingsConflict:
      'While you were editing, another editor saved settings into the file that cannot be combined with your changes: yours were not saved. The file’s settings are in force; close Settings, open it again, check and save your changes.',
    keepMine: 'Keep my edits',
    chooseFile: 'Choose a file…',
    noFileChosen: 'No file chosen',
    chosenFile: (n) => `Chosen: ${n}`,
    problems: {
      excelTooOld: () =>
        'This version of Excel lacks what the add-in needs (ExcelApi 1.7; conditional formats need 1.6). Please update Excel or use Excel on the web.',
      cellEditMode: () =>
        'Excel is editing a cell, so the add-in cannot read or write the sheets. Press Enter or Tab (or click another cell), then Recompute.',
      readOnly: () =>
        'This workbook is open read-only (e.g. viewing in Excel on the web): nothing was written. Switch to editing, then Recompute.',
      accessDenied: () =>
        'Excel refused the write: the workbook may be read-only, a sheet protected, or you may lack permission to edit. Check, then Recompute.',
      protectedSheets: (s) =>
        `Nothing was changed: sheet ${s.map(quote).join(', ')} is protected, so the recomputed columns cannot be written; the other sheets were not written either, to leave nothing half done. Unprotect it (Review → Unprotect Sheet), then Recompute.`,
      itemNotFound: (s) =>
        `${s.length > 0 ? `Sheet ${quote(s[0]!)}` : 'The sheet or cell'} was not found (renamed or deleted?). Recompute to refresh.`,
      hiddenSheet: (s) =>
        `Sheet ${quote(s[0] ?? '')} is hidden, so it was not shown. To see it, right-click a sheet tab and choose Unhide.`,
      hostGeneral: () =>
        'Excel hit an internal error. Recompute again in a moment; if it persists, save and reopen the workbook.',
      payloadTooLarge: () =>
        'The data exceeds the 5 MB that Excel on the web reads or writes at once, even one row at a time. Shorten very long cell texts, or use desktop Excel.',
      hostFailed: () => 'Excel could not complete the operation. Recompute again in a moment.',
      legacyXls: (s) =>
        `“${s[0] ?? 'The workbook'}” is an Excel 97-2003 workbook (.xls), which cannot be read. Open it in Excel or WPS and save it as an Excel Workbook (.xlsx).`,
      wordReadOnly: () =>
        'The document is read-only or protected (viewing in Word on the web, opened read-only, restricted editing or a locked content control): nothing was inserted. Switch to editing or remove the protection, then try again.',
      wordApiMissing: () =>
        'This version of Word lacks what inserting needs (WordApi 1.3, to tell whether the cursor is in a table), so nothing was inserted rather than nest tables in a cell. Use Microsoft 365, Office 2019 or later, Word on the web or Word for Mac, or Copy and paste.',
      wordTooLarge: () =>
        'Too much to insert at once in Word on the web. Untick “Insert the attachment tables too” and try again.',
      wordFailed: () =>
        'Word could not insert the text. If the document is in viewing mode, read-only or protected, switch to editing and try again; if the cursor is in a plain-text content control, move it out of the control and try again.',
      fileMissing: (s) => `No such file: “${s[0] ?? ''}”.`,
      noTables: (s) => `No evaluation table found in “${s[0] ?? 'the workbook'}”.`,
      badSettings: (s) => `Settings file “${s[0] ?? ''}” is invalid: ${s[1] ?? ''}`,
      encrypted: (s) =>
        `“${s[0] ?? 'The workbook'}” has an opening password and cannot be read. Remove the password (File → Info → Protect Workbook → Encrypt with Password), save, and choose it again.`,
      notXlsx: (s) => `“${s[0] ?? 'The workbook'}” is not a valid .xlsx workbook.`,
      tooBig: (s) =>
        s[3] !== undefined
          ? `Part “${s[3]}” of the workbook is ${s[4] ?? ''} MB uncompressed: too much to read within the time and memory allowed. Delete needless pictures, comments and cell formats, or split the data into smaller workbooks, save, and choose it again.`
          : s[2] !== undefined
            ? `Sheet “${s[0] ?? ''}” holds ${s[2]} cells in ${s[1] ?? ''}: too much to read within the time and memory allowed. Split the data into smaller workbooks or delete needless rows and cell formats, save, and choose it again.`
            : `Sheet “${s[0] ?? ''}” holds values across ${s[1] ?? ''}: too many cells to read (at most 5 million). Delete the content far outside the table (Ctrl+End finds the last cell) or needless merged cells, save, and choose it again.`,
      copyUnreadable: (s) =>
        `The checked workbook could not be read back after it was made (${s[0] ?? ''}), so it was not saved. The original workbook is unchanged; write the checked columns into it with the Excel add-in instead.`,
    },
    problemCode: (code) => ` (code ${code})`,
    hiddenSkipped: (s) => `Hidden sheets skipped: ${s.join(', ')} (not checked, not written).`,
    mergesUnread: (s) =>
      `Could not read the merged cells of sheet ${s.map(quote).join(', ')} (Excel returns at most 512 merged areas at once); checked as if unmerged, so check which units are sub-units.`,
    writeStopped: (w, n) =>
      w.length === 0
        ? 'The recomputed columns were not finished (Excel may have written part of them). Recompute to complete them (what was written is replaced, never doubled).'
        : `The recomputed columns were written only in part: done ${w.map((t) => `${t.title} (${t.sheet})`).join(', ')}; not finished ${n.map((t) => `${t.title} (${t.sheet})`).join(', ')}. Recompute to complete them (what was written is replaced, never doubled).`,
  },
  diagnostics: {
    emptySheet: () => 'The sheet is empty; skipped',
    noTableOnSheet: () =>
      'No evaluation table on this sheet (a header with 应处置数, 结案数, … is needed)',
    missingColumns: (p) =>
      `${quote(p.table)} lacks columns ${p.columns.join(', ')}: none of its figures (${p.figures.join(', ')}) can be computed`,
    figuresUnavailable: (p) =>
      `${quote(p.table)} lacks columns ${p.columns.join(', ')}: ${p.figures.join(', ')} cannot be computed; the rest is checked`,
    printedErrorValue: (p) =>
      `${quote(p.unit)}'s ${p.field} is the error value ${p.text}: it cannot be checked`,
    childWithoutParent: (p) =>
      `Sub-unit ${quote(p.unit)} has no parent above it; treated as a unit of its own`,
    missingName: () => 'This row has figures but no unit name; not evaluated',
    duplicateUnit: (p) =>
      `Unit ${quote(p.unit)} appears twice in this table (first in row ${p.firstRow})`,
    emptyCount: (p) => `${quote(p.unit)}: ${p.field} is empty; not evaluated`,
    notNumber: (p) => `${quote(p.unit)}: ${p.field} is not a number (${p.text}); not evaluated`,
    negative: (p) => `${quote(p.unit)}: ${p.field} is negative (${p.value}); not evaluated`,
    notInteger: (p) =>
      `${quote(p.unit)}: ${p.field} is not a whole number (${p.value}); not evaluated`,
    tooLarge: (p) => `${quote(p.unit)}: ${p.field} is too large (${p.value}); not evaluated`,
    exceeds: (p) =>
      `${quote(p.unit)}: ${p.field} (${p.value}) exceeds ${p.limitField} (${p.limit}); not evaluated`,
    reworkExceedsDisposed: (p) =>
      `${quote(p.unit)}: 返工数 (${p.rework}) exceeds 处置数 (${p.disposed}), a rework rate over 100%; please check`,
    noCases: (p) => `${quote(p.unit)} had no cases this month; not evaluated`,
    totalRowSkipped: (p) => `${quote(p.text)} is a totals row; not treated as a unit`,
    hotlineCountUnreadable: (p) =>
      `12345 table: ${quote(p.unit)} has no readable count (${p.text}); left out of totals and lists`,
    nothingToEvaluate: (p) => `${quote(p.unit)}: ${p.field} is 0; not evaluated`,
    formulaNoValue: (p) =>
      `${quote(p.unit)}: ${p.field} is a formula (=${p.formula}) saved without its result (no cached value: the file was not saved by Excel); not evaluated. Open and save it in Excel or WPS, then run again`,
    errorValue: (p) =>
      `${quote(p.unit)}: ${p.field} is the error value ${p.text} (a formula failed); not evaluated`,
    hugeNumber: (p) =>
      `${quote(p.unit)}: ${p.field} is too large (${p.text}${p.digits > 0 ? `, ${p.digits} digits` : ''}); not evaluated`,
    unreadableCell: (p) =>
      `${quote(p.unit)}: ${p.field} is marked as a number in the file but holds none (${p.text}); not evaluated`,
    invalidCharacters: (p) =>
      `${quote(p.text)} holds characters a Word document or a workbook cannot hold (${p.characters.join(', ')}); left out of the exported documents`,
    dateFormatted: (p) =>
      `${quote(p.unit)}: the ${p.field} cell is formatted as a date (shows ${p.date}); counted as the number it holds, ${p.value}. If typed by mistake, enter the count and format the cell as General`,
    cellsOutsideTables: (p) =>
      `${p.cells.join(', ')}${p.count > p.cells.length ? ` and more (${p.count} cells)` : ''} hold values far outside the tables (a thousand empty rows or a hundred empty columns away); not read. If typed by mistake, delete them (Ctrl+End finds them)`,
    overlappingMerges: (p) =>
      `Merged areas overlap (${p.merges.map((m) => (m.ref === m.overlaps ? `${m.ref} twice` : `${m.ref} with ${m.overlaps}`)).join('; ')}${p.count > p.merges.length ? `; ${p.count} in all` : ''}). Excel does not allow this: read as not merged, and the later merge is left out of the annotated copy so that it opens`,
  },
  severity: { error: 'Error', warning: 'Warning', info: 'Note' },
  reasons: {
    noCases: 'No cases this month',
    nothingToEvaluate: '应处置数 or 应结案数 is 0',
    invalidData: 'Invalid data',
    missingColumns: 'The table lacks a required column',
    missingName: 'No unit name',
    zeroCounts: (fields) => `${fields.join(' or ')} is 0`,
  },
  cli: {
    usage: [
      'Usage: npm run --silent tongbao -- evaluate <workbook.xlsx> [--previous <last-month.xlsx>] [--json <out.json>] [--text] [--docx <out.docx>] [--out <annotated.xlsx>] [--settings <settings.json>] [--scheme <name or scheme.json>]',
      '       npm run --silent tongbao -- template <template.xlsx>',
      '',
      '  template    write the empty 通报数据 sheet (.xlsx): fill in the month’s figures and keep it in the workbook with the evaluation tables',
      '  evaluate    recompute every evaluation table of the workbook and audit its printed figures',
      "  --previous  last month's workbook, for the month-over-month sentences",
      '  --json      write units, discrepancies, diagnostics and the paragraphs to a JSON file',
      "  --text      print the bulletin's ranking paragraphs",
      '  --docx      export the bulletin as a Word document (.docx, official format)',
      '  --out       save a copy of the workbook with the recomputed columns (.xlsx)',
      '  --settings  a JSON settings file: weights, bands, paragraph rules, issuer, date, …',
      '  --scheme    the evaluation scheme: a built-in name (fuzhou-2017, district-rates, company-score, hotline-dispatch) or a scheme file (.json); see README',
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
      `Error: ${option} ${output} is the same file as the ${{ workbook: 'workbook', previous: 'previous workbook (--previous)', settings: 'settings file (--settings)', scheme: 'scheme file (--scheme)' }[role]} ${input}; inputs are never overwritten`,
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
    unreadable: (f, reason) => `Error: cannot read ${f}: ${reason}`,
    badSheetName: (f, name, problem, reason) =>
      `Error: cannot read ${f}: the sheet name “${name}” ${{ tooLong: 'is over 31 characters', reserved: 'is reserved', characters: 'contains * ? : / \\ [ ]', quote: 'starts or ends with a quote' }[problem]}; rename the sheet and run again (${reason})`,
    cannotAnnotate: (f, reason) => `Error: cannot write ${f}: saving the copy failed (${reason})`,
    copyUnreadable: (f, reason) =>
      `Error: ${f} not written: the checked workbook could not be read back after it was made (${reason}); nothing written. The original is unchanged: write the checked columns into it with the Excel add-in instead`,
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
  },
};
