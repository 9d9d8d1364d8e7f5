import { existsSync } from 'node:fs';
import { readFile, writeFile } from 'node:fs/promises';
import { expect } from 'vitest';

/**
 * Compare `actual` with test/golden/<name>, a text file reviewed as a diff. A missing golden
 * is written from the actual output and the test fails, so a new expectation is always read
 * by a person before it passes; UPDATE_GOLDEN=1 rewrites goldens after a reviewed change.
 */
export async function expectGolden(name: string, actual: string): Promise<void> {
  const file = new URL(`../golden/${name}`, import.meta.url);
  if (process.env.UPDATE_GOLDEN === '1') {
    await writeFile(file, actual);
    return;
  }
  if (!existsSync(file)) {
    await writeFile(file, actual);
    throw new Error(`golden ${name} did not exist: wrote the actual output, review it and commit`);
  }
  expect(actual).toBe(await readFile(file, 'utf8'));
}
