/** The Word fake behaves as Word does where the adapter depends on it. */
import { describe, expect, it } from 'vitest';
import { FakeDocument, selection, type FakeWordContext } from './fake/word-fake';

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
    expect(await land({ text: '跨表格', startDepth: 0, endDepth: 1 }, 'After')).toBe('inTableCell');
    expect(await land({ text: '跨表格', startDepth: 1, endDepth: 0 }, 'Replace')).toBe(
      'inTableCell',
    );
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
