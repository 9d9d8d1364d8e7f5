// @ts-check
// Builds the command line to plain JavaScript in lib/ (git-ignored), so `tongbao` starts
// without compiling TypeScript: `npm run build:cli`, also run by `npm run build` and on
// `npm ci` / `npm install` (the `prepare` script). bin/tongbao.js imports lib/cli.js.
//
// ESM with code splitting: every `await import()` in the CLI (the .docx writer, the
// annotated-workbook writer) becomes a chunk of its own, loaded only by the runs that ask for
// it. The dependencies (exceljs, docx, jszip) are bundled too: measured on the sample
// workbook, the process starts in ≈200 ms bundled against ≈275 ms with them external, where
// Node resolves and compiles the ≈660 CommonJS files ExcelJS loads one by one.
// `node scripts/build-cli.mjs --external` builds the other way, to compare.
import { readdirSync, rmSync, statSync } from 'node:fs';
import { join } from 'node:path';

/** @type {typeof import('esbuild')} */
let esbuild;
try {
  esbuild = await import('esbuild');
} catch (e) {
  // `npm ci --omit=dev` runs `prepare` without the devDependencies: skip, don't fail the install.
  if (process.env.npm_lifecycle_event !== 'prepare') throw e;
  console.warn('build:cli: esbuild is not installed (dev dependencies omitted); lib/ not built');
  process.exit(0);
}

const root = join(import.meta.dirname, '..');
const outdir = join(root, 'lib');
const external = process.argv.includes('--external');

rmSync(outdir, { recursive: true, force: true });
await esbuild.build({
  absWorkingDir: root,
  entryPoints: { cli: 'src/cli/main.ts' },
  outdir: 'lib',
  chunkNames: 'chunks/[name]-[hash]',
  bundle: true,
  splitting: true,
  format: 'esm',
  platform: 'node',
  target: 'node20',
  packages: external ? 'external' : 'bundle',
  // Bundled CommonJS (ExcelJS and its dependencies) still calls require() for Node's modules.
  banner: {
    js: "import { createRequire as __createRequire } from 'node:module'; const require = __createRequire(import.meta.url);",
  },
  // For TONGBAO_DEBUG stack traces (bin/tongbao.js turns source maps on then); no sources
  // inlined, the maps only point at them.
  sourcemap: 'linked',
  sourcesContent: false,
  legalComments: 'eof',
  logLevel: 'warning',
});

/** @param {string} dir @returns {string[]} */
const files = (dir) =>
  readdirSync(dir, { withFileTypes: true }).flatMap((e) =>
    e.isDirectory() ? files(join(dir, e.name)) : [join(dir, e.name)],
  );
const js = files(outdir).filter((f) => f.endsWith('.js'));
const kb = (/** @type {number} */ n) => `${(n / 1024).toFixed(1)} KB`;
const size = js.reduce((n, f) => n + statSync(f).size, 0);
console.log(
  `build:cli: lib/cli.js ${kb(statSync(join(outdir, 'cli.js')).size)} + ${js.length - 1} chunks, ` +
    `${kb(size)} of JavaScript in all (dependencies ${external ? 'external' : 'bundled'})`,
);
