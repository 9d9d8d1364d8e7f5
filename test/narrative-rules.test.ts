import { describe, expect, it } from 'vitest';
import type { SettingsInput } from '../src/settings/settings';
import type { CellValue, SheetGrid } from '../src/core/grid';
import { analyzeWorkbook } from '../src/evaluation/analyze';
import { buildNarrative } from '../src/narrative/build';
import type { Narrative } from '../src/narrative/types';
import { COUNT_HEADER } from './helpers/grid';

/**
 * A unit with 100 cases, all closed, no rework, and `onTime` of them on time:
 * 按期结案率 = onTime %, 综合指标值 = 20 + 0.3 × onTime + 50.
 */
function unit(name: string, onTime: number): CellValue[] {
  return [name, 100, 100, 0, 0, 0, 100, 100, onTime];
}

function sheet(title: string, rows: CellValue[][]): SheetGrid {
  return { name: title, values: [[title], ['单位', ...COUNT_HEADER], ...rows] };
}

function narrate(
  current: SheetGrid[],
  previous: SheetGrid[] | null = null,
  settings: SettingsInput = {},
): Narrative {
  const a = analyzeWorkbook(current, settings);
  return buildNarrative(a, previous === null ? null : analyzeWorkbook(previous, settings));
}

const paragraphs = (n: Narrative) => n.sections.flatMap((s) => s.paragraphs.map((p) => p.text));
const cityLead = (n: Narrative, lead: string) => paragraphs(n).find((p) => p.startsWith(lead));

describe('ties at the cut-off', () => {
  const rows = [
    unit('甲', 100),
    unit('乙', 90),
    unit('丙', 70),
    unit('丁', 70),
    unit('戊', 60),
    unit('己', 50),
  ];

  it('list every unit tied with the last place by default (排名后四位)', () => {
    const n = narrate([sheet('市直单位综合评价表', rows)]);
    expect(cityLead(n, '（2）')).toContain(
      '排名后四位的市直单位是：己（50%）、戊（60%）、丙（70%）、丁（70%）',
    );
  });

  it('or keep the list at its length, tied units in table order, with tiesAtCutoff: cut', () => {
    const n = narrate([sheet('市直单位综合评价表', rows)], null, {
      narrative: { tiesAtCutoff: 'cut' },
    });
    expect(cityLead(n, '（2）')).toContain(
      '排名后三位的市直单位是：己（50%）、戊（60%）、丙（70%）。',
    );
  });

  it('name a few of many units tied at the top, one per table first', () => {
    const n = narrate([
      sheet('市直单位综合评价表', [unit('甲', 100), unit('乙', 100), unit('丙', 90)]),
      sheet('市属企业综合评价表', [unit('丁', 100), unit('戊', 100)]),
    ]);
    expect(cityLead(n, '（1）')).toContain(
      '办理较好的单位是：甲、丁、乙等4家单位，综合分值均为100分',
    );
  });
});

describe('small and empty groups', () => {
  it('fewer units than the list length: the sentence says how many', () => {
    const n = narrate([sheet('市直单位综合评价表', [unit('甲', 100), unit('乙', 80)])]);
    expect(cityLead(n, '（1）')).toBe(
      '（1）从案件综合指标值看，办理较好的单位是：甲，综合分值为100分；排名最后一位的单位是：乙（94分）。',
    );
  });

  it('a group with no evaluated unit leaves its sentences out, without error', () => {
    const idle = ['闽清县政府', 0, 0, 0, 0, 0, 0, 0, 0];
    const n = narrate([
      sheet('各县(市)政府综合评价表', [idle]),
      sheet('各区政府综合评价表', [unit('台江区政府', 90), unit('鼓楼区政府', 90)]),
    ]);
    expect(paragraphs(n).some((p) => p.includes('七县'))).toBe(false);
    // No 市直单位 paragraph: the 五城区 one is the measure's first and carries its lead.
    expect(paragraphs(n)).toContain(
      '（1）从案件综合指标值看，五城区中综合指标值较好的为台江区、鼓楼区（均为97分）。',
    );
  });

  it('a workbook without 12345 tables gives only the 数字城管 section', () => {
    const n = narrate([sheet('市直单位综合评价表', [unit('甲', 100)])]);
    expect(n.sections.map((s) => s.id)).toEqual(['city-handling']);
  });
});

describe('month over month', () => {
  const previous = [
    sheet('各区政府综合评价表', [
      unit('台江区', 80),
      unit('鼓楼区政府', 95),
      unit('仓山区政府', 70),
    ]),
    sheet('市直单位综合评价表', [
      unit('市 建 委', 50),
      unit('市城管委（本级）', 60),
      unit('甲', 90),
      unit('旧单位', 100),
      unit('乙', 40),
    ]),
  ];
  const current = [
    sheet('各区政府综合评价表', [
      unit('台江区政府', 90),
      unit('鼓楼区政府', 95),
      unit('仓山区政府', 80),
    ]),
    sheet('市直单位综合评价表', [
      unit('市建委', 100),
      unit('市城管委(本级)', 100),
      unit('甲', 80),
      unit('新单位', 100),
      unit('乙', 80),
    ]),
  ];

  it('matches units across full/half-width, spaces and the 政府 suffix, and reports the rest', () => {
    const n = narrate(current, previous);
    expect(n.comparison).toMatchObject({
      matched: 7,
      newUnits: [{ group: '市直单位', parent: null, name: '新单位' }],
      goneUnits: [{ group: '市直单位', parent: null, name: '旧单位' }],
    });
  });

  it('lists the biggest risers with ties at the cut-off, never a new unit', () => {
    // 市建委 +50 (15分), 市城管委 +40 (12分), 乙 +40 (12分); 甲 fell; 新单位 has no last month.
    const n = narrate(current, previous);
    expect(cityLead(n, '（1）')).toContain(
      '较上月进步较大的市直单位是：市建委（本月100分，提高15分）、市城管委(本级)（本月100分，提高12分）、乙（本月94分，提高12分）',
    );
    expect(cityLead(n, '（2）')).toContain(
      '较上月进步较大的前三位市直单位是：市建委（本月100%，上升50%）、市城管委(本级)（本月100%，上升40%）、乙（本月80%，上升40%）',
    );
  });

  it('says which districts rose, biggest rise first', () => {
    const n = narrate(current, previous);
    expect(paragraphs(n)).toContain(
      '五城区中台江区、仓山区综合指标值较上月均有所提升，综合指标值较好的为鼓楼区（98.5分），排名最后一位的是仓山区（94分）。',
    );
  });

  it('writes a rate change as 个百分点 when asked', () => {
    const n = narrate(current, previous, { narrative: { rateChange: 'percentagePoints' } });
    expect(cityLead(n, '（2）')).toContain('市建委（本月100%，上升50个百分点）');
  });

  it('matches sub-units under their own parent only', () => {
    const tree = (a: number, b: number) => ({
      name: '市直单位综合评价表',
      values: [
        ['市直单位综合评价表'],
        ['主管单位', '', ...COUNT_HEADER],
        ['市公安局', '', 200, 200, 0, 0, 0, 200, 200, 100 + a],
        ['下属单位', '本局', 100, 100, 0, 0, 0, 100, 100, a],
        ['', '市交警支队', 100, 100, 0, 0, 0, 100, 100, 100],
        ['市水利局', '', 100, 100, 0, 0, 0, 100, 100, b],
        ['下属单位', '本局', 100, 100, 0, 0, 0, 100, 100, b],
      ] as CellValue[][],
    });
    const n = narrate([tree(90, 50)], [tree(80, 40)]);
    expect(n.comparison).toMatchObject({ matched: 5, newUnits: [], goneUnits: [] });
    // Only top-level units are ranked: 市公安局 +5, 市水利局 +10.
    expect(cityLead(n, '（2）')).toContain(
      '较上月进步较大的前两位市直单位是：市水利局（本月50%，上升10%）、市公安局（本月95%，上升5%）',
    );
  });

  it('without last month there is no month-over-month sentence', () => {
    const n = narrate(current);
    expect(n.comparison).toBeNull();
    expect(paragraphs(n).join('')).not.toMatch(/较上月|有所上升|有所提升/);
  });
});

describe('names in the text', () => {
  it('districts drop 政府; aliases rename any unit', () => {
    const n = narrate(
      [
        sheet('各区政府综合评价表', [unit('台江区政府', 90), unit('马尾区政府', 80)]),
        sheet('市直单位综合评价表', [unit('福州市城乡建设委员会', 100)]),
      ],
      null,
      { narrative: { aliases: { 福州市城乡建设委员会: '市建委' } } },
    );
    expect(paragraphs(n)).toContain(
      '五城区中综合指标值较好的为台江区（97分），排名最后一位的是马尾区（94分）。',
    );
    expect(cityLead(n, '（1）')).toContain('办理较好的单位是：市建委，综合分值为100分');
  });
});
