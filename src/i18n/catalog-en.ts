import type { Catalog } from './catalog';
import { quote } from './catalog';
import { settingsEnUS } from './settings-en';
import { summaryMessagesEnUS } from './summary-messages';
import { periodEnUS, periodSheetsEnUS } from './period';
import type { AuditSummary } from '../evaluation/audit-summary';

export function auditEn(a: AuditSummary): string {
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
    narrativeChecks: 'Before using the paragraphs below, please check:',
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
    dropHere: 'Drop this month’s workbook (.xlsx) or a draft to proofread (.docx, .txt) here, or',
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
    proofread: 'Proofread this document',
    proofreadIntro:
      'Checks the figures, rankings and month-on-month changes in the text against the chosen workbook; errors are highlighted in yellow.',
    proofreading: 'Proofreading…',
    clearMarks: 'Remove proofreading marks',
    marksCleared: (n) =>
      n > 0
        ? `Removed ${n} proofreading mark${n === 1 ? '' : 's'}; the text is unchanged.`
        : 'The document has no proofreading marks of Tongbao’s.',
    proofreadSummary: (c) =>
      `Found ${c.claims} checkable statements: ${c.matched} agree with the tables, ${c.wrong} are wrong, ${c.notChecked} cannot be checked.`,
    findingsHeading: (n) => `Errors (${n})`,
    findingLine: (p, m) => `Paragraph ${p}: ${m}`,
    notCheckedHeading: (n) => `Not checked (${n})`,
    notCheckedLine: (p, w, r) => `Paragraph ${p} “${w}”: ${r}`,
    proofreadMarked: (m, n, comments) =>
      `Marked ${m} in the document (${comments ? 'highlighted, with a comment' : 'highlighted'}); click an item below to select it.${m < n ? ` ${n - m} could not be located: look for them by paragraph number.` : ''}`,
    notMarked: 'Not located in the document',
    proofreadLimits: (s) =>
      !s.marks
        ? 'This version of Word lacks what proofreading needs (WordApi 1.1). Use Office 2016 or later, Word on the web or on a Mac, or proofread the .docx on the web page.'
        : `This version of Word ${[
            s.comments
              ? ''
              : 'has no comments or tracked changes (WordApi 1.4): errors are only highlighted, without comments; accept or reject tracked changes before proofreading',
            s.tables
              ? ''
              : 'cannot tell tables from body text (WordApi 1.3): table text is read as body text',
          ]
            .filter(Boolean)
            .join('; ')}.`,
    proofreadReadOnly:
      'The document is read-only or protected: nothing was marked in it. The errors are listed below.',
    proofreadMarkFailed:
      'Word could not mark every error; they are listed below. Remove the marks made with “Remove proofreading marks”.',
    proofreadFailed: 'Word could not read the document: proofreading did not finish. Try again.',
    proofreadWordFailed: 'Word could not do it (the document may be read-only or protected).',
    markTitle: '通报校对',
    markComment: (m) => `通报校对：${m}`,
    markGone: 'That mark is no longer in the document: proofread again.',
    draftLabel: 'Draft to proofread (optional)',
    chooseDraft: 'Choose a draft (.docx or .txt)…',
    pasteDraft: 'or paste the text',
    downloadMarked: 'Download the marked draft',
    proofreadNeedsDraft: 'Choose a draft or paste its text first.',
    draftUnreadable: (f) =>
      `“${f}” cannot be read: is it a Word document (.docx) or plain text (.txt)?`,
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
      periodsUnclear: (s) =>
        `Sheets ${s.map(quote).join(', ')} list the same units, but neither their names nor their titles name a period, so which month is which cannot be told; nothing was checked. Name the month in each sheet's name or title (e.g. 2017年8月), or move the other months' sheets to another workbook.`,
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
    periodsRead: (p) =>
      `Read by period: ${periodSheetsEnUS(p.current)} (this period)${p.previous === null ? '' : p.previousGiven ? `; the previous period comes from the other workbook given, and this workbook's earlier ${periodSheetsEnUS(p.previous)} were not read` : `; ${periodSheetsEnUS(p.previous)} (previous period)`}${p.unread.length === 0 ? '' : `; not read: ${p.unread.map(periodSheetsEnUS).join('; ')}`}`,
    periodConflict: (p) =>
      `The sheet's name says ${periodEnUS(p.name)} but its title ${quote(p.text)} says ${periodEnUS(p.title)}: read as ${periodEnUS(p.name)} (the name); correct one of them`,
    periodAssumed: (p) =>
      `Neither the sheet's name nor its title names a period: read as ${periodEnUS(p.period)}. If it is not, name the period in the sheet's name or title`,
    periodUnknownRepeats: (p) =>
      `Neither the sheet's name nor its title names a period, and ${quote(p.unit)}${p.count > 1 ? ` and ${p.count - 1} more units` : ''} are also on sheet ${quote(p.other)} (${periodEnUS(p.period)}): not read. To check it, name its month in the sheet's name or title`,
    unitInTwoSheets: (p) =>
      `${quote(p.unit)}${p.count > 1 ? ` and ${p.count - 1} more units` : ''} are also on sheet ${quote(p.other)}${p.period === null ? '' : ` (also ${periodEnUS(p.period)})`}: units repeated within one period count twice in rankings and totals. Delete the duplicate sheet or name each sheet's month`,
    previousNotAdjacent: (p) =>
      `The period before ${periodEnUS(p.current)} in this workbook is ${periodEnUS(p.previous)}, not the one right before it: the month-over-month sentences compare with ${periodEnUS(p.previous)}; check them`,
    formulaFromTable: (p) =>
      `${quote(p.column)} of “${p.table}” is not in the scheme: checked with the formula found from the table itself: ${p.statement}; please confirm the formula`,
  },
  severity: { error: 'Error', warning: 'Warning', info: 'Note' },
  discrepancyKinds: { childSum: ' (sum of sub-units)', totalSum: ' (sum of the units)' },
  reasons: {
    noCases: 'No cases this month',
    nothingToEvaluate: '应处置数 or 应结案数 is 0',
    invalidData: 'Invalid data',
    missingColumns: 'The table lacks a required column',
    missingName: 'No unit name',
    zeroCounts: (fields) => `${fields.join(' or ')} is 0`,
  },
};
