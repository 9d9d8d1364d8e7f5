// @ts-check
// Lowers every emitted JavaScript chunk to ES2017 with esbuild's `transform`, for the Office
// 2016/2019 webview that is not Chromium: EdgeHTML 18 (Microsoft Edge Legacy) parses ES2017
// but not `?.`, `??`, object spread, class fields or optional catch binding, and one such token
// in any chunk leaves the pane blank. Our TypeScript (ts-loader, ES2022) and the packages
// (React, Fluent, docx, ExcelJS, JSZip…, ES2020+) are lowered alike.
//
// Why whole chunks and not a loader per module: esbuild writes its helpers (__spreadValues,
// __publicField…) into every file it lowers. Per module that was 50 copies in the pane's first
// chunk alone, 4.3 KB gzipped more than once per chunk. The chunks are lowered before the
// minifier runs (which webpack.config.js holds to ES2017 too), with the source maps chained.
// test/bundle.test.ts parses every emitted chunk at ES2017.
import { transform } from 'esbuild';

/**
 * Regular expressions EdgeHTML 18 cannot compile. A literal one would not even parse; esbuild
 * turns those into `new RegExp("…", "…")` calls, and packages write such calls themselves
 * (docx reads its fields with `new RegExp("^\\s*SEQ\\b(.*)$", "is")`). In esbuild's output,
 * each call with a literal pattern is looked at:
 * - the dotAll flag `s` (ES2018) is rewritten away: `.` outside a class becomes `[\s\S]`,
 *   which matches exactly what `.` matches under `s`;
 * - a Unicode property escape `\p{…}`, a named group or a lookbehind (ES2018) has no such
 *   rewrite: the call is wrapped to fall back to a pattern that matches nothing, so that its
 *   chunk still loads — a SyntaxError at the top of a module (docx's SEQ-field identifier
 *   check) would take the whole chunk down — and only that one check fails there.
 * test/bundle.test.ts reports any such call left unguarded.
 */
const REGEXP_CALL = /new RegExp\(("(?:[^"\\\n]|\\.)*")(?:, "([a-z]*)")?\)/g;
const NOT_REWRITABLE = /\\[pPk][{<]|\(\?<[=!A-Za-z]/;

/** The same pattern without the dotAll flag: `.` outside a character class → `[\s\S]`. */
function withoutDotAll(/** @type {string} */ pattern) {
  let out = '';
  let inClass = false;
  for (let i = 0; i < pattern.length; i++) {
    const c = pattern[i];
    if (c === '\\') {
      out += c + (pattern[i + 1] ?? '');
      i++;
    } else if (inClass) {
      if (c === ']') inClass = false;
      out += c;
    } else if (c === '[') {
      inClass = true;
      out += c;
    } else out += c === '.' ? '[\\s\\S]' : c;
  }
  return out;
}

/** A JS string literal ES2017 can read (U+2028/2029 only became legal in strings in ES2019). */
const literal = (/** @type {string} */ text) =>
  JSON.stringify(text)
    .replace(/\u2028/g, '\\u2028')
    .replace(/\u2029/g, '\\u2029');

function edgeRegExp(/** @type {string} */ call, /** @type {string} */ quoted, flags = '') {
  let pattern;
  try {
    pattern = /** @type {string} */ (JSON.parse(quoted));
  } catch {
    return call; // an escape JSON does not know: left as it is, and the test will say so
  }
  if (flags.includes('s')) {
    pattern = withoutDotAll(pattern);
    flags = flags.replace('s', '');
  }
  const rewritten = `new RegExp(${literal(pattern)}${flags ? `, "${flags}"` : ''})`;
  // On one line, so that the source map's lines stay as they are.
  return NOT_REWRITABLE.test(pattern)
    ? `(function () { try { return ${rewritten}; } catch (e) { return /$^/; } })()`
    : rewritten;
}

const NAME = 'EsbuildEs2017Plugin';

export class EsbuildEs2017Plugin {
  /** @param {import('webpack').Compiler} compiler */
  apply(compiler) {
    const { Compilation, sources } = compiler.webpack;
    compiler.hooks.thisCompilation.tap(NAME, (compilation) => {
      compilation.hooks.processAssets.tapPromise(
        // Before the minifier (PROCESS_ASSETS_STAGE_OPTIMIZE_SIZE).
        { name: NAME, stage: Compilation.PROCESS_ASSETS_STAGE_OPTIMIZE },
        async () => {
          const jobs = compilation.getAssets().map(async ({ name, source, info }) => {
            // Copied files (office.js with --env officeJs=local) are not ours to rewrite.
            if (!/\.[cm]?js$/.test(name) || info.copied || info.minimized) return;
            const { source: code, map } = source.sourceAndMap();
            const input = String(code);
            const out = await transform(input, {
              loader: 'js',
              target: 'es2017',
              // The helpers stay inside the chunk instead of becoming globals.
              format: 'iife',
              // Keep the catalog's Chinese as UTF-8: \uXXXX escapes would double its size.
              charset: 'utf8',
              sourcemap: map ? 'external' : false,
              sourcefile: name,
            });
            const lowered = out.code.replace(REGEXP_CALL, edgeRegExp);
            compilation.updateAsset(
              name,
              map
                ? new sources.SourceMapSource(lowered, name, out.map, input, map, true)
                : new sources.RawSource(lowered),
            );
          });
          await Promise.all(jobs);
        },
      );
    });
  }
}
