// @ts-check
// Builds the task pane and the ribbon's function file into dist/, and the web page (网页版)
// into dist/web/. Every emitted chunk is ES2017 (EdgeHTML 18, the webview of Office 2016/2019
// without WebView2, parses nothing newer). office.js comes from Microsoft's CDN, as the Office
// docs require; `--env officeJs=local` (or TONGBAO_OFFICE_JS=local) ships the copy from
// @microsoft/office-js instead, for intranets that cannot reach the CDN.
// `--env publicUrl=https://intranet.example/tongbao/` (or TONGBAO_PUBLIC_URL) writes
// dist/manifest.xml for the office's own HTTPS server (scripts/manifest-url.mjs): every URL
// under that address instead of the dev server's https://localhost:3000. Without it,
// dist/manifest.xml is manifest.xml as it is.
// `npm run dev-server` serves dist/ over https on localhost:3000 with the
// office-addin-dev-certs certificate.
import CopyWebpackPlugin from 'copy-webpack-plugin';
import HtmlWebpackPlugin from 'html-webpack-plugin';
import { EsbuildEs2017Plugin } from './scripts/esbuild-es2017-plugin.mjs';
import { checkPublicUrl, productionManifest, PublicUrlError } from './scripts/manifest-url.mjs';
import fs from 'node:fs';
import { createRequire } from 'node:module';
import os from 'node:os';
import path from 'node:path';

const require = createRequire(import.meta.url);
const here = path.dirname(new URL(import.meta.url).pathname);
const officeJsDir = path.dirname(require.resolve('@microsoft/office-js/dist/office.js'));

/** Where the pages load office.js from by default (the URL the Office add-in docs give). */
export const OFFICE_JS_CDN = 'https://appsforoffice.microsoft.com/lib/1/hosted/office.js';

/**
 * The localhost certificate from office-addin-dev-certs. Installing its CA needs
 * administrator rights (sudo); where that fails the generated files are used anyway and the
 * browser must be told to trust them once.
 */
async function devCertificates() {
  const certs = await import('office-addin-dev-certs');
  try {
    return await certs.getHttpsServerOptions();
  } catch (e) {
    const dir = path.join(os.homedir(), '.office-addin-dev-certs');
    const read = (f) => fs.readFileSync(path.join(dir, f));
    if (!fs.existsSync(path.join(dir, 'localhost.crt'))) throw e;
    console.warn(
      `[tongbao] CA certificate not installed (${e instanceof Error ? e.message.split('\n')[0] : e}); serving with ${dir} anyway.`,
    );
    return { ca: read('ca.crt'), cert: read('localhost.crt'), key: read('localhost.key') };
  }
}

/**
 * The address dist/ is to be served from (`--env publicUrl=…` or TONGBAO_PUBLIC_URL), checked,
 * or undefined for the dev server's manifest. A refused address ends the build with one line.
 * @param {Record<string, unknown> | undefined} env
 * @returns {string | undefined}
 */
function publicUrlOf(env) {
  const raw = env?.publicUrl ?? process.env.TONGBAO_PUBLIC_URL;
  if (raw === undefined || raw === '') return undefined;
  try {
    return checkPublicUrl(String(raw));
  } catch (e) {
    if (!(e instanceof PublicUrlError)) throw e;
    console.error(`[tongbao] ${e.message}`);
    process.exit(2);
  }
}

/** TypeScript through ts-loader (type-checking is `npm run typecheck`'s job). */
const typescript = {
  test: /\.tsx?$/,
  exclude: /node_modules/,
  use: {
    loader: 'ts-loader',
    options: {
      transpileOnly: true,
      configFile: 'tsconfig.json',
      compilerOptions: { noEmit: false },
    },
  },
};

/**
 * Two builds from one config: `addin` (the task pane and the ribbon's function file, dist/)
 * and `web` (网页版, dist/web/: the same React components and engine with no Office, a folder
 * that runs from any static server or straight from disk). `--config-name web` builds one.
 * @returns {Promise<Array<import('webpack').Configuration & { devServer?: object }>>}
 */
export default async (env, argv) => {
  const dev = argv.mode !== 'production';
  let https;
  if (argv.env?.WEBPACK_SERVE) https = await devCertificates();
  // office.js: Microsoft's CDN unless asked for the local copy (offline intranets).
  const localOfficeJs =
    String(env?.officeJs ?? process.env.TONGBAO_OFFICE_JS ?? 'cdn').toLowerCase() === 'local';
  const officeJs = localOfficeJs ? 'office-js/office.js' : OFFICE_JS_CDN;
  const publicUrl = publicUrlOf(env);
  if (publicUrl) console.log(`[tongbao] dist/manifest.xml: every URL under ${publicUrl}`);
  const common = {
    mode: dev ? 'development' : 'production',
    // Not eval-source-map in development either: code inside eval("…") strings would escape
    // EsbuildEs2017Plugin, and the dev server is how the pane is tried in EdgeHTML.
    devtool: dev ? 'cheap-module-source-map' : 'source-map',
    // Every chunk is ES2017 (EsbuildEs2017Plugin, scripts/esbuild-es2017-plugin.mjs). The
    // es2017 target keeps webpack's own runtime code within it too and makes the minifier's
    // `ecma` 2017, so minifying never writes newer syntax than it was given.
    target: ['web', 'es2017'],
    resolve: { extensions: ['.tsx', '.ts', '.js'] },
    module: { rules: [typescript] },
    performance: { hints: false },
  };
  /** @type {import('webpack').Configuration & { devServer?: object }} */
  const addin = {
    ...common,
    name: 'addin',
    entry: {
      taskpane: './addin/taskpane/index.tsx',
      commands: './addin/commands/commands.ts',
    },
    output: {
      path: path.join(here, 'dist'),
      filename: '[name].[contenthash:8].js',
      chunkFilename: '[name].[contenthash:8].js',
      // dist/web/ is the other build's: never wipe it.
      clean: { keep: /^web[\\/]/ },
    },
    plugins: [
      new EsbuildEs2017Plugin(),
      new HtmlWebpackPlugin({
        filename: 'taskpane.html',
        template: './addin/taskpane/taskpane.html',
        chunks: ['taskpane'],
        templateParameters: { officeJs },
      }),
      new HtmlWebpackPlugin({
        filename: 'commands.html',
        template: './addin/commands/commands.html',
        chunks: ['commands'],
        templateParameters: { officeJs },
      }),
      new CopyWebpackPlugin({
        patterns: [
          { from: 'addin/assets', to: 'assets' },
          {
            from: 'manifest.xml',
            to: 'manifest.xml',
            // For the office's server: the same manifest, every URL under publicUrl.
            ...(publicUrl
              ? { transform: (content) => productionManifest(content.toString('utf8'), publicUrl) }
              : {}),
          },
          // 26 MB of already minified host files, only when asked for: copy, never re-minify.
          ...(localOfficeJs
            ? [{ from: officeJsDir, to: 'office-js', info: { minimized: true } }]
            : []),
        ],
      }),
    ],
    devServer: {
      static: { directory: path.join(here, 'dist') },
      port: 3000,
      host: 'localhost',
      headers: { 'Access-Control-Allow-Origin': '*' },
      server: https ? { type: 'https', options: https } : 'http',
    },
  };
  /** @type {import('webpack').Configuration} */
  const web = {
    ...common,
    name: 'web',
    entry: { web: './web/index.tsx' },
    output: {
      path: path.join(here, 'dist', 'web'),
      filename: '[name].[contenthash:8].js',
      chunkFilename: '[name].[contenthash:8].js',
      // Relative to the page, so the folder works from file:// and under any path.
      publicPath: '',
      clean: true,
    },
    plugins: [
      new EsbuildEs2017Plugin(),
      new HtmlWebpackPlugin({
        filename: 'index.html',
        template: './web/index.html',
        chunks: ['web'],
      }),
    ],
  };
  return [addin, web];
};
