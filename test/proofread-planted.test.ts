/**
 * Issue #17: errors planted in the published bulletin (and in Tongbao's own text), one at a
 * time, each found once, pointing at exactly the wrong element, with what the tables give in
 * the writer's own form. Expected values are the bulletin's own (samples/seed) or the tables'.
 */
import { describe, expect, it } from 'vitest';
import { buildNarrative, narrativeText } from '../src/narrative/build';
import { proofread } from '../src/proofread/check';
import { draftFromText } from '../src/proofread/text';
import type { ClaimKind, Finding } from '../src/proofread/types';
import {
  cellValue,
  expectConsistentCounts,
  expectPointsAt,
  plant,
  publishedDraftText,
  workbook,
} from './helpers/proofread-draft';

const august = await workbook('samples/2017-08.xlsx');
// Constructed so that the bulletin's 环比 sentences come out word for word (samples/seed/README).
const july = await workbook('samples/2017-07.xlsx');
const PUBLISHED = publishedDraftText();
/** The bulletin's own slip, found in every run below: the planted one is the other. */
const isMinhou = (f: Finding) => f.written === '95.13%' && f.unit === '闽侯县政府';

function run(text: string, withJuly = true) {
  const draft = draftFromText(text);
  const r = proofread(draft, august.analysis, withJuly ? july.analysis : null);
  expectConsistentCounts(r);
  for (const f of r.findings) expectPointsAt(draft.paragraphs, f);
  return { r, draft, planted: r.findings.filter((f) => !isMinhou(f)) };
}

interface Plant {
  readonly what: string;
  readonly from: string;
  readonly to: string;
  readonly kind: ClaimKind;
  readonly written: string;
  readonly expected: string;
}

const PLANTS: readonly Plant[] = [
  // a unit's figure
  {
    what: 'a unit’s 综合指标值',
    from: '台江区(98.88分)',
    to: '台江区(98.87分)',
    kind: 'unitFigure',
    written: '98.87分',
    expected: '98.88分',
  },
  {
    what: 'a 12345 件次',
    from: '仓山区 7751 件次',
    to: '仓山区 7715 件次',
    kind: 'unitFigure',
    written: '7715 件次',
    expected: '7751 件次',
  },
  {
    what: 'a satisfaction, decimals padded',
    from: '福州市水务投资发展有限公司（96.77%）',
    to: '福州市水务投资发展有限公司（96.70%）',
    kind: 'unitFigure',
    written: '96.70%',
    expected: '96.77%',
  },
  // totals and counts
  {
    what: 'a total',
    from: '受理诉求 35275 件',
    to: '受理诉求 35257 件',
    kind: 'total',
    written: '35257 件',
    expected: '35275 件',
  },
  {
    what: 'a rate of the whole',
    from: '结案率 99.27%',
    to: '结案率 99.72%',
    kind: 'total',
    written: '99.72%',
    expected: '99.27%',
  },
  {
    what: 'a 类别 count',
    from: '交通环保类 3761 件',
    to: '交通环保类 3716 件',
    kind: 'total',
    written: '3716 件',
    expected: '3761 件',
  },
  {
    what: 'the sum of the main 小类',
    from: '共30474件',
    to: '共30447件',
    kind: 'total',
    written: '30447件',
    expected: '30474件',
  },
  // shares
  {
    what: 'a 类别 share',
    from: '共占受理总数的 52.18%',
    to: '共占受理总数的 52.81%',
    kind: 'share',
    written: '52.81%',
    expected: '52.18%',
  },
  {
    what: 'a share of all 件次',
    from: '占诉求件总数的 10.26%',
    to: '占诉求件总数的 10.62%',
    kind: 'share',
    written: '10.62%',
    expected: '10.26%',
  },
  {
    what: 'a share of all cases',
    from: '占案件总数的41.24%',
    to: '占案件总数的42.14%',
    kind: 'share',
    written: '42.14%',
    expected: '41.24%',
  },
  {
    what: 'a share against the count beside it',
    from: '占政法类诉求总数的 37.20%',
    to: '占政法类诉求总数的 37.02%',
    kind: 'arithmetic',
    written: '37.02%',
    expected: '37.20%',
  },
  // 环比
  {
    what: 'a 环比 direction',
    from: '受理诉求 35275 件，环比上升 3.15%',
    to: '受理诉求 35275 件，环比下降 3.15%',
    kind: 'change',
    written: '下降',
    expected: '上升',
  },
  {
    what: 'a 环比 size',
    from: '环比下降 3.72%',
    to: '环比下降 3.27%',
    kind: 'change',
    written: '3.27%',
    expected: '3.72%',
  },
  {
    what: 'a 环比 direction and size',
    from: '环比下降1.61%',
    to: '环比上升2.5%',
    kind: 'change',
    written: '上升2.5%',
    expected: '下降1.61%',
  },
  {
    what: 'a rate’s 环比 (points)',
    from: '结案率 99.27%，环比上升 0.27%',
    to: '结案率 99.27%，环比上升 0.72%',
    kind: 'change',
    written: '0.72%',
    expected: '0.27%',
  },
  {
    what: 'a 类别’s 环比 among two',
    from: '环比分别下降 6.42%和 2.97%',
    to: '环比分别下降 6.42%和 2.79%',
    kind: 'change',
    written: '2.79%',
    expected: '2.97%',
  },
  {
    what: 'a unit’s direction',
    from: '本月晋安区综合指标值较上月有所上升',
    to: '本月晋安区综合指标值较上月有所下降',
    kind: 'change',
    written: '下降',
    expected: '上升',
  },
  {
    what: 'a unit’s change',
    from: '本月100分，提高15分',
    to: '本月100分，提高5分',
    kind: 'change',
    written: '5分',
    expected: '15分',
  },
  {
    what: 'a rate’s change of a unit',
    from: '本月90.29%,上升41.22%',
    to: '本月90.29%,上升42.12%',
    kind: 'change',
    written: '42.12%',
    expected: '41.22%',
  },
  {
    // 城乡建设类 −0.07% (July constructed to give the bulletin's 环比): within 0.5%, 基本持平.
    what: 'a size word on a flat change',
    from: '城乡建设类诉求受理量与上月基本持平',
    to: '城乡建设类诉求受理量与上月明显下降',
    kind: 'change',
    written: '明显下降',
    expected: '基本持平',
  },
  {
    // 满意度 −0.09 points: beyond the 0.05 of 基本持平 (summary.trend.rates), 略有下降.
    what: 'a flat that is not',
    from: '群众基本满意度较上月略有下降',
    to: '群众基本满意度较上月基本持平',
    kind: 'change',
    written: '基本持平',
    expected: '略有下降',
  },

  // rankings
  {
    what: 'a unit not in the bottom three (its value swapped in)',
    from: '市水利局（80分）；较上月',
    to: '市人防办（80分）；较上月',
    kind: 'ranking',
    written: '市人防办',
    expected: '市水利局',
  },
  {
    what: 'a unit not in the bottom three (its own value)',
    from: '市红星农场（35分）',
    to: '市园林局（98.95分）',
    kind: 'ranking',
    written: '市园林局',
    expected: '市红星农场',
  },
  {
    what: 'the last of 七县(市)',
    from: '排名最后一位的是闽侯县(94.46分)',
    to: '排名最后一位的是闽清县(95.33分)',
    kind: 'ranking',
    written: '闽清县',
    expected: '闽侯县',
  },
  {
    what: 'the best of 五城区',
    from: '较好的为台江区(98.88分)',
    to: '较好的为鼓楼区(98.4分)',
    kind: 'ranking',
    written: '鼓楼区',
    expected: '台江区',
  },
  {
    what: 'how many share the best',
    from: '等8家单位',
    to: '等9家单位',
    kind: 'ranking',
    written: '9家',
    expected: '8家',
  },
  {
    what: 'the order of a volume list',
    from: '市道路运输管理处 998 件次，福州高新区管委会 757 件次',
    to: '福州高新区管委会 757 件次，市道路运输管理处 998 件次',
    kind: 'ranking',
    written: '福州高新区管委会',
    expected: '福州市道路运输管理处',
  },
  {
    what: 'the most improved',
    from: '福州城市客运场站公司(本月90.29%,上升41.22%)、市城乡建设发展总公司(本月87.85%,上升24.84%)',
    to: '市城乡建设发展总公司(本月87.85%,上升24.84%)、福州城市客运场站公司(本月90.29%,上升41.22%)',
    kind: 'ranking',
    written: '市城乡建设发展总公司',
    expected: '福州城市客运场站公司',
  },
  // 类 rankings
  {
    what: 'the order of the main 事件 大类',
    from: '街面秩序、市容环境、广告宣传三类',
    to: '街面秩序、广告宣传、市容环境三类',
    kind: 'categoryRanking',
    written: '广告宣传',
    expected: '市容环境',
  },
  {
    what: 'the main 渠道',
    from: '主要来源于网站和电话',
    to: '主要来源于网站和微信',
    kind: 'categoryRanking',
    written: '微信',
    expected: '电话',
  },
  // the text's own arithmetic
  {
    what: 'parts that do not add up to their total',
    from: '福州供电公司2件、市市政建设开发有限公司1件',
    to: '福州供电公司2件、市市政建设开发有限公司2件',
    kind: 'arithmetic',
    written: '6件',
    expected: '7件',
  },
  {
    what: 'a rate against the two counts beside it',
    from: '按期办结263件，',
    to: '按期办结263件，按期办结率97.87%，',
    kind: 'arithmetic',
    written: '97.87%',
    expected: '97.77%',
  },
  // forms: full-width digits, spaces inside numbers, shortened names
  {
    what: 'full-width digits',
    from: '台江区(98.88分)',
    to: '台江区(９８．８７分)',
    kind: 'unitFigure',
    written: '９８．８７分',
    expected: '９８．８８分',
  },
  {
    what: 'a space inside a number',
    from: '晋安区 5056 件次',
    to: '晋安区 5 065 件次',
    kind: 'unitFigure',
    written: '5 065 件次',
    expected: '5056 件次',
  },
  {
    what: 'a shortened name',
    from: '市城乡建设委员会 712 件次',
    to: '市建委 721 件次',
    kind: 'unitFigure',
    written: '721 件次',
    expected: '712 件次',
  },
  {
    what: 'a name without 市',
    from: '市水利局(33.33%)',
    to: '水利局(33.3%)',
    kind: 'unitFigure',
    written: '33.3%',
    expected: '33.33%',
  },
];

describe('planted errors, one at a time (published text, July given)', () => {
  it('the baseline: only the bulletin’s own 闽侯县 95.13%', () => {
    expect(run(PUBLISHED).r.findings.map((f) => f.written)).toEqual(['95.13%']);
  });
  for (const p of PLANTS) {
    it(`${p.what}: ${p.to}`, () => {
      const { planted } = run(plant(PUBLISHED, p.from, p.to));
      expect(planted.map((f) => [f.kind, f.written, f.expected])).toEqual([
        [p.kind, p.written, p.expected],
      ]);
    });
  }
});

describe('one word, two claims', () => {
  it('“结案率和按期结案率略有下降” when both rose: one finding per figure, on the word', () => {
    const { planted } = run(
      plant(PUBLISHED, '结案率和按期结案率略有提升', '结案率和按期结案率略有下降'),
    );
    expect(planted.map((f) => [f.kind, f.written, f.expected, f.figure])).toEqual([
      ['change', '下降', '上升', '数字城管结案率环比'],
      ['change', '下降', '上升', '数字城管按期结案率环比'],
    ]);
  });
});

describe('what the finding says', () => {
  it('a unit’s figure: the unit, the figure and the cell holding the table’s value', () => {
    const { planted } = run(plant(PUBLISHED, '台江区(98.88分)', '台江区(98.87分)'));
    const f = planted[0]!;
    expect([f.unit, f.figure, f.sheet]).toEqual(['台江区政府', '综合指标值', '数字城管综合评价表']);
    expect(cellValue(august.grids, f.sheet!, f.cell!)).toBe(98.88);
    expect(f.message).toBe(
      `台江区 综合指标值：文中为98.87分，表中为98.88分（数字城管综合评价表!${f.cell}）`,
    );
  });

  it('a misprinted cell is named as such (市自来水有限公司 98.5 for 98.51)', () => {
    const text = plant(
      PUBLISHED,
      '本月晋安区按期结案率有所上升;',
      '本月晋安区按期结案率有所上升;市自来水有限公司按期结案率为98.5%;',
    );
    const f = run(text).planted[0]!;
    expect([f.written, f.expected]).toEqual(['98.5%', '98.51%']);
    expect(f.message).toContain('印为98.5');
  });

  it('a total: the summary table’s cell', () => {
    const f = run(plant(PUBLISHED, '受理诉求 35275 件', '受理诉求 35257 件')).planted[0]!;
    expect(cellValue(august.grids, f.sheet!, f.cell!)).toBe(35275);
    expect(f.message).toContain('12345平台受理诉求件：文中为35257 件，表中为35275 件');
  });

  it('a rate of two counts the text gives: its own name and the division', () => {
    const f = run(plant(PUBLISHED, '按期办结263件，', '按期办结263件，按期办结率97.87%，'))
      .planted[0]!;
    expect(f.message).toBe('按期办结率：文中为97.87%，按文中数字计算为97.77%（263÷269）');
  });

  it('parts that do not add up: the sum in the message', () => {
    const f = run(plant(PUBLISHED, '市市政建设开发有限公司1件', '市市政建设开发有限公司2件'))
      .planted[0]!;
    expect(f.message).toBe('合计：文中为6件，各项相加为7件（3+2+2=7）');
  });
});

describe('forms that are not errors', () => {
  for (const [what, from, to] of [
    ['full-width digits', '马尾区(93.81分)', '马尾区（９３．８１分）'],
    ['a space inside a number', '仓山区 7751 件次', '仓山区 7 751 件次'],
    ['100.00% for 100%', '满意度均为 100%', '满意度均为 100.00%'],
    ['99.7% for 99.70%', '长乐市（满意率 99.70%）', '长乐市（满意率 99.7%）'],
    ['a shortened name', '市城乡建设委员会 712 件次', '市建委 712 件次'],
    ['a name without 市', '市水利局(33.33%)', '水利局(33.33%)'],
    ['the bulletin’s slip corrected', '闽侯县(95.13%)', '闽侯县(85.13%)'],
  ] as const) {
    it(`${what}: checked and right`, () => {
      const { r, planted } = run(plant(PUBLISHED, from, to));
      expect(planted).toEqual([]);
      // Checked, not skipped: the number is in no “not checked” entry.
      const number = to.replace(/^[^\d０-９]*/, '').replace(/[)）]$/, '');
      expect(r.notChecked.filter((n) => n.written === number)).toEqual([]);
      if (from.includes('95.13')) expect(r.findings).toEqual([]);
    });
  }

  it('shares rounded to add up to 100% (largest remainder): one note, no error', () => {
    // Each 类别's share of 35275 as largest remainder gives it: 政法类 7.68% (7.67% rounded alone).
    const shares =
      '各类诉求件占比：城乡建设类占33.85%，交通环保类占10.66%，政法类占7.68%，劳动社保类占7.51%，经济综合类占7.34%，教育文体类占7.00%，卫生计生类占6.56%，农业农村类占5.61%，党务政务类占5.01%，民政类占4.37%，其他类占4.41%。';
    const where = '各类诉求件具体占比情况如下图所示：';
    const { r, planted, draft } = run(plant(PUBLISHED, where, `${where}\n${shares}`));
    expect(planted).toEqual([]);
    const notes = r.notes.filter((n) => n.message.includes('最大余数'));
    expect(notes).toHaveLength(1);
    expect(notes[0]!.paragraph).toBe(draft.paragraphs.findIndex((p) => p.text === shares) + 1);
    // Off by more than the rounding: an error, with the share rounded alone.
    const wrong = shares.replace('政法类占7.68%', '政法类占7.86%');
    const off = run(plant(PUBLISHED, where, `${where}\n${wrong}`)).planted;
    expect(off.map((f) => [f.kind, f.written, f.expected])).toEqual([['share', '7.86%', '7.67%']]);
  });
});

describe("planted in Tongbao's own text (full-width brackets, no spaces)", () => {
  const own = narrativeText(buildNarrative(august.analysis, july.analysis));
  for (const [from, to, written, expected] of [
    ['闽侯县（85.13%）', '闽侯县（95.13%）', '95.13%', '85.13%'],
    [
      '福州市公安局交通警察支队1782件次',
      '福州市公安局交通警察支队1728件次',
      '1728件次',
      '1782件次',
    ],
    ['等11家单位', '等12家单位', '12家', '11家'],
    ['环比上升0.08%', '环比下降0.08%', '下降', '上升'],
    [
      '罗源县（满意率99.66%）、晋安区（满意率99.7%）',
      '晋安区（满意率99.7%）、罗源县（满意率99.66%）',
      '晋安区',
      '罗源县',
    ],
  ] as const) {
    it(`${from} → ${to}`, () => {
      const { r } = run(plant(own, from, to));
      expect(r.findings.map((f) => [f.written, f.expected])).toEqual([[written, expected]]);
    });
  }
});
