import type { DiagnosticCode, DiagnosticParams } from '../core/diagnostics';
import type { ProblemKey } from '../core/errors';
import type { AuditSummary } from '../evaluation/audit-summary';
import type { UnitKey } from '../narrative/types';
import { settingsZhCN, type SettingsStrings } from './settings';
import { summaryMessagesZhCN, type SummaryMessages } from './summary-messages';
import { beforeZhCN, periodSheetsZhCN, periodZhCN } from './period';

/**
 * Every user-facing string, typed: a locale that misses a message does not compile.
 * zh-CN is the users' language; en-US is the fallback UI language.
 */
/** The task pane's strings. */
export interface UiStrings {
  readonly title: string;
  readonly subtitle: string;
  readonly recompute: string;
  readonly working: string;
  readonly settings: string;
  readonly close: string;
  readonly excelTooOld: string;
  readonly failed: (message: string) => string;
  readonly wrote: (tables: number, audit: AuditSummary) => string;
  /**
   * What the audit checked, in one sentence: “全部一致” only when at least one printed figure
   * was checked and every one matched; what was not checked is counted, never hidden.
   */
  readonly audit: (audit: AuditSummary) => string;
  readonly conflicts: (cells: readonly string[]) => string;
  readonly noTables: string;
  readonly tablesFound: (n: number) => string;
  readonly tableLine: (
    title: string,
    group: string | null,
    units: number,
    evaluated: number,
  ) => string;
  readonly grades: string;
  readonly discrepancies: (n: number) => string;
  readonly discrepancyLine: (d: {
    sheet: string;
    cell: string;
    unit: string;
    field: string;
    printed: string;
    recomputed: string;
  }) => string;
  readonly diagnostics: (n: number) => string;
  readonly narrative: string;
  readonly narrativeHint: string;
  /** [issue 16] Above the text: the warnings and the reasons for its “【请核对】” marks. */
  readonly narrativeChecks: string;
  readonly copy: string;
  readonly copied: string;
  readonly copyFailed: string;
  readonly selectCell: (cell: string) => string;
  readonly settingsTitle: string;
  readonly weights: string;
  readonly weightLine: (closed: string, onTime: string, rework: string) => string;
  readonly bands: string;
  readonly rounding: (decimals: number, mode: string) => string;
  readonly zeroRule: string;
  readonly narrativeSettings: string;
  readonly narrativeLine: (
    named: number,
    bottom: number,
    improved: number,
    ties: string,
    change: string,
  ) => string;
  readonly leftOut: (names: readonly string[]) => string;
  readonly notEvaluated: string;
  readonly exportWord: string;
  readonly exporting: string;
  readonly exported: (name: string) => string;
  readonly macNoDownload: string;
  readonly importWorkbook: string;
  readonly importPrevious: string;
  readonly previousLoaded: (file: string) => string;
  readonly importing: string;
  readonly imported: (file: string, previous: string | null) => string;
  readonly withTables: string;
  readonly insert: string;
  readonly inserted: string;
  /** The Word pane's checkbox: replace a non-empty selection instead of inserting after it. */
  readonly replaceSelection: string;
  readonly insertedAt: (
    place: 'cursor' | 'afterSelection' | 'afterTable' | 'afterContentControl' | 'replacedSelection',
  ) => string;
  readonly wordIntro: string;
  readonly save: string;
  readonly cancel: string;
  readonly restoreDefaults: string;
  readonly exportSettings: string;
  readonly importSettings: string;
  readonly settingsWhere: (where: 'workbook' | 'document' | 'browser' | 'none') => string;
  readonly settingsSaved: (where: 'workbook' | 'document' | 'browser') => string;
  readonly settingsSavedRecompute: string;
  readonly settingsInvalid: string;
  readonly settingsImported: (file: string) => string;
  readonly settingsFileBad: (file: string, detail: string) => string;
  readonly savedSettingsBad: (detail: string) => string;
  readonly settingsSaveFailed: (detail: string) => string;
  readonly storageBlocked: string;
  readonly weightsPercent: string;
  /** Under the scheme picker: the figures the chosen scheme computes. */
  readonly schemeFigures: (figures: readonly string[]) => string;
  /** In place of the weights and bands when the scheme is not the default. */
  readonly schemeOwnFormulas: string;
  readonly customScheme: (name: string) => string;
  readonly bandsHint: string;
  readonly bandGrade: string;
  readonly bandMin: string;
  readonly addBand: string;
  readonly removeBand: (grade: string) => string;
  readonly reportSettings: string;
  readonly aliasesHint: string;
  readonly leftOutHint: string;
  readonly titleHint: string;
  readonly dateHint: string;
  readonly chooseFile: string;
  readonly noFileChosen: string;
  readonly chosenFile: (name: string) => string;
  readonly narrativeKept: string;
  readonly useNew: string;
  readonly keepMine: string;
  readonly officeJsMissing: string;
  readonly webTitle: string;
  readonly webIntro: string;
  readonly dropHere: string;
  readonly chooseCurrent: string;
  readonly stage: (stage: 'reading' | 'parsing' | 'checking' | 'writing', file: string) => string;
  readonly webChecked: (file: string, tables: number, audit: AuditSummary) => string;
  readonly downloadXlsx: string;
  readonly annotating: string;
  /** The figures under the paragraphs: the heading, and while ECharts loads. */
  readonly figures: string;
  readonly drawingFigures: string;
  /** Under the figures' heading in a narrow pane: the pictures scroll sideways. */
  readonly figuresScroll: string;
  /** In a figure's place when it cannot be drawn (a unit name ECharts cannot lay out…). */
  readonly figureNotDrawn: string;
  /** The checked workbook was saved without its chart sheet: a sheet of that name is the user's. */
  readonly chartSheetTaken: (sheet: string) => string;
  /** The empty 通报数据 sheet: the Excel pane's button, and the web page's download. */
  readonly insertTemplate: string;
  readonly templateInserted: (sheet: string) => string;
  readonly templateExists: (sheet: string) => string;
  /** The Excel pane's 插入图表工作表: the figures as pictures on Tongbao's own sheet. */
  readonly insertCharts: string;
  readonly insertingCharts: string;
  readonly chartsInserted: (sheet: string, pictures: number, replaced: boolean) => string;
  /** No figure left in the text: an earlier run's chart sheet was removed (or there was none). */
  readonly chartsNone: (removed: boolean) => string;
  /** A sheet of the chart sheet's name is the user's: nothing was changed. */
  readonly chartSheetRefused: (sheet: string) => string;
  /** No ExcelApi 1.9 (pictures): nothing was changed. */
  readonly chartsNeedNewerExcel: string;
  readonly downloadTemplate: string;
  /** [issue 17] Proofreading a written draft against the workbook(s): Word pane and web page. */
  readonly proofread: string;
  readonly proofreadIntro: string;
  readonly proofreading: string;
  readonly clearMarks: string;
  /** 清除校对标记: how many marks were removed (0: there were none). */
  readonly marksCleared: (n: number) => string;
  readonly proofreadSummary: (c: {
    claims: number;
    matched: number;
    wrong: number;
    notChecked: number;
  }) => string;
  readonly findingsHeading: (n: number) => string;
  readonly findingLine: (paragraph: number, message: string) => string;
  readonly notCheckedHeading: (n: number) => string;
  readonly notCheckedLine: (paragraph: number, written: string, reason: string) => string;
  /** In Word: how many findings were marked, and how (comments only with WordApi 1.4). */
  readonly proofreadMarked: (marked: number, findings: number, comments: boolean) => string;
  readonly notMarked: string;
  /** What this Word cannot do of 校对本文 (WordApi 1.1 / 1.3 / 1.4 missing). */
  readonly proofreadLimits: (s: { marks: boolean; tables: boolean; comments: boolean }) => string;
  readonly proofreadReadOnly: string;
  readonly proofreadMarkFailed: string;
  readonly proofreadFailed: string;
  /** 清除校对标记 or a click on a finding that Word refused. */
  readonly proofreadWordFailed: string;
  /** The marks in the document: the content controls' title, and the comments' start. */
  readonly markTitle: string;
  readonly markComment: (message: string) => string;
  readonly markGone: string;
  readonly draftLabel: string;
  readonly chooseDraft: string;
  readonly pasteDraft: string;
  readonly downloadMarked: string;
  readonly proofreadNeedsDraft: string;
  readonly draftUnreadable: (file: string) => string;
  readonly settingsReadOnly: string;
  readonly settingsHostError: (code: number | null, message: string) => string;
  /** A co-author saved settings that cannot be combined with this user's changes. */
  readonly settingsConflict: string;
  /** Host and file problems by key (src/core/errors.ts); `subjects` are sheet or file names. */
  readonly problems: { readonly [K in ProblemKey]: (subjects: readonly string[]) => string };
  /** The host's own error code, kept after the sentence for whoever helps the user. */
  readonly problemCode: (code: string) => string;
  readonly hiddenSkipped: (sheets: readonly string[]) => string;
  readonly mergesUnread: (sheets: readonly string[]) => string;
  /** A write that stopped part way (or never started): which tables were written. */
  readonly writeStopped: (
    written: readonly TableName[],
    notWritten: readonly TableName[],
  ) => string;
}

export interface Catalog {
  readonly ui: UiStrings;
  readonly settings: SettingsStrings;
  /** The summary tables' notes and totals that disagree. */
  readonly summary: SummaryMessages;
  readonly diagnostics: { readonly [K in DiagnosticCode]: (p: DiagnosticParams[K]) => string };
  readonly severity: { readonly error: string; readonly warning: string; readonly info: string };
  /** After a field's name in a discrepancy line: a parent's counts, a 合计 row's counts. */
  readonly discrepancyKinds: { readonly childSum: string; readonly totalSum: string };
  readonly reasons: {
    readonly noCases: string;
    readonly nothingToEvaluate: string;
    readonly invalidData: string;
    readonly missingColumns: string;
    readonly missingName: string;
    /** nothingToEvaluate, naming the scheme's counts (Fuzhou: 应处置数或应结案数为0). */
    readonly zeroCounts: (fields: readonly string[]) => string;
  };
}

/** A table of the write plan, as the pane names it. */
export interface TableName {
  readonly sheet: string;
  readonly title: string;
}

export const quote = (s: string) => `“${s}”`;
/** [issue 16] Sheets naming no period repeat each other's units. */
export const periodsUnclearZh = (s: readonly string[]) =>
  `工作表${s.map(quote).join('、')}中有相同的单位，但名称和标题都没有注明期间，无法判断各属哪个月，未复核。请在工作表名称或标题中注明月份（如“2017年8月”），或把其他月份的工作表移到另一个工作簿后再试。`;
export const unitLabel = (u: UnitKey) => (u.parent ? `${u.parent}/${u.name}` : u.name);

/** The audit in one sentence (pane, web page and command line say the same). */
export function auditZh(a: AuditSummary): string {
  const rest =
    a.notChecked > 0
      ? `；另有 ${a.notChecked} 个计算值未核对（方案中没有其公式，或缺少所需的列或数据）`
      : '';
  const sums =
    (a.childSums > 0 ? `；主管单位与下属单位之和不符 ${a.childSums} 处` : '') +
    (a.totals > 0 ? `；合计行与各单位之和不符 ${a.totals} 处` : '');
  if (a.figures === 0) return `表中没有可以核对的计算值${rest}${sums}。`;
  if (a.discrepancies === 0) return `已核对表中 ${a.figures} 个计算值，全部一致${rest}${sums}。`;
  return `已核对表中 ${a.figures} 个计算值，其中 ${a.discrepancies} 处与复核结果不一致${rest}${sums}。`;
}

export const zhCN: Catalog = {
  settings: settingsZhCN,
  summary: summaryMessagesZhCN,
  ui: {
    title: '通报',
    subtitle: '复核数字城管综合评价表，生成通报排名段落',
    recompute: '重新计算',
    working: '正在读取工作表并重新计算…',
    settings: '设置',
    close: '关闭',
    excelTooOld:
      '此版本的 Excel 不支持本加载项所需的功能（需要 ExcelApi 1.7，条件格式需要 1.6）。请升级 Excel 或使用网页版 Excel。',
    failed: (m) => `计算失败：${m}`,
    wrote: (t, a) =>
      `已在 ${t} 张表右侧写入复核列。${auditZh(a)}${a.discrepancies > 0 ? '不一致处已标红。' : ''}`,
    audit: (a) => auditZh(a),
    conflicts: (cells) =>
      `未做任何修改：复核列要写入的位置已有内容（${cells.slice(0, 8).join('、')}${cells.length > 8 ? ` 等 ${cells.length} 个单元格` : ''}）。请清空这些单元格或移动表格后重试。`,
    noTables: '未在工作簿中找到综合评价表（需有“应处置数”“结案数”等列的表头）。',
    tablesFound: (n) => `找到的表格（${n}）`,
    tableLine: (title, group, units, evaluated) =>
      `${title}：${group ?? '未分组'}，${units} 个单位，${evaluated} 个参加评价`,
    grades: '评价等级分布',
    discrepancies: (n) => `不一致的数值（${n}）`,
    discrepancyLine: (d) =>
      `${d.sheet}!${d.cell} ${d.unit} ${d.field}：表中 ${d.printed}，复核 ${d.recomputed}`,
    diagnostics: (n) => `数据提示（${n}）`,
    narrative: '通报段落',
    narrativeHint: '可直接修改，再复制到通报中。',
    narrativeChecks: '使用下面的段落前，请先核对：',
    copy: '复制',
    copied: '已复制',
    copyFailed: '无法复制，请手动选择文字复制。',
    selectCell: (cell) => `在工作表中选中 ${cell}`,
    settingsTitle: '设置',
    weights: '综合指标值权重',
    weightLine: (c, o, r) => `结案率 ${c}，按期结案率 ${o}，（1−返工率）${r}`,
    bands: '评价等级',
    rounding: (d, m) =>
      `各比率先按${m === 'halfUp' ? '四舍五入' : '四舍六入五成双'}保留 ${d} 位小数，再计算综合指标值`,
    zeroRule: '处置数为 0 时返工率记 0，返工项不得分',
    narrativeSettings: '段落规则',
    narrativeLine: (named, bottom, improved, ties, change) =>
      `并列时列举 ${named} 家；后 ${bottom} 位；进步前 ${improved} 位；末位并列${ties === 'includeAll' ? '全部列出' : '按表格顺序截断'}；比率变化写作“${change === 'percent' ? '上升50%' : '上升50个百分点'}”`,
    leftOut: (names) => `12345 名单中不列出：${names.join('、') || '无'}`,
    notEvaluated: '不参加评价',
    exportWord: '导出 Word',
    exporting: '正在生成 Word 文档…',
    exported: (name) => `已下载“${name}”。`,
    macNoDownload:
      'Mac 版 Excel 不支持从加载项下载文件。请用“复制”按钮复制段落，或在 Word 中打开本加载项导入工作簿。',
    importWorkbook: '从工作簿导入',
    importPrevious: '上月工作簿（可选）',
    previousLoaded: (file) => `已读取上月工作簿“${file}”，段落中加入与上月的比较。`,
    importing: '正在读取工作簿…',
    imported: (file, previous) =>
      `已读取“${file}”${previous ? `，并与上月“${previous}”比较` : ''}。`,
    withTables: '同时插入附件表格',
    insert: '插入到文档',
    inserted: '已插入到光标处。',
    replaceSelection: '替换所选内容',
    insertedAt: (place) =>
      ({
        cursor: '已插入到光标处。',
        afterSelection: '已插入到所选内容之后（所选内容保留；如需替换，请勾选“替换所选内容”）。',
        afterTable: '已插入到表格之后（光标在表格中，为免把附件表格嵌套进单元格）。',
        afterContentControl: '已插入到内容控件之后（光标在内容控件中，控件中原有的内容未改动）。',
        replacedSelection: '已替换所选内容。',
      })[place],
    wordIntro: '选择本月的工作簿（.xlsx），生成通报段落，再插入到文档光标处。',
    save: '保存',
    cancel: '取消',
    restoreDefaults: '恢复默认',
    exportSettings: '导出设置文件',
    importSettings: '导入设置文件…',
    settingsWhere: (w) =>
      w === 'workbook' || w === 'document'
        ? `设置写入本${w === 'workbook' ? '工作簿' : '文档'}，保存文件后随文件共享给同事；发文机关和主送机关同时记为您本人的默认值。`
        : w === 'browser'
          ? '设置保存在本浏览器中，不会上传到任何地方。'
          : '本环境无法保存设置，只在本次使用中有效。',
    settingsSaved: (w) =>
      w === 'browser'
        ? '设置已保存在本浏览器中。'
        : `设置已写入本${w === 'workbook' ? '工作簿' : '文档'}（保存文件后随文件共享）。`,
    settingsSavedRecompute: '请点击“重新计算”，按新设置复核。',
    settingsInvalid: '设置有误，未保存：',
    settingsImported: (f) => `已读入设置文件“${f}”，核对后点击“保存”生效。`,
    settingsFileBad: (f, d) => `设置文件“${f}”有误：${d}`,
    savedSettingsBad: (d) => `保存的设置有误，已改用默认设置（${d}）。请打开“设置”修改后保存。`,
    settingsSaveFailed: (d) => `设置未能保存：${d}`,
    storageBlocked:
      '此浏览器禁止保存数据（可能处于隐私模式或受策略限制），设置只在本次使用中有效。',
    weightsPercent: '综合指标值权重（%，三项之和为 100）',
    schemeFigures: (f) => (f.length > 0 ? `计算：${f.join('、')}` : ''),
    schemeOwnFormulas:
      '此方案自带公式、小数位数和等级（见 README“评价方案”），权重、分母和等级在方案文件中修改；下面的段落和文档设置照常适用。',
    customScheme: (name) => `设置文件中的方案：${name}`,
    bandsHint: '从高到低排列，最后一级的最低分为 0',
    bandGrade: '等级',
    bandMin: '最低分',
    addBand: '添加一级',
    removeBand: (g) => `删除等级 ${g}`,
    reportSettings: '通报文档',
    aliasesHint: '每行一个：原名=通报中的写法',
    leftOutHint: '每行一个单位名称',
    titleHint: '不填则按发文机关和月份生成',
    dateHint: '如 2017年9月25日；不填则不写日期',
    narrativeKept: '已按新的数据或设置重新生成段落；您修改过的文字没有被替换。',
    useNew: '改用新段落',
    officeJsMissing:
      '未能加载 Office 的 office.js（来自微软的网络地址 appsforoffice.microsoft.com），加载项无法启动。请检查网络；内网环境请让信息中心用 “--env officeJs=local” 重新构建加载项，或改用通报网页版（web/index.html）。',
    webTitle: '通报 网页版',
    webIntro:
      '不需要 Office，也不联网：工作簿只在本机浏览器中读取和计算，不会上传。可下载加上复核列的工作簿和 Word 通报。',
    dropHere: '把本月工作簿（.xlsx）或要校对的文稿（.docx、.txt）拖到这里，或',
    chooseCurrent: '选择本月工作簿…',
    stage: (stage, f) =>
      ({
        reading: `正在读取“${f}”…`,
        parsing: '正在解析工作表…',
        checking: '正在复核计算…',
        writing: '正在生成通报段落…',
      })[stage],
    webChecked: (f, t, a) =>
      `已复核“${f}”中的 ${t} 张表。${auditZh(a)}${a.discrepancies + a.childSums + a.totals > 0 ? '不一致处见下方列表。' : ''}${a.discrepancies > 0 ? '下载的复核工作簿中已标红。' : ''}`,
    downloadXlsx: '下载复核工作簿',
    annotating: '正在生成复核工作簿…',
    figures: '通报中的图',
    drawingFigures: '正在绘制图…',
    figuresScroll: '窗格较窄，图可左右滚动查看；拖宽窗格可看到整张图。',
    figureNotDrawn: '此图未能绘制，导出的文档中也将略去此图；其余的图和文字不受影响。',
    chartSheetTaken: (sheet) =>
      `工作簿中已有名为“${sheet}”的工作表且不是通报生成的，复核工作簿中未放入图表；请将该表改名后重试。`,
    insertTemplate: '插入通报数据表',
    templateInserted: (sheet) =>
      `已插入工作表“${sheet}”：在“本月”列填写本月数据，保存后点击“重新计算”，通报段落即按这些数据生成。`,
    templateExists: (sheet) =>
      `工作簿中已有名为“${sheet}”的工作表，未插入新表（为免覆盖其中的数据）。如需空白表，请先将该表改名或删除。`,
    insertCharts: '插入图表工作表',
    insertingCharts: '正在绘制并插入图表…',
    chartsInserted: (sheet, n, replaced) =>
      `已${replaced ? '重新生成' : '插入'}工作表“${sheet}”，其中有 ${n} 张图（图片）。该表由通报生成，再次插入时整表替换，请勿在其中编辑。`,
    chartsNone: (removed) =>
      removed
        ? '正文中已没有图，已删除上次生成的“通报图表”工作表。'
        : '正文中没有图，未插入图表工作表。',
    chartSheetRefused: (sheet) =>
      `工作簿中已有名为“${sheet}”的工作表且不是通报生成的，未做任何修改；请将该表改名后重试。`,
    chartsNeedNewerExcel:
      '此版本的 Excel 不支持在工作表中插入图片（需要 ExcelApi 1.9，如 Microsoft 365 或 Excel 2021），未做任何修改。可点击“导出 Word”查看图，或用通报网页版下载带图表的复核工作簿。',
    downloadTemplate: '下载通报数据模板',
    proofread: '校对本文',
    proofreadIntro: '对照所选工作簿核对文中的数字、排名和环比，错处以黄色突出显示。',
    proofreading: '正在校对…',
    clearMarks: '清除校对标记',
    marksCleared: (n) =>
      n > 0 ? `已清除 ${n} 处校对标记，文字未改动。` : '文档中没有通报的校对标记。',
    proofreadSummary: (c) =>
      `找到 ${c.claims} 处可核对的内容：${c.matched} 处与表格一致，${c.wrong} 处有误，${c.notChecked} 处无法核对。`,
    findingsHeading: (n) => `有误之处（${n}）`,
    findingLine: (p, m) => `第${p}段 ${m}`,
    notCheckedHeading: (n) => `未核对（${n}）`,
    notCheckedLine: (p, w, r) => `第${p}段 “${w}”：${r}`,
    proofreadMarked: (m, n, comments) =>
      `已在文档中标出 ${m} 处${comments ? '（黄色突出显示并加批注）' : '（黄色突出显示）'}，点击下方条目可选中。${m < n ? `另有 ${n - m} 处未能定位，请按段落号查找。` : ''}`,
    notMarked: '未能在文档中定位',
    proofreadLimits: (s) =>
      !s.marks
        ? '此版本的 Word 不支持校对所需的功能（WordApi 1.1）。请使用 Office 2016 及以上、网页版或 Mac 版 Word，或在通报网页版中校对 .docx 文件。'
        : `此版本的 Word ${[
            s.comments
              ? ''
              : '不支持批注和修订（WordApi 1.4）：错处只以黄色突出显示，不加批注；文中如有修订，请先接受或拒绝修订再校对',
            s.tables ? '' : '无法区分表格和正文（WordApi 1.3），表格中的文字按正文校对',
          ]
            .filter(Boolean)
            .join('；')}。`,
    proofreadReadOnly: '文档为只读或受保护，未能在文档中标出错处，错处见下方列表。',
    proofreadMarkFailed:
      'Word 未能标出全部错处，错处见下方列表；已标出的部分可用“清除校对标记”移除。',
    proofreadFailed: 'Word 未能读取文档，未完成校对。请稍后重试。',
    proofreadWordFailed: 'Word 未能完成操作（文档可能为只读或受保护）。',
    markTitle: '通报校对',
    markComment: (m) => `通报校对：${m}`,
    markGone: '该处标记已不在文档中，请重新校对。',
    draftLabel: '待校对的通报稿（可选）',
    chooseDraft: '选择通报稿（.docx 或 .txt）…',
    pasteDraft: '或粘贴通报文字',
    downloadMarked: '下载标记稿',
    proofreadNeedsDraft: '请先选择通报稿或粘贴通报文字。',
    draftUnreadable: (f) => `“${f}”无法读取，请确认是 Word 文档（.docx）或纯文本（.txt）。`,
    settingsReadOnly:
      '此工作簿以只读方式打开（例如网页版 Excel 的“查看”模式），设置无法保存到文件中。请切换到“编辑”后再保存。',
    settingsHostError: (code, m) =>
      `Office 未能把设置保存到文件中（错误代码 ${code ?? '未知'}：${m}）。`,
    settingsConflict:
      '您修改期间，其他编辑者已在文件中保存了设置，与您的修改无法合并，您的修改未保存。现按文件中的设置生效；请关闭“设置”后重新打开，核对后再修改保存。',
    keepMine: '保留我的修改',
    chooseFile: '选择文件…',
    noFileChosen: '未选择文件',
    chosenFile: (n) => `已选择：${n}`,
    problems: {
      excelTooOld: () =>
        '此版本的 Excel 不支持本加载项所需的功能（需要 ExcelApi 1.7，条件格式需要 1.6）。请升级 Excel 或使用网页版 Excel。',
      cellEditMode: () =>
        'Excel 正处于单元格编辑状态，加载项无法读写工作表。请按 Enter 或 Tab 键（或单击其他单元格）结束编辑，再点击“重新计算”。',
      readOnly: () =>
        '此工作簿以只读方式打开（例如网页版 Excel 的“查看”模式），未写入复核列。请切换到“编辑”后再点击“重新计算”。',
      accessDenied: () =>
        'Excel 拒绝了写入：工作簿可能是只读的、工作表受保护，或您没有编辑权限。请检查后再点击“重新计算”。',
      protectedSheets: (s) =>
        `未做任何修改：工作表${s.map(quote).join('、')}受保护，复核列无法写入；为免只写一半，其他工作表也未写入。请在“审阅 → 撤消工作表保护”后再点击“重新计算”。`,
      itemNotFound: (s) =>
        `找不到${s.length > 0 ? `工作表${quote(s[0]!)}` : '要操作的工作表或单元格'}（可能已被重命名或删除）。请点击“重新计算”刷新结果。`,
      hiddenSheet: (s) =>
        `工作表${quote(s[0] ?? '')}已隐藏，未切换过去。如需查看，请右键单击工作表标签，选择“取消隐藏”。`,
      hostGeneral: () =>
        'Excel 处理请求时发生内部错误。请稍后再点击“重新计算”；如仍失败，请保存并重新打开工作簿。',
      payloadTooLarge: () =>
        '数据超过了网页版 Excel 单次读写 5 MB 的限制，拆到单行后仍然过大。请缩短特别长的单元格文字后重试，或改用桌面版 Excel。',
      hostFailed: () => 'Excel 未能完成操作。请稍后再点击“重新计算”。',
      legacyXls: (s) =>
        `“${s[0] ?? '工作簿'}”是旧版 Excel 97-2003 格式（.xls），无法读取。请在 Excel 或 WPS 中打开，另存为“Excel 工作簿（.xlsx）”后再选择。`,
      wordReadOnly: () =>
        '文档为只读或受保护（例如网页版 Word 的“查看”模式、以只读方式打开、限制编辑或锁定的内容控件），无法插入。请切换到“编辑”或取消保护后再试。',
      wordApiMissing: () =>
        '此版本的 Word 不支持插入所需的功能（WordApi 1.3：判断光标是否在表格中），为免把表格插进单元格，未插入任何内容。请使用 Microsoft 365、Office 2019 及以上、网页版 Word 或 Mac 版 Word，或用“复制”后粘贴。',
      wordTooLarge: () =>
        '内容太多，网页版 Word 一次无法插入。请取消勾选“同时插入附件表格”后再试。',
      wordFailed: () =>
        'Word 未能插入内容。如果文档处于“查看”模式、只读或受保护，请先切换到编辑再试；如果光标在纯文本内容控件中，请把光标移到控件之外再试。',
      fileMissing: (s) => `找不到文件“${s[0] ?? ''}”。`,
      noTables: (s) =>
        `“${s[0] ?? '工作簿'}”中未找到综合评价表（需有“应处置数”“结案数”等列的表头）。`,
      badSettings: (s) => `设置文件“${s[0] ?? ''}”有误：${s[1] ?? ''}`,
      encrypted: (s) =>
        `“${s[0] ?? '工作簿'}”设有打开密码，无法读取。请在 Excel 或 WPS 中打开，在“文件 → 信息 → 保护工作簿 → 用密码进行加密”中删除密码并保存，再选择。`,
      notXlsx: (s) => `“${s[0] ?? '工作簿'}”不是有效的 .xlsx 工作簿。`,
      // Subjects: sheet, range[, cells]; or '', '', '', part, megabytes (a part of the zip).
      tooBig: (s) =>
        s[3] !== undefined
          ? `工作簿中的部件“${s[3]}”解压后有 ${s[4] ?? ''} MB，数据量过大，无法在限定的时间和内存内读取。请删除不需要的图片、批注和单元格格式，或把数据拆分到几个较小的工作簿，保存后再选择。`
          : s[2] !== undefined
            ? `工作表“${s[0] ?? ''}”在 ${s[1] ?? ''} 范围内有 ${s[2]} 个单元格，数据量过大，无法在限定的时间和内存内读取。请把数据拆分到几个较小的工作簿，或删除不需要的行和单元格格式，保存后再选择。`
            : `工作表“${s[0] ?? ''}”的内容分布在 ${s[1] ?? ''} 范围内，单元格过多（上限 500 万个），无法读取。请删除表格以外远处的内容（按 Ctrl+End 可找到最后一个单元格）或不必要的合并单元格，保存后再选择。`,
      copyUnreadable: (s) =>
        `复核工作簿生成后重新读取失败（${s[0] ?? ''}），未保存。原工作簿没有改动；可改用 Excel 加载项直接在原工作簿中写入复核列。`,
      periodsUnclear: (s) => periodsUnclearZh(s),
    },
    problemCode: (code) => `（错误代码：${code}）`,
    hiddenSkipped: (s) => `已跳过隐藏的工作表：${s.join('、')}（不复核，也不写入）。`,
    mergesUnread: (s) =>
      `未能读取工作表${s.map(quote).join('、')}的合并单元格（Excel 一次最多读出 512 个合并区域），已按没有合并单元格复核；下属单位的归属请核对。`,
    writeStopped: (w, n) =>
      w.length === 0
        ? '复核列未写完（Excel 可能已写入其中一部分）。请点击“重新计算”补全（已写入的列会被替换，不会重复）。'
        : `复核列只写入了一部分：已写入 ${w.map((t) => `${t.title}（${t.sheet}）`).join('、')}；未写完 ${n.map((t) => `${t.title}（${t.sheet}）`).join('、')}。请点击“重新计算”补全（已写入的列会被替换，不会重复）。`,
  },
  diagnostics: {
    emptySheet: () => '工作表为空，已跳过',
    noTableOnSheet: () => '此工作表中未找到综合评价表（需有“应处置数”“结案数”等列的表头）',
    missingColumns: (p) =>
      `${quote(p.table)}缺少列：${p.columns.join('、')}，该表无法计算任何数值（${p.figures.join('、')}）`,
    figuresUnavailable: (p) =>
      `${quote(p.table)}缺少列：${p.columns.join('、')}，无法计算${p.figures.join('、')}；其余数值照常复核`,
    printedErrorValue: (p) =>
      `${quote(p.unit)}的${p.field}是错误值 ${p.text}，无法核对，请检查表中公式`,
    childWithoutParent: (p) => `下属单位${quote(p.unit)}前没有主管单位，已按独立单位处理`,
    missingName: () => '此行有数据但缺少单位名称，未参加评价',
    duplicateUnit: (p) => `单位${quote(p.unit)}在本表中重复出现（首次见第${p.firstRow}行）`,
    emptyCount: (p) => `${quote(p.unit)}的“${p.field}”为空，未参加评价`,
    notNumber: (p) => `${quote(p.unit)}的“${p.field}”不是数字（${p.text}），未参加评价`,
    negative: (p) => `${quote(p.unit)}的“${p.field}”为负数（${p.value}），未参加评价`,
    notInteger: (p) => `${quote(p.unit)}的“${p.field}”不是整数（${p.value}），未参加评价`,
    tooLarge: (p) => `${quote(p.unit)}的“${p.field}”数值过大（${p.value}），未参加评价`,
    exceeds: (p) =>
      `${quote(p.unit)}的“${p.field}”（${p.value}）大于“${p.limitField}”（${p.limit}），未参加评价`,
    reworkExceedsDisposed: (p) =>
      `${quote(p.unit)}的返工数（${p.rework}）大于处置数（${p.disposed}），返工率超过100%，请核对`,
    noCases: (p) => `${quote(p.unit)}本月无应处置案件，不参加评价`,
    totalRowSkipped: (p) => `${quote(p.text)}是合计行，不作为单位参加评价或排名`,
    hotlineCountUnreadable: (p) =>
      `12345 表中${quote(p.unit)}的受理数不是数字（${p.text}），未计入合计和排名`,
    nothingToEvaluate: (p) => `${quote(p.unit)}的“${p.field}”为0，不参加评价`,
    formulaNoValue: (p) =>
      `${quote(p.unit)}的“${p.field}”是公式（=${p.formula}），但文件中没有公式的计算结果（公式没有缓存值，文件不是由 Excel 保存的），未参加评价；请在 Excel 或 WPS 中打开并保存后再复核`,
    errorValue: (p) => `${quote(p.unit)}的“${p.field}”是错误值 ${p.text}（公式出错），未参加评价`,
    hugeNumber: (p) =>
      `${quote(p.unit)}的“${p.field}”数值过大（${p.text}${p.digits > 0 ? `，共 ${p.digits} 位` : ''}），未参加评价`,
    unreadableCell: (p) =>
      `${quote(p.unit)}的“${p.field}”在文件中标为数字，内容却不是数字（${p.text}），未参加评价`,
    invalidCharacters: (p) =>
      `${quote(p.text)}含有 Word 文档和工作簿中无法保存的字符（${p.characters.join('、')}），导出时已删去`,
    dateFormatted: (p) =>
      `${quote(p.unit)}的“${p.field}”单元格是日期格式（显示为 ${p.date}），已按其中的数字 ${p.value} 计；如是误输入，请改为案件数并设为“常规”格式`,
    cellsOutsideTables: (p) =>
      `${p.cells.join('、')}${p.count > p.cells.length ? ` 等 ${p.count} 个单元格` : ''}有内容，位于各表之外的远处（与其余内容隔着上千个空行或上百个空列），未读入；如是误输入，请删除（按 Ctrl+End 可找到）`,
    overlappingMerges: (p) =>
      `合并单元格有重叠（${p.merges.map((m) => (m.ref === m.overlaps ? `${m.ref} 重复` : `${m.ref} 与 ${m.overlaps}`)).join('；')}${p.count > p.merges.length ? `，共 ${p.count} 处` : ''}），Excel 不允许这样的合并；复核时按未合并读取，复核工作簿中已去掉后一个合并，以便能正常打开`,
    periodsRead: (p) =>
      `按期间读取：${periodSheetsZhCN(p.current)}（本期）${p.previous === null ? '' : p.previousGiven ? `；${beforeZhCN(p.current.period)}取自另选的上月工作簿，本工作簿中较早的 ${periodSheetsZhCN(p.previous)} 未读取` : `；${periodSheetsZhCN(p.previous)}（${beforeZhCN(p.current.period)}）`}${p.unread.length === 0 ? '' : `；未读取：${p.unread.map(periodSheetsZhCN).join('；')}`}`,
    periodConflict: (p) =>
      `工作表名称为${periodZhCN(p.name)}，标题${quote(p.text)}却是${periodZhCN(p.title)}：已按工作表名称读作${periodZhCN(p.name)}，请核对后改正其一`,
    periodAssumed: (p) =>
      `此工作表的名称和标题中没有注明期间，已按${periodZhCN(p.period)}读取；如不是${periodZhCN(p.period)}的数据，请在工作表名称或标题中注明期间`,
    periodUnknownRepeats: (p) =>
      `此工作表的名称和标题中没有注明期间，其中${quote(p.unit)}${p.count > 1 ? `等 ${p.count} 个单位` : ''}与工作表${quote(p.other)}（${periodZhCN(p.period)}）重复，无法判断属于哪一期，未读取；如要复核，请在工作表名称或标题中注明月份`,
    unitInTwoSheets: (p) =>
      `${quote(p.unit)}${p.count > 1 ? `等 ${p.count} 个单位` : ''}也在工作表${quote(p.other)}中${p.period === null ? '' : `（同为${periodZhCN(p.period)}）`}：同一期间的单位重复出现，排名和合计中会算两次；请删除重复的工作表，或在工作表名称中注明各自的月份`,
    previousNotAdjacent: (p) =>
      `本工作簿中${periodZhCN(p.current)}之前最近的是${periodZhCN(p.previous)}，不是${beforeZhCN(p.current)}：“较上月”的句子是与${periodZhCN(p.previous)}比较的，请核对`,
    formulaFromTable: (p) =>
      `“${p.table}”的${quote(p.column)}不在评价方案中，已按表格本身推得的公式核对：${p.statement}；请确认公式`,
  },
  severity: { error: '错误', warning: '提醒', info: '说明' },
  discrepancyKinds: { childSum: '（下属单位合计）', totalSum: '（各单位之和）' },
  reasons: {
    noCases: '本月无应处置案件',
    nothingToEvaluate: '应处置数或应结案数为0',
    invalidData: '数据有误',
    missingColumns: '表格缺少必需的列',
    missingName: '缺少单位名称',
    zeroCounts: (fields) => `${fields.join('或')}为0`,
  },
};

export type Locale = 'zh-CN' | 'en-US';

/** Chinese for zh-*, English otherwise. */
export function isChinese(locale: string): boolean {
  return locale.toLowerCase().startsWith('zh');
}

/**
 * The catalog for a locale. English, the fallback, loads only when asked for: the users read
 * Chinese, and the task pane's first bundle carries only what they read.
 */
export async function loadCatalog(locale: string): Promise<Catalog> {
  if (isChinese(locale)) return zhCN;
  return (await import('./catalog-en')).enUS;
}
