import { parse, type Options } from 'acorn';
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { gzipSync } from 'node:zlib';
import { describe, expect, it } from 'vitest';

const CDN = 'https://appsforoffice.microsoft.com/lib/1/hosted/office.js';

/** The scripts a page loads (src), and the inline scripts it carries (body). */
function scriptsOf(html: string): { src: string[]; inline: string[] } {
  const src: string[] = [];
  const inline: string[] = [];
  for (const m of html.matchAll(/<script\b([^>]*)>([\s\S]*?)<\/script>/g)) {
    const at = /\bsrc=(?:"([^"]*)"|([^\s>]+))/.exec(m[1]!);
    if (at) src.push(at[1] ?? at[2]!);
    else if (m[2]!.trim()) inline.push(m[2]!);
  }
  return { src, inline };
}

/** The first syntax `ecmaVersion` refuses, as `line:column message`, or null. */
function refused(code: string, ecmaVersion: Options['ecmaVersion']): string | null {
  try {
    parse(code, { ecmaVersion, sourceType: 'script' });
    return null;
  } catch (e) {
    const { loc, message } = e as { loc?: { line: number; column: number }; message: string };
    return `${loc ? `${loc.line}:${loc.column}` : '?'} ${message}`;
  }
}

const taskpaneHtml = readFileSync('dist/taskpane.html', 'utf8');
const taskpane = scriptsOf(taskpaneHtml);
const ownJs = taskpane.src.filter((s) => !s.endsWith('office.js'));

// The task pane must open fast on the web: its initial JavaScript stays under 300 KB gzipped.
describe('the production task-pane bundle (dist/, npm run build)', () => {
  it('is one file under 300 KB gzipped', () => {
    expect(ownJs).toHaveLength(1);
    expect(ownJs[0]).toMatch(/^taskpane\.[0-9a-f]+\.js$/);
    const bytes = gzipSync(readFileSync(`dist/${ownJs[0]}`)).length;
    console.log(`taskpane bundle: ${(bytes / 1024).toFixed(1)} KB gzipped`);
    expect(bytes).toBeLessThan(300 * 1024);
  });

  it('carries no .xlsx reader (ExcelJS)', () => {
    expect(readFileSync(`dist/${ownJs[0]}`, 'utf8')).not.toContain('xl/worksheets/');
  });

  it('the default build ships manifest.xml as it is (the dev server); publicUrl builds move it', () => {
    // test/manifest.test.ts checks the production manifest a `--env publicUrl=…` build writes.
    expect(readFileSync('dist/manifest.xml', 'utf8')).toBe(readFileSync('manifest.xml', 'utf8'));
  });
});

// The add-in loads office.js from Microsoft's CDN, as the Office docs require; the local copy
// is a build switch for offline intranets (`--env officeJs=local`, TONGBAO_OFFICE_JS=local).
describe('office.js', () => {
  it('the default build loads it from the CDN in <head>, first, and ships no copy', () => {
    for (const page of ['taskpane.html', 'commands.html']) {
      const html = readFileSync(`dist/${page}`, 'utf8');
      const head = html.slice(0, html.indexOf('</head>'));
      expect(scriptsOf(head).src[0], page).toBe(CDN);
    }
    expect(existsSync('dist/office-js')).toBe(false);
  });

  it('--env officeJs=local (or TONGBAO_OFFICE_JS=local) references and copies the local one', async () => {
    type Plugin = { userOptions?: { templateParameters?: { officeJs?: string } } } & {
      patterns?: { to?: string }[];
    };
    type Config = (
      env: Record<string, unknown>,
      argv: { mode: string },
    ) => Promise<{ name: string; plugins: Plugin[] }[]>;
    const url = new URL('../webpack.config.js', import.meta.url).href;
    const config = ((await import(url)) as { default: Config }).default;
    const addinOf = async (env: Record<string, unknown>) => {
      const addin = (await config(env, { mode: 'production' })).find((c) => c.name === 'addin')!;
      return {
        src: addin.plugins.map((p) => p.userOptions?.templateParameters?.officeJs).filter(Boolean),
        copied: addin.plugins.flatMap((p) => p.patterns ?? []).some((p) => p.to === 'office-js'),
      };
    };
    expect(await addinOf({})).toEqual({ src: [CDN, CDN], copied: false });
    const local = { src: ['office-js/office.js', 'office-js/office.js'], copied: true };
    expect(await addinOf({ officeJs: 'local' })).toEqual(local);
    const before = process.env.TONGBAO_OFFICE_JS;
    process.env.TONGBAO_OFFICE_JS = 'local';
    try {
      expect(await addinOf({})).toEqual(local);
    } finally {
      if (before === undefined) delete process.env.TONGBAO_OFFICE_JS;
      else process.env.TONGBAO_OFFICE_JS = before;
    }
  });
});

// Office 2016/2019 on Windows without WebView2 runs the pane in EdgeHTML 18, which parses
// ES2017 and nothing newer; volume-licensed Office 2016/2019 runs it in IE 11 (ES5), where
// only the pages' inline guard runs and says so.
describe('what the old webviews can parse', () => {
  const chunks = ['dist', 'dist/web'].flatMap((dir) =>
    readdirSync(dir)
      .filter((f) => /\.[cm]?js$/.test(f))
      .map((f) => `${dir}/${f}`),
  );

  it('every emitted chunk of both builds is ES2017', () => {
    expect(chunks.length).toBeGreaterThan(10);
    const failures = chunks.flatMap((file) => {
      const why = refused(readFileSync(file, 'utf8'), 2017);
      return why ? [`${file}:${why}`] : [];
    });
    expect(failures).toEqual([]);
  });

  it('no chunk builds, unguarded, a RegExp that EdgeHTML 18 cannot compile', () => {
    // A literal would fail the parse above; a pattern in a string only when it runs.
    const es2018 = /\(\?<[=!A-Za-z]|\\\\[pPk][{<]/;
    const unguarded = chunks.flatMap((file) => {
      const code = readFileSync(file, 'utf8');
      return [...code.matchAll(/new RegExp\(("(?:[^"\\]|\\.)*")(?:,\s*"([a-z]*)")?/g)]
        .filter((m) => es2018.test(m[1]!) || (m[2] ?? '').includes('s'))
        .filter((m) => !code.slice(0, m.index).endsWith('try{return '))
        .map((m) => `${file}: ${m[0]}`);
    });
    expect(unguarded).toEqual([]);
  });

  it("the pages' inline guards are ES5: they must run where the bundle cannot", () => {
    const pages = { 'dist/taskpane.html': taskpane, 'dist/web/index.html': undefined };
    for (const [page, parsed] of Object.entries(pages)) {
      const { inline } = parsed ?? scriptsOf(readFileSync(page, 'utf8'));
      expect(inline, page).toHaveLength(1);
      expect(refused(inline[0]!, 5), page).toBeNull();
      expect(inline[0], page).toContain('__TONGBAO_STARTED__');
    }
  });

  it('the ES2017 check really checks: `?.`, `??` and object spread are refused', () => {
    for (const code of ['a?.b', 'a ?? b', 'x = { ...a }', 'try {} catch {}'])
      expect(refused(code, 2017), code).not.toBeNull();
    expect(refused('async function f() { await g(); }', 2017)).toBeNull();
    expect(refused('var f = () => 1;', 5)).not.toBeNull();
  });
});
