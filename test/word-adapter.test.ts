import { readFile } from 'node:fs/promises';
import { beforeEach, describe, expect, it } from 'vitest';
import { insertAtSelection } from '../addin/word/adapter';
import { analyzeWorkbook } from '../src/evaluation/analyze';
import { readWorkbookGrids } from '../src/io/xlsx-read';
import { buildNarrative, narrativeText } from '../src/narrative/build';
import { buildReport, textBlocks as narrativeBlocks } from '../src/report/model';
import { attachmentBlocks, blocksToFlatOpc } from '../src/report/ooxml';
import { FakeDocument } from './fake/word-fake';
import { paragraphs, textRuns } from './helpers/docx-xml';

const analysis = analyzeWorkbook(await readWorkbookGrids(await readFile('samples/2017-08.xlsx')));
const narrative = buildNarrative(analysis);
const fonts = analysis.settings.report.fonts;
let doc: FakeDocument;

beforeEach(() => {
  doc = new FakeDocument();
  (globalThis as Record<string, unknown>).Word = {
    run: (b: Parameters<FakeDocument['run']>[0]) => doc.run(b),
  };
});

describe('插入到文档 in Word', () => {
  it('inserts every paragraph at the selection in one Word.run and one sync, East Asian fonts on every run', async () => {
    const ooxml = await blocksToFlatOpc(narrativeBlocks(narrativeText(narrative)), fonts);
    await insertAtSelection(ooxml);
    expect(doc.syncs).toBe(1);
    expect(doc.insertions).toHaveLength(1);
    expect(doc.insertions[0]!.location).toBe('Replace');
    const inserted = paragraphs(doc.insertions[0]!.ooxml).map((p) => p.text);
    for (const section of narrative.sections) {
      for (const p of section.paragraphs) expect(inserted).toContain(p.text);
    }
    expect(inserted).toContain('（二）数字城管系统运行情况');
    expect(inserted).toContain('1. 案件办理情况');
    for (const run of textRuns(doc.insertions[0]!.ooxml))
      expect(run).toMatch(/w:eastAsia="[^"]+"[^>]*w:hint="eastAsia"/);
    expect(doc.insertions[0]!.ooxml).toContain('<w:sz w:val="32"/>');
    expect(doc.insertions[0]!.ooxml).not.toContain('<w:sectPr');
  });

  it('keeps the user’s edits: the pane’s text is what gets inserted', async () => {
    const edited = narrativeText(narrative).replace('办理较好的单位是', '办理情况较好的单位是');
    await insertAtSelection(await blocksToFlatOpc(narrativeBlocks(edited), fonts));
    expect(
      paragraphs(doc.insertions[0]!.ooxml).some((p) =>
        p.text.includes('办理情况较好的单位是：市建委'),
      ),
    ).toBe(true);
  });

  it('inserts the attachment tables too when asked, fitted to a portrait page', async () => {
    const blocks = [
      ...narrativeBlocks(narrativeText(narrative)),
      ...attachmentBlocks(buildReport(analysis, narrative)),
    ];
    await insertAtSelection(await blocksToFlatOpc(blocks, fonts));
    const ooxml = doc.insertions[0]!.ooxml;
    expect([...ooxml.matchAll(/<w:tbl>/g)]).toHaveLength(8);
    expect(ooxml).toContain('<w:tblW w:type="dxa" w:w="8845"/>');
    expect(doc.syncs).toBe(1);
  });

  it('the fake refuses what Word would: a bare fragment is not a package', async () => {
    await expect(insertAtSelection('<w:p/>')).rejects.toThrow(/flat OPC/);
  });
});
