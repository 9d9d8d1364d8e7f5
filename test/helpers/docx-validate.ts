/**
 * The parts of a .docx validated against the ECMA-376 transitional schemas
 * (vendor/ooxml-schemas), after Markup Compatibility processing, the way
 * Word itself reads them: one xmllint-wasm run (the schemas compiled once for every part), each
 * problem with its part, line and tag. Used for the exported bulletin (test/docx-schema.test.ts)
 * and the proofreading's marked copy (issue #17).
 */
import { readdirSync, readFileSync } from 'node:fs';
import JSZip from 'jszip';
import { validateXML } from 'xmllint-wasm';
import { applyMarkupCompatibility, tagEndingAt } from './mce';

const SCHEMAS = new URL('../../vendor/ooxml-schemas/', import.meta.url);
const NS: readonly (readonly [string, string])[] = [
  ['http://www.w3.org/XML/1998/namespace', 'xml.xsd'],
  ['http://schemas.openxmlformats.org/wordprocessingml/2006/main', 'wml.xsd'],
  ['http://schemas.openxmlformats.org/drawingml/2006/main', 'dml-main.xsd'],
  ['http://schemas.openxmlformats.org/package/2006/relationships', 'opc-relationships.xsd'],
  ['http://schemas.openxmlformats.org/package/2006/content-types', 'opc-contentTypes.xsd'],
  [
    'http://schemas.openxmlformats.org/officeDocument/2006/extended-properties',
    'shared-documentPropertiesExtended.xsd',
  ],
  [
    'http://schemas.openxmlformats.org/officeDocument/2006/custom-properties',
    'shared-documentPropertiesCustom.xsd',
  ],
];
/** One schema importing all the others, and the vendored schema files it needs. */
export const ENTRY = [
  `<xsd:schema xmlns:xsd="http://www.w3.org/2001/XMLSchema" targetNamespace="urn:tongbao:docx-validate">`,
  ...NS.map(([ns, file]) => `<xsd:import namespace="${ns}" schemaLocation="${file}"/>`),
  '</xsd:schema>',
].join('');
export const schemaFiles = readdirSync(SCHEMAS)
  .filter((f) => f.endsWith('.xsd'))
  .map((f) => ({ fileName: f, contents: readFileSync(new URL(f, SCHEMAS), 'utf8') }));

export interface SchemaProblem {
  readonly part: string;
  readonly line: number | null;
  readonly tag: string;
  readonly message: string;
}

/** Schema errors of the given parts (name → XML); [] when all are valid. */
export async function validateParts(
  parts: Readonly<Record<string, string>>,
): Promise<SchemaProblem[]> {
  const names = Object.keys(parts);
  const processed = names.map((n) => applyMarkupCompatibility(parts[n]!));
  const result = await validateXML({
    xml: processed.map((contents, i) => ({ fileName: `part${i}.xml`, contents })),
    schema: { fileName: 'entry.xsd', contents: ENTRY },
    preload: schemaFiles,
    maxMemoryPages: 4096,
  });
  const errors = result.errors.filter((e) => !/ fails to validate$/.test(e.rawMessage.trim()));
  const problems = errors.map((e): SchemaProblem => {
    const i = e.loc ? Number(/^part(\d+)\.xml$/.exec(e.loc.fileName)?.[1]) : NaN;
    const line = e.loc?.lineNumber ?? null;
    return {
      part: names[i] ?? e.loc?.fileName ?? '?',
      line,
      tag: Number.isInteger(i) && line !== null ? tagEndingAt(processed[i]!, line) : '',
      message: e.message.trim(),
    };
  });
  if (!result.valid && problems.length === 0)
    problems.push({ part: '?', line: null, tag: '', message: result.rawOutput });
  return problems;
}

/** Every XML part of a .docx but docProps/core.xml (Dublin Core: no schema vendored). */
export async function docxXmlParts(bytes: Uint8Array): Promise<Record<string, string>> {
  const zip = await JSZip.loadAsync(bytes);
  const out: Record<string, string> = {};
  for (const name of Object.keys(zip.files)) {
    if (name === 'docProps/core.xml') continue;
    if (name.endsWith('.xml') || name.endsWith('.rels'))
      out[name] = await zip.file(name)!.async('string');
  }
  return out;
}
