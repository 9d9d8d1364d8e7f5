import { readFile } from 'node:fs/promises';
import { readWorkbookGrids } from '../../src/io/xlsx-read';
import { FakeWorkbook } from '../fake/excel-fake';

/** Make the fake the Office host the adapter sees (globals `Excel` and `Office`). */
export function installFake(fake: FakeWorkbook): void {
  const g = globalThis as Record<string, unknown>;
  g.Excel = { run: (batch: (ctx: unknown) => Promise<unknown>) => fake.run(batch) };
  g.Office = {
    context: {
      requirements: { isSetSupported: (n: string, v: string) => fake.isSetSupported(n, v) },
    },
  };
}

/** A fake workbook holding an .xlsx file's sheets, merged areas included. */
export async function fakeFromXlsx(file: string): Promise<FakeWorkbook> {
  const fake = new FakeWorkbook();
  for (const grid of await readWorkbookGrids(await readFile(file))) {
    fake.addSheet(grid.name, grid.values, [...(grid.merges ?? [])]);
  }
  return fake;
}
