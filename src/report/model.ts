import { formatScaled, percentOf } from '../core/fixed';
import { recomputedField, type Analysis, type Unit } from '../evaluation/analyze';
import { zhCN } from '../i18n/catalog';
import { reportZhCN, type ReportTemplates } from '../i18n/report';
import { narrativeText } from '../narrative/build';
import type { Narrative } from '../narrative/types';
import { BULLETIN_COLUMNS, printedHeader, type ComputedField } from '../tables/columns';

/**
 * The bulletin as plain data — headings, paragraphs, tables — built from the analysis and the
 * narrative, then packed to .docx at the edge (`docx.ts`). Tests assert on this model as well
 * as on the produced XML.
 */
export type Block =
  | { readonly kind: 'title'; readonly text: string }
  | { readonly kind: 'recipients'; readonly text: string }
  | { readonly kind: 'heading1'; readonly text: string }
  | { readonly kind: 'heading2'; readonly text: string }
  | { readonly kind: 'heading3'; readonly text: string }
  | { readonly kind: 'paragraph'; readonly text: string }
  | { readonly kind: 'attachments'; readonly items: readonly string[] }
  | { readonly kind: 'signature'; readonly issuer: string; readonly date: string | null }
  | { readonly kind: 'attachmentLabel'; readonly text: string }
  | { readonly kind: 'tableTitle'; readonly text: string }
  | { readonly kind: 'tableCaption'; readonly text: string }
  | { readonly kind: 'table'; readonly table: ReportTable }
  | { readonly kind: 'note'; readonly text: string };

export interface ReportCell {
  readonly text: string;
  readonly colSpan?: number;
  readonly rowSpan?: number;
  /** A recomputed figure that differs from the sheet's. */
  readonly mismatch?: boolean;
  readonly align?: 'left' | 'center';
  readonly bold?: boolean;
}

export interface ReportTable {
  /** Relative column widths. */
  readonly widths: readonly number[];
  readonly header: readonly ReportCell[];
  /** Rows; a cell covered by a rowSpan above is simply absent from its row. */
  readonly rows: readonly (readonly ReportCell[])[];
}

export interface ReportSection {
  readonly orientation: 'portrait' | 'landscape';
  readonly blocks: readonly Block[];
}

export interface ReportModel {
  readonly title: string;
  readonly sections: readonly ReportSection[];
}

const RATE_FIELDS = new Set(['返工率', '结案率', '按期结案率']);

/**
 * The bulletin's body from the narrative *text* — as generated, or as the user edited it in
 * the pane: a line “【部分·标题】” opens a numbered sub-heading (a new part gets its own
 * （一）/（二） heading), every other non-empty line is a paragraph.
 */
export function textBlocks(text: string, t: ReportTemplates = reportZhCN): Block[] {
  const blocks: Block[] = [];
  let part: string | null = null;
  let parts = 0;
  let n = 0;
  for (const raw of text.split(/\r?\n/)) {
    const line = raw.trim();
    if (line === '') continue;
    const heading = /^【(?:(.+)·)?(.+)】$/.exec(line);
    if (!heading) {
      blocks.push({ kind: 'paragraph', text: line });
      continue;
    }
    if (heading[1] !== undefined && heading[1] !== part) {
      part = heading[1];
      n = 0;
      blocks.push({ kind: 'heading2', text: `${t.tableNumber(++parts)}${part}` });
    }
    blocks.push({ kind: 'heading3', text: `${++n}. ${heading[2]}` });
  }
  return blocks;
}

/** The whole bulletin; `text` is the narrative as the user wants it (default: as generated). */
export function buildReport(
  a: Analysis,
  narrative: Narrative,
  t: ReportTemplates = reportZhCN,
  text: string = narrativeText(narrative),
): ReportModel {
  const s = a.settings.report;
  const period = t.period(a.period);
  const title = s.title ?? t.title(s.issuer, period);
  const attachments: string[] = [];
  const hasHotline = a.hotline.length > 0;
  if (hasHotline) attachments.push(t.hotlineAttachment(period));
  attachments.push(t.cityAttachment(period));

  const body: Block[] = [{ kind: 'title', text: title }];
  if (s.recipients) body.push({ kind: 'recipients', text: s.recipients });
  body.push(
    { kind: 'paragraph', text: t.intro(period) },
    { kind: 'heading1', text: t.heading1 },
    ...textBlocks(text, t),
  );
  body.push(
    { kind: 'attachments', items: attachments },
    { kind: 'signature', issuer: s.issuer, date: s.date },
  );

  const sections: ReportSection[] = [{ orientation: 'portrait', blocks: body }];
  let n = 0;
  if (hasHotline)
    sections.push({
      orientation: 'portrait',
      blocks: hotlineAttachment(a, t, ++n, attachments[0]!),
    });
  sections.push({
    orientation: 'landscape',
    blocks: cityAttachment(a, t, ++n, attachments[n - 1]!),
  });
  return { title, sections };
}

function hotlineAttachment(a: Analysis, t: ReportTemplates, n: number, title: string): Block[] {
  const blocks: Block[] = [
    { kind: 'attachmentLabel', text: t.attachmentLabel(n) },
    { kind: 'tableTitle', text: title },
  ];
  const pct = (v: number | null) => (v === null ? '' : `${formatScaled(v, 2, false)}%`);
  a.hotline.forEach((table, i) => {
    blocks.push({
      kind: 'tableCaption',
      text: `${t.tableNumber(i + 1)}${t.hotlineTables[table.kind]}`,
    });
    if (table.kind === 'transfers') {
      const rate = (part: number | null, total: number) =>
        part === null || total === 0 ? '' : pct(percentOf(part, total));
      blocks.push({
        kind: 'table',
        table: {
          widths: [3, 2, 1.3, 1.3, 1.3, 1.5, 1.5, 1.5],
          header: t.transferHeader.map((text) => ({ text, bold: true })),
          rows: table.rows.map((r) => [
            { text: r.name, align: 'left' as const },
            { text: String(r.count) },
            { text: r.connected === null ? '' : String(r.connected) },
            { text: r.connected === null ? '' : String(r.count - r.connected) },
            { text: r.timely === null ? '' : String(r.timely) },
            { text: r.timely === null ? '' : String(r.count - r.timely) },
            { text: rate(r.connected, r.count) },
            { text: rate(r.timely, r.count) },
          ]),
        },
      });
    } else {
      blocks.push({
        kind: 'table',
        table: {
          widths: [5, 1.5, 2],
          header: t.hotlineHeader.map((text) => ({ text, bold: true })),
          rows: table.rows.map((r) => [
            { text: r.name, align: 'left' as const },
            { text: String(r.count) },
            { text: pct(r.satisfaction) },
          ]),
        },
      });
    }
  });
  return blocks;
}

function cityAttachment(a: Analysis, t: ReportTemplates, n: number, title: string): Block[] {
  const blocks: Block[] = [
    { kind: 'attachmentLabel', text: t.attachmentLabel(n) },
    { kind: 'tableTitle', text: title },
  ];
  const fmt = (v: number) => formatScaled(v, a.decimals, true);
  let shown = 0; // tables without units are left out, and the numbering does not skip
  a.tables.forEach((table, tableIndex) => {
    const units = a.units.filter((u) => u.tableIndex === tableIndex);
    if (units.length === 0) return;
    shown++;
    const twoNames = units.some((u) => u.parent !== null);
    const mismatches = new Map(
      a.discrepancies
        .filter((d) => d.kind === 'computed' && d.tableIndex === tableIndex)
        .map((d) => [`${d.row}|${d.field}`, d] as const),
    );
    const notes: string[] = [];
    const figures = (u: Unit): ReportCell[] =>
      BULLETIN_COLUMNS.map((field) => {
        if (!RATE_FIELDS.has(field) && field !== '综合指标值' && field !== '评价等级') {
          const v = u.counts[field as keyof Unit['counts']];
          return { text: v === undefined ? '' : String(v) };
        }
        const s = u.scores;
        const v = s === null ? null : recomputedField(s, field as ComputedField);
        const text =
          v === null
            ? field === '评价等级'
              ? zhCN.reasons[u.reason ?? 'invalidData']
              : ''
            : typeof v === 'number'
              ? fmt(v)
              : v;
        const d = mismatches.get(`${u.row}|${field}`);
        if (!d) return { text };
        notes.push(`${u.parent ? `${u.parent}/` : ''}${u.name}${field}${String(d.printed)}`);
        return { text: `${text}*`, mismatch: true };
      });
    const rows: ReportCell[][] = [];
    for (let i = 0; i < units.length; i++) {
      const u = units[i]!;
      const idle = u.reason === 'noCases';
      const data: ReportCell[] = idle
        ? [{ text: t.noCases, colSpan: BULLETIN_COLUMNS.length }]
        : figures(u);
      if (!twoNames) {
        rows.push([{ text: u.name, align: 'left' }, ...data]);
      } else if (u.parent === null) {
        rows.push([{ text: u.name, align: 'left', colSpan: 2 }, ...data]);
      } else {
        const first = i === 0 || units[i - 1]!.parent === null;
        let span = 0;
        if (first) while (i + span < units.length && units[i + span]!.parent !== null) span++;
        const label: ReportCell[] = first ? [{ text: t.subUnit, rowSpan: span }] : [];
        rows.push([...label, { text: u.name, align: 'left' }, ...data]);
      }
    }
    const header: ReportCell[] = [
      { text: t.nameHeader, bold: true, ...(twoNames ? { colSpan: 2 } : {}) },
      ...BULLETIN_COLUMNS.map((f) => ({ text: printedHeader(f), bold: true })),
    ];
    const widths = [
      ...(twoNames ? [1.6, 2.6] : [4.2]),
      ...BULLETIN_COLUMNS.map((f) => (f === '评价等级' ? 1 : 1.25)),
    ];
    blocks.push({ kind: 'tableCaption', text: `${t.tableNumber(shown)}${table.title}` });
    blocks.push({ kind: 'table', table: { widths, header, rows } });
    if (notes.length > 0) blocks.push({ kind: 'note', text: t.mismatchNote(notes) });
  });
  return blocks;
}
