import { execFile } from 'node:child_process';
import { readdirSync, readFileSync } from 'node:fs';
import { mkdtemp, readdir } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { validateXML } from 'xmllint-wasm';

const SCHEMAS = new URL('../vendor/office-schemas/', import.meta.url);
const schema = (name: string) => ({
  fileName: name,
  contents: readFileSync(new URL(name, SCHEMAS), 'utf8'),
});
const manifest = readFileSync(new URL('../manifest.xml', import.meta.url), 'utf8');

async function validate(xml: string) {
  const others = readdirSync(SCHEMAS).filter(
    (f) => f.endsWith('.xsd') && f !== 'OfficeAppManifestV1_1.xsd',
  );
  return validateXML({
    xml: { fileName: 'manifest.xml', contents: xml },
    schema: schema('OfficeAppManifestV1_1.xsd'),
    preload: others.map(schema),
  });
}

/**
 * Every Group id and Control id that occurs more than once. Office requires them unique across
 * the whole manifest, hosts included (a group whose id is not unique fails to render), and the
 * schema cannot say so.
 */
function duplicateIds(xml: string): string[] {
  const ids = [...xml.matchAll(/<(?:Group|Control)\b[^>]*?\bid="([^"]*)"/g)].map((m) => m[1]!);
  return [...new Set(ids.filter((id, i) => ids.indexOf(id) !== i))];
}

describe('manifest.xml', () => {
  it('is valid against the add-in manifest schemas, offline', async () => {
    const result = await validate(manifest);
    expect(result.errors).toEqual([]);
    expect(result.valid).toBe(true);
  });

  it('the validation really checks: a manifest without <Id> is refused', async () => {
    const result = await validate(manifest.replace(/<Id>[^<]*<\/Id>/, ''));
    expect(result.valid).toBe(false);
  });

  it('runs in Excel and Word, may write the document, requires no ExcelApi up front', () => {
    expect(manifest).toMatch(/<Host Name="Workbook"\/>/);
    expect(manifest).toMatch(/<Host Name="Document"\/>/);
    expect(manifest).toMatch(/<Permissions>ReadWriteDocument<\/Permissions>/);
    expect(manifest).not.toMatch(/<Requirements>/);
    expect(manifest).toMatch(/<OfficeTab id="TabHome">/);
    expect(manifest).toMatch(/<Action xsi:type="ShowTaskpane">/);
  });

  it('gives every Group and Control its own id, across the Excel and the Word host', () => {
    const ids = [...manifest.matchAll(/<(?:Group|Control)\b[^>]*?\bid="([^"]*)"/g)];
    expect(ids.length).toBeGreaterThanOrEqual(4);
    expect(duplicateIds(manifest)).toEqual([]);
    // The check really checks: the same ids in both hosts, as the manifest once had them.
    const shared = manifest.replaceAll('Tongbao.Word.', 'Tongbao.Excel.');
    expect(duplicateIds(shared)).toEqual(['Tongbao.Excel.Group', 'Tongbao.Excel.OpenPane']);
  });

  it('points only at files the build produces', () => {
    const urls = [...manifest.matchAll(/https:\/\/localhost:3000\/([^"]+)/g)].map((m) => m[1]!);
    const produced = new Set([
      'taskpane.html',
      'commands.html',
      ...readdirSync('addin/assets').map((f) => `assets/${f}`),
    ]);
    for (const url of urls) expect(produced.has(url), url).toBe(true);
  });
});

/** scripts/manifest-url.mjs, as webpack.config.js uses it. */
type ManifestUrl = {
  DEV_ORIGIN: string;
  checkPublicUrl: (raw: string) => string;
  productionManifest: (xml: string, publicUrl: string) => string;
  PublicUrlError: new (message: string) => Error;
};
const manifestUrl = async () =>
  (await import(new URL('../scripts/manifest-url.mjs', import.meta.url).href)) as ManifestUrl;

/** Every URL the manifest gives Office: URL-valued attributes and AppDomain entries. */
function urlsOf(xml: string): { urls: string[]; domains: string[] } {
  const urls = [...xml.matchAll(/\b(?:DefaultValue|Value)="(https?:\/\/[^"]*)"/g)].map(
    (m) => m[1]!,
  );
  const domains = [...xml.matchAll(/<AppDomain>([^<]*)<\/AppDomain>/g)].map((m) => m[1]!);
  return { urls, domains };
}

/** The config's manifest.xml copy pattern, for the given `--env`. */
async function manifestPattern(env: Record<string, unknown>) {
  type Pattern = { from?: string; to?: string; transform?: (content: Buffer) => string };
  type Config = (
    env: Record<string, unknown>,
    argv: { mode: string },
  ) => Promise<{ name: string; plugins: { patterns?: Pattern[] }[] }[]>;
  const url = new URL('../webpack.config.js', import.meta.url).href;
  const config = ((await import(url)) as { default: Config }).default;
  const addin = (await config(env, { mode: 'production' })).find((c) => c.name === 'addin')!;
  return addin.plugins.flatMap((p) => p.patterns ?? []).find((p) => p.to === 'manifest.xml')!;
}

// What IT installs: the manifest of a build for the office's own server (部署到单位 in README).
describe('the production manifest (npm run build -- --env publicUrl=…)', () => {
  const SITE = 'https://intranet.example/tongbao/';

  it('points every URL at the office server, keeps each file, and is still valid', async () => {
    const { productionManifest } = await manifestUrl();
    const xml = productionManifest(manifest, SITE);
    expect(xml).not.toMatch(/localhost/i);
    const dev = urlsOf(manifest);
    const prod = urlsOf(xml);
    // The same URLs in the same places, each moved under the address, file paths kept.
    expect(prod.urls).toHaveLength(dev.urls.length);
    expect(prod.urls.length).toBeGreaterThanOrEqual(9);
    prod.urls.forEach((url, i) => {
      expect(url.startsWith(SITE), url).toBe(true);
      expect(url.slice(SITE.length)).toBe(dev.urls[i]!.replace('https://localhost:3000/', ''));
    });
    expect(xml).toContain(`<SourceLocation DefaultValue="${SITE}taskpane.html"/>`);
    expect(xml).toContain(`<SupportUrl DefaultValue="${SITE}taskpane.html"/>`);
    // An AppDomain is an origin, never a path.
    expect(prod.domains).toEqual(['https://intranet.example']);
    const result = await validate(xml);
    expect(result.errors).toEqual([]);
    expect(result.valid).toBe(true);
  });

  it('takes the address with or without its final slash, on any port', async () => {
    const { productionManifest } = await manifestUrl();
    const xml = productionManifest(manifest, 'https://oa.gov.example:8443/apps/tongbao');
    expect(xml).toContain(
      '<SourceLocation DefaultValue="https://oa.gov.example:8443/apps/tongbao/taskpane.html"/>',
    );
    expect(urlsOf(xml).domains).toEqual(['https://oa.gov.example:8443']);
    expect(xml).not.toMatch(/localhost/i);
  });

  it('refuses an address that is not https, or not an address, in one line', async () => {
    const { checkPublicUrl, PublicUrlError } = await manifestUrl();
    for (const bad of [
      'http://intranet.example/tongbao/',
      'intranet.example/tongbao/',
      '\\\\server\\share\\tongbao',
      'https://',
      'https://intranet.example/tongbao/?v=1',
      'https://user:pw@intranet.example/',
      'ftp://intranet.example/',
      'true', // `--env publicUrl` with no value
    ]) {
      let thrown: unknown;
      try {
        checkPublicUrl(bad);
      } catch (e) {
        thrown = e;
      }
      expect(thrown, bad).toBeInstanceOf(PublicUrlError);
      const message = (thrown as Error).message;
      expect(message, bad).not.toContain('\n');
      expect(message, bad).toContain('publicUrl');
      expect(message, bad).toContain('https://intranet.example/tongbao/');
    }
    expect(() => checkPublicUrl('http://intranet.example/')).toThrow(/https:\/\//);
  });

  it('a dev-server URL it cannot move stops the build instead of shipping localhost', async () => {
    const { productionManifest } = await manifestUrl();
    const odd = manifest.replace(
      '<SupportUrl DefaultValue="https://localhost:3000/taskpane.html"/>',
      '<SupportUrl DefaultValue="https://localhost:3000"/>',
    );
    expect(odd).not.toBe(manifest);
    expect(() => productionManifest(odd, SITE)).toThrow(/localhost:3000/);
  });

  it('the webpack build writes dist/manifest.xml with that same function, from --env or TONGBAO_PUBLIC_URL', async () => {
    const { productionManifest } = await manifestUrl();
    // Default build: manifest.xml copied as it is.
    const before = process.env.TONGBAO_PUBLIC_URL;
    delete process.env.TONGBAO_PUBLIC_URL;
    try {
      expect((await manifestPattern({})).transform).toBeUndefined();
      const viaEnv = await manifestPattern({ publicUrl: SITE });
      expect(viaEnv.transform!(Buffer.from(manifest))).toBe(productionManifest(manifest, SITE));
      process.env.TONGBAO_PUBLIC_URL = 'https://oa.gov.example/tongbao/';
      const viaVariable = await manifestPattern({});
      expect(viaVariable.transform!(Buffer.from(manifest))).toContain(
        'DefaultValue="https://oa.gov.example/tongbao/taskpane.html"',
      );
    } finally {
      if (before === undefined) delete process.env.TONGBAO_PUBLIC_URL;
      else process.env.TONGBAO_PUBLIC_URL = before;
    }
  });

  it('webpack refuses a non-https address with one line and builds nothing', async () => {
    const out = await mkdtemp(join(tmpdir(), 'tongbao-refused-'));
    const run = await new Promise<{ code: number | null; stdout: string; stderr: string }>(
      (resolve) => {
        const env = { ...process.env };
        delete env.TONGBAO_PUBLIC_URL;
        execFile(
          process.execPath,
          [
            'node_modules/webpack-cli/bin/cli.js',
            '--mode',
            'production',
            '--config-name',
            'addin',
            '--output-path',
            out,
            '--env',
            'publicUrl=http://intranet.example/tongbao/',
          ],
          { env, timeout: 60_000 },
          (error, stdout, stderr) =>
            resolve({ code: error ? (error.code as number | null) : 0, stdout, stderr }),
        );
      },
    );
    expect(run.code).toBe(2);
    expect(run.stderr.trim().split('\n')).toEqual([
      expect.stringMatching(/^\[tongbao\] publicUrl 必须以 https:\/\/ 开头/),
    ]);
    expect(await readdir(out)).toEqual([]);
  }, 60_000);
});
