import { describe, expect, it } from 'vitest';
import { FakeWorkbook, PropertyNotLoadedError, REQUEST_LIMIT } from './fake/excel-fake';

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
});
