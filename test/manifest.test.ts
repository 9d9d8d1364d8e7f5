import { readdirSync, readFileSync } from 'node:fs';
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
