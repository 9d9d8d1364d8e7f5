// @ts-check
// Builds the task pane and the ribbon's function file into dist/, and the web page (网页版)
// into dist/web/. office.js is copied from @microsoft/office-js, so the add-in needs no CDN.
// `npm run dev-server` serves dist/ over https on localhost:3000 with the
// office-addin-dev-certs certificate.
import CopyWebpackPlugin from 'copy-webpack-plugin';
import HtmlWebpackPlugin from 'html-webpack-plugin';
import fs from 'node:fs';
import { createRequire } from 'node:module';
import os from 'node:os';
import path from 'node:path';

const require = createRequire(import.meta.url);
const here = path.dirname(new URL(import.meta.url).pathname);
const officeJs = path.dirname(require.resolve('@microsoft/office-js/dist/office.js'));

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
export default async (_env, argv) => {
  const dev = argv.mode !== 'production';
  let https;
  if (argv.env?.WEBPACK_SERVE) https = await devCertificates();
  const common = {
    mode: dev ? 'development' : 'production',
    devtool: dev ? 'eval-source-map' : 'source-map',
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
      new HtmlWebpackPlugin({
        filename: 'taskpane.html',
        template: './addin/taskpane/taskpane.html',
        chunks: ['taskpane'],
      }),
      new HtmlWebpackPlugin({
        filename: 'commands.html',
        template: './addin/commands/commands.html',
        chunks: ['commands'],
      }),
      new CopyWebpackPlugin({
        patterns: [
          { from: 'addin/assets', to: 'assets' },
          { from: 'manifest.xml', to: 'manifest.xml' },
          // 26 MB of already minified host files: copy, never re-minify.
          { from: officeJs, to: 'office-js', info: { minimized: true } },
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
      new HtmlWebpackPlugin({
        filename: 'index.html',
        template: './web/index.html',
        chunks: ['web'],
      }),
    ],
  };
  return [addin, web];
};
