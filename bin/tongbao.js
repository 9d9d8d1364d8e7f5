#!/usr/bin/env node
// The `tongbao` command: runs the command line built to plain JavaScript in lib/
// (npm run build:cli — also run by `npm run build` and on `npm ci`).
import { existsSync } from 'node:fs';

const entry = new URL('../lib/cli.js', import.meta.url);
const debug = Boolean(process.env.TONGBAO_DEBUG);
const notBuilt = '通报命令行尚未构建（或构建不完整）：请先运行 npm run build:cli';

if (!existsSync(entry)) {
  process.stderr.write(`${notBuilt}\n`);
  process.exit(3);
}
// With TONGBAO_DEBUG set, stack traces point at src/*.ts through lib/*.js.map.
if (debug) process.setSourceMapsEnabled(true);
try {
  await import(entry.href);
} catch (e) {
  // lib/ could not be loaded (a chunk missing, a stale build): one line, as for any error.
  const missing = e instanceof Error && 'code' in e && e.code === 'ERR_MODULE_NOT_FOUND';
  const message = e instanceof Error ? e.message.split('\n')[0] : String(e);
  process.stderr.write(missing ? `${notBuilt}\n` : `内部错误：${message}\n`);
  if (debug && e instanceof Error) process.stderr.write(`${e.stack}\n`);
  process.exitCode = 3;
}
