import { readFile } from 'node:fs/promises';
import { describe, expect, it } from 'vitest';
import { analyzeWorkbook } from '../src/evaluation/analyze';
import { readWorkbookGrids } from '../src/io/xlsx-read';
import { buildNarrative } from '../src/narrative/build';
import { packDocx } from '../src/report/docx';
import { buildReport } from '../src/report/model';
import { docxParts, paragraphs } from './helpers/docx-xml';

/**
 * GB/T 9704-2012 7.5: page numbers “— 1 —” in 4号 宋体, one character in from the edge: odd
 * pages on the right, even pages on the left. In WordprocessingML the `default` footer is the
 * odd pages' once `w:evenAndOddHeaders` is set, and the `even` footer the even pages'. A swap
 * of the two (or a missing setting, which prints the default footer on every page) is what a
 * reader of the printed bulletin would notice, so each section's references are followed to
 * their parts here.
 */
const analysis = analyzeWorkbook(await readWorkbookGrids(await readFile('samples/2017-08.xlsx')));
const parts = await docxParts(
  await packDocx(buildReport(analysis, buildNarrative(analysis)), analysis.settings.report.fonts),
);
const doc = parts['word/document.xml']!;
const rels = parts['word/_rels/document.xml.rels']!;

/** The part a relationship id of document.xml points at. */
function target(id: string): string {
  const m = new RegExp(`<Relationship [^>]*Id="${id}"[^>]*/>`).exec(rels);
  expect(m, id).not.toBeNull();
  const t = /Target="([^"]+)"/.exec(m![0])![1]!;
  return `word/${t.replace(/^\/?word\//, '')}`;
}

const sections = [...doc.matchAll(/<w:sectPr[\s\S]*?<\/w:sectPr>/g)].map((m) => m[0]);

/** Each section's footers by type, as the parts' XML. */
const footers = sections.map((s) => {
  const refs = [...s.matchAll(/<w:footerReference ([^>]*)\/>/g)].map((m) => m[1]!);
  const byType: Record<string, string> = {};
  for (const r of refs) {
    const type = /w:type="([^"]+)"/.exec(r)![1]!;
    const id = /r:id="([^"]+)"/.exec(r)![1]!;
    byType[type] = parts[target(id)]!;
  }
  return byType;
});

const footerParagraph = (xml: string) => {
  const ps = paragraphs(xml);
  expect(ps).toHaveLength(1);
  return ps[0]!;
};

describe('page numbers in the .docx', () => {
  it('tells Word that odd and even pages have their own footers', () => {
    expect(parts['word/settings.xml']).toMatch(
      /<w:evenAndOddHeaders\/>|<w:evenAndOddHeaders w:val="(true|1|on)"\/>/,
    );
  });

  it('gives every section (body, 附件1, 附件2) an odd-page and an even-page footer, no first-page one', () => {
    expect(sections).toHaveLength(3);
    for (const f of footers) expect(Object.keys(f).sort()).toEqual(['default', 'even']);
    // A first-page footer would replace page 1's number (w:titlePg): the bulletin numbers page 1.
    expect(doc).not.toContain('<w:titlePg');
  });

  it('puts odd pages’ numbers on the right, one character (16 pt) in from the edge', () => {
    for (const f of footers) {
      const p = footerParagraph(f.default!);
      expect(p.xml).toContain('<w:jc w:val="right"/>');
      expect(p.xml).toMatch(/<w:ind w:right="320"\/>/);
      expect(p.xml).not.toContain('<w:jc w:val="left"/>');
    }
  });

  it('puts even pages’ numbers on the left, one character in from the edge', () => {
    for (const f of footers) {
      const p = footerParagraph(f.even!);
      expect(p.xml).toContain('<w:jc w:val="left"/>');
      expect(p.xml).toMatch(/<w:ind w:left="320"\/>/);
      expect(p.xml).not.toContain('<w:jc w:val="right"/>');
    }
  });

  it('writes “— PAGE —” in 14 pt 宋体 in both', () => {
    for (const f of footers) {
      for (const xml of [f.default!, f.even!]) {
        expect(footerParagraph(xml).text).toBe('—  —'); // the number is the PAGE field
        expect(xml).toMatch(
          /<w:t xml:space="preserve">— <\/w:t>[\s\S]*<w:instrText[^>]*>\s*PAGE\s*<\/w:instrText>[\s\S]*<w:t xml:space="preserve"> —<\/w:t>/,
        );
        expect(xml).toContain('<w:sz w:val="28"/>');
        expect(xml).toContain('w:eastAsia="宋体"');
      }
    }
  });

  it('numbers the attachments on from the body (no restart at a new section)', () => {
    expect(doc).not.toMatch(/<w:pgNumType [^>]*w:start=/);
  });
});
