import { existsSync } from 'node:fs';
import { readFile } from 'node:fs/promises';
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { extname, join, normalize } from 'node:path';
import { chromium, type Browser, type Page } from 'playwright-core';
import { expect, inject } from 'vitest';
import { browserLine, findBrowser, type Lookup } from './find-browser';

/**
 * The browser this machine has, driven by playwright-core (no browser download), for the pane
 * and web tests: CHROMIUM_PATH, else Chromium, Google Chrome or Microsoft Edge where their
 * installers put them (./find-browser.ts). Looked up and named once per run by the
 * globalSetup (./browser-setup.ts); looked up here when a run has none.
 */
function browserLookup(): Lookup {
  return inject('browser') ?? findBrowser(existsSync, process.env, process.platform);
}

const TYPES: Record<string, string> = {
  '.html': 'text/html',
  '.js': 'text/javascript',
  '.png': 'image/png',
  '.xml': 'text/xml',
};

/** A plain static server over `dir` on 127.0.0.1 (any free port). */
export async function serveStatic(dir: string): Promise<{ base: string; server: Server }> {
  if (!existsSync(join(dir, 'index.html')) && !existsSync(join(dir, 'taskpane.html')))
    throw new Error(`${dir} is missing its page: run \`npm run build\` first`);
  const server = createServer((req, res) => {
    const path = normalize(decodeURIComponent((req.url ?? '/').split('?')[0]!)).replace(
      /^(\.\.[/\\])+/,
      '',
    );
    readFile(join(dir, path)).then(
      (body) => {
        res.writeHead(200, { 'content-type': TYPES[extname(path)] ?? 'application/octet-stream' });
        res.end(body);
      },
      () => {
        res.writeHead(404);
        res.end();
      },
    );
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  return { base: `http://127.0.0.1:${(server.address() as AddressInfo).port}`, server };
}

/** Headless Chromium with this machine's closed network in mind (no background requests). */
export async function launchChromium(): Promise<Browser> {
  const lookup = browserLookup();
  if (!lookup.found) throw new Error(browserLine(lookup));
  return chromium.launch({
    executablePath: lookup.found.path,
    args: [
      '--no-sandbox',
      '--disable-gpu',
      '--disable-quic',
      '--no-first-run',
      '--disable-background-networking',
      '--disable-component-update',
      '--disable-sync',
    ],
  });
}

/** test/fake/office-host.ts bundled for the page: the fake Office the panes run against. */
export async function fakeOfficeHost(): Promise<string> {
  const { build } = await import('esbuild');
  const bundle = await build({
    entryPoints: ['test/fake/office-host.ts'],
    bundle: true,
    format: 'iife',
    write: false,
    target: 'es2022',
  });
  return bundle.outputFiles[0]!.text;
}

/** The figures under the paragraphs, once every one has loaded. */
export async function shownFigures(page: Page) {
  await expect
    .poll(
      () =>
        page.evaluate(() => {
          // The figures load lazily (the chart chunk): wait for them to be there and drawn.
          const imgs = [
            ...document.querySelectorAll<HTMLImageElement>('[data-testid="figures"] img'),
          ];
          return imgs.length > 0 && imgs.every((i) => i.complete && i.naturalWidth > 0);
        }),
      { timeout: 20_000 },
    )
    .toBe(true);
  return page.evaluate(() =>
    [...document.querySelectorAll<HTMLImageElement>('[data-testid="figures"] figure')].map((f) => {
      const img = f.querySelector('img')!;
      return {
        alt: img.alt,
        src: img.src.slice(0, 40),
        naturalWidth: img.naturalWidth,
        width: img.getBoundingClientRect().width,
        caption: f.querySelector('p')?.textContent ?? '',
      };
    }),
  );
}
