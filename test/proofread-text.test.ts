import { proofreadZhCN } from '../src/i18n/proofread';
/**
 * Issue #17: pasted text as a draft, numbers written back in the writer's form, and sentences
 * a writer may well write that are not the bulletin's — read right, or said not checked, never
 * a false alarm. Expected values are the August tables' (samples/2017-08.xlsx, samples/seed).
 */
import { describe, expect, it } from 'vitest';
import { proofread } from '../src/proofread/check';
import { inWrittenForm } from '../src/proofread/numbers';
import { draftFromText } from '../src/proofread/text';
import { expectConsistentCounts, workbook } from './helpers/proofread-draft';

const august = await workbook('samples/2017-08.xlsx');
const july = await workbook('samples/2017-07.xlsx');

function check(line: string) {
  const r = proofread(draftFromText(line), august.analysis, july.analysis);
  expectConsistentCounts(r);
  return r;
}

describe('draftFromText', () => {
  it('one paragraph per line, empty and blank lines dropped, any line break', () => {
    const d = draftFromText('\uFEFF第一段\r\n\r\n  \n第二段\r第三段\u2028第四段\n');
    expect(d.paragraphs).toEqual([
      { text: '第一段', where: 'body' },
      { text: '第二段', where: 'body' },
      { text: '第三段', where: 'body' },
      { text: '第四段', where: 'body' },
    ]);
  });

  it('keeps a line as written (spaces, full-width), so offsets point into it', () => {
    const d = draftFromText('  台江区（９８．８８分）');
    expect(d.paragraphs[0]!.text).toBe('  台江区（９８．８８分）');
  });
});

describe('what the tables give, in the form the draft wrote', () => {
  it.each([
    ['95.13%', 8513, 2, '85.13%'],
    ['37.02%', 3720, 2, '37.20%'],
    ['96.70%', 9677, 2, '96.77%'],
    ['99.7%', 9974, 2, '99.74%'],
    ['98.87分', 10000, 2, '100分'],
    ['100.00%', 9860, 2, '98.60%'],
    ['９５．１３％', 8513, 2, '８５．１３％'],
    ['95. 13 %', 8513, 2, '85.13 %'],
    ['35257 件', 35275, 0, '35275 件'],
  ] as const)('%s → %s', (written, value, decimals, expected) => {
    expect(inWrittenForm(written, value, decimals)).toBe(expected);
  });
});

describe('sentences that are not errors', () => {
  it.each([
    [
      'a unit’s figure after its count, not the whole’s',
      '各县（市）区中，鼓楼区受理3942件次，满意度99.77%。',
    ],
    ['thousands separated by a comma', '8月份，12345平台受理诉求件35,275件。'],
    ['a change in cases', '12345平台受理诉求35275件，较上月增加1076件。'],
    ['a unit named with 政府', '闽侯县政府按期结案率85.13%。'],
    ['a sub-unit', '市交警支队综合指标值为97.67分。'],
    ['the lowest, another cue', '五城区中综合指标值最低的是马尾区（93.81分）。'],
    ['a transfer unit’s calls and rate', '晋安区市容局转接233件，接通率100%。'],
  ])('%s', (_, line) => {
    const r = check(line);
    expect(r.findings).toEqual([]);
    expect(r.notChecked.filter((n) => n.reason !== proofreadZhCN.reasons.date)).toEqual([]);
  });

  it.each([
    ['year on year', '本月12345平台受理诉求35275件，较去年同期上升12.5%。', '12.5%', 'sameYear'],
    ['同比', '数字城管系统本月共受理有效案件73894件，同比下降2%。', '2%', 'sameYear'],
    ['a rank moved, not a figure', '市园林局排名上升3位。', '3位', 'notInTables'],
    ['a count of units', '全市共有50家单位参与评价。', '50家', 'notInTables'],
  ] as const)('%s: not checked, with the reason', (_, line, written, reason) => {
    const r = check(line);
    expect(r.findings).toEqual([]);
    expect(r.notChecked.map((n) => [n.written, n.reason])).toContainEqual([
      written,
      proofreadZhCN.reasons[reason],
    ]);
  });

  it('a change in cases that is wrong: the difference, not a percentage', () => {
    const r = check('12345平台受理诉求35275件，较上月增加1067件。');
    // July (constructed) has 34199: 35275 − 34199 = 1076.
    expect(r.findings.map((f) => [f.written, f.expected])).toEqual([['1067件', '1076件']]);
  });

  it('the draft’s tables are not read cell by cell, and say so once', () => {
    const r = proofread(
      {
        paragraphs: [
          { text: '闽侯县政府', where: 'table' },
          { text: '95.13', where: 'table' },
          { text: '闽侯县(85.13%)排名最后一位。', where: 'body' },
        ],
      },
      august.analysis,
    );
    expect(r.findings).toEqual([]);
    expect(r.notes.map((n) => n.message)).toEqual([proofreadZhCN.notes.tables(1)]);
  });
});
