import type { DiagnosticCode, DiagnosticParams } from '../core/diagnostics';
import type { ProblemKey } from '../core/errors';
import type { AuditSummary } from '../evaluation/audit-summary';
import type { Comparison, UnitKey } from '../narrative/types';
import type { CopyLossKind } from '../io/xlsx-write';
import { settingsZhCN, type SettingsStrings } from './settings';
import { summaryMessagesZhCN, type SummaryMessages } from './summary-messages';

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
  readonly reasons: {
    readonly noCases: string;
    readonly nothingToEvaluate: string;
    readonly invalidData: string;
    readonly missingColumns: string;
    readonly missingName: string;
    /** nothingToEvaluate, naming the scheme's counts (Fuzhou: 应处置数或应结案数为0). */
    readonly zeroCounts: (fields: readonly string[]) => string;
  };
  readonly cli: {
    readonly usage: string;
    readonly fileMissing: (file: string) => string;
    readonly notXlsx: (file: string) => string;
    readonly noTables: (file: string) => string;
    /** The summary tables read, and how many of their totals disagree with their parts. */
    readonly summaryTotals: (
      sheets: readonly string[],
      checked: number,
      discrepancies: number,
    ) => string;
    /** `tongbao template` naming a file that exists. */
    readonly templateExists: (file: string) => string;
    /** No Chinese font to draw the charts' pictures with. */
    readonly noChartFont: string;
    /** A sheet named as the chart sheet that Tongbao did not make. */
    readonly chartSheetTaken: (sheet: string) => string;
    /** A picture's title on the chart sheet: 图1 …. */
    readonly figureTitle: (n: number, title: string) => string;
    /** A figure that could not be drawn (ECharts or the rasteriser failed): left out. */
    readonly figureFailed: (n: number, title: string, reason: string) => string;
    /** `--scheme` names neither a preset nor a readable scheme file. */
    readonly unknownScheme: (value: string, presets: readonly string[]) => string;
    readonly unknownOption: (option: string) => string;
    readonly optionNeedsValue: (option: string) => string;
    readonly wroteJson: (file: string) => string;
    readonly summaryHeader: (tables: number, units: number, evaluated: number) => string;
    readonly tableHeading: (
      title: string,
      group: string | null,
      sheet: string,
      cell: string,
    ) => string;
    /** Heading of the unit-name column; the figures' columns are the scheme's names. */
    readonly unitColumn: string;
    readonly audit: (audit: AuditSummary) => string;
    readonly discrepancyLine: (d: {
      sheet: string;
      cell: string;
      unit: string;
      field: string;
      printed: string;
      recomputed: string;
    }) => string;
    readonly diagnosticsHeading: (n: number) => string;
    readonly notEvaluated: string;
    readonly childSum: string;
    /** After a 合计 row's count: what it was checked against. */
    readonly totalSum: string;
    readonly comparison: (c: Comparison) => string;
    readonly conflicts: (file: string, cells: readonly string[]) => string;
    readonly badSettings: (file: string, detail: string) => string;
    readonly notJson: (detail: string) => string;
    readonly legacyXls: (file: string) => string;
    readonly encrypted: (file: string) => string;
    /** [grid bounds] A sheet whose values span too many cells. */
    /** `cells` given: too many cells for the reader (not the 5-million box). */
    readonly tooBig: (file: string, sheet: string, range: string, cells?: string) => string;
    /** [grid bounds] Another part of the zip (styles, shared strings, media) too big to load. */
    readonly partTooBig: (file: string, part: string, megabytes: string) => string;
    /** An output naming an input file (the workbook, --previous, --settings). */
    readonly outputIsInput: (
      option: string,
      output: string,
      role: 'workbook' | 'previous' | 'settings' | 'scheme',
      input: string,
    ) => string;
    readonly sameOutput: (optionA: string, a: string, optionB: string, b: string) => string;
    readonly wrongExtension: (option: string, file: string, extension: string) => string;
    readonly outputIsFolder: (file: string) => string;
    readonly outputUnderFile: (file: string, parent: string) => string;
    readonly outputNotFile: (file: string) => string;
    /** An output that could not be written: `code` is the system's (EACCES, ENOSPC…). */
    readonly cannotWrite: (file: string, code: string, detail: string) => string;
    readonly macroWorkbook: (file: string) => string;
    /** A zip ExcelJS could not open as a workbook, with its reason. */
    readonly unreadable: (file: string, reason: string) => string;
    /** A sheet name ExcelJS refuses (Excel or another tool wrote it), with ExcelJS's reason. */
    readonly badSheetName: (
      file: string,
      name: string,
      problem: 'tooLong' | 'reserved' | 'characters' | 'quote',
      reason: string,
    ) => string;
    /** ExcelJS could not save the annotated copy. */
    readonly cannotAnnotate: (file: string, reason: string) => string;
    /** [issue 18] The annotated copy, read again before it is kept, could not be. */
    readonly copyUnreadable: (file: string, reason: string) => string;
    /** [issue 18] Before writing: what the annotated copy will not keep (`copyLossKinds`). */
    readonly copyLoses: (
      file: string,
      items: readonly { readonly what: string; readonly sheets: readonly string[] }[],
    ) => string;
    readonly copyLossKinds: { readonly [K in CopyLossKind]: string };
  };
}

/** A table of the write plan, as the pane names it. */
export interface TableName {
  readonly sheet: string;
  readonly title: string;
}

export const quote = (s: string) => `“${s}”`;
export const unitLabel = (u: UnitKey) => (u.parent ? `${u.parent}/${u.name}` : u.name);

/** The audit in one sentence (pane, web page and command line say the same). */
function auditZh(a: AuditSummary): string {
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
    dropHere: '把本月工作簿（.xlsx）拖到这里，或',
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
  },
  severity: { error: '错误', warning: '提醒', info: '说明' },
  reasons: {
    noCases: '本月无应处置案件',
    nothingToEvaluate: '应处置数或应结案数为0',
    invalidData: '数据有误',
    missingColumns: '表格缺少必需的列',
    missingName: '缺少单位名称',
    zeroCounts: (fields) => `${fields.join('或')}为0`,
  },
  cli: {
    usage: [
      '用法：npm run --silent tongbao -- evaluate <工作簿.xlsx> [--previous <上月.xlsx>] [--json <输出.json>] [--text] [--docx <通报.docx>] [--out <复核.xlsx>] [--settings <设置.json>] [--scheme <方案名或方案.json>]',
      '      npm run --silent tongbao -- template <通报数据.xlsx>',
      '',
      '  template    写出空白的“通报数据”工作表（.xlsx）：按表填写本月数据后，与评价表放在同一工作簿中即可读取',
      '  evaluate    读取工作簿中的综合评价表，复核返工率、结案率、按期结案率、综合指标值和评价等级',
      '  --previous  上月的工作簿：生成“较上月”的句子',
      '  --json      将单位、差异、诊断信息和通报段落写入 JSON 文件（不写则在终端打印摘要）',
      '  --text      打印通报中的排名段落',
      '  --docx      导出通报 Word 文档（.docx，党政机关公文格式）',
      '  --out       另存一份加上复核列的工作簿（.xlsx），原有单元格不变',
      '  --settings  设置文件（JSON）：权重、等级、段落规则、发文机关、日期等',
      '  --scheme    评价方案：内置方案名（fuzhou-2017、district-rates、company-score、hotline-dispatch）或方案文件（.json），见 README“评价方案”',
    ].join('\n'),
    fileMissing: (f) => `错误：找不到文件 ${f}`,
    notXlsx: (f) => `错误：${f} 不是有效的 .xlsx 工作簿`,
    noTables: (f) =>
      `错误：${f} 中未找到评价表（表头需有单位名称列，以及评价方案中至少一个比率所需的列，如“结案数”“应结案数”；其他城市的表格请用 --scheme 选择方案）`,
    summaryTotals: (sheets, checked, n) =>
      `汇总表（${sheets.map((s) => `“${s}”`).join('、') || '无'}）及12345表的合计：${checked === 0 ? '没有可以核对的合计（表中没有其组成项）。' : n === 0 ? `已核对 ${checked} 个合计和比率，与各项一致。` : `已核对 ${checked} 个合计和比率，其中 ${n} 处与各项不一致：`}`,
    templateExists: (f) =>
      `错误：${f} 已存在，未改动；模板不会覆盖已有文件（可能是您的工作簿），请另选文件名`,
    noChartFont:
      '提示：未找到中文字体（微软雅黑、黑体或 Noto Sans CJK；可用环境变量 TONGBAO_CHART_FONT 指定字体文件），图表未生成图片，Word 文档中留出说明，复核工作簿中不放图表',
    chartSheetTaken: (sheet) =>
      `提示：工作簿中已有名为“${sheet}”的工作表且不是通报生成的，复核工作簿中未放入图表；请将该表改名后重试`,
    figureTitle: (n, title) => `图${n} ${title}`,
    figureFailed: (n, title, reason) => `提示：图${n}（${title}）未能绘制，已略去：${reason}`,
    unknownScheme: (v, presets) =>
      `错误：--scheme ${v} 既不是内置方案（${presets.join('、')}），也不是可读取的方案文件（.json）`,
    unknownOption: (o) => `错误：不认识的参数 ${o}`,
    optionNeedsValue: (o) => `错误：参数 ${o} 需要一个值`,
    wroteJson: (f) => `已写入 ${f}`,
    summaryHeader: (t, u, e) => `共找到 ${t} 张评价表，${u} 个单位，其中 ${e} 个参加评价。`,
    tableHeading: (title, group, sheet, cell) =>
      `【${title}】（${group ?? '未分组'}，工作表“${sheet}”${cell}）`,
    unitColumn: '单位',
    audit: (a) => auditZh(a),
    discrepancyLine: (d) =>
      `  ${d.sheet}!${d.cell}  ${d.unit}  ${d.field}：表中为 ${d.printed}，复核为 ${d.recomputed}`,
    diagnosticsHeading: (n) => `数据提示 ${n} 条：`,
    notEvaluated: '不参加评价',
    childSum: '（下属单位合计）',
    totalSum: '（各单位之和）',
    badSettings: (file, detail) => `错误：设置文件 ${file} 有误：${detail}`,
    notJson: (d) => `不是有效的 JSON（${d}）`,
    legacyXls: (f) =>
      `错误：${f} 是旧版 Excel 97-2003 格式（.xls），请在 Excel 或 WPS 中另存为 .xlsx 后再运行`,
    encrypted: (f) => `错误：${f} 设有打开密码，请在 Excel 或 WPS 中删除密码并保存后再运行`,
    tooBig: (f, sheet, range, cells) =>
      cells !== undefined
        ? `错误：${f} 的工作表“${sheet}”在 ${range} 范围内有 ${cells} 个单元格，数据量过大，无法在限定的时间和内存内读取，请拆分为较小的工作簿后再运行`
        : `错误：${f} 的工作表“${sheet}”内容分布在 ${range} 范围内，单元格过多（上限 500 万个），请删除表格以外远处的内容后再运行`,
    partTooBig: (f, part, mb) =>
      `错误：${f} 中的部件“${part}”解压后有 ${mb} MB，数据量过大，无法在限定的时间和内存内读取，请删除不需要的图片、批注和单元格格式，或拆分为较小的工作簿后再运行`,
    outputIsInput: (option, output, role, input) =>
      `错误：${option} ${output} 与${{ workbook: '要读取的工作簿', previous: '上月工作簿（--previous）', settings: '设置文件（--settings）', scheme: '方案文件（--scheme）' }[role]} ${input} 是同一个文件，不能覆盖输入文件，请另选输出路径`,
    sameOutput: (oa, a, ob, b) =>
      `错误：${oa} ${a} 与 ${ob} ${b} 是同一个文件，请为每项输出指定不同的文件`,
    wrongExtension: (option, file, ext) => `错误：${option} 应写出 ${ext} 文件：${file}`,
    outputIsFolder: (f) => `错误：无法写入 ${f}：这是一个文件夹，请指定文件名`,
    outputUnderFile: (f, parent) => `错误：无法写入 ${f}：${parent} 是文件，不是文件夹`,
    outputNotFile: (f) => `错误：无法写入 ${f}：不是普通文件`,
    cannotWrite: (f, code, detail) =>
      `错误：无法写入 ${f}：${
        code === 'EACCES' || code === 'EPERM'
          ? '没有写入权限'
          : code === 'ENOSPC' || code === 'EDQUOT'
            ? '磁盘空间不足'
            : code === 'EROFS'
              ? '所在磁盘是只读的'
              : code === 'ENAMETOOLONG'
                ? '文件名过长'
                : detail
      }（未写出任何文件）`,
    macroWorkbook: (f) =>
      `错误：--out 不支持启用宏的工作簿（${f}）：另存的副本会丢失宏；请在 Excel 中另存为 .xlsx 后再运行`,
    unreadable: (f, reason) => `错误：${f} 无法读取：${reason}`,
    badSheetName: (f, name, problem, reason) =>
      `错误：${f} 无法读取：工作表名称“${name}”${{ tooLong: '超过 31 个字符', reserved: '是保留名称', characters: '含有 * ? : / \\ [ ] 等字符', quote: '以单引号开头或结尾' }[problem]}，请在 Excel 或 WPS 中改名后再运行（${reason}）`,
    cannotAnnotate: (f, reason) => `错误：无法写出 ${f}：保存工作簿副本失败（${reason}）`,
    copyUnreadable: (f, reason) =>
      `错误：未写出 ${f}：复核工作簿生成后重新读取失败（${reason}），未写出任何文件；原工作簿没有改动，可改用 Excel 加载项直接在原工作簿中写入复核列`,
    copyLoses: (f, items) =>
      `注意：${f} 不保留原工作簿中的${items.map((i) => (i.sheets.length > 0 ? `${i.what}（${i.sheets.join('、')}）` : i.what)).join('、')}；如需保留，请用 Excel 加载项直接在原工作簿中写入复核列`,
    copyLossKinds: {
      chart: '图表',
      chartSheet: '图表工作表',
      otherSheet: '宏表或对话框表',
      pivotTable: '数据透视表',
      slicer: '切片器',
      timeline: '日程表',
      threadedComment: '新式批注（只保留为普通批注）',
      formControl: '表单控件或 ActiveX 控件',
      embeddedObject: '嵌入的对象',
      externalLink: '外部链接',
      customXml: '自定义 XML 数据',
      dataModel: '数据模型（Power Pivot）',
      connection: '数据连接和查询',
      addinData: '加载项数据（含加载项保存在工作簿中的设置）',
      richData: '单元格中的图片或数据类型',
      cellMetadata: '单元格元数据（如动态数组公式）',
      customProperties: '文档的自定义属性',
      shape: '形状、文本框或 SmartArt',
      headerPicture: '页眉页脚中的图片',
      other: '其他内容',
    },
    conflicts: (file, cells) =>
      `错误：未写出 ${file}：复核列要写入的位置已有内容（${cells.slice(0, 8).join('、')}${cells.length > 8 ? ` 等 ${cells.length} 个单元格` : ''}）`,
    comparison: (c) =>
      [
        `与上月（${c.previousPeriod ? `${c.previousPeriod.year}年${c.previousPeriod.month}月` : '上月工作簿'}）比较：${c.matched} 个单位对应上。`,
        c.newUnits.length > 0 ? `上月没有的单位：${c.newUnits.map(unitLabel).join('、')}` : '',
        c.goneUnits.length > 0
          ? `本月没有的上月单位：${c.goneUnits.map(unitLabel).join('、')}`
          : '',
      ]
        .filter(Boolean)
        .join('\n'),
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
