import { readFile } from 'node:fs/promises';
import { describe, expect, it } from 'vitest';
import { analyzeWorkbook } from '../src/evaluation/analyze';
import { readWorkbookGrids } from '../src/io/xlsx-read';
import { buildNarrative } from '../src/narrative/build';
import { packDocx } from '../src/report/docx';
import { buildReport } from '../src/report/model';
import { docxParts, paragraphs, textRuns } from './helpers/docx-xml';

const analyze = async (file: string) =>
  analyzeWorkbook(await readWorkbookGrids(await readFile(file)), {
    report: { date: '2017年9月25日' },
  });
const august = await analyze('samples/2017-08.xlsx');
const narrative = buildNarrative(august, await analyze('samples/2017-07.xlsx'));
const model = buildReport(august, narrative);
const parts = await docxParts(await packDocx(model, august.settings.report.fonts));
const doc = parts['word/document.xml']!;
const paras = paragraphs(doc);
const para = (text: string) => {
  const found = paras.filter((p) => p.text === text);
  expect(found, text).toHaveLength(1);
  return found[0]!.xml;
};

describe('the exported bulletin (.docx)', () => {
  it('is A4 with margins 37/35/28/26 mm; the evaluation tables on landscape pages', () => {
    const sections = [...doc.matchAll(/<w:sectPr[\s\S]*?<\/w:sectPr>/g)].map((m) => m[0]);
    expect(sections).toHaveLength(3);
    for (const s of sections) {
      expect(s).toMatch(/<w:pgMar w:top="2098" w:right="1474" w:bottom="1984" w:left="1587"/);
    }
    expect(sections[0]).toMatch(/<w:pgSz w:w="11906" w:h="16838"/);
    expect(sections[2]).toMatch(/<w:pgSz w:w="16838" w:h="11906" w:orient="landscape"\/>/);
  });

  it('has the title in 22 pt 小标宋, centred, from the issuer and the workbook’s month', () => {
    expect(model.title).toBe(
      '福州市“智慧福州”管理服务中心关于2017年8月份12345政府公共服务系统运行情况的通报',
    );
    const title = para(model.title);
    expect(title).toContain('<w:jc w:val="center"/>');
    expect(title).toContain('<w:sz w:val="44"/>');
    expect(title).toContain('w:eastAsia="方正小标宋简体"');
  });

  it('sets the East Asian font on every run, with the eastAsia hint', () => {
    const runs = textRuns(doc);
    expect(runs.length).toBeGreaterThan(500);
    for (const r of runs)
      expect(r).toMatch(/<w:rFonts [^>]*w:eastAsia="[^"]+"[^>]*w:hint="eastAsia"/);
  });

  it('writes every narrative paragraph in 16 pt 仿宋, first line indented 2 characters, exact 29 pt lines', () => {
    for (const section of narrative.sections) {
      // Places for the writer (典型案例…) are marked instead: below.
      for (const p of section.paragraphs.filter((x) => !x.editorial)) {
        const xml = para(p.text);
        expect(xml).toContain('<w:sz w:val="32"/>');
        expect(xml).toContain('w:eastAsia="仿宋_GB2312"');
        expect(xml).toMatch(/<w:ind [^>]*w:firstLineChars="200"/);
        expect(xml).toMatch(/<w:spacing [^>]*w:line="580" w:lineRule="exact"/);
      }
    }
    expect(doc).not.toContain('w:lineRule="exactly"');
  });

  it('uses the bulletin’s headings: 一、 in 黑体, （一） in 楷体, 1. in 仿宋', () => {
    // The seed's outline (samples/seed/bulletin-2017-08.txt).
    for (const h of ['一、基本情况', '二、典型案例', '三、督办及反馈情况', '四、下一阶段工作要求'])
      expect(para(h)).toContain('w:eastAsia="黑体"');
    expect(para('（一）12345平台运行情况')).toContain('w:eastAsia="楷体_GB2312"');
    expect(para('（二）数字城管系统运行情况')).toContain('w:eastAsia="楷体_GB2312"');
    expect(para('1. 诉求件分类情况')).toContain('w:eastAsia="仿宋_GB2312"');
    expect(para('2. 案件办理情况')).toContain('w:eastAsia="仿宋_GB2312"');
    // A heading never ends a page.
    expect(para('2. 案件办理情况')).toContain('<w:keepNext/>');
    expect(para('附件1')).toContain('w:eastAsia="黑体"');
    expect(para('附件2')).toContain('w:eastAsia="黑体"');
    expect(para('附件：1. 2017年8月份12345平台运行情况表')).toBeTruthy();
    expect(para('2017年9月25日')).toContain('<w:jc w:val="right"/>');
  });

  it('numbers pages “— 1 —” in 4号 宋体, odd pages right, even pages left', () => {
    expect(parts['word/settings.xml']).toContain('<w:evenAndOddHeaders/>');
    const footers = Object.entries(parts)
      .filter(([name]) => /^word\/footer\d+\.xml$/.test(name))
      .map(([, xml]) => xml);
    const right = footers.filter((f) => f.includes('<w:jc w:val="right"/>'));
    const left = footers.filter((f) => f.includes('<w:jc w:val="left"/>'));
    expect(right.length).toBeGreaterThan(0);
    expect(left.length).toBeGreaterThan(0);
    for (const f of footers) {
      expect(f).toMatch(/— <\/w:t>[\s\S]*PAGE[\s\S]*> —<\/w:t>/);
      expect(f).toContain('<w:sz w:val="28"/>');
      expect(f).toContain('w:eastAsia="宋体"');
    }
  });

  it('lays out the evaluation tables with merged 下属单位 and 本月无应处置案件 cells', () => {
    const tables = [...doc.matchAll(/<w:tbl>[\s\S]*?<\/w:tbl>/g)].map((m) => m[0]);
    expect(tables).toHaveLength(3 + 5); // three 12345 tables, five evaluation tables
    const city = tables[5]!; // (三) 市直单位综合评价表
    const rows = [...city.matchAll(/<w:tr>[\s\S]*?<\/w:tr>/g)].map((m) => m[0]);
    expect(rows).toHaveLength(1 + 20); // header + 20 units
    const text = (row: string) => paragraphs(row).map((p) => p.text);
    // 市建委: name over two columns; then 下属单位 merged down its two sub-units.
    expect(rows[1]).toMatch(/<w:gridSpan w:val="2"\/>[\s\S]*市建委/);
    expect(rows[2]).toMatch(/<w:vMerge w:val="restart"\/>[\s\S]*下属单位/);
    expect(text(rows[2]!).slice(0, 3)).toEqual(['下属单位', '本委', '49']);
    expect(rows[3]).toMatch(/<w:vMerge\/>|<w:vMerge w:val="continue"\/>/);
    const idle = rows.find((r) => r.includes('市渣土办'))!;
    expect(idle).toMatch(/<w:gridSpan w:val="13"\/>[\s\S]*本月无应处置案件/);
    // 市交警支队's figures, recomputed.
    expect(text(rows.find((r) => r.includes('市交警支队'))!).slice(-6)).toEqual([
      '214',
      '100',
      '214',
      '100',
      '97.67',
      'A',
    ]);
  });

  it('shows the recomputed figure that disagrees with the sheet, and says what the sheet had', () => {
    const table5 = [...doc.matchAll(/<w:tbl>[\s\S]*?<\/w:tbl>/g)].map((m) => m[0])[7]!;
    const row = [...table5.matchAll(/<w:tr>[\s\S]*?<\/w:tr>/g)]
      .map((m) => m[0])
      .find((r) => r.includes('市自来水有限公司'))!;
    expect(row).toMatch(/<w:shd [^>]*w:fill="FFC7CE"[\s\S]*98\.51\*/);
    expect(paras.map((p) => p.text)).toContain(
      '注：带“*”的数值为复核结果，与原表不一致（原表：市自来水有限公司按期结案率98.5）。',
    );
  });

  it('names stand-in fonts for machines without 小标宋 or 仿宋_GB2312', () => {
    expect(parts['word/fontTable.xml']).toContain(
      '<w:font w:name="方正小标宋简体"><w:altName w:val="华文中宋,宋体"/>',
    );
    expect(parts['word/fontTable.xml']).toContain(
      '<w:font w:name="仿宋_GB2312"><w:altName w:val="仿宋"/>',
    );
  });
});
