import type { SettingsRule } from '../core/errors';

/**
 * Settings as the user sees them: each field's name and what a rule demands, so a refused
 * setting reads “结案率权重：应为 0 到 1 之间的数……” in the 设置 dialog and on the command line.
 */
export interface SettingsStrings {
  /** The user-facing name of a settings path (`evaluation.bands[2].min` → 第3级的最低分). */
  readonly field: (path: string) => string;
  /** The name of one option value (`halfEven` → 四舍六入五成双). */
  readonly option: (value: string) => string;
  readonly problem: (path: string, rule: SettingsRule) => string;
}

const ZH_FIELDS: Readonly<Record<string, string>> = {
  '(root)': '设置',
  scheme: '评价方案',
  evaluation: '评价设置',
  'evaluation.decimals': '小数位数',
  'evaluation.rounding': '舍入方式',
  'evaluation.weights': '综合指标值权重',
  'evaluation.weights.closed': '结案率权重',
  'evaluation.weights.onTime': '按期结案率权重',
  'evaluation.weights.rework': '（1−返工率）权重',
  'evaluation.denominators': '分母',
  'evaluation.denominators.rework': '返工率的分母',
  'evaluation.denominators.closed': '结案率的分母',
  'evaluation.denominators.onTime': '按期结案率的分母',
  'evaluation.reworkTermWhenNoneDisposed': '处置数为 0 时的返工项',
  'evaluation.bands': '评价等级',
  narrative: '段落规则',
  'narrative.namedInTies': '并列时列举的单位数',
  'narrative.bottomCount': '排名后几位',
  'narrative.improvedCount': '进步较大的单位数',
  'narrative.tiesAtCutoff': '末位并列',
  'narrative.rateChange': '比率变化的写法',
  'narrative.aliases': '单位别名',
  'narrative.hotline': '12345 段落',
  'narrative.hotline.topDepartments': '受理量居前的市直单位数',
  'narrative.hotline.topDistricts': '受理量居前的县（市）区数',
  'narrative.hotline.topTransfers': '转接量居前的单位数',
  'narrative.hotline.bottomSatisfaction': '满意度居后的单位数',
  'narrative.hotline.leftOut': '12345 名单中不列出的单位',
  report: '文档设置',
  'report.issuer': '发文机关',
  'report.recipients': '主送机关',
  'report.title': '标题',
  'report.date': '成文日期',
  'report.fonts': '字体',
  'report.fonts.title': '标题字体',
  'report.fonts.body': '正文字体',
  'report.fonts.heading1': '一级标题字体',
  'report.fonts.heading2': '二级标题字体',
  'report.fonts.song': '宋体类字体',
  'report.fonts.latin': '西文字体',
};

const ZH_OPTIONS: Readonly<Record<string, string>> = {
  halfUp: '四舍五入',
  halfEven: '四舍六入五成双',
  down: '去尾（截断）',
  up: '进一',
  includeAll: '全部列出',
  cut: '按表格顺序截断',
  percent: '上升50%',
  percentagePoints: '上升50个百分点',
  zero: '返工项不得分',
  full: '返工项得满分',
};

/** `evaluation.bands[2].min` → [2, 'min']. */
export const bandPath = (path: string) => /^evaluation\.bands\[(\d+)\]\.(grade|min)$/.exec(path);

export const settingsZhCN: SettingsStrings = {
  field: (path) => {
    const band = bandPath(path);
    if (band) return `第${Number(band[1]) + 1}级的${band[2] === 'grade' ? '等级名称' : '最低分'}`;
    if (path.startsWith('scheme.')) return `评价方案中的 ${path.slice('scheme.'.length)}`;
    const inBand = /^evaluation\.bands\[(\d+)\]$/.exec(path);
    if (inBand) return `第${Number(inBand[1]) + 1}级`;
    return ZH_FIELDS[path] ?? `“${path}”`;
  },
  option: (v) => ZH_OPTIONS[v] ?? v,
  problem(path, rule) {
    const field = settingsZhCN.field(path);
    switch (rule.kind) {
      case 'object':
        return `${field}：应为一组设置（JSON 对象）`;
      case 'unknownKey':
        return `${field}：不是可识别的设置项`;
      case 'notNull':
        return `${field}：不能为 null（要用默认值，请删去这一项）`;
      case 'text':
        return `${field}：应为文字`;
      case 'nonEmpty':
        return `${field}：不能为空`;
      case 'textOrNull':
        return `${field}：应为非空文字，或不填`;
      case 'fontList':
        return `${field}：至少填写一个字体名称`;
      case 'fontName':
        return `${field}：应填写字体名称`;
      case 'integer':
        return `${field}：应为 ${rule.min} 到 ${rule.max} 之间的整数`;
      case 'oneOf':
        return `${field}：应为以下之一：${rule.options.map((o) => settingsZhCN.option(o)).join('、')}`;
      case 'aliases':
        return `${field}：每一项应为“原名=显示名”，显示名不能为空`;
      case 'nameList':
        return `${field}：应为单位名称的列表`;
      case 'weight':
        return `${field}：应为 0 到 100% 之间的数（设置文件中写作 0 到 1，如 0.2 即 20%），最多 4 位小数`;
      case 'weightsSum':
        return `${field}：结案率、按期结案率和（1−返工率）三项权重之和应为 100%`;
      case 'bandsList':
        return `${field}：至少要有一个等级`;
      case 'bandGrade':
        return `${field}：等级名称不能为空，也不能与其他等级重复`;
      case 'bandMin':
        return `${field}：应为 0 到 100 之间的数，最多 ${rule.decimals} 位小数`;
      case 'bandsOrder':
        return `${field}：等级应从高到低排列，最低分依次递减`;
      case 'lastBandZero':
        return `${field}：最后一级的最低分应为 0，使每个分值都有等级`;
      case 'schemeList':
        return `${field}：应为至少 ${rule.min} 项的列表`;
      case 'schemeDuplicate':
        return `${field}：名称“${rule.name}”重复定义`;
      case 'schemeUnknown':
        return `${field}：“${rule.name}”不是方案中前面定义过的${rule.what === 'count' ? '计数列' : rule.what === 'rate' ? '比率' : '数值'}`;
      case 'pattern':
        return `${field}：不是有效的正则表达式`;
      case 'schemeReserved':
        return `${field}：“${rule.name}”是保留名称，请换一个名称`;
      case 'schemeSum':
        return {
          shape: `${field}：应为一个计数列的名称（如 "结案数"）、几个计数列相加（如 ["按时办结数", "超时办结数"]），或带系数的计数列（如 {"总立案数": 1, "超时数": -1}，1 为加、-1 为减）`,
          empty: `${field}：至少要写一个计数列`,
          coefficient: `${field}：系数应为 -100 到 100 之间、不为 0 的整数（1 为加，-1 为减）`,
          noPositive: `${field}：至少要有一个计数列的系数为正数（只减不加，结果不会大于 0）`,
        }[rule.problem];
      case 'termWeightsSum':
        return `${field}：各项权重之和应为 100%（设置文件中写作 1）`;
      case 'schemeOwnsFormulas':
        return `${field}：评价方案“${rule.scheme}”自带计算公式，评价设置（权重、分母、等级等）只适用于默认方案；请删去评价设置，或在方案文件中修改`;
      case 'schemeChoice':
        return `${field}：应为以下方案之一：${rule.options.join('、')}，或一个方案对象`;
      case 'listItem':
        return `${field}：第 ${rule.index + 1} 项应为${rule.item === 'font' ? '字体名称' : '单位名称'}（文字），不能为 null 或数字`;
    }
  },
};
