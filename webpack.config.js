// @ts-check
// Builds the task pane and the ribbon's function file into dist/. office.js is copied from
// @microsoft/office-js, so the add-in needs no CDN. `npm run dev-server` serves dist/ over
// https on localhost:3000 with the office-addin-dev-certs certificate.
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

/** @returns {Promise<import('webpack').Configuration & { devServer?: object }>} */
export default async (_env, argv) => {
  const dev = argv.mode !== 'production';
  let https;
  if (argv.env?.WEBPACK_SERVE) https = await devCertificates();
  return {
    mode: dev ? 'development' : 'production',
    devtool: dev ? 'eval-source-map' : 'source-map',
    entry: {
      taskpane: './addin/taskpane/index.tsx',
      commands: './addin/commands/commands.ts',
    },
    output: {
      path: path.join(here, 'dist'),
      filename: '[name].[contenthash:8].js',
      chunkFilename: '[name].[contenthash:8].js',
      clean: true,
    },
    resolve: { extensions: ['.tsx', '.ts', '.js'] },
    module: {
      rules: [
        {
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
        },
      ],
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
    performance: { hints: false },
    devServer: {
      static: { directory: path.join(here, 'dist') },
      port: 3000,
      host: 'localhost',
      headers: { 'Access-Control-Allow-Origin': '*' },
      server: https ? { type: 'https', options: https } : 'http',
    },
  };
};
