/**
 * A draft bulletin as Word saves it (.docx) → the paragraphs a reader sees (issue #17), each
 * with a map from its text back to the `w:t` elements it came from, so that the marked copy
 * (`./mark-docx`) can highlight exactly the characters of a finding even when Word has split a
 * number over three runs.
 *
 * What counts, as Word shows the document with every tracked change accepted:
 * - body paragraphs and the paragraphs of table cells (`where: 'table'`), in document order,
 *   block-level content controls (`w:sdt`), `w:customXml` and `w:smartTag` wrappers read
 *   through;
 * - runs however split; `w:proofErr`, bookmarks, comment and permission ranges are no text;
 * - fields by their shown result: `w:fldSimple`'s runs, and for complex fields
 *   (`w:fldChar` begin / separate / end) the runs between separate and end, never the
 *   instruction (`w:instrText`), nested fields too;
 * - tracked changes accepted: `w:ins` and `w:moveTo` text counts, `w:del` and `w:moveFrom`
 *   does not; a deleted paragraph mark joins the paragraph with the next one; a deleted table
 *   row is left out;
 * - `w:tab` / `w:ptab` are a tab character and `w:br` / `w:cr` a line feed inside the
 *   paragraph (a number never runs across them); `w:noBreakHyphen` is “-”, `w:softHyphen`
 *   nothing.
 * Left out: text boxes and drawings (`w:txbxContent`, `w:drawing`, `w:pict`), headers,
 * footers, footnotes and comments (other parts), equations (`m:oMath`), ruby text.
 *
 * The XML is read by a small scanner of our own that keeps every element's offsets in the
 * part's text: the marked copy splices its changes in at those offsets and leaves every
 * other byte of the part as Word wrote it.
 */
import JSZip from 'jszip';
import type { Draft, DraftParagraph } from './types';

// ─── The XML scanner ──────────────────────────────────────────────────────────────────────

/** An element, with where it is in the part's text. */
export interface XmlElement {
  /** The qualified name as written (`w:t`). */
  readonly name: string;
  /** Namespace URI and local name, prefixes resolved. */
  readonly ns: string;
  readonly local: string;
  /** Attribute values (entities decoded), by qualified name as written. */
  readonly attrs: Readonly<Record<string, string>>;
  /** Offset of `<` of the start tag, and just after its `>`. */
  readonly start: number;
  readonly openEnd: number;
  /** Offset of `<` of the end tag (= openEnd when self-closing), and just after its `>`. */
  closeStart: number;
  end: number;
  readonly children: XmlNode[];
  readonly parent: XmlElement | null;
}

/** Character data (text or CDATA) between tags, decoded. */
export interface XmlText {
  readonly text: string;
  readonly start: number;
  readonly end: number;
}

export type XmlNode = XmlElement | XmlText;

export const isElement = (n: XmlNode): n is XmlElement => 'local' in n;

/** Not well-formed XML (or XML with a DOCTYPE, which no .docx part has). */
export class XmlSyntaxError extends Error {
  override readonly name = 'XmlSyntaxError';
}

const ENTITIES: Readonly<Record<string, string>> = {
  lt: '<',
  gt: '>',
  amp: '&',
  quot: '"',
  apos: "'",
};

/** Character and predefined entity references decoded. */
export function decodeXml(raw: string): string {
  if (!raw.includes('&')) return raw;
  return raw.replace(/&(#x[0-9a-fA-F]+|#[0-9]+|[A-Za-z]+);/g, (_, ref: string) => {
    if (ref.startsWith('#x')) return String.fromCodePoint(parseInt(ref.slice(2), 16));
    if (ref.startsWith('#')) return String.fromCodePoint(parseInt(ref.slice(1), 10));
    const e = ENTITIES[ref];
    if (e === undefined) throw new XmlSyntaxError(`unknown entity &${ref};`);
    return e;
  });
}

/** Text as XML character data (and attribute values: quotes escaped too). */
export function escapeXml(text: string): string {
  return text
    .replace(/&/g, '&amp;')
    .replace(/</g, '&lt;')
    .replace(/>/g, '&gt;')
    .replace(/"/g, '&quot;');
}

const NAME = /[^\s/>=]+/y;
const ATTR = /\s+([^\s/>=]+)\s*=\s*(?:"([^"]*)"|'([^']*)')/y;
const TAG_END = /\s*(\/?)>/y;

/**
 * The XML text as a tree with offsets; the returned node is a synthetic `#document` holding
 * the root element (and any comments or whitespace around it as text-free gaps).
 */
export function parseXml(xml: string): XmlElement {
  const doc: XmlElement = {
    name: '#document',
    ns: '',
    local: '#document',
    attrs: {},
    start: 0,
    openEnd: 0,
    closeStart: xml.length,
    end: xml.length,
    children: [],
    parent: null,
  };
  const scopes: Record<string, string>[] = [{ xml: 'http://www.w3.org/XML/1998/namespace' }];
  const stack: XmlElement[] = [doc];
  const top = () => stack[stack.length - 1]!;
  const fail = (what: string, at: number): never => {
    throw new XmlSyntaxError(`${what} at offset ${at}`);
  };
  let i = 0;
  const n = xml.length;
  while (i < n) {
    const lt = xml.indexOf('<', i);
    const textEnd = lt < 0 ? n : lt;
    if (textEnd > i) {
      if (stack.length > 1)
        top().children.push({ text: decodeXml(xml.slice(i, textEnd)), start: i, end: textEnd });
      else if (xml.slice(i, textEnd).trim() !== '' && !(i === 0 && xml[0] === '\uFEFF'))
        fail('text outside the root element', i);
    }
    if (lt < 0) break;
    if (xml.startsWith('<?', lt)) {
      const end = xml.indexOf('?>', lt + 2);
      if (end < 0) fail('unterminated processing instruction', lt);
      i = end + 2;
    } else if (xml.startsWith('<!--', lt)) {
      const end = xml.indexOf('-->', lt + 4);
      if (end < 0) fail('unterminated comment', lt);
      i = end + 3;
    } else if (xml.startsWith('<![CDATA[', lt)) {
      const end = xml.indexOf(']]>', lt + 9);
      if (end < 0 || stack.length === 1) fail('misplaced CDATA', lt);
      top().children.push({ text: xml.slice(lt + 9, end), start: lt, end: end + 3 });
      i = end + 3;
    } else if (xml.startsWith('<!', lt)) {
      fail('DOCTYPE or declaration', lt);
    } else if (xml.startsWith('</', lt)) {
      const end = xml.indexOf('>', lt + 2);
      const name = end < 0 ? '' : xml.slice(lt + 2, end).trim();
      const open = top();
      if (stack.length === 1 || name !== open.name) fail(`unexpected </${name}>`, lt);
      open.closeStart = lt;
      open.end = end + 1;
      stack.pop();
      scopes.pop();
      i = end + 1;
    } else {
      NAME.lastIndex = lt + 1;
      const m = NAME.exec(xml);
      if (!m) fail('bad start tag', lt);
      const name = m![0];
      const raw: Record<string, string> = {};
      let at = lt + 1 + name.length;
      for (;;) {
        ATTR.lastIndex = at;
        const a = ATTR.exec(xml);
        if (!a) break;
        raw[a[1]!] = decodeXml(a[2] ?? a[3] ?? '');
        at = ATTR.lastIndex;
      }
      TAG_END.lastIndex = at;
      const close = TAG_END.exec(xml);
      if (!close) fail(`bad start tag <${name}`, lt);
      const scope = { ...scopes[scopes.length - 1]! };
      for (const [k, v] of Object.entries(raw)) {
        if (k === 'xmlns') scope[''] = v;
        else if (k.startsWith('xmlns:')) scope[k.slice(6)] = v;
      }
      const colon = name.indexOf(':');
      const prefix = colon < 0 ? '' : name.slice(0, colon);
      const ns = scope[prefix];
      if (ns === undefined && prefix !== '') fail(`undeclared prefix ${prefix}`, lt);
      const parent = top();
      if (stack.length === 1 && parent.children.some(isElement)) fail('second root element', lt);
      const openEnd = TAG_END.lastIndex;
      const el: XmlElement = {
        name,
        ns: ns ?? '',
        local: colon < 0 ? name : name.slice(colon + 1),
        attrs: raw,
        start: lt,
        openEnd,
        closeStart: openEnd,
        end: openEnd,
        children: [],
        parent: stack.length === 1 ? null : parent,
      };
      parent.children.push(el);
      if (close![1] !== '/') {
        stack.push(el);
        scopes.push(scope);
      }
      i = openEnd;
    }
  }
  if (stack.length > 1) fail(`unclosed <${top().name}>`, n);
  if (!doc.children.some(isElement)) fail('no root element', 0);
  return doc;
}

/** The root element of a parsed part. */
export const rootOf = (doc: XmlElement): XmlElement => doc.children.find(isElement)!;

/** An attribute by its namespace and local name, whatever prefix the part gives it. */
export function attrNs(el: XmlElement, ns: string, local: string): string | undefined {
  for (const [k, v] of Object.entries(el.attrs)) {
    const colon = k.indexOf(':');
    if (colon < 0 || k.slice(colon + 1) !== local) continue;
    const prefix = k.slice(0, colon);
    if (prefix === 'xmlns') continue;
    if (namespaceOf(el, prefix) === ns) return v;
  }
  return undefined;
}

/** The namespace a prefix is bound to at an element ('' for none). */
export function namespaceOf(el: XmlElement | null, prefix: string): string | undefined {
  if (prefix === 'xml') return 'http://www.w3.org/XML/1998/namespace';
  const key = prefix === '' ? 'xmlns' : `xmlns:${prefix}`;
  for (let at = el; at !== null; at = at.parent) {
    const v = at.attrs[key];
    if (v !== undefined) return v;
  }
  return undefined;
}

// ─── WordprocessingML ─────────────────────────────────────────────────────────────────────

/** The main namespace, transitional (what Word writes) and strict (“Strict Open XML”). */
export const W_TRANSITIONAL = 'http://schemas.openxmlformats.org/wordprocessingml/2006/main';
export const W_STRICT = 'http://purl.oclc.org/ooxml/wordprocessingml/main';
const MC = 'http://schemas.openxmlformats.org/markup-compatibility/2006';

const isW = (el: XmlElement, local?: string) =>
  (el.ns === W_TRANSITIONAL || el.ns === W_STRICT) && (local === undefined || el.local === local);

/** w: elements whose content is never the document's shown text. */
const SKIPPED_W = new Set([
  'del',
  'moveFrom',
  'pPr',
  'rPr',
  'sdtPr',
  'sdtEndPr',
  'txbxContent',
  'drawing',
  'pict',
  'object',
  'rt', // ruby text (the base is read)
  'instrText',
  'delText',
  'delInstrText',
  'trPr',
  'tblPr',
  'tblGrid',
  'tcPr',
  'sectPr',
  'customXmlPr',
  'smartTagPr',
  'fldData',
  'footnoteReference',
  'endnoteReference',
  'commentReference',
  'annotationRef',
]);

/** One stretch of a paragraph's text and where it is in the part. */
export interface TextPiece {
  /** Offsets in the paragraph's text. */
  readonly from: number;
  readonly to: number;
  /** The run holding it. */
  readonly run: XmlElement;
  /** The `w:t` it is text of; null for a tab or a line break (no text element to cut). */
  readonly t: XmlElement | null;
}

/** A paragraph as read, with its pieces (several `w:p` when a paragraph mark was deleted). */
export interface MappedParagraph extends DraftParagraph {
  readonly pieces: readonly TextPiece[];
  /** The `w:p` elements it was read from. */
  readonly elements: readonly XmlElement[];
}

/** The text a `w:t` holds, decoded. */
export const textOf = (t: XmlElement): string =>
  t.children.map((c) => (isElement(c) ? '' : c.text)).join('');

/**
 * Every paragraph of the document's body, in document order, as a reader sees it with the
 * tracked changes accepted, empty ones included (`openDocx` leaves those out).
 */
export function readParagraphs(body: XmlElement): MappedParagraph[] {
  const out: MappedParagraph[] = [];
  /** Complex fields open at this point: in their instruction (code) or their result. */
  const fields: ('code' | 'result')[] = [];
  let current: {
    text: string;
    where: 'body' | 'table';
    pieces: TextPiece[];
    elements: XmlElement[];
    parent: XmlElement | null;
  } | null = null;
  /** A paragraph whose mark was deleted: it goes on into the next one in the same container. */
  let joining = false;

  const inTable = (el: XmlElement) => {
    for (let at = el.parent; at !== null; at = at.parent) if (isW(at, 'tc')) return true;
    return false;
  };
  const shown = () => fields.every((f) => f === 'result');
  const add = (text: string, run: XmlElement, t: XmlElement | null) => {
    if (current === null || text === '' || !shown()) return;
    const from = current.text.length;
    current.text += text;
    current.pieces.push({ from, to: current.text.length, run, t });
  };
  const finish = () => {
    if (current === null) return;
    out.push({
      text: current.text,
      where: current.where,
      pieces: current.pieces,
      elements: current.elements,
    });
    current = null;
  };

  const visit = (el: XmlElement): void => {
    if (el.ns === MC && el.local === 'Choice') return; // the Fallback is read instead
    if (isW(el)) {
      if (SKIPPED_W.has(el.local)) return;
      switch (el.local) {
        case 'p': {
          // A paragraph after one whose mark was deleted, in the same container, continues it.
          if (!(joining && current !== null && current.parent === el.parent)) {
            finish();
            current = {
              text: '',
              where: inTable(el) ? 'table' : 'body',
              pieces: [],
              elements: [],
              parent: el.parent,
            };
          }
          joining = false;
          current.elements.push(el);
          el.children.forEach((c) => isElement(c) && visit(c));
          joining = paragraphMarkDeleted(el);
          if (!joining) finish();
          return;
        }
        case 'tr':
          if (rowDeleted(el)) return;
          break;
        case 'tbl':
        case 'tc':
          // A deleted mark does not join a paragraph across a cell or a table.
          finish();
          joining = false;
          break;
        case 'fldChar': {
          const type = attrNs(el, el.ns, 'fldCharType');
          if (type === 'begin') fields.push('code');
          else if (type === 'separate' && fields.length > 0) fields[fields.length - 1] = 'result';
          else if (type === 'end') fields.pop();
          return;
        }
        case 't':
          if (el.parent !== null) add(textOf(el), el.parent, el);
          return;
        case 'tab':
        case 'ptab':
          if (el.parent !== null && isW(el.parent, 'r')) add('\t', el.parent, null);
          return;
        case 'br':
        case 'cr':
          if (el.parent !== null) add('\n', el.parent, null);
          return;
        case 'noBreakHyphen':
          if (el.parent !== null) add('-', el.parent, null);
          return;
      }
    }
    for (const c of el.children) if (isElement(c)) visit(c);
  };
  visit(body);
  finish();
  return out;
}

/** The paragraph's mark is a tracked deletion (or moved away): accepted, it joins the next. */
function paragraphMarkDeleted(p: XmlElement): boolean {
  const pPr = p.children.find((c): c is XmlElement => isElement(c) && isW(c, 'pPr'));
  const rPr = pPr?.children.find((c): c is XmlElement => isElement(c) && isW(c, 'rPr'));
  return rPr?.children.some((c) => isElement(c) && (isW(c, 'del') || isW(c, 'moveFrom'))) ?? false;
}

/** A table row deleted with tracked changes on. */
function rowDeleted(tr: XmlElement): boolean {
  const trPr = tr.children.find((c): c is XmlElement => isElement(c) && isW(c, 'trPr'));
  return trPr?.children.some((c) => isElement(c) && isW(c, 'del')) ?? false;
}

// ─── The package ──────────────────────────────────────────────────────────────────────────

/** Why a draft could not be read as a .docx. */
export type DraftProblem =
  /** Word 97-2003 (.doc), or another OLE compound file (.wps, .xls…). */
  | 'legacyDoc'
  /** A password-protected .docx (an OLE container holding an EncryptedPackage). */
  | 'encrypted'
  /** Not a zip, or a zip without a Word document in it (an .xlsx, a .zip). */
  | 'notDocx'
  /** The document part is not well-formed XML. */
  | 'corrupt'
  /** The document part is too big to read. */
  | 'tooBig';

export class DraftReadError extends Error {
  override readonly name = 'DraftReadError';
  constructor(
    readonly kind: DraftProblem,
    /** For `corrupt`: what is wrong, in the parser's words. */
    readonly detail = '',
  ) {
    super(detail ? `${kind}: ${detail}` : kind);
  }
}

/** The OLE compound-file signature Word 97-2003 files (and encrypted .docx) start with. */
const OLE_SIGNATURE = [0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1];
/** “EncryptedPackage” as the compound file's directory spells stream names (UTF-16LE). */
const ENCRYPTED_PACKAGE = [...'EncryptedPackage'].flatMap((c) => [c.charCodeAt(0), 0]);

export const isOleFile = (bytes: Uint8Array) => OLE_SIGNATURE.every((b, i) => bytes[i] === b);
export const isZipFile = (bytes: Uint8Array) =>
  bytes[0] === 0x50 && bytes[1] === 0x4b && bytes[2] === 0x03 && bytes[3] === 0x04;

function isEncryptedPackage(bytes: Uint8Array): boolean {
  const first = ENCRYPTED_PACKAGE[0]!;
  outer: for (let i = bytes.indexOf(first); i >= 0; i = bytes.indexOf(first, i + 1)) {
    for (let k = 1; k < ENCRYPTED_PACKAGE.length; k++)
      if (bytes[i + k] !== ENCRYPTED_PACKAGE[k]) continue outer;
    return true;
  }
  return false;
}

/** document.xml of a few hundred pages is a few MB; beyond this it is not a bulletin. */
export const MAX_DOCUMENT_PART = 64 * 2 ** 20;

/** The main document part's content types: a document, macro-enabled, or a template. */
const MAIN_TYPES =
  /^application\/vnd\.(ms-word\.(document|template)\.macroEnabled|openxmlformats-officedocument\.wordprocessingml\.(document|template))\.main\+xml$/;
export const PLAIN_DOCUMENT_TYPE =
  'application/vnd.openxmlformats-officedocument.wordprocessingml.document.main+xml';

/** A .docx opened: the zip, the main part's name, text, tree and paragraphs. */
export interface OpenedDocx {
  readonly zip: JSZip;
  /** The main document part (`word/document.xml`). */
  readonly part: string;
  readonly contentType: string;
  readonly xml: string;
  readonly tree: XmlElement;
  /** The namespace the document's w: elements are in (transitional or strict). */
  readonly wNamespace: string;
  /**
   * The paragraphs with text, as the draft numbers them: empty and blank paragraphs (spacing
   * lines, empty table cells) are left out, as pasted text's empty lines are
   * (`draftFromText`), so a paragraph number means the same in a .docx and in its text.
   */
  readonly paragraphs: readonly MappedParagraph[];
}

/** The target of a relationship, as a part name (no leading slash). */
export function resolveTarget(sourcePart: string, target: string): string {
  if (target.startsWith('/')) return target.slice(1);
  const parts = sourcePart.split('/').slice(0, -1);
  for (const seg of target.split('/')) {
    if (seg === '..') parts.pop();
    else if (seg !== '.' && seg !== '') parts.push(seg);
  }
  return parts.join('/');
}

/** The relationships part of a part: `word/document.xml` → `word/_rels/document.xml.rels`. */
export function relsPartOf(part: string): string {
  const slash = part.lastIndexOf('/');
  return `${part.slice(0, slash + 1)}_rels/${part.slice(slash + 1)}.rels`;
}

/** Part name → content type, from [Content_Types].xml (an Override, else the Default). */
export function contentTypeOf(typesXml: string, part: string): string | null {
  const root = rootOf(parseXml(typesXml));
  const els = root.children.filter(isElement);
  const override = els.find(
    (e) =>
      e.local === 'Override' &&
      (e.attrs.PartName ?? '').replace(/^\//, '').toLowerCase() === part.toLowerCase(),
  );
  if (override) return override.attrs.ContentType ?? null;
  const ext = part.split('.').pop()!.toLowerCase();
  const def = els.find((e) => e.local === 'Default' && e.attrs.Extension?.toLowerCase() === ext);
  return def?.attrs.ContentType ?? null;
}

/** Uncompressed size the zip gives for an entry (jszip keeps it privately); null if unknown. */
function declaredSize(file: JSZip.JSZipObject): number | null {
  const data = (file as unknown as { _data?: { uncompressedSize?: unknown } })._data;
  return typeof data?.uncompressedSize === 'number' ? data.uncompressedSize : null;
}

/** Open a .docx: the main part found through the package's relationships, parsed and read. */
export async function openDocx(bytes: Uint8Array): Promise<OpenedDocx> {
  if (isOleFile(bytes))
    throw new DraftReadError(isEncryptedPackage(bytes) ? 'encrypted' : 'legacyDoc');
  if (!isZipFile(bytes)) throw new DraftReadError('notDocx');
  let zip: JSZip;
  try {
    zip = await JSZip.loadAsync(bytes);
  } catch {
    throw new DraftReadError('notDocx');
  }
  const text = async (name: string) => {
    const file = zip.file(name);
    if (!file) return null;
    const size = declaredSize(file);
    if (size !== null && size > MAX_DOCUMENT_PART) throw new DraftReadError('tooBig');
    const s = await file.async('string');
    if (s.length > MAX_DOCUMENT_PART) throw new DraftReadError('tooBig');
    return s;
  };
  const parse = (xml: string) => {
    try {
      return parseXml(xml);
    } catch (e) {
      if (e instanceof XmlSyntaxError) throw new DraftReadError('corrupt', e.message);
      throw e;
    }
  };
  const types = await text('[Content_Types].xml');
  const rels = await text('_rels/.rels');
  if (types === null || rels === null) throw new DraftReadError('notDocx');
  const relsRoot = rootOf(parse(rels));
  const main = relsRoot.children
    .filter(isElement)
    .find((r) => r.local === 'Relationship' && /\/officeDocument$/.test(r.attrs.Type ?? ''));
  const part = main?.attrs.Target ? resolveTarget('', main.attrs.Target) : 'word/document.xml';
  let contentType: string | null;
  try {
    contentType = contentTypeOf(types, part);
  } catch (e) {
    if (e instanceof XmlSyntaxError) throw new DraftReadError('notDocx');
    throw e;
  }
  if (contentType === null || !MAIN_TYPES.test(contentType)) throw new DraftReadError('notDocx');
  const xml = await text(part);
  if (xml === null) throw new DraftReadError('notDocx');
  const tree = parse(xml);
  const root = rootOf(tree);
  if (!isW(root, 'document')) throw new DraftReadError('notDocx');
  const body = root.children.find((c): c is XmlElement => isElement(c) && isW(c, 'body'));
  return {
    zip,
    part,
    contentType,
    xml,
    tree,
    wNamespace: root.ns,
    paragraphs: body ? readParagraphs(body).filter((p) => p.text.trim() !== '') : [],
  };
}

/** The draft's paragraphs as text, from the bytes of a .docx (throws DraftReadError). */
export async function readDocxDraft(bytes: Uint8Array): Promise<Draft> {
  const { paragraphs } = await openDocx(bytes);
  return { paragraphs: paragraphs.map((p) => ({ text: p.text, where: p.where })) };
}
