import { describe, expect, it } from 'vitest';
import {
  CELL_READ_LIMIT,
  FakeWorkbook,
  MERGED_AREAS_LIMIT,
  PropertyNotLoadedError,
  REQUEST_LIMIT,
} from './fake/excel-fake';

// The fake must behave like office-js where the adapter relies on it, or its tests prove nothing.
describe('the Excel fake behaves like office-js', () => {
  const book = () => {
    const fake = new FakeWorkbook();
    fake.addSheet('表', [
      ['a', 1],
      ['b', 2],
    ]);
    return fake;
  };

  it('throws when a property is read before load and sync', async () => {
    const fake = book();
    await fake.run(async (ctx) => {
      const range = ctx.workbook.worksheets.getItem('表').getRange('A1:B2');
      expect(() => range.values).toThrow(PropertyNotLoadedError);
      range.load('values');
      expect(() => range.values).toThrow(PropertyNotLoadedError); // loaded, not yet synced
      await ctx.sync();
      expect(range.values).toEqual([
        ['a', 1],
        ['b', 2],
      ]);
      expect(() => range.rowIndex).toThrow(PropertyNotLoadedError);
    });
  });

  it('queues writes until sync; null leaves a cell, "" clears it, = makes a formula, \' keeps text', async () => {
    const fake = book();
    await fake.run(async (ctx) => {
      const range = ctx.workbook.worksheets.getItem('表').getRange('A1:B2');
      range.values = [
        [null, ''],
        ['=SUM(1,2)', "'=not a formula"],
      ];
      expect(fake.sheet('表').cells.get('0,1')?.value).toBe(1); // not applied before sync
      await ctx.sync();
    });
    const cells = fake.sheet('表').cells;
    expect(cells.get('0,0')?.value).toBe('a');
    expect(cells.has('0,1')).toBe(false);
    expect(cells.get('1,0')).toMatchObject({ formula: '=SUM(1,2)' });
    expect(cells.get('1,1')).toEqual({ value: '=not a formula', formula: undefined });
  });

  it('refuses a values array of the wrong shape, as Excel does', async () => {
    await book().run(async (ctx) => {
      const range = ctx.workbook.worksheets.getItem('表').getRange('A1:B2');
      expect(() => {
        range.values = [['x']];
      }).toThrow(/InvalidArgument/);
      await ctx.sync();
    });
  });

  it('counts syncs and request bytes, and refuses a request over 5 MB', async () => {
    const fake = book();
    await fake.run(async (ctx) => {
      const big = ctx.workbook.worksheets.getItem('表').getRange('A1:A60000');
      big.values = Array.from({ length: 60000 }, () => ['x'.repeat(100)]);
      await expect(ctx.sync()).rejects.toMatchObject({ code: 'RequestPayloadSizeLimitExceeded' });
    });
    expect(fake.syncs).toBe(1);
    expect(fake.requestBytes[0]).toBeGreaterThan(REQUEST_LIMIT);
    expect(fake.sheet('表').cells.get('0,0')?.value).toBe('a'); // nothing applied
  });

  it('gives null objects past the last sheet and for an empty sheet’s used range', async () => {
    const fake = book();
    fake.addSheet('空', []);
    await fake.run(async (ctx) => {
      const first = ctx.workbook.worksheets.getFirst();
      const second = first.getNextOrNullObject();
      const third = second.getNextOrNullObject();
      const used = second.getUsedRangeOrNullObject(true);
      for (const x of [first, second, third]) x.load('isNullObject,name');
      used.load('isNullObject,values');
      await ctx.sync();
      expect([first.isNullObject, second.isNullObject, third.isNullObject]).toEqual([
        false,
        false,
        true,
      ]);
      expect(second.name).toBe('空');
      expect(used.isNullObject).toBe(true);
      expect(() => third.name).toThrow(PropertyNotLoadedError);
    });
  });

  it('has no merged areas below ExcelApi 1.13', async () => {
    const fake = book();
    fake.supported.delete('ExcelApi 1.13');
    await fake.run(async (ctx) => {
      const used = ctx.workbook.worksheets.getFirst().getUsedRangeOrNullObject(true);
      expect(() => used.getMergedAreasOrNullObject()).toThrow(/ApiNotFound/);
      await ctx.sync();
    });
  });

  it('fails the sync when a method is called on a null object (InvalidObjectPath); earlier operations stay', async () => {
    const fake = book();
    await fake.run(async (ctx) => {
      const ws = ctx.workbook.worksheets.getItem('表');
      ws.getRange('A1').values = [['first']];
      const none = ctx.workbook.worksheets.getFirst().getNextOrNullObject(); // one sheet: null
      none.getUsedRangeOrNullObject(true).load('values');
      ws.getRange('A2').values = [['never']];
      await expect(ctx.sync()).rejects.toMatchObject({ code: 'InvalidObjectPath' });
    });
    expect(fake.sheet('表').cells.get('0,0')?.value).toBe('first');
    expect(fake.sheet('表').cells.get('1,0')?.value).toBe('b');
    // Loading a null object's properties is allowed: only isNullObject comes back.
    await fake.run(async (ctx) => {
      const none = ctx.workbook.worksheets.getItemOrNullObject('无此表');
      none.load('isNullObject,name,visibility');
      await ctx.sync();
      expect(none.isNullObject).toBe(true);
      expect(() => none.name).toThrow(PropertyNotLoadedError);
    });
  });

  it('lists sheets with visibility and protection; a protected sheet refuses writes (AccessDenied)', async () => {
    const fake = book();
    fake.addSheet('隐', [['x']]).visibility = 'Hidden';
    fake.addSheet('深', [['y']]).visibility = 'VeryHidden';
    fake.sheet('表').protected = true;
    await fake.run(async (ctx) => {
      const sheets = ctx.workbook.worksheets;
      sheets.load('items/name,items/visibility,items/protection/protected');
      await ctx.sync();
      expect(sheets.items.map((ws) => [ws.name, ws.visibility, ws.protection.protected])).toEqual([
        ['表', 'Visible', true],
        ['隐', 'Hidden', false],
        ['深', 'VeryHidden', false],
      ]);
      sheets.items[0]!.getRange('C1').values = [['x']];
      await expect(ctx.sync()).rejects.toMatchObject({ code: 'AccessDenied' });
      sheets.items[0]!.getRange('A1:B2').load('values'); // reading is allowed
      await ctx.sync();
    });
    expect(fake.sheet('表').cells.has('0,2')).toBe(false);
  });

  it(`fails getMergedAreasOrNullObject above ${MERGED_AREAS_LIMIT} merged areas`, async () => {
    const fake = book();
    const merges = (n: number) =>
      Array.from({ length: n }, (_, i) => ({ top: 10 + i, left: 0, bottom: 10 + i, right: 1 }));
    fake.addSheet('少', [], merges(MERGED_AREAS_LIMIT));
    fake.addSheet('多', [], merges(MERGED_AREAS_LIMIT + 1));
    await fake.run(async (ctx) => {
      const few = ctx.workbook.worksheets.getItem('少').getRange().getMergedAreasOrNullObject();
      few.load('isNullObject,areas/items/rowIndex');
      await ctx.sync();
      expect(few.areas.items).toHaveLength(MERGED_AREAS_LIMIT);
      ctx.workbook.worksheets.getItem('多').getRange().getMergedAreasOrNullObject().load('areas');
      await expect(ctx.sync()).rejects.toHaveProperty('code');
    });
  });

  it('fails every sync in cell-edit mode (InvalidOperationInCellEditMode)', async () => {
    const fake = book();
    fake.cellEditMode = true;
    await fake.run(async (ctx) => {
      ctx.workbook.worksheets.load('items/name');
      await expect(ctx.sync()).rejects.toMatchObject({ code: 'InvalidOperationInCellEditMode' });
      ctx.workbook.worksheets.getItem('表').getRange('A1').values = [['x']];
      await expect(ctx.sync()).rejects.toMatchObject({ code: 'InvalidOperationInCellEditMode' });
    });
    expect(fake.sheet('表').cells.get('0,0')?.value).toBe('a');
  });

  it('a read-only workbook says so (workbook.readOnly) and refuses writes', async () => {
    const fake = book();
    fake.readOnly = true;
    await fake.run(async (ctx) => {
      ctx.workbook.load('readOnly');
      await ctx.sync();
      expect(ctx.workbook.readOnly).toBe(true);
      ctx.workbook.worksheets.getItem('表').getRange('A1').values = [['x']];
      await expect(ctx.sync()).rejects.toMatchObject({ code: 'AccessDenied' });
    });
    expect(fake.sheet('表').cells.get('0,0')?.value).toBe('a');
  });

  it('refuses a response over 5 MB (ResponsePayloadSizeLimitExceeded)', async () => {
    const fake = new FakeWorkbook();
    fake.addSheet(
      '长',
      Array.from({ length: 100 }, () => ['备'.repeat(20_000)]),
    );
    await fake.run(async (ctx) => {
      ctx.workbook.worksheets.getItem('长').getRange('A1:A100').load('values');
      await expect(ctx.sync()).rejects.toMatchObject({ code: 'ResponsePayloadSizeLimitExceeded' });
      ctx.workbook.worksheets.getItem('长').getRange('A1:A50').load('values');
      await ctx.sync();
    });
    expect(fake.responseBytes[0]).toBeGreaterThan(REQUEST_LIMIT);
    expect(fake.responseBytes[1]).toBeLessThan(REQUEST_LIMIT);
  });

  it('fails the N-th sync part way when told to, and only that one', async () => {
    const fake = book();
    // Each write is three operations here: getRange, the values' guard, the write.
    fake.failSync = { at: 2, code: 'GeneralException', applied: 3 };
    await fake.run(async (ctx) => {
      const ws = ctx.workbook.worksheets.getItem('表');
      ws.getRange('A1').values = [['one']];
      await ctx.sync();
      ws.getRange('A1').values = [['two']];
      ws.getRange('A2').values = [['three']];
      await expect(ctx.sync()).rejects.toMatchObject({ code: 'GeneralException' });
      ws.getRange('B1').values = [['four']];
      await ctx.sync();
    });
    const cells = fake.sheet('表').cells;
    // The failed batch applied its first write, not its second; the next sync works.
    expect([cells.get('0,0')?.value, cells.get('1,0')?.value, cells.get('0,1')?.value]).toEqual([
      'two',
      'b',
      'four',
    ]);
  });

  it('takes strings as they are in a Text-formatted (@) cell: no formula, the apostrophe kept', async () => {
    const fake = book();
    await fake.run(async (ctx) => {
      const ws = ctx.workbook.worksheets.getItem('表');
      const text = ws.getRange('C1:C3');
      text.numberFormat = [['@'], ['@'], ['@']];
      text.values = [['=A'], ["'B"], ['-C']];
      ws.getRange('D1').values = [["'B"]]; // General: the apostrophe only marks text
      await ctx.sync();
    });
    const cells = fake.sheet('表').cells;
    expect(['0,2', '1,2', '2,2', '0,3'].map((k) => cells.get(k)?.value)).toEqual([
      '=A',
      "'B",
      '-C',
      'B',
    ]);
    expect([...cells.values()].some((c) => c.formula !== undefined)).toBe(false);
  });
});

describe('the fake’s read limits, as office.js documents them', () => {
  // The sample's first rows and a stray value in XFD2000: the used range A1:XFD2000.
  const stray = () => {
    const fake = new FakeWorkbook();
    fake.addSheet('表', [
      ['单位', '应处置数'],
      ['甲', 1],
    ]);
    fake.sheet('表').cells.set('1999,16383', { value: '备用' });
    return fake;
  };

  it(`reads a range’s shape whatever its size, its values and formulas only up to ${CELL_READ_LIMIT.toLocaleString('en')} cells (RangeExceedsLimit)`, async () => {
    const fake = stray();
    await fake.run(async (ctx) => {
      const used = ctx.workbook.worksheets.getItem('表').getUsedRangeOrNullObject(true);
      used.load('address,rowIndex,columnIndex,rowCount,columnCount');
      await ctx.sync();
      expect(used.address).toBe('表!A1:XFD2000');
      expect(used.rowCount * used.columnCount).toBe(32_768_000);
      for (const prop of ['values', 'formulas', 'numberFormat']) {
        const again = ctx.workbook.worksheets.getItem('表').getUsedRangeOrNullObject(true);
        again.load(`rowCount,${prop}`);
        await expect(ctx.sync()).rejects.toMatchObject({ code: 'RangeExceedsLimit' });
        expect(() => again.rowCount).toThrow(PropertyNotLoadedError); // the sync failed whole
      }
      // 5,000,000 cells read: A1:E1000000 is not refused for its cell count (the 5 MB
      // response limit refuses it here, as Excel on the web would).
      ctx.workbook.worksheets.getItem('表').getRange('A1:E1000000').load('values');
      await expect(ctx.sync()).rejects.toMatchObject({ code: 'ResponsePayloadSizeLimitExceeded' });
      ctx.workbook.worksheets.getItem('表').getRange('A1:E1000001').load('values');
      await expect(ctx.sync()).rejects.toMatchObject({ code: 'RangeExceedsLimit' });
    });
  }, 60_000);

  it('counts the cells of the range read, whatever it holds (a lowered limit: 6 cells)', async () => {
    const fake = stray();
    fake.cellReadLimit = 6;
    await fake.run(async (ctx) => {
      const ok = ctx.workbook.worksheets.getItem('表').getRange('A1:C2').load('values');
      await ctx.sync();
      expect(ok.values).toEqual([
        ['单位', '应处置数', ''],
        ['甲', 1, ''],
      ]);
      ctx.workbook.worksheets.getItem('表').getRange('A1:D2').load('values');
      await expect(ctx.sync()).rejects.toMatchObject({ code: 'RangeExceedsLimit' });
    });
  });

  it('gives the used range within a range (ExcelApi 1.4), a null object where nothing is used', async () => {
    const fake = stray();
    await fake.run(async (ctx) => {
      const ws = ctx.workbook.worksheets.getItem('表');
      const near = ws.getRange('A1:XFC2000').getUsedRangeOrNullObject(true);
      const far = ws.getRange('XFA1:XFD2000').getUsedRangeOrNullObject(true);
      const none = ws.getRange('C1:XFC2000').getUsedRangeOrNullObject(true);
      for (const r of [near, far, none]) r.load('isNullObject,address');
      await ctx.sync();
      expect([near.address, far.address, none.isNullObject]).toEqual([
        '表!A1:B2',
        '表!XFD2000',
        true,
      ]);
    });
  });

  it(`returns a merged area only from a range holding its top-left cell, and fails above ${MERGED_AREAS_LIMIT} of them per call`, async () => {
    const fake = new FakeWorkbook();
    // A label merged over rows 5-6, and 600 merged pairs of cells in rows 11..610.
    fake.addSheet(
      '表',
      [],
      [
        { top: 4, left: 0, bottom: 5, right: 0 },
        ...Array.from({ length: 600 }, (_, i) => ({
          top: 10 + i,
          left: 2,
          bottom: 10 + i,
          right: 3,
        })),
      ],
    );
    await fake.run(async (ctx) => {
      const ws = ctx.workbook.worksheets.getItem('表');
      const band = (a: string) =>
        ws
          .getRange(a)
          .getMergedAreasOrNullObject()
          .load('isNullObject,areas/items/rowIndex,areas/items/rowCount');
      const top = band('A1:XFD5');
      const below = band('A6:XFD10');
      const first = band('A11:XFD310');
      const second = band('A311:XFD610');
      await ctx.sync();
      expect(top.areas.items.map((a) => [a.rowIndex, a.rowCount])).toEqual([[4, 2]]);
      expect(below.isNullObject).toBe(true); // A6 is in the label's area, not its top-left
      expect([first.areas.items.length, second.areas.items.length]).toEqual([300, 300]);
      band('A1:XFD610');
      await expect(ctx.sync()).rejects.toHaveProperty('code');
    });
  });
});

describe('the fake’s formulas, as office.js gives them', () => {
  it('values give a formula’s cached result, formulas the formula (values elsewhere, "" for empty)', async () => {
    const fake = new FakeWorkbook();
    fake.addSheet('表', [['a', 1, null]]);
    fake.setFormula('表', 'A2', '=IF(1>2,"x","")');
    fake.setFormula('表', 'B2', '=SUM(1,2)', 3);
    await fake.run(async (ctx) => {
      const range = ctx.workbook.worksheets.getItem('表').getRange('A1:C2');
      range.values = [
        [null, null, null],
        [null, null, '=B2*2'],
      ];
      range.load('values,formulas');
      expect(() => range.formulas).toThrow(PropertyNotLoadedError);
      await ctx.sync();
      expect(range.values).toEqual([
        ['a', 1, ''],
        ['', 3, ''], // a formula written through `values` has no result in the fake: ""
      ]);
      expect(range.formulas).toEqual([
        ['a', 1, ''],
        ['=IF(1>2,"x","")', '=SUM(1,2)', '=B2*2'],
      ]);
    });
  });
});

describe('the fake’s number formats, as office.js gives them', () => {
  it('a cell given a number format keeps its value; numberFormat reads it, General elsewhere', async () => {
    const fake = new FakeWorkbook();
    fake.addSheet('表', [['a', 42948]]);
    fake.setNumberFormat('表', 'B1', 'yyyy-mm-dd');
    fake.setNumberFormat('表', 'C1', '0.00%');
    await fake.run(async (ctx) => {
      const range = ctx.workbook.worksheets.getItem('表').getRange('A1:C1');
      range.load('values,numberFormat');
      await ctx.sync();
      // office.js gives a date-formatted cell's serial number in `values`.
      expect(range.values).toEqual([['a', 42948, '']]);
      expect(range.numberFormat).toEqual([['General', 'yyyy-mm-dd', '0.00%']]);
    });
  });
});

describe('the fake’s pictures, names and sheet deletion, as office.js documents them', () => {
  const PNG = btoa(String.fromCharCode(0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 1, 2, 3, 4));
  const JPEG = btoa(String.fromCharCode(0xff, 0xd8, 0xff, 0xe0, 0, 0x10));
  const book = () => {
    const fake = new FakeWorkbook();
    fake.addSheet('表', [['a']]);
    fake.addSheet('图', []);
    return fake;
  };

  it('shapes.addImage takes a base64 PNG or JPEG (ExcelApi 1.9), placed where set; its bytes count', async () => {
    const fake = book();
    await fake.run(async (ctx) => {
      const shape = ctx.workbook.worksheets.getItem('图').shapes.addImage(PNG);
      shape.left = 10;
      shape.top = 45;
      shape.width = 450;
      shape.height = 300;
      ctx.workbook.worksheets.getItem('图').shapes.addImage(JPEG);
      await ctx.sync();
      ctx.workbook.worksheets.getItem('图').shapes.addImage(btoa('GIF89a'));
      await expect(ctx.sync()).rejects.toMatchObject({ code: 'InvalidArgument' });
    });
    expect(fake.sheet('图').pictures).toMatchObject([
      { format: 'PNG', base64: PNG, left: 10, top: 45, width: 450, height: 300 },
      { format: 'JPEG' },
    ]);
    expect(fake.requestBytes[0]).toBeGreaterThan(PNG.length + JPEG.length);

    const old = book();
    old.supported = new Set(['ExcelApi 1.8']);
    await old.run(async (ctx) => {
      ctx.workbook.worksheets.getItem('图').shapes.addImage(PNG);
      await expect(ctx.sync()).rejects.toMatchObject({ code: 'ApiNotFound' });
    });
    expect(old.sheet('图').pictures).toBeUndefined();
  });

  it('names: add a range, read its formula, refuse a name twice (ItemAlreadyExists), #REF! after its sheet goes, delete', async () => {
    const fake = book();
    await fake.run(async (ctx) => {
      const missing = ctx.workbook.names.getItemOrNullObject('Mark');
      missing.load('isNullObject,formula');
      await ctx.sync();
      expect(missing.isNullObject).toBe(true);
      expect(() => missing.formula).toThrow(PropertyNotLoadedError);

      ctx.workbook.names.add('Mark', ctx.workbook.worksheets.getItem('图').getRange('A1'));
      await ctx.sync();
      ctx.workbook.names.add('mark', "'表'!$B$2");
      await expect(ctx.sync()).rejects.toMatchObject({ code: 'ItemAlreadyExists' });

      const mark = ctx.workbook.names.getItemOrNullObject('MARK');
      mark.load('isNullObject,formula,type');
      await ctx.sync();
      expect([mark.isNullObject, mark.formula, mark.type]).toEqual([false, '=图!$A$1', 'Range']);

      ctx.workbook.worksheets.getItem('图').delete();
      mark.load('formula,type');
      await ctx.sync();
      expect([mark.formula, mark.type]).toEqual(['=#REF!$A$1', 'Error']);
      expect(fake.sheets.map((s) => s.name)).toEqual(['表']);

      mark.delete();
      await ctx.sync();
    });
    expect(fake.names).toEqual([]);
    const spaced = new FakeWorkbook();
    spaced.addSheet('a b', []);
    await spaced.run(async (ctx) => {
      ctx.workbook.names.add('N', ctx.workbook.worksheets.getItem('a b').getRange('A1:B2'));
      await ctx.sync();
    });
    expect(spaced.nameFormula(spaced.names[0]!)).toBe("='a b'!$A$1:$B$2");
  });

  it('worksheet.delete fails on a VeryHidden sheet (InvalidOperation); position reads and moves a sheet', async () => {
    const fake = book();
    fake.sheet('图').visibility = 'VeryHidden';
    await fake.run(async (ctx) => {
      ctx.workbook.worksheets.getItem('图').delete();
      await expect(ctx.sync()).rejects.toMatchObject({ code: 'InvalidOperation' });
      const s = ctx.workbook.worksheets.getItem('图');
      s.load('position');
      await ctx.sync();
      expect(s.position).toBe(1);
      s.position = 0;
      await ctx.sync();
    });
    expect(fake.sheets.map((s) => s.name)).toEqual(['图', '表']);
  });
});
