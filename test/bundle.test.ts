import { readdirSync, readFileSync } from 'node:fs';
import { gzipSync } from 'node:zlib';
import { describe, expect, it } from 'vitest';

// The task pane must open fast on the web: its initial JavaScript stays under 300 KB gzipped.
describe('the production task-pane bundle (dist/, npm run build)', () => {
  const js = readdirSync('dist').filter((f) => /^taskpane\.[0-9a-f]+\.js$/.test(f));

  it('is one file under 300 KB gzipped', () => {
    expect(js).toHaveLength(1);
    const bytes = gzipSync(readFileSync(`dist/${js[0]}`)).length;
    console.log(`taskpane bundle: ${(bytes / 1024).toFixed(1)} KB gzipped`);
    expect(bytes).toBeLessThan(300 * 1024);
  });

  it('carries no .xlsx reader (ExcelJS) and ships office.js itself', () => {
    const code = readFileSync(`dist/${js[0]}`, 'utf8');
    expect(code).not.toContain('xl/worksheets/');
    expect(readdirSync('dist/office-js')).toContain('office.js');
  });
});
