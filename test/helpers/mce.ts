/**
 * Markup Compatibility and Extensibility (ECMA-376 Part 3, ISO/IEC 29500-3), applied to an XML
 * part the way a consumer that understands only the ECMA-376 transitional namespaces does it,
 * so that the result can be checked against the ECMA-376 schemas:
 *
 * - elements and attributes in a namespace listed in an `mc:Ignorable` in scope are removed
 *   (the docx library declares w14, w15, wp14 … ignorable on every root), unless it is an
 *   ECMA-376 namespace (schemas.openxmlformats.org), which this consumer understands;
 * - `mc:AlternateContent` is replaced by the content of its `mc:Fallback` (by nothing if it has
 *   none): a consumer that understands none of the Choices' `Requires` namespaces takes that;
 * - the `mc:` attributes themselves are removed once processed.
 *
 * `mc:ProcessContent` and `mc:MustUnderstand` are refused (nothing here writes them, and
 * honouring them would need more than this). Extensions written as `a:extLst`/`a:ext` (the SVG
 * of a picture, `asvg:svgBlip`) are not MCE: the schemas themselves allow any element there.
 *
 * The XML is tokenised, not parsed: text and attribute values are copied as they are. Each tag
 * is written on its own line (a newline before the tag's `>`, where XML allows white space), so
 * that a validator's line numbers point at one tag.
 */

export const MC_NS = 'http://schemas.openxmlformats.org/markup-compatibility/2006';

interface Scope {
  /** prefix → namespace URI, declared on this element or an ancestor */
  readonly ns: ReadonlyMap<string, string>;
  /** namespace URIs ignorable on this element and its content */
  readonly ignorable: ReadonlySet<string>;
}

interface Attr {
  readonly name: string;
  readonly raw: string; // the attribute as written: name="value"
  readonly value: string;
}

const TOKEN =
  /<\?[\s\S]*?\?>|<!--[\s\S]*?-->|<!\[CDATA\[[\s\S]*?\]\]>|<!DOCTYPE[^>]*>|<(\/?)([^\s/>]+)((?:\s+[^\s=/>]+\s*=\s*(?:"[^"]*"|'[^']*'))*)\s*(\/?)>|[^<]+/g;
const ATTR = /([^\s=]+)\s*=\s*("([^"]*)"|'([^']*)')/g;

const XML_NS = 'http://www.w3.org/XML/1998/namespace';
/** The ECMA-376 namespaces: understood, so never ignored even when listed in mc:Ignorable. */
const UNDERSTOOD = /^http:\/\/schemas\.openxmlformats\.org\//;

function unescapeAttr(s: string): string {
  return s
    .replace(/&lt;/g, '<')
    .replace(/&gt;/g, '>')
    .replace(/&quot;/g, '"')
    .replace(/&apos;/g, "'")
    .replace(/&amp;/g, '&');
}

function prefixOf(qname: string): string {
  const i = qname.indexOf(':');
  return i < 0 ? '' : qname.slice(0, i);
}

function localOf(qname: string): string {
  return qname.slice(qname.indexOf(':') + 1);
}

/** The namespace of an element (default namespace applies) or attribute (it does not). */
function nsOf(qname: string, scope: Scope, attribute: boolean): string {
  const prefix = prefixOf(qname);
  if (prefix === 'xml') return XML_NS;
  if (prefix === '' && attribute) return '';
  const uri = scope.ns.get(prefix);
  if (uri === undefined && prefix !== '') throw new Error(`MCE: undeclared prefix in ${qname}`);
  return uri ?? '';
}

type Mode =
  | 'keep' // written, with its tags
  | 'skip' // dropped with all its content
  | 'alternate' // mc:AlternateContent: only its mc:Fallback's content is written
  | 'unwrap'; // mc:Fallback: its content is written in place of the AlternateContent

/**
 * The part after MCE processing, each tag on its own line. Throws on what it does not handle
 * (an undeclared prefix, `mc:ProcessContent`, `mc:MustUnderstand`, a misplaced `mc:` element).
 */
export function applyMarkupCompatibility(xml: string): string {
  const out: string[] = [];
  const stack: { name: string; scope: Scope; mode: Mode }[] = [];
  const root: Scope = { ns: new Map([['xml', XML_NS]]), ignorable: new Set() };
  let at = 0;
  for (const m of xml.matchAll(TOKEN)) {
    // Whatever the tokeniser cannot read is an error, not something to skip.
    if (m.index !== at) throw new Error(`MCE: cannot read the XML at offset ${at}`);
    at += m[0].length;
    const token = m[0];
    const [, close, name, attrText, selfClose] = m;
    const parent = stack.at(-1);
    if (name === undefined) {
      // Text, comment, PI, CDATA: kept unless dropped or directly in an AlternateContent.
      if (!parent || parent.mode === 'keep' || parent.mode === 'unwrap') out.push(token);
      continue;
    }
    if (close) {
      const top = stack.pop();
      if (top?.name !== name) throw new Error(`MCE: unbalanced </${name}>`);
      if (top.mode === 'keep') out.push(`</${name}\n>`);
      continue;
    }
    const attrs: Attr[] = [...(attrText ?? '').matchAll(ATTR)].map((a) => ({
      name: a[1]!,
      raw: a[0],
      value: unescapeAttr(a[3] ?? a[4] ?? ''),
    }));
    // Namespace declarations first: they apply to the element's own name and attributes.
    const outer = parent?.scope ?? root;
    const ns = new Map(outer.ns);
    for (const a of attrs) {
      if (a.name === 'xmlns') ns.set('', a.value);
      else if (a.name.startsWith('xmlns:')) ns.set(a.name.slice(6), a.value);
    }
    const ignorable = new Set(outer.ignorable);
    const scope: Scope = { ns, ignorable };
    const isDeclaration = (a: Attr) => a.name === 'xmlns' || a.name.startsWith('xmlns:');
    for (const a of attrs) {
      if (isDeclaration(a) || nsOf(a.name, scope, true) !== MC_NS) continue;
      const what = localOf(a.name);
      if (what !== 'Ignorable') throw new Error(`MCE: mc:${what} is not handled here`);
      for (const p of a.value.split(/\s+/).filter(Boolean)) {
        const uri = ns.get(p);
        if (uri === undefined) throw new Error(`MCE: mc:Ignorable names undeclared prefix ${p}`);
        if (!UNDERSTOOD.test(uri)) ignorable.add(uri);
      }
    }
    const elementNs = nsOf(name, scope, false);
    const local = localOf(name);
    let mode: Mode;
    if (parent?.mode === 'skip') mode = 'skip';
    else if (parent?.mode === 'alternate') {
      if (elementNs === MC_NS && local === 'Choice') mode = 'skip';
      else if (elementNs === MC_NS && local === 'Fallback') mode = 'unwrap';
      else throw new Error(`MCE: ${name} directly in mc:AlternateContent`);
    } else if (elementNs === MC_NS) {
      if (local !== 'AlternateContent') throw new Error(`MCE: unexpected ${name}`);
      mode = 'alternate';
    } else mode = ignorable.has(elementNs) ? 'skip' : 'keep';

    if (mode === 'keep') {
      const kept = attrs.filter((a) => {
        if (isDeclaration(a)) return true;
        const uri = nsOf(a.name, scope, true);
        return uri !== MC_NS && !ignorable.has(uri);
      });
      out.push(`<${name}${kept.map((a) => ` ${a.raw}`).join('')}${selfClose ? '\n/>' : '\n>'}`);
    }
    if (!selfClose) stack.push({ name, scope, mode });
  }
  if (at !== xml.length) throw new Error(`MCE: cannot read the XML at offset ${at}`);
  if (stack.length) throw new Error(`MCE: <${stack.at(-1)!.name}> is not closed`);
  return out.join('');
}

/**
 * In the output of `applyMarkupCompatibility`, the tag a line number points at: libxml2 gives
 * an element the line its start tag ends on, and each tag there ends at the start of a line.
 */
export function tagEndingAt(processed: string, line: number): string {
  const lines = processed.split('\n');
  const before = lines[line - 2] ?? '';
  const at = lines[line - 1] ?? '';
  const start = before.lastIndexOf('<');
  const end = at.indexOf('>');
  if (start < 0 || end < 0) return '';
  return `${before.slice(start)}\n${at.slice(0, end + 1)}`;
}
