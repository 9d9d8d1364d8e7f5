import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { DEFAULT_SETTINGS, resolveSettings, schemeOf } from '../src/settings/settings';

const SRC = join(__dirname, '..', 'src');

/** Every module a file imports or re-exports (static, side-effect and dynamic imports). */
function importsOf(file: string): string[] {
  const text = readFileSync(file, 'utf8');
  const found: string[] = [];
  for (const re of [
    /\bfrom\s*'([^']+)'/g,
    /\bfrom\s*"([^"]+)"/g,
    /\bimport\s*'([^']+)'/g,
    /\bimport\s*"([^"]+)"/g,
    /\bimport\s*\(\s*['"]([^'"]+)['"]\s*\)/g,
  ]) {
    for (const m of text.matchAll(re)) found.push(m[1]!);
  }
  return found;
}

function importsIn(dir: string): { file: string; from: string }[] {
  return readdirSync(join(SRC, dir))
    .filter((f) => f.endsWith('.ts'))
    .flatMap((f) => importsOf(join(SRC, dir, f)).map((from) => ({ file: `${dir}/${f}`, from })));
}

describe('where it lives (issue #16 scope 6)', () => {
  it('core/ imports nothing but core/: no scheme/, settings/, evaluation/, tables/ …', () => {
    const all = importsIn('core');
    // The scan reads real import lines (printed.ts reads cells from grid.ts).
    expect(all).toContainEqual({ file: 'core/printed.ts', from: './grid' });
    const upward = all.filter(({ from }) => !from.startsWith('./'));
    expect(upward).toEqual([]);
  });

  it('scheme/ never imports the settings layer above it (the old settings ↔ scheme circle)', () => {
    const all = importsIn('scheme');
    expect(all.length).toBeGreaterThan(0);
    const circle = all.filter(({ from }) => /(^|\/)settings(\/|$)/.test(from));
    expect(circle).toEqual([]);
  });
});

describe('settings carry their compiled scheme', () => {
  it('schemeOf returns the same scheme object for the same settings object', () => {
    const s = resolveSettings({ scheme: 'district-rates' });
    const first = schemeOf(s);
    expect(schemeOf(s)).toBe(first);
    expect(first.id).toBe('district-rates');
    // Settings that are not resolved here (the defaults) are compiled once too.
    expect(schemeOf(DEFAULT_SETTINGS)).toBe(schemeOf(DEFAULT_SETTINGS));
  });

  it('other settings get their own scheme: another choice is never served a cached one', () => {
    const s = resolveSettings({});
    const other = { ...s, scheme: 'company-score' };
    expect(schemeOf(s).id).toBe('fuzhou-2017');
    expect(schemeOf(other).id).toBe('company-score');
    const weights = resolveSettings({
      evaluation: { weights: { closed: 0.4, onTime: 0.4, rework: 0.2 } },
    });
    const index = (x: typeof s) => schemeOf(x).figures.find((f) => f.key === '综合指标值');
    expect(index(weights)).not.toEqual(index(s));
  });

  it('resolving resolved settings keeps them (resolved once), and their JSON is unchanged', () => {
    const s = resolveSettings({ narrative: { bottomCount: 5 } });
    expect(resolveSettings(s)).toBe(s);
    schemeOf(s);
    // Saved and compared as JSON: the compiled scheme is not in it.
    expect(Object.keys(s)).toEqual(['scheme', 'evaluation', 'narrative', 'summary', 'report']);
    expect(JSON.parse(JSON.stringify(s))).toEqual(
      resolveSettings({ narrative: { bottomCount: 5 } }),
    );
    expect(JSON.stringify(s)).not.toContain('figures');
  });

  it('a copy read back from JSON is validated again, not taken on trust', () => {
    const copy = JSON.parse(JSON.stringify(resolveSettings({}))) as {
      narrative: { bottomCount: number };
    };
    copy.narrative.bottomCount = -1;
    expect(() => resolveSettings(copy)).toThrow(/bottomCount/);
  });
});
