import type { AuditSummary } from '../evaluation/audit-summary';
import type { CopyLossKind } from '../io/xlsx-write';
import type { Comparison } from '../narrative/types';
import { auditZh, periodsUnclearZh, unitLabel, zhCN, type Catalog } from './catalog';
import { structuredZhCN, type StructuredStrings } from './structured-ui';

/**
 * The command line's strings (usage, one-line errors, the summary's lines, what an output
 * holds): only the command line and the web page use them, so they are kept out of the
 * catalog the task panes load first. `cliCatalog` is a catalog with them.
 */
export interface CliStrings {
  readonly usage: string;
  /** [issue 16] The tables read from their own layout, with the formulas found from them. */
  readonly structured: StructuredStrings;
  /** `tongbao scheme`: the workbook's tables already follow a scheme; nothing to propose. */
  readonly schemeNotNeeded: (file: string, scheme: string) => string;
  /** `tongbao scheme`: no table gives a rate formula to write. */
  readonly schemeNothing: (file: string) => string;
  /** `tongbao scheme`: what was proposed from which tables (on stderr; the JSON is on stdout). */
  readonly schemeProposed: (tables: readonly string[], formulas: number) => string;
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
    role: 'workbook' | 'previous' | 'settings' | 'scheme' | 'draft',
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
  /** [issue 17] `proofread`: the draft could not be read (`detail`: what is wrong, for `corrupt`). */
  readonly draftProblem: (
    file: string,
    problem: 'legacyDoc' | 'encrypted' | 'notDocx' | 'corrupt' | 'tooBig' | 'notText',
    detail: string,
  ) => string;
  /** [issue 17] `proofread --out` with a draft that is not a .docx (pasted text). */
  readonly markNeedsDocx: (draft: string) => string;
  /** [issue 17] `proofread --out` of a macro-enabled document or a template. */
  readonly markNotPlainDocx: (draft: string) => string;
  /** [issue 17] Findings the marked copy could not place (their text is not where it was said). */
  readonly markUnplaced: (
    file: string,
    items: readonly { readonly paragraph: number; readonly written: string }[],
  ) => string;
  /** [issue 17] The proofreading report: what was read, the counts, then each list. */
  readonly proofreadHeader: (draft: string, workbook: string, previous: string | null) => string;
  readonly proofreadCounts: (checked: {
    readonly claims: number;
    readonly matched: number;
    readonly wrong: number;
    readonly notChecked: number;
  }) => string;
  readonly proofreadWrongHeading: (n: number) => string;
  readonly proofreadNotCheckedHeading: (n: number) => string;
  readonly proofreadNotesHeading: string;
  /** One item of a list, with its paragraph (1-based; null: the whole draft). */
  readonly proofreadItem: (paragraph: number | null, text: string) => string;
  /** A figure not checked, as written, and why. */
  readonly proofreadNotChecked: (written: string, reason: string) => string;
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
  /** [issue 16] Sheets naming no period repeat each other's units: nothing evaluated. */
  readonly periodsUnclear: (file: string, sheets: readonly string[]) => string;
  /** [issue 18] Before writing: what the annotated copy will not keep (`copyLossKinds`). */
  readonly copyLoses: (
    file: string,
    items: readonly { readonly what: string; readonly sheets: readonly string[] }[],
  ) => string;
  readonly copyLossKinds: { readonly [K in CopyLossKind]: string };
}

/** A catalog with the command line's strings. */
export type CliCatalog = Catalog & { readonly cli: CliStrings };

export const cliZhCN: CliStrings = {
  structured: structuredZhCN,
  schemeNothing: (file) =>
    `${file} 的表格中没有找到能写入方案的比率公式（需有计数列和按其算出的比率列）；未输出方案文件`,
  schemeNotNeeded: (file, scheme) =>
    `${file} 中的评价表已按方案“${scheme}”读取，无需另推方案；未输出方案文件`,
  schemeProposed: (tables, n) =>
    `已从 ${tables.map((x) => `“${x}”`).join('、')} 推得 ${n} 个公式（方案 JSON 见标准输出）；请核对后保存为 .json，用 --scheme 选用`,
  usage: [
    '用法：npm run --silent tongbao -- evaluate <工作簿.xlsx> [--previous <上月.xlsx>] [--json <输出.json>] [--text] [--docx <通报.docx>] [--out <复核.xlsx>] [--settings <设置.json>] [--scheme <方案名或方案.json>]',
    '      npm run --silent tongbao -- template <通报数据.xlsx>',
    '      npm run --silent tongbao -- scheme <工作簿.xlsx> > 本市方案.json',
    '      npm run --silent tongbao -- proofread <草稿.docx|草稿.txt> --workbook <本月.xlsx> [--previous <上月.xlsx>] [--settings <设置.json>] [--scheme <方案>] [--json <结果.json>] [--out <标注.docx>]',
    '',
    '  template    写出空白的“通报数据”工作表（.xlsx）：按表填写本月数据后，与评价表放在同一工作簿中即可读取',
    '  scheme      从工作簿中的表格本身推得评价方案（各比率列的公式、小数位、舍入方式），以 JSON 输出，核对后可用 --scheme 选用',
    '  evaluate    读取工作簿中的综合评价表，复核返工率、结案率、按期结案率、综合指标值和评价等级',
    '  --previous  上月的工作簿：生成“较上月”的句子',
    '  --json      将单位、差异、诊断信息和通报段落写入 JSON 文件（不写则在终端打印摘要）',
    '  --text      打印通报中的排名段落',
    '  --docx      导出通报 Word 文档（.docx，党政机关公文格式）',
    '  --out       另存一份加上复核列的工作簿（.xlsx），原有单元格不变',
    '  --settings  设置文件（JSON）：权重、等级、段落规则、发文机关、日期等',
    '  --scheme    评价方案：内置方案名（fuzhou-2017、district-rates、company-score、hotline-dispatch）或方案文件（.json），见 README“评价方案”',
    '  proofread   校对通报草稿：文中的数字、排名和环比逐一与表格核对，列出有误和未核对之处',
    '  --workbook  （proofread）本月的工作簿',
    '  --out       （proofread）另存一份草稿（.docx），有误之处标黄并加批注，草稿本身不变',
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
    `错误：${option} ${output} 与${{ workbook: '要读取的工作簿', previous: '上月工作簿（--previous）', settings: '设置文件（--settings）', scheme: '方案文件（--scheme）', draft: '要校对的草稿' }[role]} ${input} 是同一个文件，不能覆盖输入文件，请另选输出路径`,
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
  draftProblem: (f, problem, detail) =>
    ({
      legacyDoc: `错误：${f} 是旧版 Word 97-2003 格式（.doc），请在 Word 或 WPS 中另存为 .docx 后再运行`,
      encrypted: `错误：${f} 设有打开密码，请在 Word 或 WPS 中删除密码并保存后再运行`,
      notDocx: `错误：${f} 不是有效的 Word 文档（.docx）；草稿请用 .docx 或纯文本（.txt）`,
      corrupt: `错误：${f} 无法读取：文档内容已损坏（${detail}），请在 Word 中打开并另存后再运行`,
      tooBig: `错误：${f} 的正文过大，无法读取（上限 64 MB）`,
      notText: `错误：${f} 不是文本文件；草稿请用 .docx 或纯文本（.txt，UTF-8 或 GBK 编码）`,
    })[problem],
  markNeedsDocx: (d) =>
    `错误：--out 只能为 Word 草稿（.docx）写出标注副本，${d} 不是 .docx；不写 --out 即可校对纯文本`,
  markNotPlainDocx: (d) =>
    `错误：--out 不支持启用宏的文档或模板（${d}）：标注副本无法以 .docx 打开；请在 Word 中另存为 .docx 后再运行`,
  markUnplaced: (f, items) =>
    `注意：${f} 中未能标出 ${items.length} 处（文字与草稿中的位置不符）：${items.map((i) => `第${i.paragraph}段“${i.written}”`).join('、')}`,
  proofreadHeader: (d, w, p) => `校对 ${d}（对照 ${w}${p === null ? '' : `，上月 ${p}`}）`,
  proofreadCounts: (c) =>
    c.claims === 0
      ? '草稿中没有找到可以对照表格核对的数字。'
      : `找到可核对的说法 ${c.claims} 处：一致 ${c.matched} 处，有误 ${c.wrong} 处，未核对 ${c.notChecked} 处。`,
  proofreadWrongHeading: (n) => `有误 ${n} 处：`,
  proofreadNotCheckedHeading: (n) => `未核对 ${n} 处（表格中没有可对照的数字，不算错误）：`,
  proofreadNotesHeading: '说明：',
  proofreadItem: (p, text) => (p === null ? `  ${text}` : `  第${p}段  ${text}`),
  proofreadNotChecked: (written, reason) => `${written}：${reason}`,
  unreadable: (f, reason) => `错误：${f} 无法读取：${reason}`,
  badSheetName: (f, name, problem, reason) =>
    `错误：${f} 无法读取：工作表名称“${name}”${{ tooLong: '超过 31 个字符', reserved: '是保留名称', characters: '含有 * ? : / \\ [ ] 等字符', quote: '以单引号开头或结尾' }[problem]}，请在 Excel 或 WPS 中改名后再运行（${reason}）`,
  cannotAnnotate: (f, reason) => `错误：无法写出 ${f}：保存工作簿副本失败（${reason}）`,
  copyUnreadable: (f, reason) =>
    `错误：未写出 ${f}：复核工作簿生成后重新读取失败（${reason}），未写出任何文件；原工作簿没有改动，可改用 Excel 加载项直接在原工作簿中写入复核列`,
  periodsUnclear: (f, sheets) => `错误：${f}：${periodsUnclearZh(sheets)}`,
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
      c.goneUnits.length > 0 ? `本月没有的上月单位：${c.goneUnits.map(unitLabel).join('、')}` : '',
    ]
      .filter(Boolean)
      .join('\n'),
};

/** The command line's catalog: zh-CN, the users' language. */
export const zhCNCli: CliCatalog = { ...zhCN, cli: cliZhCN };
