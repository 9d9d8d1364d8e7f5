/**
 * The marked copy of a draft (issue #17): each wrong element highlighted (yellow, the run's
 * own formatting kept) and carrying a Word comment by “通报校对” that gives what the tables say
 * and where (the finding's message). Runs are split at the finding's boundaries, so exactly
 * its characters are highlighted even when the number is spread over several runs; every
 * other byte of document.xml, and every other part, is left as it was. The draft's bytes are
 * never changed: the copy is new bytes.
 */
import {
  contentTypeOf,
  escapeXml,
  isElement,
  openDocx,
  parseXml,
  PLAIN_DOCUMENT_TYPE,
  relsPartOf,
  resolveTarget,
  rootOf,
  textOf,
  W_STRICT,
  type OpenedDocx,
  type XmlElement,
} from './draft-docx';
import { xmlSafe } from '../report/xml-text';
import type { Finding } from './types';

/** What the marker needs of a finding. */
export type MarkableFinding = Pick<Finding, 'paragraph' | 'start' | 'end' | 'written' | 'message'>;

export interface MarkOptions {
  /** The comments' author; “通报校对” by default. */
  readonly author?: string;
  readonly initials?: string;
  /** The comments' date (ISO 8601); none by default (Word then shows none). */
  readonly date?: string;
}

export interface MarkedCopy {
  readonly bytes: Uint8Array;
  /** Findings highlighted and commented. */
  readonly marked: number;
  /**
   * Findings that could not be put on the document: a paragraph or offsets not in the draft,
   * text that is not what the finding says was written, or characters that are no text (a tab).
   */
  readonly unplaced: readonly MarkableFinding[];
}

/** The document is macro-enabled or a template: a copy saved as .docx would not open. */
export class NotPlainDocumentError extends Error {
  override readonly name = 'NotPlainDocumentError';
  constructor(readonly contentType: string) {
    super(`not a plain .docx: ${contentType}`);
  }
}

export const COMMENT_AUTHOR = '通报校对';
const COMMENTS_TYPE = 'application/vnd.openxmlformats-officedocument.wordprocessingml.comments+xml';
const COMMENTS_REL = {
  transitional: 'http://schemas.openxmlformats.org/officeDocument/2006/relationships/comments',
  strict: 'http://purl.oclc.org/ooxml/officeDocument/relationships/comments',
};
const RELS_NS = 'http://schemas.openxmlformats.org/package/2006/relationships';

/**
 * rPr children that come after `w:highlight` in the schema's order (ECMA-376 §17.3.2, as Word
 * writes them); the highlight is put before the first of them. Elements of other namespaces
 * (w14 text effects) also come after.
 */
const AFTER_HIGHLIGHT = new Set([
  'u',
  'effect',
  'bdr',
  'shd',
  'fitText',
  'vertAlign',
  'rtl',
  'cs',
  'em',
  'lang',
  'eastAsianLayout',
  'specVanish',
  'oMath',
  'rPrChange',
]);

/** A stretch of a `w:t`'s text in the copy, with the findings covering it. */
interface Cut {
  readonly from: number;
  readonly to: number;
  readonly findings: readonly number[];
}

/** A run of the copy, as it replaces (part of) an original run. */
interface NewRun {
  readonly findings: readonly number[];
  /** The run's children other than rPr, as XML. */
  readonly content: string;
}

/**
 * The copy of `draft` with each finding highlighted and commented. Findings that cannot be
 * placed are returned in `unplaced` (the rest are marked). Throws DraftReadError when the
 * draft is no .docx, NotPlainDocumentError for a .docm or a template.
 */
export async function markDocx(
  draft: Uint8Array,
  findings: readonly MarkableFinding[],
  options: MarkOptions = {},
): Promise<MarkedCopy> {
  const doc = await openDocx(draft);
  if (doc.contentType !== PLAIN_DOCUMENT_TYPE) throw new NotPlainDocumentError(doc.contentType);
  const w = prefixFor(doc);

  // Per w:t: the cut points and which findings cover each stretch.
  const covered = new Map<XmlElement, { from: number; to: number; finding: number }[]>();
  const unplaced: MarkableFinding[] = [];
  const placed: number[] = [];
  findings.forEach((f, index) => {
    const p = doc.paragraphs[f.paragraph - 1];
    const ok =
      p !== undefined &&
      Number.isInteger(f.start) &&
      Number.isInteger(f.end) &&
      f.start >= 0 &&
      f.start < f.end &&
      f.end <= p.text.length &&
      p.text.slice(f.start, f.end) === f.written;
    const pieces = ok
      ? p.pieces.filter((x) => x.t !== null && x.from < f.end && x.to > f.start)
      : [];
    if (pieces.length === 0) {
      unplaced.push(f);
      return;
    }
    placed.push(index);
    for (const x of pieces) {
      const list = covered.get(x.t!) ?? [];
      covered.set(x.t!, list);
      list.push({
        from: Math.max(f.start, x.from) - x.from,
        to: Math.min(f.end, x.to) - x.from,
        finding: index,
      });
    }
  });
  if (placed.length === 0) return { bytes: draft, marked: 0, unplaced };

  // The runs to rewrite, in document order, each as the runs that replace it.
  const runs = [...new Set([...covered.keys()].map((t) => t.parent!))].sort(
    (a, b) => a.start - b.start,
  );
  const rewritten = runs.map((run) => ({ run, newRuns: splitRun(doc.xml, run, covered) }));

  // Comment ids after any the document already has.
  const comments = await commentsPart(doc);
  let nextId = Math.max(comments.maxId, maxCommentId(doc.tree)) + 1;
  const ids = new Map(placed.map((f) => [f, nextId++]));
  const first = new Map<number, string>();
  const last = new Map<number, string>();
  rewritten.forEach(({ newRuns }, r) =>
    newRuns.forEach((nr, k) => {
      for (const f of nr.findings) {
        if (!first.has(f)) first.set(f, `${r}/${k}`);
        last.set(f, `${r}/${k}`);
      }
    }),
  );

  // Splice the new runs in, from the end of the part so offsets stay good.
  let xml = doc.xml;
  for (let r = rewritten.length - 1; r >= 0; r--) {
    const { run, newRuns } = rewritten[r]!;
    const startTag = doc.xml.slice(run.start, run.openEnd).replace(/\s*\/?>$/, '>');
    const rPr = run.children.find((c): c is XmlElement => isElement(c) && c.local === 'rPr');
    const out = newRuns.map((nr, k) => {
      const at = `${r}/${k}`;
      const starts = placed.filter((f) => first.get(f) === at);
      const ends = placed.filter((f) => last.get(f) === at);
      const props =
        nr.findings.length > 0
          ? highlighted(doc.xml, rPr, w)
          : rPr
            ? doc.xml.slice(rPr.start, rPr.end)
            : '';
      return (
        starts.map((f) => `<${w}commentRangeStart ${w}id="${ids.get(f)}"/>`).join('') +
        `${startTag}${props}${nr.content}</${run.name}>` +
        ends
          .map(
            (f) =>
              `<${w}commentRangeEnd ${w}id="${ids.get(f)}"/>` +
              `<${w}r><${w}commentReference ${w}id="${ids.get(f)}"/></${w}r>`,
          )
          .join('')
      );
    });
    xml = xml.slice(0, run.start) + out.join('') + xml.slice(run.end);
  }

  const zip = doc.zip;
  zip.file(doc.part, xml);
  const author = escapeXml(options.author ?? COMMENT_AUTHOR);
  const initials = escapeXml(options.initials ?? '校对');
  await comments.write((p) =>
    placed
      .map(
        (f) =>
          `<${p}comment ${p}id="${ids.get(f)}" ${p}author="${author}"` +
          (options.date ? ` ${p}date="${escapeXml(options.date)}"` : '') +
          ` ${p}initials="${initials}"><${p}p><${p}r><${p}annotationRef/></${p}r>` +
          `<${p}r><${p}t xml:space="preserve">${escapeXml(xmlSafe(findings[f]!.message))}</${p}t>` +
          `</${p}r></${p}p></${p}comment>`,
      )
      .join(''),
  );
  const bytes = await zip.generateAsync({
    type: 'uint8array',
    compression: 'DEFLATE',
    compressionOptions: { level: 6 },
  });
  return { bytes, marked: placed.length, unplaced };
}

/** The prefix (with its colon) the document uses for the main namespace: `w:` as Word does. */
function prefixFor(doc: OpenedDocx): string {
  const root = rootOf(doc.tree);
  return root.name.includes(':') ? `${root.name.slice(0, root.name.indexOf(':'))}:` : '';
}

/**
 * One run as the runs that replace it: its `w:t`s cut where findings start and end, the
 * stretches grouped into runs of the same findings (the run's other children — a tab, a
 * break — in their places, in runs of no finding).
 */
function splitRun(
  xml: string,
  run: XmlElement,
  covered: ReadonlyMap<XmlElement, readonly { from: number; to: number; finding: number }[]>,
): NewRun[] {
  const items: { findings: number[]; xml: string }[] = [];
  for (const c of run.children) {
    if (!isElement(c)) {
      items.push({ findings: [], xml: xml.slice(c.start, c.end) });
      continue;
    }
    if (c.local === 'rPr') continue;
    const marks = covered.get(c);
    if (marks === undefined) {
      items.push({ findings: [], xml: xml.slice(c.start, c.end) });
      continue;
    }
    const text = textOf(c);
    for (const cut of cuts(text.length, marks))
      items.push({
        findings: [...cut.findings],
        xml: `<${c.name} xml:space="preserve">${escapeXml(text.slice(cut.from, cut.to))}</${c.name}>`,
      });
  }
  const out: { findings: number[]; content: string }[] = [];
  for (const item of items) {
    const prev = out[out.length - 1];
    if (prev && sameSet(prev.findings, item.findings)) prev.content += item.xml;
    else out.push({ findings: item.findings, content: item.xml });
  }
  return out;
}

function cuts(length: number, marks: readonly { from: number; to: number; finding: number }[]) {
  const points = new Set([0, length]);
  for (const m of marks) {
    points.add(m.from);
    points.add(m.to);
  }
  const sorted = [...points].sort((a, b) => a - b);
  const out: Cut[] = [];
  for (let i = 0; i + 1 < sorted.length; i++) {
    const from = sorted[i]!;
    const to = sorted[i + 1]!;
    const findings = [
      ...new Set(marks.filter((m) => m.from <= from && m.to >= to).map((m) => m.finding)),
    ];
    out.push({ from, to, findings });
  }
  return out;
}

const sameSet = (a: readonly number[], b: readonly number[]) =>
  a.length === b.length && a.every((x) => b.includes(x));

/** The run's rPr with `w:highlight` yellow (replacing any other highlight), as XML. */
function highlighted(xml: string, rPr: XmlElement | undefined, w: string): string {
  const mark = `<${w}highlight ${w}val="yellow"/>`;
  if (rPr === undefined) return `<${w}rPr>${mark}</${w}rPr>`;
  if (rPr.closeStart === rPr.openEnd)
    return `${xml.slice(rPr.start, rPr.openEnd).replace(/\s*\/>$/, '>')}${mark}</${rPr.name}>`;
  const kids = rPr.children.filter(isElement);
  const old = kids.find((k) => k.local === 'highlight' && k.ns === rPr.ns);
  if (old) return xml.slice(rPr.start, old.start) + mark + xml.slice(old.end, rPr.end);
  const after = kids.find((k) => k.ns !== rPr.ns || AFTER_HIGHLIGHT.has(k.local));
  const at = after ? after.start : rPr.closeStart;
  return xml.slice(rPr.start, at) + mark + xml.slice(at, rPr.end);
}

/** The largest comment id the document's range marks and references use (−1 if none). */
function maxCommentId(tree: XmlElement): number {
  let max = -1;
  const visit = (el: XmlElement) => {
    if (/^comment(RangeStart|RangeEnd|Reference)$/.test(el.local)) {
      const id = Number(Object.entries(el.attrs).find(([k]) => /(^|:)id$/.test(k))?.[1]);
      if (Number.isInteger(id)) max = Math.max(max, id);
    }
    for (const c of el.children) if (isElement(c)) visit(c);
  };
  visit(tree);
  return max;
}

/**
 * The comments part: the document's own (new comments appended), or a new word/comments.xml
 * with its relationship and content type.
 */
async function commentsPart(
  doc: OpenedDocx,
): Promise<{ maxId: number; write: (comments: (prefix: string) => string) => Promise<void> }> {
  const zip = doc.zip;
  const relsName = relsPartOf(doc.part);
  const relsXml =
    (await zip.file(relsName)?.async('string')) ??
    `<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\r\n<Relationships xmlns="${RELS_NS}"></Relationships>`;
  const rels = rootOf(parseXml(relsXml)).children.filter(isElement);
  const existing = rels.find(
    (r) =>
      r.local === 'Relationship' &&
      /\/comments$/.test(r.attrs.Type ?? '') &&
      r.attrs.TargetMode !== 'External',
  );
  const w = prefixFor(doc);
  if (existing?.attrs.Target) {
    const name = resolveTarget(doc.part, existing.attrs.Target);
    const xml = await zip.file(name)?.async('string');
    if (xml !== undefined) {
      const root = rootOf(parseXml(xml));
      const ids = root.children
        .filter(isElement)
        .map((c) => Number(Object.entries(c.attrs).find(([k]) => /(^|:)id$/.test(k))?.[1]))
        .filter(Number.isInteger);
      // The part's own prefix for the main namespace (Word: w).
      const own = root.name.includes(':') ? `${root.name.slice(0, root.name.indexOf(':'))}:` : '';
      return {
        maxId: Math.max(-1, ...ids),
        write: (comments) => {
          zip.file(name, insertBeforeClose(xml, root, comments(own)));
          return Promise.resolve();
        },
      };
    }
  }
  return {
    maxId: -1,
    write: async (comments) => {
      let name = 'word/comments.xml';
      for (let k = 1; zip.file(name) !== null; k++) name = `word/comments${k}.xml`;
      const strict = doc.wNamespace === W_STRICT;
      const decl =
        w === '' ? `xmlns="${doc.wNamespace}"` : `xmlns:${w.slice(0, -1)}="${doc.wNamespace}"`;
      zip.file(
        name,
        `<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\r\n<${w}comments ${decl}>${comments(w)}</${w}comments>`,
      );
      // The relationship, with an id the part does not use yet.
      const used = new Set(rels.map((r) => r.attrs.Id));
      let k = rels.length + 1;
      while (used.has(`rId${k}`)) k++;
      const rel = `<Relationship Id="rId${k}" Type="${strict ? COMMENTS_REL.strict : COMMENTS_REL.transitional}" Target="${escapeXml(relativeTarget(doc.part, name))}"/>`;
      const relsRoot = rootOf(parseXml(relsXml));
      zip.file(relsName, insertBeforeClose(relsXml, relsRoot, rel));
      // The content type, unless an Override for it is there already.
      const typesXml = await zip.file('[Content_Types].xml')!.async('string');
      if (contentTypeOf(typesXml, name) !== COMMENTS_TYPE) {
        const typesRoot = rootOf(parseXml(typesXml));
        zip.file(
          '[Content_Types].xml',
          insertBeforeClose(
            typesXml,
            typesRoot,
            `<Override PartName="/${name}" ContentType="${COMMENTS_TYPE}"/>`,
          ),
        );
      }
    },
  };
}

function insertBeforeClose(xml: string, root: XmlElement, inner: string): string {
  if (root.closeStart === root.openEnd)
    return `${xml.slice(0, root.openEnd).replace(/\s*\/>$/, '>')}${inner}</${root.name}>${xml.slice(root.end)}`;
  return xml.slice(0, root.closeStart) + inner + xml.slice(root.closeStart);
}

/** `word/comments.xml` as seen from `word/document.xml`: `comments.xml`. */
function relativeTarget(from: string, to: string): string {
  const dir = from.split('/').slice(0, -1);
  const target = to.split('/');
  let common = 0;
  while (common < dir.length && dir[common] === target[common]) common++;
  return [...dir.slice(common).map(() => '..'), ...target.slice(common)].join('/');
}
