/** The fixed wording of the exported bulletin (zh-CN, like the narrative). */
export interface ReportTemplates {
  readonly title: (issuer: string, period: string) => string;
  readonly intro: (period: string) => string;
  readonly period: (p: { year: number; month: number } | null) => string;
  readonly heading1: string;
  readonly attachmentsLead: string;
  readonly hotlineAttachment: (period: string) => string;
  readonly cityAttachment: (period: string) => string;
  readonly attachmentLabel: (n: number) => string;
  readonly hotlineTables: {
    readonly departments: string;
    readonly districts: string;
    readonly transfers: string;
  };
  readonly hotlineHeader: readonly string[];
  readonly transferHeader: readonly string[];
  readonly nameHeader: string;
  readonly subUnit: string;
  readonly noCases: string;
  readonly mismatchNote: (items: readonly string[]) => string;
  readonly tableNumber: (n: number) => string;
  /** The words of the text's markers “【图：…】” and “【待填写：…】” (as narrativeText writes them). */
  readonly figureMarker: string;
  readonly toWriteMarker: string;
  readonly figureCaption: (n: number, title: string) => string;
  /** What a placeholder reads in the document. */
  readonly placeholder: (prompt: string) => string;
}

const CN = '一二三四五六七八九十';

export const reportZhCN: ReportTemplates = {
  title: (issuer, period) => `${issuer}关于${period}12345政府公共服务系统运行情况的通报`,
  intro: (period) => `现将${period}12345政府公共服务系统运行情况通报如下：`,
  period: (p) => (p === null ? '本月' : `${p.year}年${p.month}月份`),
  heading1: '一、运行情况',
  attachmentsLead: '附件：',
  hotlineAttachment: (period) => `${period}12345平台运行情况表`,
  cityAttachment: (period) => `${period}数字城管系统运行情况综合评价表`,
  attachmentLabel: (n) => `附件${n}`,
  hotlineTables: {
    departments: '12345平台市直部门（单位）诉求件受理情况表',
    districts: '12345平台县（市）区诉求件受理情况表',
    transfers: '12345平台诉求转接电话接听情况表',
  },
  hotlineHeader: ['责任单位', '受理', '群众满意度'],
  transferHeader: [
    '接听单位',
    '转接诉求量总计（件）',
    '接通（件）',
    '未接通（件）',
    '及时反馈（件）',
    '未及时反馈（件）',
    '接通率',
    '及时反馈率',
  ],
  nameHeader: '单位',
  subUnit: '下属单位',
  noCases: '本月无应处置案件',
  mismatchNote: (items) => `注：带“*”的数值为复核结果，与原表不一致（原表：${items.join('；')}）。`,
  tableNumber: (n) => `（${n >= 1 && n <= 10 ? CN[n - 1] : n}）`,
  figureMarker: '图',
  toWriteMarker: '待填写',
  figureCaption: (n, title) => `图${n} ${title}`,
  placeholder: (prompt) => `【待填写】${prompt}`,
};
