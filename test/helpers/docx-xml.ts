import JSZip from 'jszip';

/** The parts of a .docx as XML text. */
export async function docxParts(bytes: Uint8Array): Promise<Record<string, string>> {
  const zip = await JSZip.loadAsync(bytes);
  const out: Record<string, string> = {};
  for (const name of Object.keys(zip.files)) {
    if (name.endsWith('.xml') || name.endsWith('.rels'))
      out[name] = await zip.file(name)!.async('string');
  }
  return out;
}

/** Every <w:p>…</w:p> of a part, with its plain text. */
export function paragraphs(xml: string): { xml: string; text: string }[] {
  return [...xml.matchAll(/<w:p[ >][\s\S]*?<\/w:p>/g)].map((m) => ({
    xml: m[0],
    text: [...m[0].matchAll(/<w:t(?: [^>]*)?>([^<]*)<\/w:t>/g)]
      .map((t) => unescape(t[1]!))
      .join(''),
  }));
}

/** Every run (<w:r>) that carries text. */
export function textRuns(xml: string): string[] {
  return [...xml.matchAll(/<w:r>[\s\S]*?<\/w:r>/g)]
    .map((m) => m[0])
    .filter((r) => /<w:t[ >]/.test(r));
}

function unescape(s: string): string {
  return s
    .replace(/&lt;/g, '<')
    .replace(/&gt;/g, '>')
    .replace(/&quot;/g, '"')
    .replace(/&amp;/g, '&');
}
