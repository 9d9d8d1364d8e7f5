import { readdirSync, readFileSync, statSync } from 'node:fs';
import { dirname, join, relative, resolve } from 'node:path';
import { describe, expect, it } from 'vitest';

// A fresh clone with nothing beside it must install, demo and test: no code in the repository
// may reach for a file outside it (the seed lives in samples/seed/).
const ROOT = resolve(import.meta.dirname, '..');
const FOLDERS = ['src', 'test', 'scripts', 'bench', 'addin', 'web', 'bin'];

function* files(dir: string): Generator<string> {
  let names: string[];
  try {
    names = readdirSync(dir);
  } catch {
    return;
  }
  for (const name of names) {
    const path = join(dir, name);
    if (statSync(path).isDirectory()) yield* files(path);
    else if (/\.(ts|tsx|js|mjs)$/.test(name)) yield path;
  }
}

/** Every relative path literal that starts with ../, resolved from the file holding it. */
function escapes(file: string): string[] {
  const text = readFileSync(file, 'utf8');
  const out: string[] = [];
  for (const m of text.matchAll(/['"`]((?:\.\.\/)+[^'"`\s]*)['"`]/g)) {
    const target = resolve(dirname(file), m[1]!);
    if (relative(ROOT, target).startsWith('..')) out.push(`${relative(ROOT, file)}: ${m[1]}`);
  }
  return out;
}

describe('the repository stands alone', () => {
  it('no source, test or script names a path outside the checkout', () => {
    const all = FOLDERS.flatMap((f) => [...files(join(ROOT, f))]);
    expect(all.length).toBeGreaterThan(50);
    expect(all.flatMap(escapes)).toEqual([]);
  });

  it('the seed the tests check against is inside the repository', () => {
    const seed = JSON.parse(
      readFileSync(join(ROOT, 'samples/seed/tables-2017-08.json'), 'utf8'),
    ) as { evaluation: unknown[] };
    expect(seed.evaluation).toHaveLength(50);
    expect(readFileSync(join(ROOT, 'samples/seed/bulletin-2017-08.txt'), 'utf8')).toContain(
      '榕智综〔2017〕58号',
    );
  });
});
