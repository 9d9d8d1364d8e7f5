/**
 * [issue 16] The structure reader: every table on a sheet from its layout alone, with no
 * vocabulary of counts. A table is a body of rows holding numbers, with the text rows directly
 * above it as its header (2–4 rows, merged group labels applied to every column under them),
 * the single text row above that as its title, and the text rows below it as its notes. Its
 * unit names are the text column whose cells are most distinct names, wherever it stands;
 * text columns left of it that are merged down (or filled only at the top of each group) name
 * the units' parents; 合计/小计/总计 rows are totals closing the rows of their own group.
 *
 * Also read: a parent with no sub-units merged across the name columns (a unit of its own);
 * 下属单位 / 其中 over sub-units (their parent is the unit above); a label alone on a row
 * inside a body (一、城区) as the parent of the rows under it; units with no figures; a 合计
 * above its parts when its figures say so; 上期 / 6月-beside-7月 / 同比 columns; percentages
 * stored as fractions (0.9935 for 99.35%).
 *
 * Decisions the layout cannot settle are made, and said (`uncertain`, with the cell): two
 * columns that both look like names, a row with no total word that equals the sum of the
 * rows under it, a rate column whose numbers could be fractions or percentages, a parent
 * carried down an unmerged column. Places that hold figures but are no table of units (label
 * | value pairs, rows by month, figures without a header) are `diagnostics`.
 *
 * Linear in the cells: one pass classifies every cell with char tests (no regular expression
 * per cell), the rest works on row summaries and on the cells of the tables found.
 */
import { isSpaceCode, squash } from '../core/cells';
import { cellAddress, isList, type CellValue, type MergedArea, type SheetGrid } from '../core/grid';
import {
  EMPTY_CELL,
  numberText,
  parsePrinted,
  parsePrintedText,
  structCell,
} from '../core/printed';
import { structureZhCN, type StructureMessages } from '../i18n/structure';
import type {
  ColumnRole,
  ColumnTime,
  PrintedNumber,
  StructCell,
  StructColumn,
  StructRow,
  StructTable,
} from './structure-types';

/** Why a place on the sheet that holds figures was not read as a table. */
export interface StructureDiagnostic {
  readonly code: 'labelValue' | 'periodRows' | 'noNameColumn' | 'noHeader';
  readonly sheet: string;
  /** A1, sheet coordinates. */
  readonly cell: string;
  readonly what: string;
}

export interface StructureReading {
  readonly tables: StructTable[];
  readonly diagnostics: StructureDiagnostic[];
}

// ---------------------------------------------------------------- cells

const EMPTY = 0;
const NUM = 1;
const TEXT = 2;
/** A cell inside a merged area, not its top-left: it shows the area's value. */
const COVERED = 3;

/** The most header rows above a body. */
const MAX_HEADER_ROWS = 4;
/** Text rows looked through above a header for the title. */
const TITLE_LOOKUP = 3;
/** A name longer than this at a table's end is a note, not a unit without figures. */
const MAX_BARE_NAME = 20;
/** Text rows without figures (units with empty cells) a body may hold in a row. */
const MAX_BARE_ROWS = 5;

/** Could this text be a printed number? Only then is it parsed (a char test, not a regex). */
function mayBeNumber(s: string): boolean {
  for (let i = 0; i < s.length; i++) {
    const c = s.charCodeAt(i);
    if (isSpaceCode(c)) continue;
    return (
      (c >= 48 && c <= 57) ||
      c === 45 ||
      c === 43 ||
      c === 46 ||
      c === 0x2191 ||
      c === 0x2193 ||
      c === 0x2212 ||
      (c >= 0xff10 && c <= 0xff19) ||
      c === 0xff0d ||
      c === 0xff0b
    );
  }
  return false;
}

function isBlankText(s: string): boolean {
  for (let i = 0; i < s.length; i++) if (!isSpaceCode(s.charCodeAt(i))) return false;
  return true;
}

// ---------------------------------------------------------------- words

const TOTAL_WORDS = ['合计', '小计', '总计', '共计'];
const WHOLE = ['全市', '全区', '全县', '全省', '全市合计', '全区合计', '全县合计'];

/** A character every total word has (计 of 合计 小计 总计 共计, 全 of 全市): a char test first. */
function mayBeTotal(name: string): boolean {
  for (let i = 0; i < name.length; i++) {
    const c = name.charCodeAt(i);
    if (c === 0x8ba1 /* 计 */ || c === 0x5168 /* 全 */) return true;
  }
  return false;
}

/** A total's own words leaving rows out: 合计（不含高新区）, 总计（除开发区外）. */
const PARTIAL_TOTAL = /[(（][^)）]*(不含|不包括|除|扣除|未含|剔除)[^)）]*[)）]/;

/** 1: 小计 (part of a table); 2: 合计 and the like; 3: 总计 / 共计 / 全市 (the whole table). */
function totalRank(name: string): number {
  if (name === '' || !mayBeTotal(name)) return 0;
  const core = name.normalize('NFKC').replace(/[(（][^)）]*[)）]$/, '');
  if (WHOLE.includes(core)) return 3;
  for (const w of TOTAL_WORDS) {
    if (core.startsWith(w) || core.endsWith(w)) {
      if (w === '小计') return 1;
      if ((w === '总计' || w === '共计') && core.startsWith(w)) return 3;
      return 2;
    }
  }
  return 0;
}

const NOTE_START = /^(注|備注|备注|说明|附注|数据来源|资料来源|[*※])/;
const ENUMERATED = /^([(（]?\d+[)）.、．]|[一二三四五六七八九十]+[、.．])/;
/** The label of a merged first column over sub-units (福州: 下属单位): “the unit above”. */
const SUB_UNIT_LABEL = /^(下属单位|其中)[:：]?$/;
/** The header of a column of figure labels (指标 | 本月 | 上月): a summary, not units. */
const LABEL_HEADER = /^(指标|项目|指标名称|统计指标|基础指标|比率指标|数据项)$/;
const PERIOD_HEADER = /^(月份|月|年月|日期|时间|统计时间|期数|周次|季度)$/;
const PERIOD_NAME =
  /^(\d{4}年)?(\d{1,2}月份?|第?[一二三四1-4]季度|第\d+(周|期))$|^\d{4}年$|^\d{4}[-./]\d{1,2}$/;
/** Texts standing for no figure in a figure cell. */
const DASHES = new Set(['—', '——', '-', '－', '/', '无', '…', '--']);
const SENTENCE_MARK = /[:：，,。；;！!？?]/;
const META_LINE = /^(单位|填报单位|制表|制表单位|统计时间|时间|日期|数据截至|截至)\s*[:：]/;
const SERIAL_HEADER = /^(序号|编号|序|NO\.?|No\.?|no\.?)$/;
const RATE_WORD = /率|占比|比例|比重|百分比|幅/;
const PERCENT_HEADER = /[(（]\s*%\s*[)）]|^%$|(^|[^\d.])%$/;
const CHANGE_WORD = /环比|同比|增减|增\/减|增幅|降幅|幅度|升降|变化|变动|增长|下降|比上|较上/;
const LAST_YEAR_WORD = /去年|上年|同期|同月/;
const PREVIOUS_WORD = /上期|上月|上周|上季|上旬|前期|上一期|上次/;
const QUANTITY_LABEL = /(数|率|量|值|额|比|件|次|分)$/;
const NAME_HEADER = /单位|部门|名称|区|县|街道|镇|乡|类别|小类|项目|来源|公司|企业|机构|城区/;
const YEAR_MONTH = /(?:(\d{4})\s*年)?\s*(\d{1,2})\s*月/;

// ---------------------------------------------------------------- the sheet

interface Core {
  headerTop: number;
  headerRows: number;
  bodyStart: number;
  /** Last body row (inclusive). */
  bodyEnd: number;
}

interface Block {
  readonly core: Core;
  readonly c0: number;
  readonly c1: number;
  readonly paths: string[][];
}

interface ColumnStats {
  readonly c: number;
  readonly nums: number;
  readonly texts: number;
  /** Cells covered by an area merged down from above in this column. */
  readonly down: number;
  /** Own cells that start an area merged down. */
  readonly anchorsDown: number;
  /** First body row with a text (own, or merged down from the header); -1 for none. */
  readonly firstFilled: number;
  /** Distinct texts, totals left out. */
  readonly distinct: number;
}

type MutableRow = { -readonly [K in keyof StructRow]: StructRow[K] };

const NO_PARENTS: readonly string[] = Object.freeze([]);
const NO_CLOSES: readonly number[] = Object.freeze([]);
/** Whole numbers below this get one shared cell object per column. */
const SMALL = 256;
/** Distinct names counted per column: enough to tell names from repeated labels. */
const MAX_DISTINCT = 2048;
/** Names looked at to tell a label | value list from a table of units. */
const LABEL_SAMPLE = 200;

export function readStructures(
  sheet: SheetGrid,
  messages: StructureMessages = structureZhCN,
): StructureReading {
  if (!sheet || !isList(sheet.values)) return { tables: [], diagnostics: [] };
  return new SheetReader(sheet, messages).read();
}

class SheetReader {
  private readonly values: readonly (readonly CellValue[])[];
  private readonly nRows: number;
  private readonly nCols: number;
  private readonly kinds: Uint8Array;
  /** Covered cell index → its merged area. */
  private readonly coveredBy = new Map<number, MergedArea>();
  /** Top-left cell index → its merged area. */
  private readonly anchorOf = new Map<number, MergedArea>();
  private readonly rowNums: Int32Array;
  private readonly rowTexts: Int32Array;
  /**
   * Rows whose numbers may be header labels: 1, every number a year (单位 | 2023 | 2024); 2,
   * whole numbers beside two labels or more (单位 | 12345 | 110 | 市长信箱). 0 for any other.
   */
  private readonly labelLike: Uint8Array;
  private readonly origin: { row: number; col: number };
  private readonly diagnostics: StructureDiagnostic[] = [];
  private readonly hasMerges: boolean;
  /** Numbers typed as text, parsed once (cell index → its number), used as the cell's value. */
  private parsed: (PrintedNumber | undefined)[] | null = null;

  constructor(
    private readonly sheet: SheetGrid,
    private readonly msg: StructureMessages,
  ) {
    this.values = sheet.values;
    this.origin = { row: sheet.origin?.row ?? 0, col: sheet.origin?.col ?? 0 };
    const nRows = this.values.length;
    let nCols = 0;
    for (const row of this.values) if (isList(row) && row.length > nCols) nCols = row.length;
    this.nRows = nRows;
    this.nCols = nCols;
    this.kinds = new Uint8Array(nRows * nCols);
    this.rowNums = new Int32Array(nRows);
    this.rowTexts = new Int32Array(nRows);
    this.labelLike = new Uint8Array(nRows);
    this.classify();
    this.hasMerges = this.applyMerges(sheet.merges);
    for (let r = 0; r < nRows; r++) {
      let nums = 0;
      let texts = 0;
      const base = r * nCols;
      for (let c = 0; c < nCols; c++) {
        const k = this.kinds[base + c];
        if (k === NUM) nums++;
        else if (k === TEXT) texts++;
      }
      this.rowNums[r] = nums;
      this.rowTexts[r] = texts;
      // only a row under a row of no figures can be a header row
      if (nums > 0 && texts > 0 && (r === 0 || this.rowNums[r - 1] === 0))
        this.labelLike[r] = this.numbersAsLabels(r);
    }
  }

  /** See `labelLike`. */
  private numbersAsLabels(r: number): number {
    const base = r * this.nCols;
    let years = true;
    for (let c = 0; c < this.nCols; c++) {
      if (this.kinds[base + c] !== NUM) continue;
      const v = this.raw(r, c);
      if (typeof v !== 'number' || !Number.isInteger(v)) return 0;
      if (v < 1990 || v > 2100) years = false;
    }
    if (years) return 1;
    let labels = 0;
    for (let c = 0; c < this.nCols; c++)
      if (this.kinds[base + c] === TEXT && !DASHES.has(this.shownText(r, c))) labels++;
    return labels >= 2 ? 2 : 0;
  }

  /**
   * A text of row r stands over a column where the next row of figures has a number: a label
   * over figures (a header), not a name beside them.
   */
  private textOverFigures(r: number): boolean {
    let n = r + 1;
    while (n < this.nRows && n - r <= MAX_HEADER_ROWS && this.rowNums[n] === 0) n++;
    if (n >= this.nRows || this.rowNums[n] === 0) return false;
    const base = r * this.nCols;
    const below = n * this.nCols;
    for (let c = 0; c < this.nCols; c++)
      if (
        this.kinds[base + c] === TEXT &&
        this.kinds[below + c] === NUM &&
        !DASHES.has(this.shownText(r, c))
      )
        return true;
    return false;
  }

  private classify(): void {
    const { nCols, kinds } = this;
    for (let r = 0; r < this.nRows; r++) {
      const row = this.values[r];
      if (!isList(row)) continue;
      const base = r * nCols;
      for (let c = 0; c < row.length; c++) {
        const v = row[c];
        if (v === null || v === undefined || v === '') continue;
        if (typeof v === 'number') kinds[base + c] = Number.isFinite(v) ? NUM : TEXT;
        else if (typeof v === 'boolean') kinds[base + c] = TEXT;
        else if (typeof v === 'string') {
          if (isBlankText(v)) continue;
          const p = mayBeNumber(v) ? parsePrintedText(v) : null;
          kinds[base + c] = p ? NUM : TEXT;
          if (p)
            (this.parsed ??= new Array<PrintedNumber | undefined>(this.kinds.length))[base + c] = p;
        }
      }
    }
  }

  private applyMerges(merges: readonly MergedArea[] | undefined): boolean {
    if (!isList(merges) || merges.length === 0) return false;
    const { nRows, nCols } = this;
    for (const m of merges) {
      if (
        !m ||
        !Number.isInteger(m.top) ||
        !Number.isInteger(m.left) ||
        !Number.isInteger(m.bottom) ||
        !Number.isInteger(m.right) ||
        m.top < 0 ||
        m.left < 0 ||
        m.top >= nRows ||
        m.left >= nCols
      )
        continue;
      const area: MergedArea = {
        top: m.top,
        left: m.left,
        bottom: Math.min(m.bottom, nRows - 1),
        right: Math.min(m.right, nCols - 1),
      };
      if (area.bottom < area.top || area.right < area.left) continue;
      if (area.bottom === area.top && area.right === area.left) continue;
      this.anchorOf.set(area.top * nCols + area.left, area);
      for (let r = area.top; r <= area.bottom; r++)
        for (let c = area.left; c <= area.right; c++) {
          if (r === area.top && c === area.left) continue;
          const i = r * nCols + c;
          this.kinds[i] = COVERED;
          this.coveredBy.set(i, area);
        }
    }
    return true;
  }

  private kind(r: number, c: number): number {
    return c < 0 || c >= this.nCols || r < 0 || r >= this.nRows
      ? EMPTY
      : this.kinds[r * this.nCols + c]!;
  }

  private raw(r: number, c: number): CellValue | undefined {
    return this.values[r]?.[c];
  }

  /** A cell's own text, spaces removed (a text or number cell; '' for anything else). */
  private ownText(r: number, c: number): string {
    const v = this.raw(r, c);
    if (typeof v === 'string') return squash(v);
    if (typeof v === 'number') return String(v);
    if (typeof v === 'boolean') return v ? 'TRUE' : 'FALSE';
    return '';
  }

  /** The trimmed text a cell shows (a covered cell shows its area's), '' for none. */
  private shownText(r: number, c: number): string {
    let k = this.kind(r, c);
    let rr = r;
    let cc = c;
    if (k === COVERED) {
      const m = this.coveredBy.get(r * this.nCols + c)!;
      rr = m.top;
      cc = m.left;
      k = this.kind(rr, cc);
    }
    if (k === EMPTY) return '';
    const v = this.raw(rr, cc);
    if (typeof v === 'string') return v.trim();
    if (typeof v === 'number') return String(v);
    if (typeof v === 'boolean') return v ? 'TRUE' : 'FALSE';
    return '';
  }

  private addr(r: number, c: number): string {
    return cellAddress(r + this.origin.row, c + this.origin.col);
  }

  // ------------------------------------------------------------ row shapes

  private isBlank(r: number): boolean {
    return this.rowNums[r] === 0 && this.rowTexts[r] === 0;
  }

  /**
   * A header row holding numbers as labels (单位 | 2023 | 2024; 单位 | 12345 | 110 | 市长信箱)
   * right under a text row, followed by a text row or by figures (a row of mostly numbers).
   */
  private isLabelRow(r: number): boolean {
    const like = this.labelLike[r]!;
    if (like === 0) return false;
    if (r > 0 && this.rowNums[r - 1]! > 0) return false;
    const n = r + 1;
    if (n >= this.nRows) return false;
    if (like === 2 && !this.textOverFigures(r)) return false;
    if (this.rowNums[n] === 0) return this.rowTexts[n]! > 0;
    return this.labelLike[n] === 0;
  }

  private isNumeric(r: number): boolean {
    return this.rowNums[r]! > 0 && !this.isLabelRow(r);
  }

  /** The columns a row has content in (covered cells included), or null. */
  private rowSpan(r: number): [number, number] | null {
    const base = r * this.nCols;
    let first = -1;
    let last = -1;
    for (let c = 0; c < this.nCols; c++)
      if (this.kinds[base + c] !== EMPTY) {
        if (first < 0) first = c;
        last = c;
      }
    return first < 0 ? null : [first, last];
  }

  /**
   * A header row: no figures, and labels over at least half the columns `span` covers, two
   * of them at least (own text, or a merged label from a row above).
   */
  private isHeaderLike(r: number, span: [number, number]): boolean {
    if (r < 0 || r >= this.nRows) return false;
    if (this.rowNums[r]! > 0 && !this.isLabelRow(r)) return false;
    const [c0, c1] = span;
    let own = 0;
    let above = 0;
    let labels = 0;
    const anchors = new Set<MergedArea>();
    const base = r * this.nCols;
    for (let c = c0; c <= c1; c++) {
      const k = this.kinds[base + c];
      if (k === TEXT || k === NUM) {
        const t = k === TEXT ? this.shownText(r, c) : '';
        // “填报单位：…  单位：件” above a header is no header; nor is a row of dashes
        if (META_LINE.test(t)) return false;
        if (!DASHES.has(t)) {
          own++;
          labels++;
        }
      } else if (k === COVERED) {
        const m = this.coveredBy.get(base + c)!;
        if (m.top < r) {
          above++;
          anchors.add(m);
        } else own++; // a label merged across: it covers its columns
      }
    }
    const labelled = own + above;
    return labels + anchors.size >= 2 && labelled * 2 >= c1 - c0 + 1;
  }

  /** A row holding one text (a title, a note, a bare name) and nothing else. */
  private singleText(r: number): { col: number; text: string } | null {
    if (r < 0 || r >= this.nRows || this.rowNums[r] !== 0 || this.rowTexts[r] !== 1) return null;
    const base = r * this.nCols;
    for (let c = 0; c < this.nCols; c++) {
      const k = this.kinds[base + c];
      if (k === COVERED && this.coveredBy.get(base + c)!.top < r) return null;
      if (k === TEXT) {
        // the rest of the row must be empty or this cell's own merged area
        for (let d = c + 1; d < this.nCols; d++) {
          const kd = this.kinds[base + d];
          if (kd === COVERED) {
            const m = this.coveredBy.get(base + d)!;
            if (m.top !== r || m.left !== c) return null;
          }
        }
        return { col: c, text: this.shownText(r, c) };
      }
    }
    return null;
  }

  /**
   * The name a text row right under a body would give as a unit: the own text of its name
   * column (or of a parent merged across the name columns only), with no figure in the row;
   * null when there is none, or when the text is merged on across the figures (a note).
   */
  private trailingName(
    r: number,
    nameCol: number,
    c0: number,
    c1: number,
  ): { text: string; col: number; alone: boolean } | null {
    if (r >= this.nRows || this.rowNums[r] !== 0 || this.rowTexts[r] === 0) return null;
    const i = r * this.nCols + nameCol;
    let col = nameCol;
    if (this.kinds[i] === COVERED) {
      const m = this.coveredBy.get(i)!;
      if (m.top !== r) return null;
      col = m.left;
    } else if (this.kinds[i] !== TEXT) return null;
    const area = this.anchorOf.get(r * this.nCols + col);
    if (area && area.right > nameCol) return null;
    let texts = 0;
    const base = r * this.nCols;
    for (let c = c0; c <= c1; c++) if (this.kinds[base + c] === TEXT) texts++;
    return { text: this.shownText(r, col), col, alone: texts === 1 };
  }

  /** A lone text in a body that labels the rows under it: numbered, or merged across half. */
  private isSectionLabel(
    r: number,
    single: { col: number; text: string },
    c0: number,
    c1: number,
  ): boolean {
    if (ENUMERATED.test(squash(single.text))) return true;
    const area = this.anchorOf.get(r * this.nCols + single.col);
    return area !== undefined && (area.right - area.left + 1) * 2 >= c1 - c0 + 1;
  }

  /** A header starts within the next few text rows (no blank row between): a table below. */
  private headerFollows(r: number, span: [number, number]): boolean {
    for (let i = r; i < Math.min(this.nRows, r + TITLE_LOOKUP); i++) {
      if (this.isBlank(i) || this.rowNums[i]! > 0) return false;
      if (this.isHeaderLike(i, span)) return true;
    }
    return false;
  }

  private nextNonBlank(r: number): number {
    let n = r;
    while (n < this.nRows && this.isBlank(n)) n++;
    return n;
  }

  // ------------------------------------------------------------ tables

  read(): StructureReading {
    const cores = this.findCores();
    const tables: StructTable[] = [];
    const built: { core: Core; tables: StructTable[]; titleRow: number }[] = [];
    let floor = 0;
    for (const core of cores) {
      const blocks = this.blocksOf(core);
      const made: StructTable[] = [];
      let titleRow = core.headerTop;
      for (const block of blocks) {
        const t = this.buildTable(block, floor);
        if (t) {
          made.push(t.table);
          titleRow = Math.min(titleRow, t.titleRow);
          core.bodyEnd = Math.max(core.bodyEnd, t.table.endRow - 1);
        }
      }
      built.push({ core, tables: made, titleRow });
      floor = core.bodyEnd + 1;
    }
    // Notes: the text rows under a table, up to the next table's title.
    built.forEach((b, i) => {
      const limit = built[i + 1]?.titleRow ?? this.nRows;
      const notes = this.notesBetween(b.core.bodyEnd + 1, limit);
      for (const t of b.tables) tables.push(notes.length > 0 ? { ...t, notes } : t);
    });
    return { tables, diagnostics: this.diagnostics };
  }

  /** Header + body of every table, top to bottom. */
  private findCores(): Core[] {
    const cores: Core[] = [];
    let floor = 0;
    let r = 0;
    while (r < this.nRows) {
      if (!this.isNumeric(r)) {
        r++;
        continue;
      }
      const span = this.bodySpan(r);
      const found = this.findHeader(r, floor, span);
      if (!found) {
        const c = this.firstNumberCol(r);
        this.diagnostics.push({
          code: 'noHeader',
          sheet: this.sheet.name,
          cell: this.addr(r, c),
          what: this.msg.noHeader,
        });
        while (r < this.nRows && this.isNumeric(r)) r++;
        floor = r;
        continue;
      }
      const bodyEnd = this.extendBody(r, found.span, found.top, found.bodyStart);
      cores.push({
        headerTop: found.top,
        headerRows: found.rows,
        bodyStart: found.bodyStart,
        bodyEnd,
      });
      floor = bodyEnd + 1;
      r = bodyEnd + 1;
    }
    return cores;
  }

  private firstNumberCol(r: number): number {
    const base = r * this.nCols;
    for (let c = 0; c < this.nCols; c++) if (this.kinds[base + c] === NUM) return c;
    return 0;
  }

  /** The columns the first rows of a body cover. */
  private bodySpan(r: number): [number, number] {
    let c0 = this.nCols;
    let c1 = -1;
    for (let i = r; i < Math.min(this.nRows, r + 8); i++) {
      if (!this.isNumeric(i)) break;
      const s = this.rowSpan(i);
      if (s) {
        c0 = Math.min(c0, s[0]);
        c1 = Math.max(c1, s[1]);
      }
    }
    return [c0, c1];
  }

  private findHeader(
    r: number,
    floor: number,
    bodySpan: [number, number],
  ): { top: number; rows: number; bodyStart: number; span: [number, number] } | null {
    let h = r - 1;
    let bodyStart = r;
    // A header's span may be wider than the first rows' (an empty half row beside a block).
    const spanOf = (row: number): [number, number] => {
      const s = this.rowSpan(row);
      return s ? [Math.min(s[0], bodySpan[0]), Math.max(s[1], bodySpan[1])] : bodySpan;
    };
    // Units with no figures directly under the header (a name alone, or dashes): text rows
    // that are no header, with a header right above them.
    let k = h;
    while (
      k >= floor &&
      r - k <= MAX_BARE_ROWS &&
      !this.isBlank(k) &&
      this.rowNums[k] === 0 &&
      !this.isHeaderLike(k, spanOf(k))
    )
      k--;
    if (k < h && k >= floor && this.isHeaderLike(k, spanOf(k))) {
      bodyStart = k + 1;
      h = k;
    }
    let top = h + 1;
    let span = bodySpan;
    while (h >= floor && r - h <= MAX_HEADER_ROWS + (r - bodyStart)) {
      const s = spanOf(h);
      if (!this.isHeaderLike(h, s)) break;
      span = [Math.min(span[0], s[0]), Math.max(span[1], s[1])];
      top = h;
      h--;
    }
    // A title merged across the table with a date beside it is no header row.
    if (bodyStart - top > 1 && this.isTitleLine(top, span)) top++;
    const rows = bodyStart - top;
    if (rows <= 0) return null;
    return { top, rows, bodyStart, span };
  }

  /**
   * The top row of a header that is a title line: one label merged across two thirds of the
   * table or more, nothing merged down from it into the header below.
   */
  private isTitleLine(r: number, span: [number, number]): boolean {
    const base = r * this.nCols;
    let wide = false;
    for (let c = span[0]; c <= span[1]; c++) {
      const area = this.anchorOf.get(base + c);
      if (!area) continue;
      if (area.bottom > r) return false;
      if ((area.right - area.left + 1) * 3 >= (span[1] - span[0] + 1) * 2) wide = true;
    }
    return wide;
  }

  /** The last row of the body that starts at numeric row `r`. */
  private extendBody(
    r: number,
    span: [number, number],
    headerTop: number,
    headerEnd: number,
  ): number {
    let last = r;
    let i = r + 1;
    while (i < this.nRows) {
      if (this.isNumeric(i)) {
        last = i;
        i++;
        continue;
      }
      if (this.isBlank(i)) {
        const n = this.nextNonBlank(i);
        if (n < this.nRows && this.isNumeric(n)) {
          i = n;
          continue;
        }
        break;
      }
      // A text row: the next table's header (or this one's repeated) ends the body; a unit
      // with no figures (a name, perhaps its parent or a remark) has figures after it.
      let n = i;
      while (n < this.nRows && n - i < MAX_BARE_ROWS && !this.isNumeric(n)) {
        if (this.isNewHeader(n, span, headerTop, headerEnd)) break;
        n++;
      }
      if (n < this.nRows && this.isNumeric(n)) {
        i = n;
        continue;
      }
      break;
    }
    return last;
  }

  /**
   * A text row inside a body that starts a table: the header repeated (two labels or more as
   * above), or labels over the columns — three at least, or two with none merged across half
   * the table (“市渣土办 | 本月无应处置案件” merged over the figures is a unit's row).
   */
  private isNewHeader(
    r: number,
    span: [number, number],
    headerTop: number,
    headerEnd: number,
  ): boolean {
    if (!this.isHeaderLike(r, span)) return false;
    const [c0, c1] = span;
    const base = r * this.nCols;
    let repeated = 0;
    let labels = 0;
    let wide = false;
    for (let c = c0; c <= c1; c++) {
      if (this.kinds[base + c] !== TEXT) continue;
      labels++;
      const area = this.anchorOf.get(base + c);
      if (area && (area.right - area.left + 1) * 2 >= c1 - c0 + 1) wide = true;
      const t = squash(this.shownText(r, c));
      for (let h = headerTop; h < headerEnd; h++)
        if (squash(this.shownText(h, c)) === t) {
          repeated++;
          break;
        }
    }
    return repeated >= 2 || labels >= 3 || (labels >= 2 && !wide);
  }

  /** The blocks of a table: split at empty columns and where the header repeats side by side. */
  private blocksOf(core: Core): Block[] {
    const top = core.headerTop;
    const bottom = core.bodyEnd;
    const used = new Uint8Array(this.nCols);
    for (let r = top; r <= bottom; r++) {
      const base = r * this.nCols;
      for (let c = 0; c < this.nCols; c++) if (this.kinds[base + c] !== EMPTY) used[c] = 1;
    }
    const segments: [number, number][] = [];
    let start = -1;
    for (let c = 0; c <= this.nCols; c++) {
      const u = c < this.nCols && used[c] === 1;
      if (u && start < 0) start = c;
      if (!u && start >= 0) {
        segments.push([start, c - 1]);
        start = -1;
      }
    }
    const blocks: Block[] = [];
    for (const [c0, c1] of segments) {
      const paths: string[][] = [];
      for (let c = c0; c <= c1; c++) paths.push(this.pathOf(core, c));
      for (const [b0, b1] of periodicSplit(paths)) {
        blocks.push({ core, c0: c0 + b0, c1: c0 + b1, paths: paths.slice(b0, b1 + 1) });
      }
    }
    return blocks;
  }

  /** A column's header texts top down, spaces removed, a label merged down counted once. */
  private pathOf(core: Core, c: number): string[] {
    const out: string[] = [];
    let lastArea: MergedArea | undefined;
    for (let r = core.headerTop; r < core.headerTop + core.headerRows; r++) {
      const i = r * this.nCols + c;
      const area = this.kinds[i] === COVERED ? this.coveredBy.get(i) : this.anchorOf.get(i);
      if (area && area === lastArea) continue;
      lastArea = area;
      const t = squash(this.shownText(r, c));
      if (t !== '' && out[out.length - 1] !== t) out.push(t);
    }
    return out;
  }

  // ------------------------------------------------------------ one table

  private buildTable(block: Block, floor: number): { table: StructTable; titleRow: number } | null {
    const { core, c0, c1, paths } = block;
    const uncertain: { cell: string; what: string }[] = [];
    const say = (r: number, c: number, what: string) =>
      uncertain.push({ cell: this.addr(r, c), what });
    const width = c1 - c0 + 1;
    const bodyRows: number[] = [];
    for (let r = core.bodyStart; r <= core.bodyEnd; r++) bodyRows.push(r);

    // --- column statistics over the body
    const stats: ColumnStats[] = [];
    for (let j = 0; j < width; j++) {
      const c = c0 + j;
      let nums = 0;
      let texts = 0;
      let down = 0; // cells covered by a label merged down from above
      let anchorsDown = 0; // own cells that are the top of an area merged down
      let firstFilled = -1;
      const distinct = new Set<string>();
      for (const r of bodyRows) {
        const i = r * this.nCols + c;
        const k = this.kinds[i];
        if (k === NUM) {
          nums++;
        } else if (k === TEXT) {
          const t = this.ownText(r, c);
          if (DASHES.has(t)) continue; // “—” in a figure column: no figure, no name
          texts++;
          if (firstFilled < 0) firstFilled = r;
          if (distinct.size < MAX_DISTINCT && totalRank(t) === 0) distinct.add(t);
          if (this.hasMerges) {
            const a = this.anchorOf.get(i);
            if (a && a.bottom > a.top) anchorsDown++;
          }
        } else if (k === COVERED) {
          const m = this.coveredBy.get(i)!;
          if (m.left === c && m.top < r) {
            down++;
            if (m.top < core.bodyStart && firstFilled < 0) firstFilled = r;
            if (m.top < core.bodyStart) distinct.add(squash(this.shownText(r, c)));
          }
        }
      }
      stats.push({
        c,
        nums,
        texts,
        down,
        anchorsDown,
        firstFilled,
        distinct: distinct.size,
      });
    }

    const label = (j: number) => distinctJoin(paths[j] ?? []);
    const roles: ColumnRole[] = new Array<ColumnRole>(width).fill('figure');
    const textCols: number[] = [];
    for (let j = 0; j < width; j++) {
      const s = stats[j]!;
      const path = paths[j] ?? [];
      const leaf = path[path.length - 1] ?? '';
      if (s.texts + s.down > s.nums && s.texts + s.down > 0) {
        roles[j] = 'text';
        textCols.push(j);
      } else if (
        s.nums > 0 &&
        (SERIAL_HEADER.test(leaf) || (leaf === '' && this.isSequence(bodyRows, s.c)))
      ) {
        roles[j] = 'serial';
      }
    }
    if (textCols.length === 0) {
      this.diagnostics.push({
        code: 'noNameColumn',
        sheet: this.sheet.name,
        cell: this.addr(core.headerTop, c0),
        what: this.msg.noNameColumn,
      });
      return null;
    }
    const mergedDown = (j: number) => {
      const s = stats[j]!;
      return s.down > 0 && (s.anchorsDown > 0 || s.texts === 0);
    };
    // Parent-like: merged down over its rows, or (unmerged) filled from the first row and
    // empty on rows where a text column right of it names something (a name at the top of
    // each group; 主管单位 | 下属单位 with the sub-units' first cells left empty).
    const filled = (j: number) => stats[j]!.texts + stats[j]!.down;
    const emptyBeside = this.emptyBesideNames(bodyRows, c0, textCols, stats);
    const parentLike = textCols.map((j, x) => {
      if (mergedDown(j)) return true;
      const s = stats[j]!;
      return (
        s.firstFilled === core.bodyStart &&
        (emptyBeside[x]! >= Math.max(2, bodyRows.length / 10) ||
          textCols.some((k) => k > j && filled(j) * 5 <= filled(k) * 4 && stats[k]!.distinct >= 2))
      );
    });
    const candidates = textCols.filter((_, x) => !parentLike[x]);
    const pool = candidates.length > 0 ? candidates : textCols;
    let nameJ = pool[0]!;
    for (const j of pool) {
      const s = stats[j]!;
      const best = stats[nameJ]!;
      if (
        s.distinct > best.distinct ||
        (s.distinct === best.distinct &&
          (filled(j) > filled(nameJ) ||
            (filled(j) === filled(nameJ) &&
              NAME_HEADER.test(label(j)) &&
              !NAME_HEADER.test(label(nameJ)))))
      )
        nameJ = j;
    }
    const nameStats = stats[nameJ]!;
    // Two columns of distinct names: said.
    for (const j of pool) {
      if (j === nameJ) continue;
      const s = stats[j]!;
      if (
        s.distinct >= 3 &&
        s.distinct * 10 >= nameStats.distinct * 8 &&
        s.texts * 2 >= bodyRows.length
      )
        say(
          core.headerTop,
          c0 + nameJ,
          this.msg.twoNameColumns(
            label(nameJ) || columnName(c0 + nameJ),
            label(j) || columnName(c0 + j),
          ),
        );
    }
    // Rows by month (月份 | 全系统受理诉求件 | …): summary figures over time, not units.
    if (PERIOD_HEADER.test(label(nameJ)) || this.allPeriods(bodyRows, c0 + nameJ)) {
      this.diagnostics.push({
        code: 'periodRows',
        sheet: this.sheet.name,
        cell: this.addr(core.headerTop, c0 + nameJ),
        what: this.msg.periodRows,
      });
      return null;
    }
    // Label | value pairs (受理数 | 51571 | 立案率 | 99.34%): not a table of units.
    if (
      LABEL_HEADER.test(label(nameJ)) ||
      (alternatesLabelValue(roles) && this.looksLikeLabels(bodyRows, c0 + nameJ))
    ) {
      this.diagnostics.push({
        code: 'labelValue',
        sheet: this.sheet.name,
        cell: this.addr(core.headerTop, c0),
        what: this.msg.labelValue,
      });
      return null;
    }
    roles[nameJ] = 'name';
    const parentJs: number[] = [];
    textCols.forEach((j, x) => {
      if (j < nameJ && parentLike[x]) {
        roles[j] = 'parent';
        parentJs.push(j);
      }
    });

    // --- figure columns: percent and time, decided from a light pass over their cells
    const times: ColumnTime[] = this.timesOf(paths, roles);
    const decisions: (PercentDecision | null)[] = new Array<PercentDecision | null>(width).fill(
      null,
    );
    for (let j = 0; j < width; j++) {
      if (roles[j] !== 'figure') continue;
      const c = c0 + j;
      const lbl = label(j);
      const norm = lbl.normalize('NFKC');
      const figures = this.figureStats(
        bodyRows,
        c,
        RATE_WORD.test(norm) || PERCENT_HEADER.test(norm) || times[j] === 'change',
      );
      if (figures.arrows * 2 > bodyRows.length && times[j] === 'current') times[j] = 'change';
      const decided = decidePercent(norm, times[j]!, figures);
      decisions[j] = decided;
      if (decided.asPrinted && figures.anyNonZero)
        say(core.headerTop, c, this.msg.percentAsPrinted(lbl));
    }

    // --- rows
    const rows: MutableRow[] = [];
    const ranks: number[] = [];
    const nameCols: number[] = [];
    const lastParent: (string | undefined)[] = new Array<string | undefined>(width).fill(undefined);
    const carriedSaid = new Set<number>();
    const bareSaid = new Set<number>();
    let section: string | null = null;
    let sectionSaid = false;
    const caches: (StructCell[] | null)[] = decisions.map((d, j) =>
      d !== null || roles[j] === 'serial' ? [] : null,
    );
    let previousParents: readonly string[] = NO_PARENTS;
    let previousTotalRow = -2;
    const nameCol = c0 + nameJ;
    const lastNameAt: string[] = [];
    const addRow = (r: number): void => {
      let anyText = false;
      let anyNumber = false;
      let firstNum = -1;
      const base = r * this.nCols;
      for (let c = c0; c <= c1; c++) {
        const kk = this.kinds[base + c];
        if (kk === NUM) {
          anyNumber = true;
          if (firstNum < 0) firstNum = c;
        } else if (kk === TEXT) anyText = true;
      }
      if (!anyText && !anyNumber) return; // blank, or an empty half row beside another block
      // A section label (一、城区, or one text merged across the table): the parent of the
      // rows under it, never a unit.
      if (!anyNumber) {
        const single = this.singleText(r);
        if (single && single.col <= nameCol && this.isSectionLabel(r, single, c0, c1)) {
          section = squash(single.text);
          lastParent.fill(undefined);
          if (!sectionSaid) {
            sectionSaid = true;
            say(r, single.col, this.msg.sectionLabel(section));
          }
          return;
        }
      }
      // Where the row's name is: the name column, a label merged across it from a parent
      // column, or a parent column when the name column is empty (a parent with no sub-units).
      let name = '';
      let source = nameCol;
      const ni = base + nameCol;
      const nk = this.kinds[ni];
      if (nk === TEXT || nk === NUM) name = this.ownText(r, nameCol);
      else if (nk === COVERED) {
        const m = this.coveredBy.get(ni)!;
        name = this.ownText(m.top, m.left);
        if (m.left < nameCol)
          source = m.left; // a parent with no sub-units, merged across
        else if (m.top === r - 1) say(r, nameCol, this.msg.nameMergedDown(name));
      } else {
        for (let p = parentJs.length - 1; p >= 0; p--) {
          const pc = c0 + parentJs[p]!;
          if (this.kinds[base + pc] === TEXT) {
            source = pc;
            name = this.ownText(r, pc);
            break;
          }
        }
      }
      if (name === '') {
        if (anyNumber) say(r, firstNum, this.msg.rowWithoutName);
        return;
      }
      const rank = totalRank(name);
      let parents: readonly string[] = NO_PARENTS;
      if (parentJs.length > 0) {
        const list: string[] = [];
        for (const pj of parentJs) {
          const pc = c0 + pj;
          if (pc >= source) {
            // the row's own name column: rows under it may carry its name as their parent
            lastParent[pj] = pc === source && rank === 0 ? name : undefined;
            continue;
          }
          const i = base + pc;
          const pk = this.kinds[i];
          let t: string | undefined;
          if (pk === TEXT || pk === NUM) t = this.ownText(r, pc);
          else if (pk === COVERED) {
            const m = this.coveredBy.get(i)!;
            if (m.left === pc) t = this.ownText(m.top, m.left);
            // else: part of a label merged across from a column to the left, counted there
          } else if (
            lastParent[pj] !== undefined &&
            rank !== 3 &&
            !(rank > 0 && previousTotalRow === r - 1)
          ) {
            // An empty, unmerged parent cell: the parent above carries on (said once per
            // column, at the first such cell).
            t = lastParent[pj];
            if (!carriedSaid.has(pj)) {
              carriedSaid.add(pj);
              say(r, pc, this.msg.parentCarried(t, name));
            }
          }
          // 下属单位 / 其中 over sub-units: their parent is the unit named above them.
          if (t !== undefined && SUB_UNIT_LABEL.test(t)) t = lastNameAt[list.length] ?? t;
          lastParent[pj] = t;
          if (t !== undefined && t !== '') list.push(t);
        }
        parents =
          list.length === 0 ? NO_PARENTS : sameList(list, previousParents) ? previousParents : list;
        previousParents = parents;
      }
      if (section !== null && rank <= 1) {
        const list = [section, ...parents];
        parents = sameList(list, previousParents) ? previousParents : list;
        previousParents = parents;
      }
      const cells = new Array<StructCell>(width);
      const rowValues = this.values[r];
      for (let j = 0; j < width; j++) {
        const c = c0 + j;
        const kind = this.kinds[base + c];
        const cache = caches[j];
        if (kind === EMPTY) {
          cells[j] = EMPTY_CELL;
          continue;
        }
        if (cache) {
          if (kind === COVERED) {
            cells[j] = EMPTY_CELL;
            continue;
          }
          const v = rowValues?.[c];
          // Small whole numbers repeat (0, 1 for 100%): one cell object each per column.
          const small = typeof v === 'number' && v >= 0 && v < SMALL && Number.isInteger(v);
          const hit = small ? cache[v] : undefined;
          if (hit) {
            cells[j] = hit;
            continue;
          }
          const cell = figureCell(
            (typeof v === 'string' ? this.parsed?.[base + c] : undefined) ?? v,
            decisions[j] ?? null,
          );
          if (small) cache[v] = cell;
          cells[j] = cell;
          const d = decisions[j];
          if (
            d?.bareSay &&
            !bareSaid.has(j) &&
            cell.kind === 'number' &&
            cell.value.scaled !== 0 &&
            !isSigned(v)
          ) {
            bareSaid.add(j);
            say(r, c, this.msg.bareInPercentColumn(label(j), cell.value.text));
          }
        } else {
          const t = this.shownText(r, c);
          cells[j] = t === '' ? EMPTY_CELL : { kind: 'text', text: t };
        }
      }
      rows.push({
        gridRow: r,
        name,
        parents,
        kind: rank > 0 ? 'total' : 'unit',
        closes: NO_CLOSES,
        cells,
      });
      ranks.push(rank);
      nameCols.push(source);
      previousTotalRow = rank > 0 ? r : -2;
      if (rank === 0) {
        lastNameAt.length = parents.length;
        lastNameAt.push(name);
      }
    };
    for (const r of bodyRows) addRow(r);

    // Units with no figures at the table's end: a short name in the name column (perhaps a
    // remark such as 本月无应处置案件 over the figures), not a note merged across the table, not
    // the title of a table below (a header follows within a few rows).
    let end = core.bodyEnd;
    while (rows.length > 0) {
      const r = end + 1;
      const name = this.trailingName(r, nameCol, c0, c1);
      if (name === null) break;
      const t = squash(name.text);
      if (
        t.length > MAX_BARE_NAME ||
        NOTE_START.test(t) ||
        ENUMERATED.test(t) ||
        META_LINE.test(t) ||
        SENTENCE_MARK.test(t) ||
        totalRank(t) > 0 ||
        this.isNewHeader(r, [c0, c1], core.headerTop, core.headerTop + core.headerRows) ||
        this.headerFollows(r + 1, [c0, c1])
      )
        break;
      const before = rows.length;
      addRow(r);
      if (rows.length === before) break;
      if (name.alone) say(r, name.col, this.msg.unitWithoutFigures(t));
      end = r;
    }

    const countCols: number[] = [];
    for (let j = 0; j < width; j++)
      if (roles[j] === 'figure' && !decisions[j]!.percent && times[j] !== 'change')
        countCols.push(j);
    for (const i of totalsAbove(rows, ranks, countCols))
      say(
        rows[i]!.gridRow,
        nameCols[i]!,
        this.msg.totalFromData(rows[i]!.name, rows[i]!.closes.length),
      );
    closeTotals(rows, ranks);
    // A total that says it leaves some rows out (合计（不含高新区）): which ones cannot be told
    // for sure, so it is checked against none, and said.
    rows.forEach((d, i) => {
      if (d.kind !== 'total' || !PARTIAL_TOTAL.test(d.name)) return;
      d.closes = NO_CLOSES;
      say(d.gridRow, nameCols[i]!, this.msg.partialTotal(d.name));
    });
    const seen = new Set<string>();
    rows.forEach((d, i) => {
      if (d.kind === 'total') {
        if (d.closes.length === 0 && !PARTIAL_TOTAL.test(d.name))
          say(d.gridRow, nameCols[i]!, this.msg.totalClosesNothing(d.name));
        return;
      }
      const key = d.parents.length === 0 ? d.name : `${d.parents.join('\u0000')}\u0000${d.name}`;
      if (seen.has(key)) say(d.gridRow, nameCols[i]!, this.msg.duplicateUnit(d.name));
      seen.add(key);
    });

    // --- title
    const title = this.titleAbove(core.headerTop, floor, c0, c1);
    const columns: StructColumn[] = [];
    for (let j = 0; j < width; j++) {
      columns.push({
        col: c0 + j,
        path: paths[j] ?? [],
        label: label(j),
        role: roles[j]!,
        time: roles[j] === 'figure' ? times[j]! : 'current',
        percent: decisions[j]?.percent ?? false,
      });
    }
    const table: StructTable = {
      sheet: this.sheet.name,
      title: title?.text ?? null,
      anchor: title ? this.addr(title.row, title.col) : this.addr(core.headerTop, c0),
      headerTop: core.headerTop,
      headerRows: core.headerRows,
      firstCol: c0,
      lastCol: c1,
      columns,
      rows,
      endRow: end + 1,
      notes: [],
      uncertain,
    };
    return { table, titleRow: title?.row ?? core.headerTop };
  }

  /**
   * For each text column: body rows where it is empty (not merged) while a text column right
   * of it, of two names or more, holds a text.
   */
  private emptyBesideNames(
    rows: readonly number[],
    c0: number,
    textCols: readonly number[],
    stats: readonly ColumnStats[],
  ): number[] {
    const named = textCols.filter((j) => stats[j]!.distinct >= 2);
    return textCols.map((j) => {
      const right = named.filter((k) => k > j);
      if (right.length === 0) return 0;
      let n = 0;
      for (const r of rows) {
        const base = r * this.nCols + c0;
        if (this.kinds[base + j] !== EMPTY) continue;
        if (right.some((k) => this.kinds[base + k] === TEXT)) n++;
      }
      return n;
    });
  }

  /** What a figure column's numbers look like (no cell objects kept). */
  private figureStats(rows: readonly number[], c: number, candidate: boolean): FigureStats {
    const f: FigureStats = {
      signed: 0,
      bare: 0,
      arrows: 0,
      allAtMostOne: true,
      atMostTwo: true,
      atMostTen: true,
      maxDecimals: 0,
      anyFraction: false,
      anyNonZero: false,
    };
    for (const r of rows) {
      if (this.kinds[r * this.nCols + c] !== NUM) continue;
      const v = this.raw(r, c);
      let abs: number;
      let decimals = 0;
      if (typeof v === 'number') {
        abs = Math.abs(v);
        if (candidate && !Number.isInteger(v)) {
          const t = numberText(v) ?? '';
          const dot = t.indexOf('.');
          decimals = dot < 0 ? 0 : t.length - dot - 1;
        }
      } else if (typeof v === 'string') {
        const p = this.parsed?.[r * this.nCols + c];
        if (!p) continue;
        const first = v.trimStart().charCodeAt(0);
        if (first === 0x2191 || first === 0x2193) f.arrows++;
        if (p.percent) {
          f.signed++;
          continue;
        }
        abs = Math.abs(p.scaled) / 10 ** p.decimals; // only compared with 1, 2, 10 below
        decimals = p.decimals;
      } else continue;
      f.bare++;
      if (abs > 1) f.allAtMostOne = false;
      if (abs > 2) f.atMostTwo = false;
      if (abs > 10) f.atMostTen = false;
      if (decimals > f.maxDecimals) f.maxDecimals = decimals;
      if (decimals > 0) f.anyFraction = true;
      if (abs !== 0) f.anyNonZero = true;
    }
    return f;
  }

  /** 1, 2, 3 … down a column: a serial number, not a figure. */
  private isSequence(rows: readonly number[], c: number): boolean {
    let expect = 1;
    let seen = 0;
    for (const r of rows) {
      const v = parsePrinted(this.raw(r, c));
      if (!v) continue;
      if (v.decimals !== 0 || v.scaled !== expect) return false;
      expect++;
      seen++;
    }
    return seen >= 2;
  }

  /** Every name of a would-be name column is a period (2017年8月, 8月份, 第35周). */
  private allPeriods(rows: readonly number[], c: number): boolean {
    let seen = 0;
    for (const r of rows) {
      if (this.kinds[r * this.nCols + c] !== TEXT) continue;
      if (seen >= LABEL_SAMPLE) break;
      if (!PERIOD_NAME.test(squash(this.shownText(r, c)).normalize('NFKC'))) return false;
      seen++;
    }
    return seen > 0;
  }

  /** Most of a would-be name column reads as figure labels (受理数, 立案率): label | value. */
  private looksLikeLabels(rows: readonly number[], c: number): boolean {
    let labels = 0;
    let texts = 0;
    for (const r of rows) {
      if (texts >= LABEL_SAMPLE) break;
      if (this.kinds[r * this.nCols + c] !== TEXT) continue;
      const t = squash(this.shownText(r, c))
        .normalize('NFKC')
        .replace(/[(（][^)）]*[)）]$/, '');
      texts++;
      if (QUANTITY_LABEL.test(t)) labels++;
    }
    return texts >= 3 && labels * 10 >= texts * 6;
  }

  /** Which period each column is about, from its header words and the months it names. */
  private timesOf(paths: readonly string[][], roles: readonly ColumnRole[]): ColumnTime[] {
    const times: ColumnTime[] = paths.map(() => 'current');
    const months: ({ year: number | null; month: number } | null)[] = paths.map(() => null);
    paths.forEach((path, j) => {
      if (roles[j] !== 'figure') return;
      const text = path.join('/').normalize('NFKC');
      if (CHANGE_WORD.test(text)) times[j] = 'change';
      else if (LAST_YEAR_WORD.test(text)) times[j] = 'lastYear';
      else if (PREVIOUS_WORD.test(text)) times[j] = 'previous';
      else {
        const m = YEAR_MONTH.exec(text);
        if (m) {
          const month = Number(m[2]);
          if (month >= 1 && month <= 12) months[j] = { year: m[1] ? Number(m[1]) : null, month };
        }
      }
    });
    const named = months.filter((m): m is { year: number | null; month: number } => m !== null);
    if (named.length < 2) return times;
    const years = named.flatMap((m) => (m.year === null ? [] : [m.year]));
    // A month without a year is this year's: the latest year named, or the year after it
    // when that year names the same month (8月 beside 2021年8月).
    let thisYear = years.length > 0 ? Math.max(...years) : 0;
    if (
      named.some(
        (m) => m.year === null && named.some((o) => o.year === thisYear && o.month === m.month),
      )
    )
      thisYear++;
    const key = (m: { year: number | null; month: number }) => (m.year ?? thisYear) * 12 + m.month;
    const latest = Math.max(...named.map(key));
    months.forEach((m, j) => {
      if (!m) return;
      const k = key(m);
      if (k === latest) return;
      times[j] = k === latest - 12 ? 'lastYear' : 'previous';
    });
    return times;
  }

  /** The title above a header: the nearest single text, looking past blank rows and 单位：件. */
  private titleAbove(
    headerTop: number,
    floor: number,
    c0: number,
    c1: number,
  ): { text: string; row: number; col: number } | null {
    let seen = 0;
    for (let r = headerTop - 1; r >= floor && seen < TITLE_LOOKUP; r--) {
      if (this.isBlank(r)) continue;
      seen++;
      if (this.hasMetaLine(r)) continue;
      const t = this.titleIn(r, c0, c1);
      if (!t || NOTE_START.test(squash(t.text))) return null;
      return { ...t, row: r };
    }
    return null;
  }

  /** A row holding “单位：件”, “填报单位：…”, “统计时间：…”. */
  private hasMetaLine(r: number): boolean {
    const base = r * this.nCols;
    for (let c = 0; c < this.nCols; c++)
      if (this.kinds[base + c] === TEXT && META_LINE.test(this.shownText(r, c))) return true;
    return false;
  }

  /**
   * The title text of a row over columns c0..c1: its one text there, or the one merged across
   * two thirds of them and more (a date may sit beside it), or the row's only text.
   */
  private titleIn(r: number, c0: number, c1: number): { text: string; col: number } | null {
    if (this.rowNums[r] !== 0) return null;
    const base = r * this.nCols;
    const found: number[] = [];
    let wide = -1;
    for (let c = 0; c < this.nCols; c++) {
      if (this.kinds[base + c] !== TEXT) continue;
      const area = this.anchorOf.get(base + c);
      const right = area ? area.right : c;
      if (right >= c0 && c <= c1) found.push(c);
      if (area && (Math.min(right, c1) - Math.max(c, c0) + 1) * 3 >= (c1 - c0 + 1) * 2) wide = c;
    }
    const col = found.length === 1 ? found[0]! : wide;
    if (col >= 0) return { text: this.shownText(r, col), col };
    if (found.length === 0) {
      const single = this.singleText(r);
      if (single) return { text: single.text, col: single.col };
    }
    return null;
  }

  /** Note lines under a table: its text rows, one blank row allowed between them. */
  private notesBetween(from: number, limit: number): string[] {
    const notes: string[] = [];
    let blanks = 0;
    for (let r = from; r < Math.min(limit, this.nRows); r++) {
      if (this.isBlank(r)) {
        if (++blanks >= 2) break;
        continue;
      }
      if (this.rowNums[r]! > 0) break;
      blanks = 0;
      const parts: string[] = [];
      const base = r * this.nCols;
      for (let c = 0; c < this.nCols; c++)
        if (this.kinds[base + c] === TEXT) parts.push(this.shownText(r, c));
      notes.push(parts.join(' '));
    }
    return notes;
  }
}

// ---------------------------------------------------------------- helpers

/** Columns that go text, figure, text, figure … (serials aside): label | value pairs. */
function alternatesLabelValue(roles: readonly ColumnRole[]): boolean {
  const kinds = roles.filter((r) => r !== 'serial');
  if (kinds.length < 2 || kinds.length % 2 !== 0) return false;
  for (let i = 0; i < kinds.length; i += 2)
    if (kinds[i] !== 'text' || kinds[i + 1] !== 'figure') return false;
  return true;
}

function columnName(c: number): string {
  return cellAddress(0, c).replace(/\d+$/, '');
}

function distinctJoin(path: readonly string[]): string {
  const out: string[] = [];
  for (const p of path) if (!out.includes(p)) out.push(p);
  return out.join('/');
}

function sameList(a: readonly string[], b: readonly string[]): boolean {
  if (a.length !== b.length) return false;
  for (let i = 0; i < a.length; i++) if (a[i] !== b[i]) return false;
  return true;
}

function startsWithList(a: readonly string[], prefix: readonly string[]): boolean {
  if (a.length < prefix.length) return false;
  for (let i = 0; i < prefix.length; i++) if (a[i] !== prefix[i]) return false;
  return true;
}

/** What a figure column's cells say about percentages, gathered without keeping them. */
interface FigureStats {
  /** Cells printed with a % sign. */
  signed: number;
  /** Numbers without one. */
  bare: number;
  /** Cells printed with ↑ / ↓. */
  arrows: number;
  allAtMostOne: boolean;
  atMostTwo: boolean;
  atMostTen: boolean;
  maxDecimals: number;
  anyFraction: boolean;
  anyNonZero: boolean;
}

interface PercentDecision {
  /** The column holds percentages. */
  readonly percent: boolean;
  /** Its bare numbers are stored fractions: moved two places (0.9935 → 99.35). */
  readonly convert: boolean;
  /** Under a “(%)” header, numbers ≤ 1 read as printed (said). */
  readonly asPrinted: boolean;
  /** Bare numbers among “%” cells: each said. */
  readonly bareSay: boolean;
}

const NOT_PERCENT: PercentDecision = {
  percent: false,
  convert: false,
  asPrinted: false,
  bareSay: false,
};

/**
 * Whether a figure column is a percentage, and whether its bare numbers are the fractions
 * Excel stores for typed percentages (0.9935 for “99.35%”, 1.0288 for “102.88%”). A rate
 * header (…率, 占比, 幅度) with numbers up to 2, or any with 3+ decimals up to 10: fractions.
 * A “(%)” header says the numbers are percentages as printed unless they carry 3+ decimals.
 * A change column (环比) with no rate word: fractions only when some are not whole.
 */
function decidePercent(label: string, time: ColumnTime, f: FigureStats): PercentDecision {
  const rateWord = RATE_WORD.test(label);
  const pctHeader = PERCENT_HEADER.test(label);
  if (f.signed > 0) {
    if (f.bare === 0) return { percent: true, convert: false, asPrinted: false, bareSay: false };
    return f.allAtMostOne && f.maxDecimals >= 3
      ? { percent: true, convert: true, asPrinted: false, bareSay: false }
      : { percent: true, convert: false, asPrinted: false, bareSay: true };
  }
  if (!rateWord && !pctHeader && time !== 'change') return NOT_PERCENT;
  const named = rateWord || pctHeader;
  if (f.bare === 0) return { percent: named, convert: false, asPrinted: false, bareSay: false };
  let fraction: boolean;
  if (!f.atMostTen) fraction = false;
  else if (f.maxDecimals >= 3) fraction = true;
  else if (pctHeader) fraction = false;
  else if (rateWord) fraction = f.atMostTwo;
  else fraction = f.atMostTwo && f.anyFraction; // 环比 −0.1382 (a fraction), not −21 (a count)
  if (fraction) return { percent: true, convert: true, asPrinted: false, bareSay: false };
  return { percent: named, convert: false, asPrinted: pctHeader && f.allAtMostOne, bareSay: false };
}

/** A text cell printed with a % sign. */
function isSigned(v: CellValue | undefined): boolean {
  if (typeof v !== 'string') return false;
  for (let i = v.length - 1; i >= 0; i--) {
    const c = v.charCodeAt(i);
    if (isSpaceCode(c)) continue;
    return c === 37 || c === 0xff05;
  }
  return false;
}

/** A figure or serial cell, its percentage decided by the column (one object, built once). */
function figureCell(
  v: CellValue | PrintedNumber | undefined,
  d: PercentDecision | null,
): StructCell {
  // a number typed as text comes parsed (a fresh object of its own); anything else is read here
  const cell: StructCell =
    v !== null && typeof v === 'object' ? { kind: 'number', value: v } : structCell(v);
  if (cell.kind !== 'number' || !d || !d.percent || cell.value.percent) return cell;
  // structCell's number is new and ours: set its percentage in place.
  const p = cell.value as { -readonly [K in keyof PrintedNumber]: PrintedNumber[K] };
  if (d.convert) {
    // as fractionAsPercent, in place: the point moves two places
    if (p.decimals >= 2) p.decimals -= 2;
    else {
      p.scaled *= p.decimals === 1 ? 10 : 100;
      p.decimals = 0;
    }
  }
  p.percent = true;
  return cell;
}

/**
 * Side-by-side blocks: the smallest period p dividing the width such that every block repeats
 * the first block's header, one column per block allowed to differ (事件 | 部件 over each
 * block's merged label column). [[0, width-1]] when the header does not repeat.
 */
export function periodicSplit(paths: readonly (readonly string[])[]): [number, number][] {
  const w = paths.length;
  const same = (a: readonly string[], b: readonly string[]) =>
    a.length > 0 && a.length === b.length && a.every((x, i) => x === b[i]);
  for (let p = 2; p * 2 <= w; p++) {
    if (w % p !== 0) continue;
    let ok = true;
    for (let b = 1; ok && b < w / p; b++) {
      let differ = 0;
      for (let o = 0; o < p; o++) if (!same(paths[o]!, paths[b * p + o]!)) differ++;
      if (differ > 1 || differ * 2 >= p) ok = false;
    }
    if (ok) {
      const out: [number, number][] = [];
      for (let s = 0; s < w; s += p) out.push([s, s + p - 1]);
      return out;
    }
  }
  return [[0, w - 1]];
}

/**
 * Rows with no total word that equal, in every count column, the sum of the rows under them
 * at their level (湖州's 发现问题数 = 事件总数 + 部件总数): totals above their parts. Marks
 * them (kind, rank, closes) and returns their indices. Needs two count columns that are not
 * all zero: one column could add up by chance.
 */
function totalsAbove(rows: MutableRow[], ranks: number[], countCols: readonly number[]): number[] {
  const found: number[] = [];
  if (countCols.length < 2) return found;
  let i = 0;
  while (i < rows.length) {
    let k = i + 1;
    while (k < rows.length && sameList(rows[k]!.parents, rows[i]!.parents)) k++;
    // rows i .. k-1 share their parents
    let allUnits = rows[i]!.kind === 'unit';
    for (let x = i + 1; allUnits && x < k; x++) if (rows[x]!.kind !== 'unit') allUnits = false;
    if (k - i >= 3 && allUnits) {
      let checked = 0;
      let nonZero = 0;
      let ok = true;
      for (const j of countCols) {
        const top = rows[i]!.cells[j]!;
        if (top.kind !== 'number' || top.value.decimals !== 0) {
          if (top.kind === 'number') ok = false;
          continue;
        }
        let sum = 0;
        for (let x = i + 1; x < k; x++) {
          const cell = rows[x]!.cells[j]!;
          if (cell.kind === 'number' && cell.value.decimals === 0) sum += cell.value.scaled;
          else if (cell.kind !== 'empty') ok = false;
        }
        if (sum !== top.value.scaled) ok = false;
        checked++;
        if (sum !== 0) nonZero++;
      }
      if (ok && checked >= 2 && nonZero >= 2) {
        const first = rows[i]!;
        first.kind = 'total';
        ranks[i] = 2;
        const closes: number[] = [];
        for (let x = i + 1; x < k; x++) closes.push(x);
        first.closes = closes;
        found.push(i);
      }
    }
    i = k;
  }
  return found;
}

/**
 * The rows each total closes: a total's group is the rows whose parents begin with its own;
 * of those, rows at its level directly, and for each sub-group its own total when it has one
 * (else that sub-group's rows, the same way). A 小计 closes back to the previous total at its
 * level; a 合计 back to the previous 合计 (taking the 小计s between, not their rows); a 总计
 * the whole table. A total with nothing before it at its level closes the rows after it.
 */
function closeTotals(rows: MutableRow[], ranks: readonly number[]): void {
  rows.forEach((t, ti) => {
    if (t.kind !== 'total' || t.closes.length > 0) return;
    // Back over its group (rows whose parents begin with its own), to the previous total at
    // its level of the same rank or higher.
    let start = ti;
    while (start > 0) {
      const d = rows[start - 1]!;
      if (!startsWithList(d.parents, t.parents)) break;
      if (d.kind === 'total' && sameList(d.parents, t.parents) && ranks[start - 1]! >= ranks[ti]!)
        break;
      start--;
    }
    let range: number[] = [];
    for (let x = start; x < ti; x++) range.push(x);
    let items = itemsAt(rows, t.parents, range);
    if (items.length === 0) {
      // A total above its group: forward, to the next total at its level or above.
      range = [];
      for (let x = ti + 1; x < rows.length; x++) {
        const d = rows[x]!;
        if (!startsWithList(d.parents, t.parents)) break;
        if (d.kind === 'total' && d.parents.length === t.parents.length) break;
        range.push(x);
      }
      items = itemsAt(rows, t.parents, range);
    }
    t.closes = items;
  });
}

/** The rows a total at level `level` sums, among `range` (indices in order). */
function itemsAt(
  rows: readonly StructRow[],
  level: readonly string[],
  range: readonly number[],
): number[] {
  const inGroup = range.filter((x) => startsWithList(rows[x]!.parents, level));
  // Rows at this level; a lower-rank total at this level replaces the rows it closes.
  const replaced = new Set<number>();
  for (const x of inGroup) {
    const d = rows[x]!;
    if (d.kind === 'total' && sameList(d.parents, level)) for (const y of d.closes) replaced.add(y);
  }
  const groups = new Map<string, number[]>();
  const order: (number | string)[] = [];
  for (const x of inGroup) {
    if (replaced.has(x)) continue;
    const d = rows[x]!;
    if (d.parents.length === level.length) order.push(x);
    else {
      const g = d.parents[level.length]!;
      let list = groups.get(g);
      if (!list) {
        list = [];
        groups.set(g, list);
        order.push(g);
      }
      list.push(x);
    }
  }
  const out: number[] = [];
  for (const o of order) {
    if (typeof o === 'number') {
      out.push(o);
      continue;
    }
    const list = groups.get(o)!;
    const sub = [...level, o];
    let total = -1;
    for (const x of list) {
      const d = rows[x]!;
      if (d.kind === 'total' && sameList(d.parents, sub)) total = x;
    }
    if (total >= 0) out.push(total);
    else for (const x of itemsAt(rows, sub, list)) out.push(x);
  }
  return out.sort((a, b) => a - b);
}
