import { describe, expect, it } from 'vitest';
import type { CellValue, SheetGrid } from '../src/core/grid';
import type { SettingsInput } from '../src/settings/settings';
import { analyzeWorkbook } from '../src/evaluation/analyze';
import { buildNarrative } from '../src/narrative/build';
import type { Fact, Narrative } from '../src/narrative/types';
import { COUNT_HEADER } from './helpers/grid';

/**
 * Ties at the end of a list, as the bulletin's sentences state them. Every unit has 100 cases,
 * all disposed and closed, no rework, and `onTime` of them on time, so
 * 按期结案率 = onTime % and 综合指标值 = 0.2 × 100 + 0.3 × onTime + 0.5 × 100 = 70 + 0.3 × onTime:
 * onTime 100 → 100分, 90 → 97分, 80 → 94分, 70 → 91分, 60 → 88分.
 */
function unit(name: string, onTime: number): CellValue[] {
  return [name, 100, 100, 0, 0, 0, 100, 100, onTime];
}

function sheet(title: string, rows: CellValue[][]): SheetGrid {
  return { name: title, values: [[title], ['单位', ...COUNT_HEADER], ...rows] };
}

function narrate(sheets: SheetGrid[], settings: SettingsInput = {}): Narrative {
  return buildNarrative(analyzeWorkbook(sheets, settings));
}

const paragraphs = (n: Narrative) => n.sections.flatMap((s) => s.paragraphs.map((p) => p.text));
const facts = (n: Narrative) =>
  n.sections.flatMap((s) => s.paragraphs.flatMap((p) => p.facts as Fact[]));

describe('several districts tied for last place', () => {
  // Table order 台江, 马尾, 鼓楼, 仓山, 晋安 — the three tied at the bottom are not in
  // alphabetical or any other order but the table's.
  const districts = [
    sheet('各区政府综合评价表', [
      unit('台江区政府', 100), // 100分
      unit('马尾区政府', 80), // 94分
      unit('鼓楼区政府', 90), // 97分
      unit('仓山区政府', 80), // 94分
      unit('晋安区政府', 80), // 94分
    ]),
  ];

  it.each(['includeAll', 'cut'] as const)(
    'names all of them, in table order, with one shared value (tiesAtCutoff: %s)',
    (tiesAtCutoff) => {
      const n = narrate(districts, { narrative: { tiesAtCutoff } });
      // “排名最后的是” has no length to keep, so every unit in last place is named either way:
      // naming one of three as 排名最后一位 would be false. Without a 市直单位 paragraph the
      // district paragraph is the first of its measure and carries the numbered lead.
      expect(paragraphs(n)).toContain(
        '（1）从案件综合指标值看，五城区中综合指标值较好的为台江区（100分），排名最后的是马尾区、仓山区、晋安区（均为94分）。',
      );
      expect(paragraphs(n)).toContain(
        '（2）从案件按期结案率看，五城区中按期结案率较好的为台江区（100%），排名最后的是马尾区、仓山区、晋安区（均为80%）。',
      );
      const range = facts(n).find((f) => f.kind === 'groupRange' && f.measure === '综合指标值');
      expect(range).toMatchObject({
        best: [{ name: '台江区', fullName: '台江区政府', value: 10000 }],
        worst: [
          { name: '马尾区', value: 9400 },
          { name: '仓山区', value: 9400 },
          { name: '晋安区', value: 9400 },
        ],
      });
    },
  );

  it('two tied at the top and two tied at the bottom: both shared, 均为 on each side', () => {
    const n = narrate([
      sheet('各县(市)政府综合评价表', [
        unit('闽侯县政府', 70), // 91分
        unit('连江县政府', 100), // 100分
        unit('罗源县政府', 90), // 97分
        unit('永泰县政府', 100), // 100分
        unit('闽清县政府', 70), // 91分
      ]),
    ]);
    expect(paragraphs(n)).toContain(
      '（1）从案件综合指标值看，七县(市)中综合指标值较好的为连江县、永泰县（均为100分），排名最后的是闽侯县、闽清县（均为91分）。',
    );
  });

  it('every district at one value: they are all 较好, and nobody is 排名最后', () => {
    const n = narrate([
      sheet('各区政府综合评价表', [unit('台江区政府', 90), unit('鼓楼区政府', 90)]),
    ]);
    expect(paragraphs(n)).toContain(
      '（1）从案件综合指标值看，五城区中综合指标值较好的为台江区、鼓楼区（均为97分）。',
    );
    expect(paragraphs(n).join('')).not.toContain('排名最后');
  });
});

describe('more than one extra unit tied at the cut-off (bottomCount 3, places 3–6 tied)', () => {
  // Below the best (甲, 100分), ascending: 乙 88, 丙 91, then 戊 庚 丁 己 all 94 — in that
  // table order.
  const rows = [
    unit('甲', 100),
    unit('戊', 80),
    unit('丙', 70),
    unit('庚', 80),
    unit('乙', 60),
    unit('丁', 80),
    unit('己', 80),
  ];
  const city = [sheet('市直单位综合评价表', rows)];

  it('includeAll (default) lists all six and says 后六位', () => {
    const text = paragraphs(narrate(city)).join('\n');
    expect(text).toContain(
      '排名后六位的单位是：乙（88分）、丙（91分）、戊（94分）、庚（94分）、丁（94分）、己（94分）。',
    );
    expect(text).toContain(
      '排名后六位的市直单位是：乙（60%）、丙（70%）、戊（80%）、庚（80%）、丁（80%）、己（80%）。',
    );
  });

  it('cut keeps three, the first tied unit in table order', () => {
    const n = narrate(city, { narrative: { tiesAtCutoff: 'cut' } });
    const text = paragraphs(n).join('\n');
    expect(text).toContain('排名后三位的单位是：乙（88分）、丙（91分）、戊（94分）。');
    expect(text).toContain('排名后三位的市直单位是：乙（60%）、丙（70%）、戊（80%）。');
    expect(text).not.toContain('庚');
  });

  it('a tie exactly filling the list adds nobody: 后三位 when places 2–3 tie and 4 is higher', () => {
    const n = narrate([
      sheet('市直单位综合评价表', [
        unit('甲', 100),
        unit('乙', 60), // 88
        unit('丙', 70), // 91
        unit('丁', 70), // 91
        unit('戊', 80), // 94
      ]),
    ]);
    expect(paragraphs(n).join('\n')).toContain(
      '排名后三位的单位是：乙（88分）、丙（91分）、丁（91分）。',
    );
  });

  it('more than ten tied: the count is written in digits (后12位), every unit named', () => {
    const many = Array.from({ length: 12 }, (_, i) => unit(`单位${i + 1}`, 80));
    const n = narrate([sheet('市直单位综合评价表', [unit('甲', 100), ...many])]);
    const text = paragraphs(n).join('\n');
    expect(text).toContain(
      `排名后12位的单位是：${many.map((r) => `${String(r[0])}（94分）`).join('、')}。`,
    );
  });

  it('every unit at the top value: no 排名后 sentence at all', () => {
    const n = narrate([
      sheet('市直单位综合评价表', [unit('甲', 100), unit('乙', 100), unit('丙', 100)]),
    ]);
    const [index] = paragraphs(n);
    expect(index).toBe(
      '（1）从案件综合指标值看，办理较好的单位是：甲、乙、丙，综合分值均为100分。',
    );
  });
});
