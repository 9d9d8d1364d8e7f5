import {
  diagnostic,
  type Diagnostic,
  type DiagnosticCode,
  type DiagnosticParams,
} from '../core/diagnostics';
import { MergeIndex, textWithoutSpaces as text } from '../core/cells';
import { GridShapeError } from '../core/errors';
import { cellAddress, isEmptyCell, isList, type CellValue, type SheetGrid } from '../core/grid';
import { xmlInvalidCharacters } from '../report/xml-text';
import type { Scheme } from '../scheme/scheme';
import { isTotalRow, looksLikeQuantity, Vocabulary, type LabelKind } from './columns';
import { groupFromRules, tableTitle, type Group } from './groups';

/** Where each column of a table is, as 0-based grid columns. */
export interface TableColumns {
  /** One or two columns: parent names, then sub-unit names under `下属单位`. */
  readonly name: readonly number[];
  /** Count columns by the scheme's count key (null-prototype records: keys are data). */
  readonly counts: Readonly<Record<string, number>>;
  /** Computed columns the sheet already has (printed figures to audit), by figure key. */
  readonly printed: Readonly<Record<string, number>>;
  /** Columns Tongbao wrote on an earlier run (headed “…（复核）”). */
  readonly own: Readonly<Record<string, number>>;
  /** Printed figures the scheme has no formula for (综合得分 under a rates-only scheme). */
  readonly unknown: readonly { readonly col: number; readonly label: string }[];
  /** Rightmost column of the table as the user laid it out (own columns excluded). */
  readonly lastUserCol: number;
}

export type RowKind = 'data' | 'noCases';

export interface TableRow {
  /** 0-based row in the grid. */
  readonly gridRow: number;
  readonly name: string;
  readonly parent: string | null;
  readonly kind: RowKind;
  /** A top-level row followed by its `下属单位` rows. */
  readonly hasChildren: boolean;
}

type MutableRow = { -readonly [K in keyof TableRow]: TableRow[K] };

export interface DetectedTable {
  readonly sheet: string;
  readonly origin: { readonly row: number; readonly col: number };
  /** The table's title as printed (“(一) 各区政府综合评价表”), or the sheet name. */
  readonly rawTitle: string;
  /** Title without its numbering: “各区政府综合评价表”. */
  readonly title: string;
  /** From the title or sheet name by the scheme's group rules; null when none matches. */
  readonly group: Group | null;
  readonly headerRow: number;
  readonly headerRows: number;
  readonly columns: TableColumns;
  /** Count columns the scheme's figures need that the header lacks. */
  readonly missing: readonly string[];
  readonly rows: readonly TableRow[];
  /** 合计/总计 rows (grid row, the label): sums, not units. */
  readonly totals: readonly { readonly gridRow: number; readonly name: string }[];
  /** First grid row after the table. */
  readonly endRow: number;
  readonly grid: SheetGrid;
}

export interface Detection {
  readonly tables: DetectedTable[];
  readonly diagnostics: Diagnostic[];
  /** “2017年8月份” found in a title, if any: the bulletin's period. */
  readonly period: { readonly year: number; readonly month: number } | null;
}

const REMARK_RE = /^(备注|说明|注)\s*[:：]?/;
/** Headers of columns that name something other than units: a summary's rows, not a table of units. */
const NOT_UNITS = /^(系统|月份|月|日期|时间|指标|项目|类别|类型|渠道|序号|编号)$/;
const NOTE_RE = /^[(（]?[0-9０-９一二三四五六七八九十]+[)）、.．]/;
const SUB_UNIT_RE = /^(下属单位|其中)\s*[:：]?\s*/;
const NO_CASES = '无应处置案件';
const PERIOD_RE = /(\d{4})\s*年\s*(\d{1,2})\s*月/;

const isBlank = isEmptyCell;

interface HeaderSegment {
  readonly nameCol: number;
  readonly firstCol: number;
  readonly lastCol: number;
  readonly headerRows: number;
  readonly columns: TableColumns;
  readonly missing: string[];
}

/** Find every evaluation table on every sheet. Problems in the data become diagnostics. */
export function detectTables(sheets: readonly SheetGrid[], scheme: Scheme): Detection {
  const vocabulary = new Vocabulary(scheme);
  if (!isList(sheets)) throw new GridShapeError('sheets must be an array of SheetGrid');
  const tables: DetectedTable[] = [];
  const diagnostics: Diagnostic[] = [];
  let period: Detection['period'] = null;
  for (const sheet of sheets) {
    if (!sheet || typeof sheet.name !== 'string' || !isList(sheet.values)) {
      throw new GridShapeError('each sheet needs a name and a values array');
    }
    if (!sheet.values.every((row) => isList(row))) {
      throw new GridShapeError(`every row of sheet ${sheet.name} must be an array of cell values`);
    }
    const found = new SheetScanner(sheet, vocabulary, diagnostics).scan();
    tables.push(...found.tables);
    period ??= found.period;
  }
  return { tables, diagnostics, period };
}

class SheetScanner {
  private readonly values: readonly (readonly CellValue[])[];
  private readonly origin: { row: number; col: number };
  private readonly merges: MergeIndex;

  constructor(
    private readonly sheet: SheetGrid,
    private readonly vocabulary: Vocabulary,
    private readonly diagnostics: Diagnostic[],
  ) {
    this.values = sheet.values;
    this.origin = { row: sheet.origin?.row ?? 0, col: sheet.origin?.col ?? 0 };
    this.merges = new MergeIndex(sheet.merges);
  }

  private addr(row: number, col: number): { cell: string; row: number } {
    return {
      cell: cellAddress(row + this.origin.row, col + this.origin.col),
      row: row + this.origin.row + 1,
    };
  }

  private report<K extends DiagnosticCode>(
    code: K,
    row: number,
    col: number,
    params: DiagnosticParams[K],
  ): void {
    const a = this.addr(row, col);
    this.diagnostics.push(diagnostic(code, this.sheet.name, a.cell, a.row, params));
  }

  private cell(row: number, col: number): CellValue | undefined {
    return this.values[row]?.[col];
  }

  scan(): { tables: DetectedTable[]; period: Detection['period'] } {
    const tables: DetectedTable[] = [];
    const rowCount = this.values.length;
    if (this.values.every((r) => !isList(r) || r.every(isBlank))) {
      const a = this.addr(0, 0);
      this.diagnostics.push(diagnostic('emptySheet', this.sheet.name, a.cell, a.row, {}));
      return { tables, period: null };
    }
    let period: Detection['period'] = null;
    let previousEnd = 0;
    let r = 0;
    while (r < rowCount) {
      const segments = this.headerAt(r);
      if (segments.length === 0) {
        period ??= this.periodIn(r);
        r++;
        continue;
      }
      let end = r + 1;
      for (const seg of segments) {
        const table = this.readTable(seg, r, previousEnd, segments.length === 1);
        period ??= this.periodIn(r - 1) ?? this.periodInTitle(table.rawTitle);
        tables.push(table);
        end = Math.max(end, table.endRow);
      }
      previousEnd = end;
      r = end;
    }
    return { tables, period };
  }

  private periodIn(row: number): Detection['period'] {
    const cells = this.values[row];
    if (!isList(cells)) return null;
    for (const v of cells) {
      if (typeof v === 'string' && v.includes('年')) {
        const p = this.periodInTitle(v);
        if (p) return p;
      }
    }
    return null;
  }

  private periodInTitle(t: string): Detection['period'] {
    const m = PERIOD_RE.exec(t.normalize('NFKC'));
    if (!m) return null;
    const month = Number(m[2]);
    return month >= 1 && month <= 12 ? { year: Number(m[1]), month } : null;
  }

  /** The table headers that start on `row`: one per unit-name column (tables may sit side by side). */
  private headerAt(row: number): HeaderSegment[] {
    const cells = this.values[row];
    if (!isList(cells)) return [];
    let texts = 0;
    for (const v of cells) if (typeof v === 'string' && v.length > 1 && ++texts >= 3) break;
    if (texts < 3) return [];
    const labels = cells.map((v) => (typeof v === 'string' ? this.vocabulary.recognize(v) : null));
    const countCols = labels.flatMap((l, c) => (l?.kind === 'count' ? [c] : []));
    if (countCols.length < 2) return [];
    let nameCols = labels.flatMap((l, c) => (l?.kind === 'name' ? [c] : []));
    nameCols = nameCols.filter((c) => c < countCols[countCols.length - 1]!);
    // No recognised name header: the column just left of the first count column, unless its
    // header reads as a quantity (未派遣数): a numeric column never names the units.
    if (nameCols.length === 0) {
      const c = countCols[0]! - 1;
      const header = c >= 0 ? cells[c] : undefined;
      if (
        c < 0 ||
        labels[c] !== null ||
        (typeof header === 'string' && (looksLikeQuantity(header) || NOT_UNITS.test(header.trim())))
      )
        return [];
      if (typeof header === 'number' || this.mostlyNumbers(row, c)) return [];
      nameCols = [c];
    }
    const segments: HeaderSegment[] = [];
    nameCols.forEach((nameCol, i) => {
      const nextName = nameCols[i + 1];
      const lastCol = (nextName ?? cells.length) - 1;
      const seg = this.segment(row, nameCol, lastCol, labels);
      if (seg) segments.push(seg);
    });
    return segments;
  }

  /** The cells under a header hold more numbers than text (序号, a count): not unit names. */
  private mostlyNumbers(headerRow: number, col: number): boolean {
    let numbers = 0;
    let texts = 0;
    for (let r = headerRow + 1; r < Math.min(this.values.length, headerRow + 21); r++) {
      const v = this.values[r]?.[col];
      if (typeof v === 'number' || (typeof v === 'string' && /^\s*\d+\s*$/.test(v))) numbers++;
      else if (typeof v === 'string' && v.trim() !== '') texts++;
    }
    return numbers > texts;
  }

  private segment(
    row: number,
    nameCol: number,
    lastCol: number,
    labels: (LabelKind | null)[],
  ): HeaderSegment | null {
    const counts: Record<string, number> = Object.create(null) as Record<string, number>;
    const printed: Record<string, number> = Object.create(null) as Record<string, number>;
    const own: Record<string, number> = Object.create(null) as Record<string, number>;
    const unknown: { col: number; label: string }[] = [];
    let lastUserCol = nameCol;
    const take = (label: LabelKind | null, c: number): boolean => {
      if (!label) return false;
      if (label.kind === 'count' && counts[label.field] === undefined) counts[label.field] = c;
      else if (label.kind === 'computed' && printed[label.field] === undefined)
        printed[label.field] = c;
      else if (label.kind === 'own' && own[label.field] === undefined) own[label.field] = c;
      else if (label.kind === 'unknownFigure') unknown.push({ col: c, label: label.label });
      else if (label.kind !== 'subName') return false;
      if (label.kind !== 'own') lastUserCol = Math.max(lastUserCol, c);
      return true;
    };
    for (let c = nameCol + 1; c <= lastCol; c++) take(labels[c] ?? null, c);
    const { neededCounts, ratePairs } = this.vocabulary;
    const readable = () =>
      Object.keys(counts).length >= 3 ||
      ratePairs.some(([n, d]) => counts[n] !== undefined && counts[d] !== undefined);
    // A second header row (“返工” over “返工数 | 返工率”): fill the gaps from the row below.
    let headerRows = 1;
    const below = this.values[row + 1];
    if (
      isList(below) &&
      neededCounts.some((f) => counts[f] === undefined) &&
      !below.some((v) => typeof v === 'number')
    ) {
      let used = false;
      for (let c = nameCol + 1; c <= lastCol; c++) {
        const v = below[c];
        if (typeof v === 'string' && take(this.vocabulary.recognize(v), c)) used = true;
      }
      if (used) headerRows = 2;
    }
    if (!readable()) return null;
    const firstData = Math.min(...Object.values(counts));
    const span = Math.max(1, Math.min(2, firstData - nameCol));
    const secondHeader = this.values[row]?.[nameCol + 1];
    // A second name column only when nothing else is there (下属单位, or an unlabelled column).
    const name =
      span === 2 &&
      (labels[nameCol + 1] === null || labels[nameCol + 1]?.kind === 'subName') &&
      !(typeof secondHeader === 'string' && looksLikeQuantity(secondHeader))
        ? [nameCol, nameCol + 1]
        : [nameCol];
    const missing = neededCounts.filter((f) => counts[f] === undefined);
    return {
      nameCol,
      firstCol: nameCol,
      lastCol,
      headerRows,
      columns: { name, counts, printed, own, unknown, lastUserCol },
      missing,
    };
  }

  /** A row that starts a new table: a title such as “(四) 在榕中央及省属企业综合评价表”. */
  private isTitleRow(row: number, seg: HeaderSegment): boolean {
    const cells = this.values[row];
    if (!isList(cells)) return false;
    let title = '';
    for (let c = seg.firstCol; c <= seg.lastCol; c++) {
      const v = cells[c];
      if (typeof v === 'number') return false;
      if (!isBlank(v)) {
        if (title) return false;
        title = text(v);
      }
    }
    return (
      /评价表|情况表|统计表|汇总表/.test(title) || /^[(（][一二三四五六七八九十]+[)）]/.test(title)
    );
  }

  private findTitle(
    seg: HeaderSegment,
    headerRow: number,
    previousEnd: number,
    wholeRow: boolean,
  ): { text: string; row: number; col: number } | null {
    for (let r = headerRow - 1; r >= Math.max(previousEnd, headerRow - 4); r--) {
      const cells = this.values[r];
      if (!isList(cells)) continue;
      const from = wholeRow ? 0 : seg.firstCol;
      const to = wholeRow ? cells.length - 1 : seg.lastCol;
      for (let c = from; c <= to; c++) {
        const t = text(cells[c]);
        if (t && !REMARK_RE.test(t)) return { text: t, row: r, col: c };
      }
    }
    return null;
  }

  private readTable(
    seg: HeaderSegment,
    headerRow: number,
    previousEnd: number,
    wholeRow: boolean,
  ): DetectedTable {
    const sheet = this.sheet.name;
    const rows: MutableRow[] = [];
    const headerAddr = this.addr(headerRow, seg.nameCol);
    const found = this.findTitle(seg, headerRow, previousEnd, wholeRow);
    const rawTitle = found?.text ?? sheet;
    // A title with characters a document cannot hold is cleaned in the .docx: say which cell.
    const badChars = found ? xmlInvalidCharacters(found.text) : [];
    if (found && badChars.length > 0)
      this.report('invalidCharacters', found.row, found.col, {
        text: found.text,
        characters: badChars,
      });
    const title = tableTitle(rawTitle);
    const countCols = Object.values(seg.columns.counts);
    const valueCols = [
      ...countCols,
      ...Object.values(seg.columns.printed),
      ...seg.columns.unknown.map((u) => u.col),
    ];
    const [col0, col1] = seg.columns.name as [number, number | undefined];
    let parentRow: MutableRow | null = null;
    let remarkMode = false;
    // Duplicate names: top-level units across the table, sub-units within their parent.
    const seenTop = new Map<string, number>();
    let seenChildren = new Map<string, number>();
    const totals: { gridRow: number; name: string }[] = [];
    let r = headerRow + seg.headerRows;
    for (; r < this.values.length; r++) {
      const cells = this.values[r];
      if (!isList(cells)) continue;
      let anyValue = false;
      let anyNumber = false;
      let noCases = false;
      for (const c of valueCols) {
        const v = cells[c];
        if (typeof v === 'number') anyNumber = true;
        else if (isBlank(v)) continue;
        else if (typeof v === 'string' && v.includes(NO_CASES)) noCases = true;
        else anyValue = true;
      }
      anyValue ||= anyNumber;
      // [issue 16] A header over several rows (派遣案件总数 over 总计 over 按时 | 超时): rows whose
      // name cell is still inside the header's merged name label, with no number, are header.
      const inHeader = this.merges.at(r, col0);
      if (inHeader && inHeader.top <= headerRow && !anyNumber && !noCases) continue;
      const a = this.nameText(r, col0, false);
      const b = col1 === undefined ? '' : this.nameText(r, col1, true);
      // Only a row without figures can be the next table's header or title.
      if (
        !anyNumber &&
        !noCases &&
        (this.headerAt(r).length > 0 || (!anyValue && this.isTitleRow(r, seg)))
      )
        break;
      const remark = a !== '' && REMARK_RE.test(a);
      if (!anyValue && !noCases) {
        if (a === '' && b === '') continue; // blank row
        if (remarkMode || remark || NOTE_RE.test(a) || a.length > 40) {
          remarkMode = true;
          continue;
        }
      }
      if (remark) {
        remarkMode = true;
        continue;
      }
      // Name and hierarchy.
      let name: string;
      let isChild = false;
      if (col1 !== undefined) {
        if (SUB_UNIT_RE.test(a) || (a === '' && b !== '')) {
          isChild = true;
          name = b || a.replace(SUB_UNIT_RE, '');
        } else {
          name = a;
        }
      } else if (SUB_UNIT_RE.test(a) && a.replace(SUB_UNIT_RE, '') !== '') {
        isChild = true;
        name = a.replace(SUB_UNIT_RE, '');
      } else {
        name = a;
      }
      const nameAt = isChild && col1 !== undefined ? col1 : col0;
      if (isTotalRow(name)) {
        // Not a unit: its counts are checked against the units' sum (analyze.ts).
        this.report('totalRowSkipped', r, nameAt, { text: name });
        totals.push({ gridRow: r, name });
        continue;
      }
      if (name === '') this.report('missingName', r, nameAt, {});
      if (isChild && parentRow === null) {
        this.report('childWithoutParent', r, nameAt, { unit: name });
        isChild = false;
      }
      const row: MutableRow = {
        gridRow: r,
        name,
        parent: isChild ? parentRow!.name : null,
        kind: noCases ? 'noCases' : 'data',
        hasChildren: false,
      };
      if (isChild) parentRow!.hasChildren = true;
      else {
        parentRow = row;
        if (seenChildren.size > 0) seenChildren = new Map();
      }
      if (name !== '') {
        const seen = isChild ? seenChildren : seenTop;
        const first = seen.get(name);
        if (first !== undefined) {
          this.report('duplicateUnit', r, nameAt, {
            unit: name,
            firstRow: first + this.origin.row + 1,
          });
        } else {
          seen.set(name, r);
        }
      }
      rows.push(row);
    }
    const group =
      groupFromRules(rawTitle, this.vocabulary.scheme.groups) ??
      groupFromRules(sheet, this.vocabulary.scheme.groups);
    if (seg.missing.length > 0) {
      const lost = figuresLost(this.vocabulary.scheme, seg.missing);
      const all = lost.length === this.vocabulary.scheme.figures.length;
      this.diagnostics.push(
        diagnostic(
          all ? 'missingColumns' : 'figuresUnavailable',
          sheet,
          headerAddr.cell,
          headerAddr.row,
          {
            table: title,
            columns: seg.missing,
            figures: lost,
          },
        ),
      );
    }
    return {
      sheet,
      origin: this.origin,
      rawTitle,
      title,
      group,
      headerRow,
      headerRows: seg.headerRows,
      columns: seg.columns,
      missing: seg.missing,
      rows,
      totals,
      endRow: r,
      grid: this.sheet,
    };
  }

  /**
   * The unit name in a name cell, with stray spaces removed. A cell inside a merged area
   * reads empty below the area's top row (a merged `下属单位` label): it takes the label's
   * text. `second` marks the sub-unit column, which is blank when the parent's name is
   * merged across both name columns.
   */
  private nameText(row: number, col: number, second: boolean): string {
    const v = this.cell(row, col);
    if (typeof v === 'string' && !isBlank(v)) return text(v);
    if (typeof v === 'number' && Number.isFinite(v)) return String(v); // a unit “named” 12: keep it visible
    if (typeof v === 'boolean' || typeof v === 'number') return '';
    const m = this.merges.at(row, col);
    if (!m) return '';
    if (second && m.left < col) return '';
    if (m.top < row && m.left === col) return text(this.cell(m.top, m.left));
    return '';
  }
}

/** The figures that cannot be computed without the `missing` count columns. */
export function figuresLost(scheme: Scheme, missing: readonly string[]): string[] {
  const lost = new Set<string>();
  const gone = new Set(missing);
  for (const f of scheme.figures) {
    const out =
      f.kind === 'rate'
        ? gone.has(f.numerator) || gone.has(f.denominator)
        : f.kind === 'index'
          ? f.requires.some((r) => gone.has(r)) || f.terms.some((t) => lost.has(t.figure))
          : f.kind === 'grade'
            ? lost.has(f.from)
            : lost.has(f.by);
    if (out) lost.add(f.key);
  }
  return [...lost];
}
