import type { Flag } from '../narrative/flags';
import type { FigureId, SummaryDiagnostic, SummaryDiscrepancy } from '../summary/types';

/**
 * The summary tables' notes and totals that disagree, as the pane and the command line say
 * them — kept apart from the paragraph templates (src/i18n/summary.ts) so the catalog, which
 * the task pane loads at first paint, does not carry them.
 */
const pct = (v: number) => {
  const abs = Math.abs(v);
  const frac = String(abs % 100)
    .padStart(2, '0')
    .replace(/0+$/, '');
  return `${v < 0 ? '-' : ''}${Math.floor(abs / 100)}${frac ? `.${frac}` : ''}`;
};

/** The figures as the bulletin names them (in the notes about which cell was used). */
const FIGURE_NAMES_ZH: { readonly [K in FigureId]: string } = {
  'system.accepted': '12345政府公共服务系统受理诉求件（案件）',
  'hotline.accepted': '12345平台受理诉求件',
  'hotline.satisfaction': '12345平台群众满意度',
  'city.accepted': '数字城管受理有效案件',
  'city.events': '数字城管事件立案数',
  'city.parts': '数字城管部件立案数',
  'city.toClose': '数字城管应结案数',
  'city.closed': '数字城管结案数',
  'city.closedOnTime': '数字城管按期结案数',
  'city.disposed': '数字城管处置数',
  'city.rework': '数字城管返工数',
  'city.closedRate': '数字城管结案率',
  'city.onTimeRate': '数字城管按期结案率',
  'city.reworkRate': '数字城管返工率',
};

const FIGURE_NAMES_EN: { readonly [K in FigureId]: string } = {
  'system.accepted': 'the 12345 public service system’s requests (cases) accepted',
  'hotline.accepted': 'the 12345 platform’s requests accepted',
  'hotline.satisfaction': 'the 12345 platform’s satisfaction',
  'city.accepted': 'digital city management’s valid cases accepted',
  'city.events': 'digital city management’s event cases',
  'city.parts': 'digital city management’s facility cases',
  'city.toClose': 'cases due to close',
  'city.closed': 'cases closed',
  'city.closedOnTime': 'cases closed on time',
  'city.disposed': 'cases handled',
  'city.rework': 'cases reworked',
  'city.closedRate': 'closing rate',
  'city.onTimeRate': 'on-time closing rate',
  'city.reworkRate': 'rework rate',
};

export interface SummaryMessages {
  readonly diagnostic: (d: SummaryDiagnostic) => string;
  readonly discrepancy: (d: SummaryDiscrepancy) => string;
  /** [issue 16] Why the text marks a figure or a unit 【请核对】. */
  readonly flag: (f: Flag) => string;
}

type Implausible = SummaryDiagnostic & { code: 'summaryImplausibleChange' };
/** A figure as the sheet prints it: a count, or a rate in percent. */
const shown = (d: Implausible, v: number) => (d.params.unit === 'percent' ? `${pct(v)}%` : `${v}`);

/** Diagnostics and discrepancies of the summary tables, for the pane and the command line. */
export const summaryMessagesZhCN: SummaryMessages = {
  diagnostic: (d) => {
    switch (d.code) {
      case 'summaryUnreadable':
        return `“${d.params.label}”的数值无法识别：${d.params.text}`;
      case 'summaryDuplicate':
        return `“${d.params.label}”出现两次且数值不同（${d.params.value}；${d.params.first} 为 ${d.params.firstValue}），采用先出现的数值`;
      case 'summaryBadCount':
        return `“${d.params.label}”应为非负整数，表中为 ${d.params.value}`;
      case 'summaryImplausibleChange': {
        const p = d.params;
        const c = `${p.change > 0 ? '上升' : '下降'}${pct(Math.abs(p.change))}${p.unit === 'percent' ? '个百分点' : '%'}`;
        const where =
          p.previousCell !== null
            ? ` ${p.previousCell} `
            : p.previousColumn
              ? '（本表“上月”栏）'
              : '';
        const last = `上月${p.previousBook ? '工作簿' : ''}${where}为 ${shown(d, p.previous)}`;
        return `“${p.label}”环比${c}（本月 ${d.sheet}!${d.cell} 为 ${shown(d, p.value)}，${last}），变化${p.unit === 'percent' ? '超过20个百分点' : '超过上月的一半'}，可能取错了单元格，请核对`;
      }
      case 'summaryAmbiguous':
        return `“${d.params.label}”（${d.params.value}）与“${d.params.otherLabel}”（${d.params.other}，${d.params.otherValue}）都可读作${FIGURE_NAMES_ZH[d.params.figure]}，采用名称更明确的“${d.params.label}”，请核对`;
      case 'summaryNoSystem':
        return `“${d.params.label}”（${d.params.value}）未说明是12345平台、数字城管还是全系统的数字，未采用；请在标签或标题中写明系统（如“12345平台受理量”）`;
      case 'summaryContextReading':
        return `“${d.params.label}”单看名称是${FIGURE_NAMES_ZH[d.params.alone]}，按所在标题读作${FIGURE_NAMES_ZH[d.params.figure]}，请核对`;
    }
  },
  discrepancy: (d) =>
    d.kind === 'total'
      ? `${d.label}：表中为 ${d.printed}，各项之和为 ${d.recomputed}`
      : `${d.label}：表中为 ${pct(d.printed)}%，按件数计算为 ${pct(d.recomputed)}%`,
  flag: (f) =>
    `通报文字中“${f.label}”处标有“【请核对】”：${
      {
        totals: '合计与各项之和不符',
        change: '环比变化过大',
        reading: '读取时有疑问（见数据提示）',
        unit: '该单位所在行有数据错误',
      }[f.reason]
    }（${f.cells.join('、')}）`,
};

export const summaryMessagesEnUS: SummaryMessages = {
  diagnostic: (d) => {
    switch (d.code) {
      case 'summaryUnreadable':
        return `“${d.params.label}”: the value cannot be read: ${d.params.text}`;
      case 'summaryDuplicate':
        return `“${d.params.label}” appears twice with different values (${d.params.value}; ${d.params.first} has ${d.params.firstValue}); the first is used`;
      case 'summaryBadCount':
        return `“${d.params.label}” must be a whole number of cases, not ${d.params.value}`;
      case 'summaryImplausibleChange': {
        const p = d.params;
        const c = `${p.change > 0 ? 'up' : 'down'} ${pct(Math.abs(p.change))}${p.unit === 'percent' ? ' points' : '%'}`;
        const where =
          p.previousCell !== null
            ? ` ${p.previousCell}`
            : p.previousColumn
              ? ' (its 上月 column)'
              : '';
        const last = `last month${p.previousBook ? '’s workbook' : ''}${where} has ${shown(d, p.previous)}`;
        return `“${p.label}” is ${c} on last month (this month ${d.sheet}!${d.cell} has ${shown(d, p.value)}, ${last}): too large a change, a cell may have been misread: please check`;
      }
      case 'summaryAmbiguous':
        return `“${d.params.label}” (${d.params.value}) and “${d.params.otherLabel}” (${d.params.other}, ${d.params.otherValue}) can both be read as ${FIGURE_NAMES_EN[d.params.figure]}; the more explicit “${d.params.label}” is used: please check`;
      case 'summaryNoSystem':
        return `“${d.params.label}” (${d.params.value}) does not say whether it is the 12345 platform’s, digital city management’s or the whole system’s figure: left out; name the system in the label or the title (e.g. “12345平台受理量”)`;
      case 'summaryContextReading':
        return `“${d.params.label}” alone names ${FIGURE_NAMES_EN[d.params.alone]}; the heading around it makes it ${FIGURE_NAMES_EN[d.params.figure]}: please check`;
    }
  },
  discrepancy: (d) =>
    d.kind === 'total'
      ? `${d.label}: printed ${d.printed}, its parts add up to ${d.recomputed}`
      : `${d.label}: printed ${pct(d.printed)}%, its counts give ${pct(d.recomputed)}%`,
  flag: (f) =>
    `“${f.label}” is marked 【请核对】 in the text: ${
      {
        totals: 'a total and its parts disagree',
        change: 'too large a change on last month',
        reading: 'read with a doubt (see the notes)',
        unit: 'the unit’s row has an error',
      }[f.reason]
    } (${f.cells.join(', ')})`,
};
