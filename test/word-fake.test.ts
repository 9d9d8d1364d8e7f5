/** The Word fake behaves as Word does where the adapter depends on it. */
import { describe, expect, it } from 'vitest';
import {
  FakeDocument,
  INSERTED_IN_CONTROL,
  control,
  inside,
  selection,
  spanning,
  table,
  type FakeRangeCollection,
  type FakeWordContext,
} from './fake/word-fake';

const PACKAGE =
  '<pkg:package xmlns:pkg="http://schemas.microsoft.com/office/2006/xmlPackage">' +
  '<pkg:part pkg:name="/word/document.xml"><pkg:xmlData/></pkg:part></pkg:package>';

function docWith(s: ReturnType<typeof selection>): FakeDocument {
  const doc = new FakeDocument();
  doc.selection = s;
  return doc;
}

/** Run one batch on `doc` and return what it rejected with (it must reject). */
async function failure(
  doc: FakeDocument,
  batch: (ctx: FakeWordContext) => Promise<void>,
): Promise<{ code?: string; message: string }> {
  return doc.run(batch).then(
    () => expect.fail('expected the batch to fail'),
    (e: { code?: string; message: string }) => e,
  );
}

describe('the selection', () => {
  it('a cursor is an empty range; selected text is not', async () => {
    for (const [s, text, empty] of [
      [selection('cursor'), '', true],
      [selection('text', { text: '三段文字' }), '三段文字', false],
    ] as const) {
      await docWith(s).run(async (ctx) => {
        const range = ctx.document.getSelection().load('text,isEmpty');
        await ctx.sync();
        expect(range.text).toBe(text);
        expect(range.isEmpty).toBe(empty);
      });
    }
  });

  it('records where each insertion landed, by location', async () => {
    const land = async (s: ReturnType<typeof selection>, location: string) => {
      const doc = docWith(s);
      await doc.run(async (ctx) => {
        ctx.document.getSelection().insertOoxml(PACKAGE, location);
        await ctx.sync();
      });
      return doc.insertions[0]!.landed;
    };
    expect(await land(selection('cursor'), 'Replace')).toBe('atCursor');
    expect(await land(selection('cursor'), 'After')).toBe('atCursor');
    expect(await land(selection('text'), 'After')).toBe('afterSelection');
    expect(await land(selection('text'), 'Before')).toBe('beforeSelection');
    expect(await land(selection('text'), 'Replace')).toBe('replacedSelection');
    expect(await land(selection('text'), 'End')).toBe('selectionEnd');
    // Anything put at a point inside a cell lands in the cell: a table there would be nested.
    expect(await land(selection('table'), 'Replace')).toBe('inTableCell');
    expect(await land(selection('table'), 'After')).toBe('inTableCell');
    expect(await land(spanning('跨表格', [], [table()]), 'After')).toBe('inTableCell');
    expect(await land(spanning('跨表格', [table()], []), 'Replace')).toBe('inTableCell');
  });

  it('after a top-level table is outside it; after a nested one is still in a cell', async () => {
    const doc = docWith(selection('table', { depth: 2 }));
    await doc.run(async (ctx) => {
      const inner = ctx.document.getSelection().parentTableOrNullObject;
      inner.load('nestingLevel');
      await ctx.sync();
      expect(inner.nestingLevel).toBe(2);
      inner.getRange('After').insertOoxml(PACKAGE, 'After');
      inner.parentTable.getRange('After').insertOoxml(PACKAGE, 'After');
      await ctx.sync();
    });
    expect(doc.insertions.map((i) => i.landed)).toEqual(['inTableCell', 'afterTable']);
  });
});

describe('*OrNullObject', () => {
  it('isNullObject is known only after a sync: true outside a table, false in one', async () => {
    await docWith(selection('text')).run(async (ctx) => {
      const table = ctx.document.getSelection().parentTableOrNullObject;
      expect(() => table.isNullObject).toThrow(/PropertyNotLoaded/);
      await ctx.sync();
      expect(table.isNullObject).toBe(true);
    });
    await docWith(selection('table')).run(async (ctx) => {
      const table = ctx.document.getSelection().parentTableOrNullObject;
      table.load('isNullObject');
      await ctx.sync();
      expect(table.isNullObject).toBe(false);
    });
  });

  it('a method called on a null object fails the batch at sync, nothing inserted', async () => {
    const doc = docWith(selection('cursor'));
    const e = await failure(doc, async (ctx) => {
      const table = ctx.document.getSelection().parentTableOrNullObject;
      await ctx.sync();
      expect(table.isNullObject).toBe(true);
      table.getRange('After').insertOoxml(PACKAGE, 'After');
      await ctx.sync();
    });
    expect(e.code).toBe('ItemNotFound');
    expect(doc.insertions).toEqual([]);
  });

  it('a property of a null object cannot be read', async () => {
    await docWith(selection('cursor')).run(async (ctx) => {
      const table = ctx.document.getSelection().parentTableOrNullObject;
      table.load('isNullObject,nestingLevel');
      await ctx.sync();
      expect(() => table.nestingLevel).toThrow(/ItemNotFound/);
    });
  });

  it('parentTable (not OrNullObject) outside a table throws ItemNotFound at sync', async () => {
    const e = await failure(docWith(selection('text')), async (ctx) => {
      ctx.document.getSelection().parentTable.load('nestingLevel');
      await ctx.sync();
    });
    expect(e.code).toBe('ItemNotFound');
  });
});

describe('properties and arguments', () => {
  it('unloaded properties throw, loaded ones are readable only after sync', async () => {
    await docWith(selection('table')).run(async (ctx) => {
      const range = ctx.document.getSelection();
      expect(() => range.text).toThrow(/PropertyNotLoaded/);
      range.load('isEmpty');
      expect(() => range.isEmpty).toThrow(/PropertyNotLoaded/);
      const table = range.parentTableOrNullObject;
      await ctx.sync();
      expect(range.isEmpty).toBe(true);
      expect(() => table.nestingLevel).toThrow(/PropertyNotLoaded/);
    });
  });

  it('an unknown property or location is refused', async () => {
    const e = await failure(new FakeDocument(), async (ctx) => {
      ctx.document.getSelection().load('colour');
      await ctx.sync();
    });
    expect(e.code).toBe('InvalidArgument');
    await new FakeDocument().run(async (ctx) => {
      expect(() => ctx.document.getSelection().insertOoxml(PACKAGE, 'Middle')).toThrow(
        /InvalidArgument/,
      );
      await ctx.sync();
    });
  });

  it('insertOoxml wants a flat OPC package', async () => {
    const e = await failure(new FakeDocument(), async (ctx) => {
      ctx.document.getSelection().insertOoxml('<w:p/>', 'After');
      await ctx.sync();
    });
    expect(e).toMatchObject({ code: 'InvalidArgument', message: /flat OPC/ });
  });
});

describe('requirement sets', () => {
  it('WordApi up to 1.3 by default; configurable', () => {
    const doc = new FakeDocument();
    expect(doc.isSetSupported('WordApi', '1.3')).toBe(true);
    expect(doc.isSetSupported('WordApi', '1.4')).toBe(false);
    doc.supportUpTo('1.2');
    expect(doc.isSetSupported('WordApi', '1.3')).toBe(false);
    expect(doc.isSetSupported('WordApi', '1.1')).toBe(true);
    expect(doc.isSetSupported('ExcelApi', '1.1')).toBe(false);
  });

  it('a WordApi 1.3 member on an older Word fails at sync with ApiNotFound', async () => {
    const doc = new FakeDocument().supportUpTo('1.2');
    const e = await failure(doc, async (ctx) => {
      ctx.document.getSelection().load('isEmpty');
      await ctx.sync();
    });
    expect(e.code).toBe('ApiNotFound');
    // WordApi 1.1 still works there.
    await doc.run(async (ctx) => {
      ctx.document.getSelection().insertOoxml(PACKAGE, 'Replace');
      await ctx.sync();
    });
    expect(doc.insertions).toHaveLength(1);
  });
});

describe('a document that cannot be edited', () => {
  it('read-only: insertOoxml fails with AccessDenied, as documented', async () => {
    const doc = new FakeDocument();
    doc.readOnly = true;
    const e = await failure(doc, async (ctx) => {
      ctx.document.getSelection().insertOoxml(PACKAGE, 'After');
      await ctx.sync();
    });
    expect(e).toMatchObject({
      code: 'AccessDenied',
      message: /You cannot perform the requested operation/,
    });
    expect(doc.insertions).toEqual([]);
  });

  it('failNextInsert fails one insert with the given code, then Word works again', async () => {
    const doc = new FakeDocument();
    doc.failNextInsert = { code: 'GeneralException', message: 'internal error' };
    const insert = (ctx: FakeWordContext) => {
      ctx.document.getSelection().insertOoxml(PACKAGE, 'After');
      return ctx.sync();
    };
    expect((await failure(doc, insert)).code).toBe('GeneralException');
    await doc.run(insert);
    expect(doc.insertions).toHaveLength(1);
  });
});

describe('content controls', () => {
  it('parentContentControlOrNullObject: null in body text, the innermost control in nested ones', async () => {
    const outer = control('RichText', '外层');
    const inner = control('RichText', '内层');
    await docWith(selection('text')).run(async (ctx) => {
      const c = ctx.document.getSelection().parentContentControlOrNullObject;
      expect(() => c.isNullObject).toThrow(/PropertyNotLoaded/);
      await ctx.sync();
      expect(c.isNullObject).toBe(true);
    });
    await docWith(inside([outer, inner])).run(async (ctx) => {
      const c = ctx.document.getSelection().parentContentControlOrNullObject.load('text,type');
      await ctx.sync();
      expect([c.isNullObject, c.text, c.type]).toEqual([false, '内层', 'RichText']);
      const parent = c.parentContentControlOrNullObject.load('text');
      await ctx.sync();
      expect(parent.text).toBe('外层');
      const top = parent.parentContentControlOrNullObject;
      await ctx.sync();
      expect(top.isNullObject).toBe(true);
    });
  });

  it('parentContentControlOrNullObject and ContentControl.getRange need WordApi 1.3; parentContentControl (1.1) does not', async () => {
    const doc = docWith(inside([control('RichText', '甲')])).supportUpTo('1.2');
    const e = await failure(doc, async (ctx) => {
      ctx.document.getSelection().parentContentControlOrNullObject.load('text');
      await ctx.sync();
    });
    expect(e.code).toBe('ApiNotFound');
    await doc.run(async (ctx) => {
      const c = ctx.document.getSelection().parentContentControl.load('text');
      await ctx.sync();
      expect(c.text).toBe('甲');
    });
    // Outside a control, parentContentControl (not OrNullObject) fails at sync.
    const none = await failure(docWith(selection('cursor')), async (ctx) => {
      ctx.document.getSelection().parentContentControl.load('text');
      await ctx.sync();
    });
    expect(none.code).toBe('ItemNotFound');
  });

  it('a plain-text control is reported, unless this Word predates it (office-js#1302)', async () => {
    const rich = control('RichText', '富文本');
    const plain = control('PlainText', '纯文本');
    const parentText = async (doc: FakeDocument) =>
      doc.run(async (ctx) => {
        const c = ctx.document.getSelection().parentContentControlOrNullObject.load('text');
        await ctx.sync();
        return c.isNullObject ? null : c.text;
      });
    const doc = docWith(inside([rich, plain]));
    expect(await parentText(doc)).toBe('纯文本');
    doc.plainTextControlsVisible = false;
    expect(await parentText(doc)).toBe('富文本');
    expect(await parentText(docWith(inside([plain])))).toBe('纯文本');
    const old = docWith(inside([plain]));
    old.plainTextControlsVisible = false;
    expect(await parentText(old)).toBeNull();
  });

  it('ContentControl.insertOoxml goes into the control: Replace/Start/End only, After refused at sync', async () => {
    const c = control('RichText', '原有内容');
    const doc = docWith(inside([c]));
    const e = await failure(doc, async (ctx) => {
      ctx.document.getSelection().parentContentControl.insertOoxml(PACKAGE, 'After');
      await ctx.sync();
    });
    expect(e.code).toBe('InvalidArgument');
    expect(doc.insertions).toEqual([]);
    expect(c.text).toBe('原有内容');
    await doc.run(async (ctx) => {
      ctx.document.getSelection().parentContentControl.insertOoxml(PACKAGE, 'End');
      await ctx.sync();
    });
    expect(doc.insertions[0]!.landed).toBe('inContentControl');
    expect(c.text).toBe(`原有内容${INSERTED_IN_CONTROL}`);
  });

  it('getRange("After") of a control is outside it; after an inner control is still in the outer one', async () => {
    const outer = control('RichText', '外层');
    const inner = control('RichText', '内层');
    const doc = docWith(inside([outer, inner]));
    await doc.run(async (ctx) => {
      const c = ctx.document.getSelection().parentContentControlOrNullObject;
      await ctx.sync();
      c.getRange('After').insertOoxml(PACKAGE, 'After');
      c.parentContentControlOrNullObject.getRange('After').insertOoxml(PACKAGE, 'After');
      await ctx.sync();
    });
    expect(doc.insertions.map((i) => i.landed)).toEqual([
      'inContentControl',
      'afterContentControl',
    ]);
    expect(inner.text).toBe('内层');
    expect(outer.text).toBe(`外层${INSERTED_IN_CONTROL}`);
  });

  it('insertParagraph: Before/After a control is outside it, Start/End inside; on a range only Before/After', async () => {
    const c = control('RichText', '原有内容');
    const doc = docWith(inside([c]));
    await doc.run(async (ctx) => {
      const cc = ctx.document.getSelection().parentContentControl;
      cc.insertParagraph('之后', 'After');
      cc.insertParagraph('之前', 'Before');
      cc.getRange('After').insertParagraph('范围之后', 'After');
      await ctx.sync();
    });
    expect(doc.insertions.map((i) => [i.paragraph, i.landed])).toEqual([
      ['之后', 'afterContentControl'],
      ['之前', 'beforeContentControl'],
      ['范围之后', 'afterContentControl'],
    ]);
    expect(c.text).toBe('原有内容');
    await doc.run(async (ctx) => {
      ctx.document.getSelection().parentContentControl.insertParagraph('末尾', 'End');
      await ctx.sync();
    });
    expect(doc.insertions[3]!.landed).toBe('inContentControl');
    const e = await failure(doc, async (ctx) => {
      ctx.document.getSelection().insertParagraph('x', 'End');
      await ctx.sync();
    });
    expect(e.code).toBe('InvalidArgument');
  });

  it('(guessed rule) paragraphs put inside a plain-text control fail the batch; the control keeps its text', async () => {
    const plain = control('PlainText', '姓名');
    const doc = docWith(inside([plain]));
    const atCursor = await failure(doc, async (ctx) => {
      ctx.document.getSelection().insertOoxml(PACKAGE, 'After');
      await ctx.sync();
    });
    expect(atCursor.code).toBe('GeneralException');
    const intoIt = await failure(doc, async (ctx) => {
      ctx.document.getSelection().parentContentControl.insertParagraph('x', 'End');
      await ctx.sync();
    });
    expect(intoIt.code).toBe('GeneralException');
    expect(doc.insertions).toEqual([]);
    expect(plain.text).toBe('姓名');
    // Next to it is fine.
    await doc.run(async (ctx) => {
      ctx.document
        .getSelection()
        .parentContentControl.getRange('After')
        .insertOoxml(PACKAGE, 'After');
      await ctx.sync();
    });
    expect(doc.insertions[0]!.landed).toBe('afterContentControl');
  });

  it('controls and tables nest either way: parentTableOrNullObject of a control, and what "after" lands in', async () => {
    const inCell = control('RichText', '单元格中的控件');
    const cellDoc = docWith(inside([table(), inCell]));
    await cellDoc.run(async (ctx) => {
      const c = ctx.document.getSelection().parentContentControlOrNullObject;
      const t = c.parentTableOrNullObject;
      t.load('nestingLevel');
      await ctx.sync();
      expect(t.nestingLevel).toBe(1);
      c.getRange('After').insertOoxml(PACKAGE, 'After');
      t.getRange('After').insertOoxml(PACKAGE, 'After');
      await ctx.sync();
    });
    expect(cellDoc.insertions.map((i) => i.landed)).toEqual(['inTableCell', 'afterTable']);
    expect(inCell.text).toBe('单元格中的控件');

    const around = control('RichText', '包含表格的控件');
    const tableDoc = docWith(inside([around, table(), table()]));
    await tableDoc.run(async (ctx) => {
      const t = ctx.document.getSelection().parentTableOrNullObject;
      const c = ctx.document.getSelection().parentContentControlOrNullObject;
      t.load('nestingLevel');
      await ctx.sync();
      expect(t.nestingLevel).toBe(2);
      const top = t.parentTable;
      const controlsTable = c.parentTableOrNullObject;
      await ctx.sync();
      expect(controlsTable.isNullObject).toBe(true);
      top.getRange('After').insertOoxml(PACKAGE, 'After');
      await ctx.sync();
    });
    // After the top-level table is still inside the control around it.
    expect(tableDoc.insertions.map((i) => i.landed)).toEqual(['inContentControl']);
    expect(around.text).toBe(`包含表格的控件${INSERTED_IN_CONTROL}`);
  });

  it('a navigation from a null control fails the batch at sync (ItemNotFound)', async () => {
    const e = await failure(docWith(selection('cursor')), async (ctx) => {
      const c = ctx.document.getSelection().parentContentControlOrNullObject;
      await ctx.sync();
      c.parentContentControlOrNullObject.load('isNullObject');
      await ctx.sync();
    });
    expect(e.code).toBe('ItemNotFound');
  });

  it('a control’s properties: readable after load and sync only; a null object’s never', async () => {
    await docWith(inside([control('PlainText', '甲')])).run(async (ctx) => {
      const c = ctx.document.getSelection().parentContentControlOrNullObject;
      c.load('type');
      expect(() => c.type).toThrow(/PropertyNotLoaded/);
      await ctx.sync();
      expect(c.type).toBe('PlainText');
      expect(() => c.text).toThrow(/PropertyNotLoaded/);
    });
    await docWith(selection('cursor')).run(async (ctx) => {
      const c = ctx.document.getSelection().parentContentControlOrNullObject.load('text');
      await ctx.sync();
      expect(() => c.text).toThrow(/ItemNotFound/);
    });
  });
});

describe('the document’s text (proofreading)', () => {
  const text = (paragraphs: Parameters<FakeDocument['setText']>[0], api = '1.4') =>
    new FakeDocument().supportUpTo(api).setText(paragraphs);

  it('body.paragraphs holds table cells’ paragraphs in document order; tableNestingLevel (1.3) tells them apart', async () => {
    const doc = text(['正文一', { text: '单元格', where: 'table' }, '正文二']);
    await doc.run(async (ctx) => {
      const ps = ctx.document.body.paragraphs.load('items/text,items/tableNestingLevel');
      expect(() => ps.items).toThrow(/PropertyNotLoaded/);
      await ctx.sync();
      expect(ps.items.map((p) => [p.text, p.tableNestingLevel])).toEqual([
        ['正文一', 0],
        ['单元格', 1],
        ['正文二', 0],
      ]);
    });
    // Only what was loaded can be read.
    await doc.run(async (ctx) => {
      const ps = ctx.document.body.paragraphs.load('items/text');
      await ctx.sync();
      expect(() => ps.items[0]!.tableNestingLevel).toThrow(/PropertyNotLoaded/);
    });
    const old = text(['正文'], '1.2');
    const e = await failure(old, async (ctx) => {
      ctx.document.body.paragraphs.load('items/text,items/tableNestingLevel');
      await ctx.sync();
    });
    expect(e.code).toBe('ApiNotFound');
  });

  it('tracked changes: text holds deleted text (shown inline); getReviewedText (1.4) gives either version', async () => {
    const doc = text(['排名最后一位的是闽侯县（⟦-95.13%-⟧⟦+85.13%+⟧）']);
    await doc.run(async (ctx) => {
      const ps = ctx.document.body.paragraphs.load('items/text');
      await ctx.sync();
      const p = ps.items[0]!;
      const current = p.getReviewedText('Current');
      const original = p.getReviewedText('Original');
      expect(() => current.value).toThrow(/PropertyNotLoaded/);
      await ctx.sync();
      expect(p.text).toBe('排名最后一位的是闽侯县（95.13%85.13%）');
      expect(current.value).toBe('排名最后一位的是闽侯县（85.13%）');
      expect(original.value).toBe('排名最后一位的是闽侯县（95.13%）');
    });
    const e = await failure(text(['甲'], '1.3'), async (ctx) => {
      const ps = ctx.document.body.paragraphs.load('items/text');
      await ctx.sync();
      ps.items[0]!.getReviewedText('Current');
      await ctx.sync();
    });
    expect(e.code).toBe('ApiNotFound');
  });

  it('search returns a RangeCollection of every occurrence, in order, found at sync; matchCase', async () => {
    const doc = text(['Ab95.13%ab95.13%，AB']);
    await doc.run(async (ctx) => {
      const ps = ctx.document.body.paragraphs.load('items/text');
      await ctx.sync();
      const p = ps.items[0]!;
      const numbers = p.search('95.13%', { matchCase: true }).load('items/text');
      const exact = p.search('ab', { matchCase: true }).load('items/text');
      const anyCase = p.search('ab').load('items/text');
      expect(() => numbers.items).toThrow(/PropertyNotLoaded/);
      await ctx.sync();
      expect(numbers.items.map((r) => [r.span.start, r.text])).toEqual([
        [2, '95.13%'],
        [10, '95.13%'],
      ]);
      expect(exact.items.map((r) => r.span.start)).toEqual([8]);
      expect(anyCase.items.map((r) => r.text)).toEqual(['Ab', 'ab', 'AB']);
    });
  });

  it('search: a term broken by a tracked deletion is not found (office-js#5874); ^^ is a caret; over 255 characters fails', async () => {
    const doc = text(['为95.⟦-0-⟧13%，指数^2']);
    await doc.run(async (ctx) => {
      const ps = ctx.document.body.paragraphs.load('items/text');
      await ctx.sync();
      const broken = ps.items[0]!.search('95.13%', { matchCase: true }).load('items/text');
      const caret = ps.items[0]!.search('^^2', { matchCase: true }).load('items/text');
      await ctx.sync();
      expect(broken.items).toHaveLength(0);
      expect(caret.items.map((r) => r.text)).toEqual(['^2']);
    });
    const e = await failure(doc, async (ctx) => {
      const ps = ctx.document.body.paragraphs.load('items/text');
      await ctx.sync();
      ps.items[0]!.search('长'.repeat(256)).load('items/text');
      await ctx.sync();
    });
    expect(e.code).toBe('InvalidArgument');
  });

  it('highlightColor: set by name, read as #RRGGBB; only the range’s characters; null for none, "" for mixed', async () => {
    const doc = text(['闽侯县（95.13%）']);
    await doc.run(async (ctx) => {
      const ps = ctx.document.body.paragraphs.load('items/text');
      await ctx.sync();
      const found = ps.items[0]!.search('95.13%', { matchCase: true }).load('items/font');
      await ctx.sync();
      const range = found.items[0]!;
      expect(range.font.highlightColor).toBeNull();
      range.font.highlightColor = 'Yellow';
      await ctx.sync();
      // A proxy's values are those of the sync that loaded them: load again to see the change.
      expect(range.font.highlightColor).toBeNull();
      range.load('font/highlightColor');
      const wider = ps.items[0]!.search('（95', { matchCase: true }).load(
        'items/font/highlightColor',
      );
      await ctx.sync();
      expect(range.font.highlightColor).toBe('#FFFF00');
      expect(wider.items[0]!.font.highlightColor).toBe('');
    });
    expect(doc.highlighted()).toEqual([{ paragraph: 0, text: '95.13%', start: 4 }]);
    const e = await failure(doc, async (ctx) => {
      const ps = ctx.document.body.paragraphs.load('items/text');
      await ctx.sync();
      const found = ps.items[0]!.search('闽侯县').load('items/text');
      await ctx.sync();
      found.items[0]!.font.highlightColor = 'Sunset';
      await ctx.sync();
    });
    expect(e.code).toBe('InvalidArgument');
  });

  it('insertContentControl wraps a range: tagged, listed in document order, found by tag; delete(true) keeps the text', async () => {
    const doc = text(['甲乙丙', '丁戊']);
    const before = doc.snapshot();
    await doc.run(async (ctx) => {
      const ps = ctx.document.body.paragraphs.load('items/text');
      await ctx.sync();
      const second = ps.items[1]!.search('戊').load('items/text');
      const first = ps.items[0]!.search('乙').load('items/text');
      await ctx.sync();
      for (const [r, tag] of [
        [second.items[0]!, 'b'],
        [first.items[0]!, 'a'],
      ] as const) {
        const c = r.insertContentControl();
        c.tag = tag;
        c.title = '通报校对';
      }
      await ctx.sync();
      const all = ctx.document.contentControls.load('items/tag,items/text');
      const byTag = ctx.document.contentControls.getByTag('b').load('items/text');
      const ps2 = ctx.document.body.paragraphs.load('items/text');
      await ctx.sync();
      expect(all.items.map((c) => [c.tag, c.text])).toEqual([
        ['a', '乙'],
        ['b', '戊'],
      ]);
      expect(byTag.items.map((c) => c.text)).toEqual(['戊']);
      // A control adds no characters to the paragraph's text.
      expect(ps2.items.map((p) => p.text)).toEqual(['甲乙丙', '丁戊']);
      for (const c of all.items) c.delete(true);
      await ctx.sync();
      // A deleted control is gone: using it fails the batch.
      all.items[0]!.select();
      await expect(ctx.sync()).rejects.toMatchObject({ code: 'ItemNotFound' });
    });
    expect(doc.controls).toEqual([]);
    expect(doc.snapshot()).toEqual(before);
  });

  it('insertContentControl on a range crossing a control’s boundary fails with GeneralException (office-js#1169); inside or around one is fine', async () => {
    const doc = text(['闽侯县（95.13%）']);
    await doc.run(async (ctx) => {
      const ps = ctx.document.body.paragraphs.load('items/text');
      await ctx.sync();
      const [county, inner, outer] = ['闽侯县（', '侯县', '闽侯县（95.13%）'].map((t) =>
        ps.items[0]!.search(t).load('items/text'),
      ) as [FakeRangeCollection, FakeRangeCollection, FakeRangeCollection];
      await ctx.sync();
      county.items[0]!.insertContentControl();
      inner.items[0]!.insertContentControl();
      outer.items[0]!.insertContentControl();
      await ctx.sync();
    });
    expect(doc.controls).toHaveLength(3);
    const e = await failure(doc, async (ctx) => {
      const ps = ctx.document.body.paragraphs.load('items/text');
      await ctx.sync();
      const across = ps.items[0]!.search('（95').load('items/text');
      await ctx.sync();
      across.items[0]!.insertContentControl();
      await ctx.sync();
    });
    expect(e.code).toBe('GeneralException');
    expect(doc.controls).toHaveLength(3);
  });

  it('insertComment needs WordApi 1.4; a control’s getComments gives the comments anchored in it', async () => {
    const doc = text(['闽侯县（95.13%），连江县（99.91%）']);
    await doc.run(async (ctx) => {
      const ps = ctx.document.body.paragraphs.load('items/text');
      await ctx.sync();
      const a = ps.items[0]!.search('95.13%').load('items/text');
      const b = ps.items[0]!.search('99.91%').load('items/text');
      await ctx.sync();
      const control = a.items[0]!.insertContentControl();
      a.items[0]!.insertComment('通报校对：表中为85.13%');
      b.items[0]!.insertComment('同事的批注');
      await ctx.sync();
      const inside = control.getComments().load('items/content');
      await ctx.sync();
      expect(inside.items.map((c) => c.content)).toEqual(['通报校对：表中为85.13%']);
      inside.items[0]!.delete();
      await ctx.sync();
    });
    expect(doc.comments.map((c) => c.content)).toEqual(['同事的批注']);
    const e = await failure(text(['95.13%'], '1.3'), async (ctx) => {
      const ps = ctx.document.body.paragraphs.load('items/text');
      await ctx.sync();
      const a = ps.items[0]!.search('95.13%').load('items/text');
      await ctx.sync();
      a.items[0]!.insertComment('批注');
      await ctx.sync();
    });
    expect(e.code).toBe('ApiNotFound');
  });

  it('select() selects the range or the control in Word', async () => {
    const doc = text(['正文', { text: '闽侯县 95.13%', where: 'table' }]);
    await doc.run(async (ctx) => {
      const ps = ctx.document.body.paragraphs.load('items/text');
      await ctx.sync();
      const found = ps.items[1]!.search('95.13%').load('items/text');
      await ctx.sync();
      found.items[0]!.select();
      await ctx.sync();
    });
    expect(doc.selected).toEqual({ paragraph: 1, start: 4, end: 10, text: '95.13%' });
    expect(doc.selection.text).toBe('95.13%');
  });

  it('edits fail: AccessDenied in a read-only document, NotAllowed in a locked control; what came before in the batch stays done', async () => {
    const doc = text(['甲乙', '丙丁']);
    doc.paragraphs[1]!.locked = true;
    const e = await failure(doc, async (ctx) => {
      const ps = ctx.document.body.paragraphs.load('items/text');
      await ctx.sync();
      const a = ps.items[0]!.search('乙').load('items/text');
      const b = ps.items[1]!.search('丁').load('items/text');
      await ctx.sync();
      a.items[0]!.font.highlightColor = 'Yellow';
      b.items[0]!.font.highlightColor = 'Yellow';
      await ctx.sync();
    });
    expect(e.code).toBe('NotAllowed');
    // office-js batches are no transactions: the first highlight was made.
    expect(doc.highlighted()).toEqual([{ paragraph: 0, text: '乙', start: 1 }]);
    doc.readOnly = true;
    const denied = await failure(doc, async (ctx) => {
      const ps = ctx.document.body.paragraphs.load('items/text');
      await ctx.sync();
      const a = ps.items[0]!.search('甲').load('items/text');
      await ctx.sync();
      a.items[0]!.insertContentControl();
      await ctx.sync();
    });
    expect(denied.code).toBe('AccessDenied');
    expect(doc.controls).toEqual([]);
  });
});
