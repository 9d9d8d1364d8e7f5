import { formatScaled, percentOf } from '../core/fixed';
import { reasonText, scaledDecimalsOf, type Analysis, type Unit } from '../evaluation/analyze';
import { zhCN } from '../i18n/catalog';
import { reportZhCN, type ReportTemplates } from '../i18n/report';
import { narrativeText } from '../narrative/build';
import type { Narrative } from '../narrative/types';
import type { ChartSpec } from '../summary/chart-spec';
import { printedOrder } from '../scheme/layout';

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
  | { readonly kind: 'note'; readonly text: string }
  /** A place the writer fills in (典型案例…), as it reads: “【待填写】（请填写…）”, marked in the document. */
  | { readonly kind: 'placeholder'; readonly text: string }
  /** A chart under the paragraph announcing it (“如下图所示”), captioned “图1 受理渠道及类型对比”. */
  | { readonly kind: 'figure'; readonly chart: ChartSpec; readonly caption: string };

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

const isRate = (a: Analysis, key: string) =>
  a.scheme.figures.some((f) => f.key === key && f.kind === 'rate');

const HEADING1 = /^[一二三四五六七八九十]+、/;
const HEADING2 = /^[（(][一二三四五六七八九十]+[）)]/;
const HEADING3 = /^\d{1,2}[.．](?!\d)\s*/;

/**
 * The bulletin's body from the narrative *text* — as generated, or as the user edited it in
 * the pane (see `narrativeText`): “【一、基本情况】” a heading of the first level,
 * “【（一）…】” of the second, “【1. …】” of the third; “【图：标题】” the chart of that title
 * (numbered 图1, 图2… as they come; an unknown title stays a line of text); “【待填写：…】” a
 * place for the writer, marked in the document; every other non-empty line a paragraph. The
 * older form “【部分·标题】” still reads: a new part gets its own （一）/（二） heading, the title
 * a numbered one.
 */
export function textBlocks(
  text: string,
  t: ReportTemplates = reportZhCN,
  charts: readonly ChartSpec[] = [],
): Block[] {
  const blocks: Block[] = [];
  const byTitle = new Map(charts.map((c) => [c.title, c] as const));
  let part: string | null = null;
  let parts = 0;
  let n = 0;
  let figures = 0;
  const lines = text.split(/\r?\n/);
  // Text in the numbered form (as narrativeText writes it): any other 【…】 line is the
  // writer's own text (“【注：…】”), kept as a paragraph, never turned into a heading.
  const numbered = lines.some((l) => {
    const m = /^\s*【(.+)】\s*$/.exec(l);
    return m !== null && (HEADING1.test(m[1]!) || HEADING2.test(m[1]!));
  });
  for (const raw of lines) {
    const line = raw.trim();
    if (line === '') continue;
    const marker = /^【(.+)】$/.exec(line);
    if (!marker) {
      blocks.push({ kind: 'paragraph', text: line });
      continue;
    }
    const inner = marker[1]!.trim();
    const figure = new RegExp(`^${t.figureMarker}[:：]\\s*(.+)$`).exec(inner);
    if (figure) {
      const chart = byTitle.get(figure[1]!.trim());
      if (chart)
        blocks.push({ kind: 'figure', chart, caption: t.figureCaption(++figures, chart.title) });
      else blocks.push({ kind: 'paragraph', text: line });
      continue;
    }
    const toWrite = new RegExp(`^${t.toWriteMarker}(?:[:：]\\s*(.*))?$`).exec(inner);
    if (toWrite) {
      blocks.push({ kind: 'placeholder', text: t.placeholder(toWrite[1]?.trim() ?? '') });
      continue;
    }
    if (HEADING1.test(inner)) {
      blocks.push({ kind: 'heading1', text: inner });
      continue;
    }
    if (HEADING2.test(inner)) {
      blocks.push({ kind: 'heading2', text: inner });
      continue;
    }
    if (HEADING3.test(inner)) {
      blocks.push({
        kind: 'heading3',
        text: inner.replace(HEADING3, (m) => `${m.trim().replace('．', '.')} `),
      });
      continue;
    }
    if (numbered) {
      blocks.push({ kind: 'paragraph', text: line });
      continue;
    }
    const old = /^(?:(.+)·)?(.+)$/.exec(inner)!;
    if (old[1] !== undefined && old[1] !== part) {
      part = old[1];
      n = 0;
      blocks.push({ kind: 'heading2', text: `${t.tableNumber(++parts)}${part}` });
    }
    blocks.push({ kind: 'heading3', text: `${++n}. ${old[2]}` });
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
  const main = textBlocks(text, t, narrative.charts);
  body.push({ kind: 'paragraph', text: t.intro(period) });
  // A text without headings of its own (the older form) sits under 一、运行情况.
  if (main[0]?.kind !== 'heading1') body.push({ kind: 'heading1', text: t.heading1 });
  body.push(...main);
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
  // The scheme's columns in the bulletin's order, without those no table has.
  const columns = printedOrder(a.scheme).filter((c) =>
    c.kind === 'count'
      ? a.tables.some((t) => t.columns.counts[c.key] !== undefined)
      : a.units.some((u) => u.figures[c.key] !== null),
  );
  const last = columns[columns.length - 1];
  const fmt = (key: string, v: number | string) => {
    const decimals = scaledDecimalsOf(a, key);
    return typeof v === 'number' && decimals !== null ? formatScaled(v, decimals, true) : String(v);
  };
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
      columns.map((column) => {
        const field = column.key;
        if (column.kind === 'count') {
          const v = u.counts[field];
          return { text: v === undefined ? '' : String(v) };
        }
        const v = u.figures[field] ?? null;
        // A unit not evaluated says why in the last column (the grade, in Fuzhou's table).
        const text =
          v === null
            ? !u.evaluated && column === last
              ? reasonText(a.scheme, zhCN.reasons, u.reason)
              : ''
            : fmt(field, v);
        const d = mismatches.get(`${u.row}|${field}`);
        if (!d) return { text };
        notes.push(`${u.parent ? `${u.parent}/` : ''}${u.name}${field}${String(d.printed)}`);
        return { text: `${text}*`, mismatch: true };
      });
    const rows: ReportCell[][] = [];
    for (let i = 0; i < units.length; i++) {
      const u = units[i]!;
      const idle = u.reason === 'noCases';
      const data: ReportCell[] = idle ? [{ text: t.noCases, colSpan: columns.length }] : figures(u);
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
      ...columns.map((c) => ({
        text: c.kind === 'figure' && isRate(a, c.key) ? `${c.key}(%)` : c.key,
        bold: true,
      })),
    ];
    const widths = [
      ...(twoNames ? [1.6, 2.6] : [4.2]),
      ...columns.map((c) =>
        c.kind === 'figure' && scaledDecimalsOf(a, c.key) === null ? 1 : 1.25,
      ),
    ];
    blocks.push({ kind: 'tableCaption', text: `${t.tableNumber(shown)}${table.title}` });
    blocks.push({ kind: 'table', table: { widths, header, rows } });
    if (notes.length > 0) blocks.push({ kind: 'note', text: t.mismatchNote(notes) });
  });
  return blocks;
}
