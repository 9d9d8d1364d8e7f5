/**
 * Claims from free text: every number of a draft and every ranking, read in the bulletin's
 * sentence forms — a unit's figure (台江区（98.88分）, 仓山区7751件次), a total (受理诉求35275件), a
 * share (共占受理总数的52.18%), a 环比 (环比上升3.15%, 提高15分, 较上月有所上升), a ranking
 * (较好的…, 排名后三位…, 等8家单位…均为100分, 办理数量较多的…), a 类 ranking (排名前三位的是：
 * 城乡建设类…, 主要分布在…三类), the text's own sums — and, for every other number, why it
 * cannot be checked (a date, a case number, a 督办 count…). Nothing here decides right or
 * wrong: `check.ts` does, against the book.
 */
import type { ProofreadReason } from '../i18n/proofread';
import type { ComparedList, FigureId } from '../summary/types';
import {
  type Book,
  universeOf,
  type CategoryEntity,
  type Entity,
  type Metric,
  type Universe,
} from './book';
import { foldName, foldText, type Folded } from './fold';
import { resolveShortened } from './names';
import { parseDecimal, type Decimal } from './numbers';
import type { ClaimKind, DraftParagraph } from './types';

export interface Range {
  readonly start: number;
  readonly end: number;
}

/** A number as written: its digits and the unit after it, in folded offsets. */
export interface Tok extends Range {
  readonly numStart: number;
  readonly numEnd: number;
  readonly text: string;
  readonly value: Decimal;
  readonly unit: string;
  used: boolean;
}

export interface Para {
  /** 1-based. */
  readonly index: number;
  readonly folded: Folded;
}

/** A word of the text a claim rests on (上升, 略有, 基本持平). */
export interface Word extends Range {
  readonly text: string;
}

export type Direction = 'up' | 'down' | 'flat';

/** Why a number is not checked. */
export type ReasonKey = ProofreadReason;

/** What a share's part or whole is. */
export type Quantity =
  | { readonly type: 'entity'; readonly entity: Entity; readonly metric: Metric }
  | { readonly type: 'figure'; readonly id: FigureId }
  | { readonly type: 'text'; readonly tok: Tok }
  | { readonly type: 'hotlineTotal' }
  | { readonly type: 'transferTotal' };

export type Subject =
  | { readonly type: 'entity'; readonly entity: Entity; readonly metric: Metric }
  | { readonly type: 'figure'; readonly id: FigureId };

export type Order = 'best' | 'bottom' | 'last' | 'top' | 'improved';

export interface Item {
  readonly entity: Entity | null;
  /** The name as written (folded range). */
  readonly name: Range;
  readonly value: Tok | null;
}

export type RawClaim = (
  | { readonly kind: 'value'; readonly entity: Entity; readonly metric: Metric; readonly tok: Tok }
  | { readonly kind: 'figure'; readonly id: FigureId; readonly tok: Tok }
  | {
      readonly kind: 'sum';
      readonly entities: readonly Entity[];
      readonly metric: Metric;
      readonly tok: Tok;
    }
  | {
      readonly kind: 'share';
      readonly parts: readonly Quantity[];
      readonly whole: Quantity;
      readonly tok: Tok;
      /** The rate's own name when the text gives one (按期办结率). */
      readonly label?: string;
    }
  | {
      readonly kind: 'change';
      readonly subject: Subject;
      readonly direction: (Word & { readonly dir: Direction }) | null;
      readonly size: Word | null;
      readonly tok: Tok | null;
    }
  | {
      readonly kind: 'ranking';
      readonly category: boolean;
      readonly order: Order;
      readonly metric: Metric;
      readonly population: readonly Entity[];
      readonly items: readonly Item[];
      readonly tieCount: Tok | null;
      readonly shared: Tok | null;
    }
  | { readonly kind: 'arithmetic'; readonly parts: readonly Tok[]; readonly total: Tok }
  | { readonly kind: 'allEqual'; readonly metrics: readonly Metric[]; readonly tok: Tok }
  | { readonly kind: 'flatShares'; readonly list: ComparedList; readonly word: Word }
  | {
      readonly kind: 'notChecked';
      readonly range: Range;
      readonly reason: ReasonKey;
      /** What the claim would have been, when known (a 环比, a share, a ranking). */
      readonly as?: ClaimKind;
    }
) & { readonly para: Para; readonly quote: Range };

/** A claim before its paragraph is attached. */
type Unattached<T> = T extends unknown ? Omit<T, 'para'> : never;

// ---------------------------------------------------------------------------------------------
// Vocabulary (folded text: full-width punctuation is ASCII here).

const UP = '上升|增长|增加|提高|提升|上涨|升高';
const DOWN = '下降|减少|降低|下滑|回落|下跌';
const dirOf = (w: string): Direction =>
  new RegExp(`^(?:${UP})$`).test(w) ? 'up' : new RegExp(`^(?:${DOWN})$`).test(w) ? 'down' : 'flat';
const CN = '[一二两三四五六七八九十]|\\d{1,2}';
const WHO = '(?:单位|市直单位|县\\(市\\)区|区县|县\\(市\\)|城区|部门)?';
const SAY = '(?:是|为)(?::)?';

const CUES: readonly { readonly order: Order; readonly re: RegExp }[] = [
  {
    order: 'improved',
    re: new RegExp(`进步(?:较大|最大|明显)的(?:前(${CN})位)?${WHO}${SAY}`, 'g'),
  },
  {
    order: 'bottom',
    re: new RegExp(`(?:排名|位列|列)?(?<!最)(?:后|倒数)(${CN})位的?${WHO}${SAY}`, 'g'),
  },
  { order: 'last', re: new RegExp(`(?:排名)?(?:最后(?:一位|一名)?|最低)的?${WHO}${SAY}`, 'g') },
  { order: 'top', re: new RegExp(`(?:排名|位列)?前(${CN})位的?${WHO}${SAY}`, 'g') },
  { order: 'top', re: new RegExp(`(?:较多|最多)的${WHO}${SAY}`, 'g') },
  { order: 'best', re: new RegExp(`(?:较好|较高|最高|最好|最佳|第一|首位)的?${WHO}${SAY}`, 'g') },
];
/** Any cue: a list stops where another begins. */
const ANY_CUE = new RegExp(CUES.map((c) => c.re.source).join('|'));

/** 类 rankings: the list after (or, for 以…为主, inside) the cue. */
const CATEGORY_CUES: readonly RegExp[] = [
  /主要来源于/g,
  /主要分布在/g,
  /主要集中在:?/g,
  /以(?=[^,;。]{1,40}为主)/g,
];

const GROUP_RE = /五城区|七县\(市\)|市直单位|县\(市\)区/g;
const AREA_RE = /五城区|七县\(市\)/;

/** Summary labels: the longest first. 'accepted' is the 受理 of the part the sentence is about. */
const FIGURE_LABELS: readonly [string, FigureId | 'accepted'][] = [
  ['按期结案率', 'city.onTimeRate'],
  ['按期结案数', 'city.closedOnTime'],
  ['应结案数', 'city.toClose'],
  ['结案率', 'city.closedRate'],
  ['结案数', 'city.closed'],
  ['返工率', 'city.reworkRate'],
  ['返工数', 'city.rework'],
  ['处置数', 'city.disposed'],
  ['事件立案', 'city.events'],
  ['部件立案', 'city.parts'],
  ['群众基本满意度', 'hotline.satisfaction'],
  ['群众满意度', 'hotline.satisfaction'],
  ['满意度', 'hotline.satisfaction'],
  ['满意率', 'hotline.satisfaction'],
  ['受理', 'accepted'],
];
/** What may stand before a figure of the whole in its clause: 其中：12345平台, 我市…系统, 本月共. */
const FIGURE_SUBJECT =
  /^(?:其中:?)?(?:本月|\d{1,2}月份?)?(?:我市|全市)?(?:12345政府公共服务系统|政府公共服务系统|12345平台|12345热线|数字城管系统|数字城管|全系统)?(?:的)?(?:本月)?(?:共|累计)?$/;
const FIGURE_FILLER = /^(?:诉求件|诉求|\(案件\)|案件|有效案件|量|总量|总数|数|为|是|达|:|共|的)*$/;

type Part = 'all' | 'hotline' | 'city';
const PART_RE = /12345政府公共服务系统|政府公共服务系统|全系统|12345平台|12345热线|数字城管/g;
const PART_TEST = new RegExp(PART_RE.source);
const partOf = (m: string): Part =>
  /政府公共服务系统|全系统/.test(m) ? 'all' : /12345/.test(m) ? 'hotline' : 'city';

/** Units a 环比's size is written in. */
const CHANGE_UNITS = new Set(['%', '个百分点', '分', '件', '件次']);

const UNIT_RE =
  /^(?:个百分点|件次|件|家|分|%|个|号|年|月份|月|日|份|天|人|次|位|名|项|万|亿|倍|小时|公里|米)/;

// ---------------------------------------------------------------------------------------------

interface Label extends Range {
  readonly metric: string | null;
  readonly figure: FigureId | 'accepted' | null;
}

interface Mention extends Range {
  readonly entities: readonly Entity[];
}

/** What the text is about at a point: part of the bulletin, section, last figure named. */
interface Context {
  part: Part | null;
  /** Section kinds by heading level (一、 （一） 1. (1)). */
  readonly levels: (SectionKind | null)[];
  metric: string | null;
}

type SectionKind = 'overview' | 'hotspot' | 'cases' | 'supervision' | 'requirements' | 'appendix';

const sectionOf = (ctx: Context): SectionKind | null => {
  for (let i = ctx.levels.length - 1; i >= 0; i--) if (ctx.levels[i]) return ctx.levels[i]!;
  return null;
};

const HEADINGS: readonly [number, RegExp][] = [
  [0, /^[一二三四五六七八九十]+、/],
  [1, /^\([一二三四五六七八九十]+\)/],
  [2, /^\d{1,2}(?:\.(?!\d)|、)/],
  [3, /^\(\d{1,2}\)|^\d{1,2}\)/],
];

function headingOf(text: string): { level: number; title: string } | null {
  const t = text.replace(/^【(.*)】$/, '$1');
  if (/^附件/.test(t)) return { level: 0, title: t };
  for (const [level, re] of HEADINGS) {
    const m = re.exec(t);
    if (!m) continue;
    const title = t.slice(m[0].length);
    if (title.length <= 30 && !/[,;。:]/.test(title)) return { level, title };
  }
  return null;
}

function kindOfHeading(title: string): SectionKind | null {
  if (/热点/.test(title)) return 'hotspot';
  if (/案例/.test(title)) return 'cases';
  if (/督办|整改|反馈情况/.test(title)) return 'supervision';
  if (/工作要求/.test(title)) return 'requirements';
  if (/^附件/.test(title)) return 'appendix';
  if (/基本情况/.test(title)) return 'overview';
  return null;
}

// ---------------------------------------------------------------------------------------------

/** Numbers of a paragraph: claims-to-be, and the ones that are names, numbering or dates. */
interface Scan {
  readonly toks: Tok[];
  /** Dates, case and document numbers: not checked, with their reason. */
  readonly fixed: { range: Range; reason: ReasonKey }[];
}

const DATE_RES: readonly RegExp[] = [
  /\d{4}-\d{1,2}-\d{1,2}/g,
  /\d{4}\.\d{1,2}\.\d{1,2}(?!\d)/g,
  /\d{4}年(?:\d{1,2}月(?:份)?(?:\d{1,2}(?:日|号))?)?/g,
  /\d{1,2}月(?:份)?(?:\d{1,2}(?:日|号))?/g,
  /\d{1,2}日/g,
];

function scanNumbers(f: Folded): Scan {
  const text = f.text;
  const toks: Tok[] = [];
  const fixed: { range: Range; reason: ReasonKey }[] = [];
  const taken: boolean[] = new Array<boolean>(text.length).fill(false);
  const take = (s: number, e: number) => {
    for (let i = s; i < e; i++) taken[i] = true;
  };
  const free = (s: number, e: number) => {
    for (let i = s; i < e; i++) if (taken[i]) return false;
    return true;
  };
  // Case numbers (FZ17080300576), document numbers (〔2017〕58号), dates.
  for (const m of text.matchAll(/(?:编号)?[A-Za-z]{1,4}\d{6,}/g)) {
    fixed.push({ range: { start: m.index, end: m.index + m[0].length }, reason: 'caseNumber' });
    take(m.index, m.index + m[0].length);
  }
  for (const m of text.matchAll(/[〔[]\d{4}[〕\]]\d+号/g)) {
    fixed.push({ range: { start: m.index, end: m.index + m[0].length }, reason: 'documentNumber' });
    take(m.index, m.index + m[0].length);
  }
  for (const re of DATE_RES)
    for (const m of text.matchAll(re)) {
      const s = m.index;
      const e = s + m[0].length;
      if (
        !free(s, e) ||
        /\d/.test(text[s - 1] ?? '') ||
        (/\d$/.test(m[0]) && /\d/.test(text[e] ?? ''))
      )
        continue;
      fixed.push({ range: { start: s, end: e }, reason: 'date' });
      take(s, e);
    }
  // Not claims at all: 12345 as a name, 附件1, paragraph and list numbering.
  for (const m of text.matchAll(/12345(?=平台|政府|热线|诉求|系统|服务|电话)/g))
    take(m.index, m.index + 5);
  for (const m of text.matchAll(/附件\d{1,2}/g)) take(m.index, m.index + m[0].length);
  for (const m of text.matchAll(
    /(?<=^|[:;。,、】【]|附件:)(?:\(\d{1,2}\)|\d{1,2}\)|\d{1,2}、|\d{1,2}\.(?!\d))/g,
  ))
    take(m.index, m.index + m[0].length);
  // A numbering “1. 2017年…”: folded, its point runs into the next number.
  for (const m of text.matchAll(/(?<=^|[:;。])\d{1,2}\.(?=\d)/g)) {
    if (f.spaced[m.index + m[0].length]) take(m.index, m.index + m[0].length);
  }
  // 35,275: thousands separated by ASCII commas (a full-width ， separates clauses).
  for (const m of text.matchAll(/(?<![\d.])\d{1,3}(?:,\d{3})+(?:\.\d+)?(?![\d,])/g)) {
    const s = m.index;
    const e = s + m[0].length;
    let ascii = true;
    for (let i = s; i < e; i++) if (text[i] === ',' && f.original[f.at[i]!] !== ',') ascii = false;
    if (!ascii || !free(s, e)) continue;
    const digits = m[0].replace(/,/g, '');
    const value = parseDecimal(digits);
    if (value === null) continue;
    const unit = UNIT_RE.exec(text.slice(e))?.[0] ?? '';
    toks.push({
      start: s,
      end: e + unit.length,
      numStart: s,
      numEnd: e,
      text: digits,
      value,
      unit,
      used: false,
    });
    take(s, e);
  }
  for (const m of text.matchAll(/\d+(?:\.\d+)?/g)) {
    let s = m.index;
    const e = s + m[0].length;
    // Split where a space stood between digits, unless it was inside a number (1 782, 95. 13).
    let cut = s;
    for (let i = s; i <= e; i++) {
      const boundary =
        i === e ||
        (i > s &&
          f.spaced[i] === true &&
          text[i - 1] !== '.' &&
          text[i] !== '.' &&
          !/^\d{3}(?!\d)/.test(text.slice(i, e + 1)));
      if (!boundary) continue;
      addTok(cut, i);
      cut = i;
    }
    s = e;
  }
  function addTok(s: number, e: number) {
    // Skip what was taken, trim to the free digits.
    while (s < e && taken[s]) s++;
    let end = e;
    while (end > s && taken[end - 1]) end--;
    if (s >= end) return;
    let digits = text.slice(s, end);
    if (digits.startsWith('.')) return;
    if (digits.endsWith('.')) {
      digits = digits.slice(0, -1);
      end -= 1;
    }
    const value = parseDecimal(digits);
    if (value === null) return;
    const unit = UNIT_RE.exec(text.slice(end))?.[0] ?? '';
    toks.push({
      start: s,
      end: end + unit.length,
      numStart: s,
      numEnd: end,
      text: digits,
      value,
      unit,
      used: false,
    });
  }
  return { toks, fixed };
}

// ---------------------------------------------------------------------------------------------

/** The claims of a draft, paragraph by paragraph, with the notes the finder makes on the way. */
export interface Found {
  readonly claims: RawClaim[];
  readonly paragraphs: readonly Para[];
  /** Paragraphs of the draft's tables (or tab-separated rows) that were not read for claims. */
  readonly tableParagraphs: number;
}

export function findClaims(paragraphs: readonly DraftParagraph[], book: Book): Found {
  const ctx: Context = { part: null, levels: [null, null, null, null], metric: null };
  const claims: RawClaim[] = [];
  const paras: Para[] = [];
  let tableParagraphs = 0;
  const finder = new SentenceFinder(book, claims);
  paragraphs.forEach((p, i) => {
    const folded = foldText(p.text);
    const para: Para = { index: i + 1, folded };
    paras.push(para);
    if (folded.text === '') return;
    // The draft's tables: their cells are the workbook's business (the audit checks them).
    if (p.where === 'table' || p.text.includes('\t')) {
      if (/\d/.test(folded.text)) tableParagraphs++;
      return;
    }
    // “【图：…】”, “【待填写：…】”: Tongbao's own markers.
    if (/^【(?:图|待填写)[:：]/.test(folded.text)) return;
    const heading = headingOf(folded.text);
    if (heading) {
      const kind = kindOfHeading(heading.title);
      ctx.levels[heading.level] = kind;
      for (let l = heading.level + 1; l < ctx.levels.length; l++) ctx.levels[l] = null;
      if (heading.level <= 1) {
        if (/12345/.test(heading.title)) ctx.part = 'hotline';
        else if (/数字城管/.test(heading.title)) ctx.part = 'city';
        else if (heading.level === 0) ctx.part = null;
      }
      ctx.metric = null;
    } else if (/^附件[:：]/.test(folded.text)) {
      ctx.levels[0] = 'appendix';
    }
    finder.paragraph(para, ctx);
  });
  return { claims, paragraphs: paras, tableParagraphs };
}

class SentenceFinder {
  private readonly labelRe: RegExp;
  private readonly labelMetric = new Map<string, string>();

  constructor(
    private readonly book: Book,
    private readonly out: RawClaim[],
  ) {
    // Figure names: the scheme's (综合指标值, 按期结案率…), the index's other names, 12345's.
    const a = book.current;
    const index = a.scheme.figures.find((f) => f.kind === 'index');
    for (const m of book.metrics) if (m.universe === 'eval') this.labelMetric.set(m.key, m.key);
    if (index) {
      for (const alias of ['指标值', '综合分值', '分值', '综合得分', '得分'])
        this.labelMetric.set(alias, index.key);
      for (const m of a.scheme.measures)
        if (m.figure === index.key) this.labelMetric.set(m.valueName, index.key);
    }
    for (const [l, k] of [
      ['群众基本满意度', 'hotline.satisfaction'],
      ['群众满意度', 'hotline.satisfaction'],
      ['满意度', 'hotline.satisfaction'],
      ['满意率', 'hotline.satisfaction'],
      ['接通率', 'transfers.connected'],
      ['及时反馈率', 'transfers.timely'],
      ['办理数量', 'hotline.count'],
      ['件次', 'hotline.count'],
      ['受理量', 'count'],
      ['转接诉求量', 'transfers.count'],
    ] as const)
      this.labelMetric.set(l, k);
    const words = [...new Set([...this.labelMetric.keys(), ...FIGURE_LABELS.map(([l]) => l)])];
    words.sort((x, y) => y.length - x.length);
    this.labelRe = new RegExp(words.map(escape).join('|'), 'g');
  }

  paragraph(para: Para, ctx: Context): void {
    const text = para.folded.text;
    const scan = scanNumbers(para.folded);
    const section = sectionOf(ctx);
    for (const x of scan.fixed)
      this.out.push({ kind: 'notChecked', para, quote: x.range, range: x.range, reason: x.reason });
    const mentions = this.mentions(text);
    // Sentences: 。；！？ end one (brackets hold commas, not sentence ends).
    let start = 0;
    let depth = 0;
    for (let i = 0; i <= text.length; i++) {
      const c = text[i];
      if (c === '(') depth++;
      else if (c === ')') depth = Math.max(0, depth - 1);
      if (i === text.length || (depth === 0 && /[。;!?]/.test(c!))) {
        if (i > start) {
          const s = new Sentence(
            this.book,
            para,
            start,
            i,
            scan.toks,
            mentions,
            this.labels(text, start, i),
            ctx,
            section,
            this.out,
            this.labelRe.source,
          );
          s.find();
        }
        start = i + 1;
      }
    }
    // Whatever number no claim took.
    for (const t of scan.toks) {
      if (t.used) continue;
      t.used = true;
      const reason: ReasonKey =
        section === 'hotspot' ||
        section === 'supervision' ||
        section === 'cases' ||
        section === 'requirements'
          ? section
          : /[=×]/.test(text) || /^说明/.test(text)
            ? 'formula'
            : 'notInTables';
      this.out.push({ kind: 'notChecked', para, quote: clauseAround(text, t), range: t, reason });
    }
  }

  /** Entity names in the text: the longest form at each point. */
  private mentions(text: string): Mention[] {
    const out: Mention[] = [];
    for (let i = 0; i < text.length;) {
      let found: Mention | null = null;
      for (let len = Math.min(this.book.maxForm, text.length - i); len >= 2; len--) {
        const entities = this.book.named(text.slice(i, i + len));
        if (entities.length > 0) {
          found = { start: i, end: i + len, entities };
          break;
        }
      }
      if (found) {
        out.push(found);
        i = found.end;
      } else i++;
    }
    return out;
  }

  private labels(text: string, start: number, end: number): Label[] {
    const out: Label[] = [];
    const re = new RegExp(this.labelRe.source, 'g');
    re.lastIndex = start;
    for (let m = re.exec(text); m !== null && m.index < end; m = re.exec(text)) {
      const w = m[0];
      out.push({
        start: m.index,
        end: m.index + w.length,
        metric: this.labelMetric.get(w) ?? null,
        figure: FIGURE_LABELS.find(([l]) => l === w)?.[1] ?? null,
      });
    }
    return out;
  }
}

function escape(s: string): string {
  return s.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
}

/** The clause holding a range: between the nearest , ; 。 : around it (outside brackets). */
function clauseAround(text: string, r: Range): Range {
  let s = r.start;
  while (s > 0 && !/[,;。:、]/.test(text[s - 1]!)) s--;
  let e = r.end;
  while (e < text.length && !/[,;。:]/.test(text[e]!)) e++;
  // Keep a bracket whole.
  const open = text.lastIndexOf('(', r.start);
  if (open >= s && text.indexOf(')', open) >= r.end) {
    while (e < text.length && text[e] !== ')') e++;
    if (e < text.length) e++;
  }
  return { start: s, end: e };
}

// ---------------------------------------------------------------------------------------------

interface Element {
  readonly pos: number;
  readonly end: number;
  readonly subject: Subject[] | null;
}

class Sentence {
  private readonly text: string;
  private readonly toks: Tok[];
  private readonly mentions: Mention[];
  /** Ranges taken by a claim's words (lists, brackets): no other claim reads inside them. */
  private readonly taken: Range[] = [];
  private readonly elements: Element[] = [];
  private readonly lists: { range: Range; items: Item[]; metric: Metric; category: boolean }[] = [];

  constructor(
    private readonly book: Book,
    private readonly para: Para,
    private readonly s: number,
    private readonly e: number,
    allToks: readonly Tok[],
    allMentions: readonly Mention[],
    private readonly labels: readonly Label[],
    private readonly ctx: Context,
    private readonly section: SectionKind | null,
    private readonly out: RawClaim[],
    /** The figure names' pattern (longest first). */
    private readonly labelSource: string,
  ) {
    this.text = para.folded.text;
    this.toks = allToks.filter((t) => t.start >= s && t.end <= e);
    this.mentions = allMentions.filter((m) => m.start >= s && m.end <= e);
  }

  find(): void {
    const text = this.text.slice(this.s, this.e);
    const checkable =
      this.section !== 'supervision' &&
      this.section !== 'cases' &&
      this.section !== 'requirements' &&
      this.section !== 'appendix';
    if (/[=×]|\[\d/.test(text) || /^说明/.test(text)) {
      for (const t of this.toks)
        this.push({ kind: 'notChecked', range: t, reason: 'formula', quote: this.clause(t) }, t);
      return;
    }
    this.arithmeticInBrackets();
    if (this.section !== 'appendix') this.rateOfCounts();
    if (checkable && this.section !== 'hotspot') {
      this.rankings();
      this.categoryRankings();
    }
    if (checkable || this.section === 'requirements') this.allEqual();
    this.unitValues(this.section === 'hotspot' || !checkable);
    if (checkable && this.section !== 'hotspot') {
      this.figures();
      this.sums();
      this.shares();
      this.changes();
    }
    // The sentence's last figure name carries to the next.
    const last = [...this.labels].reverse().find((l) => l.metric !== null && l.metric !== 'count');
    if (last) this.ctx.metric = last.metric;
  }

  // -- helpers --------------------------------------------------------------------------------

  private push(c: Unattached<RawClaim>, ...owned: (Tok | null)[]): void {
    for (const t of owned) if (t) t.used = true;
    this.out.push({ ...c, para: this.para });
  }

  private isTaken(pos: number): boolean {
    return this.taken.some((r) => pos >= r.start && pos < r.end);
  }

  private clause(r: Range): Range {
    const c = clauseAround(this.text, r);
    return { start: Math.max(c.start, this.s), end: Math.min(c.end, this.e) };
  }

  private tokAt(pos: number): Tok | undefined {
    return this.toks.find((t) => t.numStart === pos);
  }

  private metricAt(pos: number): string | null {
    const l = [...this.labels].reverse().find((x) => x.end <= pos && x.metric !== null);
    return l?.metric ?? this.ctx.metric;
  }

  private groupBefore(pos: number): string | null {
    let g: string | null = null;
    for (const m of this.text.slice(this.s, pos).matchAll(GROUP_RE)) g = m[0];
    return g;
  }

  private partBefore(pos: number): Part | null {
    let p: Part | null = null;
    for (const m of this.text.slice(this.s, pos).matchAll(PART_RE)) p = partOf(m[0]);
    return p ?? this.ctx.part;
  }

  private addElement(pos: number, end: number, subject: Subject[] | null): void {
    this.elements.push({ pos, end, subject });
  }

  /**
   * The metric a written value of `unit` is, for an entity in one of `universes`: named by a
   * label, else by its unit and what the sentence is about.
   */
  private metricFor(
    labelKey: string | null,
    unit: string,
    universes: readonly Universe[],
    pos: number,
  ): Metric | null {
    const b = this.book;
    const pick = (m: Metric | null) =>
      m && universes.includes(m.universe) && fits(m, unit) ? m : null;
    if (labelKey === 'count') {
      for (const u of ['transfers', 'category', 'hotline'] as const)
        if (universes.includes(u)) {
          const m = pick(b.countMetric(u));
          if (m) return m;
        }
      return null;
    }
    if (labelKey !== null) return pick(b.metric(labelKey));
    if (unit === '件次') return pick(b.metric('hotline.count'));
    if (unit === '件') return pick(b.metric('transfers.count')) ?? pick(b.metric('category.count'));
    const context = this.metricAt(pos);
    if (context !== null && context !== 'count') {
      const m = pick(b.metric(context));
      if (m) return m;
    }
    if (unit === '分')
      return pick(b.metrics.find((m) => m.unit === '分' && m.universe === 'eval') ?? null);
    if (unit === '%' && universes.includes('hotline') && !universes.includes('eval'))
      return pick(b.metric('hotline.satisfaction'));
    return null;
  }

  // -- rankings -------------------------------------------------------------------------------

  private rankings(): void {
    const text = this.text;
    for (const cue of CUES) {
      const re = new RegExp(cue.re.source, 'g');
      re.lastIndex = this.s;
      for (let m = re.exec(text); m !== null && m.index < this.e; m = re.exec(text)) {
        if (this.isTaken(m.index)) continue;
        const cueEnd = m.index + m[0].length;
        const list = this.parseList(cueEnd);
        if (list === null || list.raw.length === 0) continue;
        const kTok =
          m[1] !== undefined && /\d/.test(m[1])
            ? this.tokAt(m.index + m[0].indexOf(m[1]))
            : undefined;
        if (kTok) kTok.used = true;
        this.taken.push({ start: m.index, end: list.end });
        this.emitRanking(cue.order, { start: m.index, end: list.end }, list, m.index);
      }
    }
  }

  /** A list after a cue: names, each with a value in brackets or after it. */
  private parseList(from: number): ParsedList | null {
    const text = this.text;
    let i = from;
    if (text[i] === ':') i++;
    const segments: Range[] = [];
    let depth = 0;
    let segStart = i;
    let end = i;
    for (; i <= this.e; i++) {
      const c = i < this.e ? text[i] : ';';
      if (c === '(') depth++;
      else if (c === ')') depth = Math.max(0, depth - 1);
      if (depth > 0) continue;
      if (c === '、' || c === ',' || c === ';' || c === '。') {
        segments.push({ start: segStart, end: i });
        segStart = i + 1;
        if (c !== '、' && c !== ',') break;
      }
    }
    const raw: RawItem[] = [];
    let tieCount: Tok | null = null;
    let shared: Tok | null = null;
    let sharedLabel: string | null = null;
    let afterTie = false;
    for (const [n, seg] of segments.entries()) {
      let segText = text.slice(seg.start, seg.end);
      if (segText === '') break;
      if (afterTie && !/^([^\d,]{0,8}?)均?为(?=\d)/.test(segText)) break;
      // “，综合分值均为100分”, “，满意度为100%”: the value the tied units share; the list ends.
      const sharedM = /^([^\d,]{0,8}?)均?为(?=\d)/.exec(segText);
      if (n > 0 && sharedM) {
        const t = this.tokAt(seg.start + sharedM[0].length);
        if (t) {
          shared = t;
          const l = this.labels.find(
            (x) => x.start >= seg.start && x.end <= seg.start + sharedM[1]!.length,
          );
          sharedLabel = l?.metric ?? null;
          end = t.end;
        }
        break;
      }
      if (
        n > 0 &&
        (/^(?:占|共|均|其中|合计|总计|环比|较上月|主要)/.test(segText) || ANY_CUE.test(segText))
      )
        break;
      let segEnd = seg.end;
      // “…等8家单位”: how many share the value.
      const tie = /等(\d+)家(?:单位)?$/.exec(segText);
      if (tie) {
        tieCount = this.tokAt(seg.start + tie.index + 1) ?? null;
        segEnd = seg.start + tie.index;
        segText = segText.slice(0, tie.index);
      }
      const tail = /(?:等(?:问题上?|方面)?|[一二两三四五六七八九十]+(?:类|方面|家|个))$/.exec(
        segText,
      );
      if (tail && tail.index > 0) {
        segEnd = seg.start + tail.index;
        segText = segText.slice(0, tail.index);
      }
      const item = this.parseItem({ start: seg.start, end: segEnd });
      if (item === null) break;
      if (n > 0 && item.candidates.length === 0 && item.value === null) break;
      raw.push(item);
      end = seg.end;
      // After “等N家单位” only the shared value may follow.
      if (tie) afterTie = true;
    }
    if (raw.length === 0) return null;
    return { raw, end, tieCount, shared, sharedLabel };
  }

  /** One item: a name, then (value …) or a value. */
  private parseItem(r: Range): RawItem | null {
    const text = this.text;
    let nameEnd = r.end;
    let value: Tok | null = null;
    let bracket: Range | null = null;
    const open = text.indexOf('(', r.start);
    if (open >= 0 && open < r.end) {
      nameEnd = open;
      const close = text.indexOf(')', open);
      bracket = { start: open + 1, end: close < 0 || close > r.end ? r.end : close };
    } else {
      const t = this.toks.find((x) => x.numStart >= r.start && x.numStart < r.end);
      if (t) {
        nameEnd = t.numStart;
        value = t;
      }
    }
    let nameStart = r.start;
    const lead = /^(?:其中|分别是|分别为|是|为|:)+/.exec(text.slice(nameStart, nameEnd));
    if (lead) nameStart += lead[0].length;
    // “仓山区市容局233件” / “晋安区(满意率99.70%)”: drop words between name and value.
    let nameText = text.slice(nameStart, nameEnd).replace(/(?:受理|问题|诉求件?|共|为)+$/, '');
    nameEnd = nameStart + nameText.length;
    if (nameText.length < 2) return null;
    let labelKey: string | null = null;
    let change: RawItem['change'] = null;
    if (bracket) {
      const inner = this.toks.filter((t) => t.numStart >= bracket.start && t.end <= bracket.end);
      const label = this.labels.find(
        (l) => l.start >= bracket.start && l.end <= bracket.end && l.metric,
      );
      labelKey = label?.metric ?? null;
      // (本月100分,提高15分): the value, then a change.
      for (const t of inner) {
        const before = text.slice(Math.max(bracket.start, t.numStart - 4), t.numStart);
        const d = new RegExp(`(${UP}|${DOWN})$`).exec(before);
        if (d) {
          change = {
            dir: {
              start: t.numStart - d[1]!.length,
              end: t.numStart,
              text: d[1]!,
              dir: dirOf(d[1]!),
            },
            tok: t,
          };
        } else if (value === null) value = t;
      }
    }
    nameText = text.slice(nameStart, nameEnd);
    return {
      name: { start: nameStart, end: nameEnd },
      text: nameText,
      candidates: this.candidates(nameText),
      value,
      labelKey,
      change,
      range: r,
    };
  }

  /** Entities a written name may be: exactly by a form, else split on 和/及/与 by the caller. */
  private candidates(name: string): Entity[] {
    return [...this.book.named(name)];
  }

  private emitRanking(order: Order, range: Range, list: ParsedList, cuePos: number): void {
    const b = this.book;
    // Items named “A和B”: two names.
    const raw: RawItem[] = [];
    for (const it of list.raw) {
      if (it.candidates.length === 0 && /[和及与]/.test(it.text)) {
        const parts = it.text.split(/[和及与]/);
        let at = it.name.start;
        const split: RawItem[] = [];
        for (const p of parts) {
          split.push({
            ...it,
            name: { start: at, end: at + p.length },
            text: p,
            candidates: this.candidates(p),
            value: null,
            change: null,
            labelKey: null,
          });
          at += p.length + 1;
        }
        if (split.every((x) => x.candidates.length > 0)) {
          const last = split[split.length - 1]!;
          split[split.length - 1] = {
            ...last,
            value: it.value,
            change: it.change,
            labelKey: it.labelKey,
          };
          raw.push(...split);
          continue;
        }
      }
      raw.push(it);
    }
    // The metric: a label in a bracket, before the cue, in the shared value, else by the values' unit.
    const universes = new Set<Universe>();
    for (const it of raw) for (const e of it.candidates) universes.add(universeOf(e));
    const unit = raw.find((x) => x.value)?.value?.unit ?? list.shared?.unit ?? '';
    const labelKey =
      raw.find((x) => x.labelKey)?.labelKey ??
      [...this.labels].reverse().find((l) => l.end <= cuePos && l.metric !== null)?.metric ??
      list.sharedLabel ??
      null;
    const every: Universe[] = ['eval', 'hotline', 'transfers', 'category'];
    const all: Universe[] = universes.size > 0 ? [...universes] : every;
    // A figure named (办理数量, 满意度) says whose tables: names are then looked for there
    // (市建委 in a 12345 list is 福州市城乡建设委员会).
    let metric =
      labelKey !== null && labelKey !== 'count'
        ? this.metricFor(labelKey, unit, every, cuePos)
        : this.metricFor(labelKey, unit, all, cuePos);
    if (metric === null && labelKey !== null) metric = this.metricFor(null, unit, all, cuePos);
    if (metric === null && universes.size === 0) {
      // Names found in no table: try the shortened-name match in the sentence's figure's tables.
      const context = this.metricAt(cuePos);
      metric = context && context !== 'count' ? b.metric(context) : null;
    }
    if (metric === null) {
      const r = this.clause(range);
      this.push(
        {
          kind: 'notChecked',
          range,
          reason: universes.size === 0 ? 'unknownName' : 'ambiguous',
          quote: r,
          as: 'ranking',
        },
        list.tieCount,
        list.shared,
        ...raw.map((x) => x.value),
        ...raw.map((x) => x.change?.tok ?? null),
      );
      return;
    }
    const m = metric;
    const pool = b.entities.filter((e) => universeOf(e) === m.universe);
    let items: Item[] = raw.map((it) => {
      const exact = it.candidates.filter((e) => universeOf(e) === m.universe);
      const entity =
        exact[0] ??
        resolveShortened(it.text, pool, (e) =>
          e.type === 'eval' ? e.unit.name : e.type === 'hotline' ? e.row.name : e.item.name,
        );
      return { entity, name: it.name, value: it.value };
    });
    // Categories: the one list that holds every name (the area and 事件/部件 the sentence names decide ties).
    let category = false;
    if (m.universe === 'category') {
      category = true;
      const list = this.chooseList(
        raw.map((it) => it.candidates),
        cuePos,
      );
      if (list === null) return;
      items = items.map((it, k) => ({
        ...it,
        entity: raw[k]!.candidates.find((e) => e.type === 'category' && e.list === list) ?? null,
      }));
    }
    // The units ranked: the group the sentence names, else the first named unit's.
    const named = items.find((x) => x.entity !== null)?.entity ?? null;
    const group = this.groupBefore(cuePos + 1);
    let population: Entity[] = [];
    if (m.universe === 'eval' && group && group !== '县(市)区')
      population = b.groupPopulation(m, group);
    else if (m.universe === 'hotline' && group === '市直单位')
      population = b.groupPopulation(m, 'departments');
    else if (m.universe === 'hotline' && group === '县(市)区')
      population = b.groupPopulation(m, 'districts');
    if (population.length === 0 && named) population = b.population(m, named);
    // Values and changes of the named units.
    for (const [k, it] of raw.entries()) {
      const entity = items[k]!.entity;
      const valueMetric = it.labelKey
        ? (this.metricFor(it.labelKey, it.value?.unit ?? '', [m.universe], cuePos) ?? m)
        : m;
      if (it.value) {
        if (entity) {
          this.push(
            { kind: 'value', entity, metric: valueMetric, tok: it.value, quote: it.range },
            it.value,
          );
          this.addElement(it.value.start, it.value.end, [
            { type: 'entity', entity, metric: valueMetric },
          ]);
        } else
          this.push(
            { kind: 'notChecked', range: it.value, reason: 'unknownName', quote: it.range },
            it.value,
          );
      }
      if (it.change) {
        if (entity)
          this.push(
            {
              kind: 'change',
              subject: { type: 'entity', entity, metric: m },
              direction: it.change.dir,
              size: null,
              tok: it.change.tok,
              quote: it.range,
            },
            it.change.tok,
          );
        else
          this.push(
            {
              kind: 'notChecked',
              range: it.change.tok ?? it.change.dir,
              reason: 'unknownName',
              quote: it.range,
              as: 'change',
            },
            it.change.tok,
          );
      }
    }
    this.push(
      {
        kind: 'ranking',
        category,
        order,
        metric: m,
        population,
        items,
        tieCount: list.tieCount,
        shared: list.shared,
        quote: range,
      },
      list.tieCount,
      list.shared,
    );
    this.lists.push({ range, items, metric: m, category });
    this.taken.push(range);
  }

  /** The category list holding every name: by the area and 事件/部件 the sentence names. */
  private chooseList(candidates: readonly (readonly Entity[])[], pos: number): ComparedList | null {
    const lists = new Map<ComparedList, number>();
    for (const cs of candidates)
      for (const e of cs)
        if (e.type === 'category') lists.set(e.list, (lists.get(e.list) ?? 0) + 1);
    const full = [...lists.entries()].filter(([, n]) => n === candidates.length).map(([l]) => l);
    if (full.length <= 1) return full[0] ?? null;
    const before = this.text.slice(this.s, pos + 1);
    const area = AREA_RE.exec(this.text.slice(this.s, this.e))?.[0] ?? null;
    const kind = /部件/.test(before) ? 'part' : /事件/.test(before) ? 'event' : null;
    const score = (l: ComparedList) =>
      (foldName(l.area ?? '') === (area ?? '') ? 4 : 0) +
      (kind !== null && l.dimension.includes(`.${kind}.`) ? 2 : 0) +
      (/分布在/.test(before) && l.dimension.endsWith('.major') ? 1 : 0) +
      (/集中在/.test(before) && l.dimension.endsWith('.minor') ? 1 : 0);
    const best = Math.max(...full.map(score));
    const top = full.filter((l) => score(l) === best);
    return top.length === 1 ? top[0]! : null;
  }

  private categoryRankings(): void {
    const text = this.text;
    for (const cueRe of CATEGORY_CUES) {
      const re = new RegExp(cueRe.source, 'g');
      re.lastIndex = this.s;
      for (let m = re.exec(text); m !== null && m.index < this.e; m = re.exec(text)) {
        if (this.isTaken(m.index)) continue;
        const cueEnd = m.index + m[0].length;
        let listEnd = this.e;
        if (m[0] === '以') {
          const close = text.indexOf('为主', cueEnd);
          if (close < 0 || close > this.e) continue;
          listEnd = close;
        }
        // Names only: up to the clause's end, split on 、 和 及.
        let stop = cueEnd;
        while (stop < listEnd && !/[,;。]/.test(text[stop]!)) stop++;
        let body = text.slice(cueEnd, stop);
        const tail = /(?:等(?:问题上?|方面)?|[一二两三四五六七八九十]+(?:类|方面))$/.exec(body);
        if (tail) body = body.slice(0, tail.index);
        if (/\d/.test(body) || body === '') continue;
        const names: { text: string; start: number }[] = [];
        let at = cueEnd;
        for (const p of body.split(/[、和及与]/)) {
          names.push({ text: p, start: at });
          at += p.length + 1;
        }
        const candidates = names.map((n) =>
          this.book.named(n.text).filter((e) => e.type === 'category'),
        );
        if (candidates.some((c) => c.length === 0)) continue;
        const list = this.chooseList(candidates, m.index);
        if (list === null) continue;
        const items: Item[] = names.map((n, k) => ({
          entity: candidates[k]!.find((e) => e.type === 'category' && e.list === list) ?? null,
          name: { start: n.start, end: n.start + n.text.length },
          value: null,
        }));
        const metric = this.book.metric('category.count')!;
        const population = this.book.entities.filter(
          (e) => e.type === 'category' && e.list === list,
        );
        const range = { start: m.index, end: m[0] === '以' ? listEnd + 2 : stop };
        this.push({
          kind: 'ranking',
          category: true,
          order: 'top',
          metric,
          population,
          items,
          tieCount: null,
          shared: null,
          quote: range,
        });
        this.lists.push({ range, items, metric, category: true });
        this.taken.push(range);
      }
    }
  }

  // -- 各单位…均为100% ----------------------------------------------------------------------------

  private allEqual(): void {
    for (const t of this.toks) {
      if (t.used || t.unit !== '%') continue;
      const before = this.text.slice(this.s, t.numStart);
      if (!/均为$/.test(before)) continue;
      const each = before.lastIndexOf('各');
      if (each < 0) continue;
      const metrics = this.labels
        .filter((l) => l.start >= this.s + each && l.end <= t.numStart && l.metric !== null)
        .map((l) => this.book.metric(l.metric!))
        .filter((m): m is Metric => m !== null && m.unit === '%');
      if (metrics.length === 0) continue;
      this.push(
        { kind: 'allEqual', metrics, tok: t, quote: { start: this.s + each, end: t.end } },
        t,
      );
    }
  }

  // -- a unit's or a category's figure outside lists ------------------------------------------

  private unitValues(categoriesOnly: boolean): void {
    const text = this.text;
    for (const t of this.toks) {
      if (t.used || this.isTaken(t.numStart)) continue;
      // The nearest name before the number, with only a figure name and small words between.
      const m = [...this.mentions].reverse().find((x) => x.end <= t.numStart);
      if (!m) continue;
      const between = text.slice(m.end, t.numStart);
      // “鼓楼区受理3942件次，满意度99.77%”: the unit's earlier figures in the sentence may stand
      // between its name and this one.
      const earlier = `(?:(?:${this.labelSource}|受理|转接|为|是|达|:)*\\d+(?:\\.\\d+)?(?:件次|件|%|分)?[,、])*`;
      const labelM = new RegExp(
        `^${earlier}\\(?(?:本月)?(?:的)?(${this.labelSource})?(?:的)?(?:为|是|达|:|共|受理|受理量|转接|问题|类|诉求件?)*$`,
      ).exec(between);
      if (!labelM) continue;
      const labelKey = labelM[1] ? (this.labelMetric(labelM[1]) ?? null) : null;
      // “城乡建设类（33.85%）”: a category's share of its whole.
      const category = m.entities.find((e): e is CategoryEntity => e.type === 'category');
      if (t.unit === '%' && category && labelKey === null) {
        const metric = this.book.metric('category.count')!;
        const parts: Quantity[] = [{ type: 'entity', entity: category, metric }];
        const whole = this.whole('', parts, m.end);
        if (whole) {
          this.push(
            {
              kind: 'share',
              parts,
              whole,
              tok: t,
              quote: this.clause({ start: m.start, end: t.end }),
            },
            t,
          );
          continue;
        }
      }
      const universes = [...new Set(m.entities.map(universeOf))].filter(
        (u) => !categoriesOnly || u === 'category',
      );
      if (universes.length === 0) continue;
      const metric = this.metricFor(labelKey, t.unit, universes, t.numStart);
      if (metric === null) continue;
      const entity = m.entities.find((e) => universeOf(e) === metric.universe)!;
      const quote = this.clause({ start: m.start, end: t.end });
      this.push({ kind: 'value', entity, metric, tok: t, quote }, t);
      this.addElement(t.start, t.end, [{ type: 'entity', entity, metric }]);
    }
  }

  private labelMetric(word: string): string | null {
    const l = this.labels.find((x) => this.text.slice(x.start, x.end) === word);
    return l?.metric ?? null;
  }

  // -- summary figures ------------------------------------------------------------------------

  private figures(): void {
    const text = this.text;
    for (const t of this.toks) {
      if (t.used || this.isTaken(t.numStart)) continue;
      const label = [...this.labels]
        .reverse()
        .find((l) => l.end <= t.numStart && l.figure !== null);
      if (!label || !FIGURE_FILLER.test(text.slice(label.end, t.numStart))) continue;
      // The whole's figure only: before the label, nothing but the system's name and small
      // words (“住房和房地产问题受理1925件” is a topic's count, not 12345's).
      const clauseStart = this.clause(t).start;
      if (!FIGURE_SUBJECT.test(text.slice(clauseStart, label.start))) continue;
      // A unit named earlier in the sentence, with no system named since: its figure, not the
      // whole's (“鼓楼区受理3942件次，满意度99.77%”).
      const unit = [...this.mentions]
        .reverse()
        .find((m) => m.end <= label.start && m.entities.some((e) => e.type !== 'category'));
      if (unit && !PART_TEST.test(text.slice(unit.end, label.start))) continue;
      let id: FigureId;
      if (label.figure === 'accepted') {
        const part = this.partBefore(label.start);
        if (part === null) continue;
        id =
          part === 'all'
            ? 'system.accepted'
            : part === 'hotline'
              ? 'hotline.accepted'
              : 'city.accepted';
      } else id = label.figure!;
      const rate = /Rate$|satisfaction$/.test(id);
      if (rate !== (t.unit === '%') || (!rate && t.unit !== '件' && t.unit !== '')) continue;
      const quote = this.clause({ start: label.start, end: t.end });
      this.push({ kind: 'figure', id, tok: t, quote }, t);
      this.addElement(t.start, t.end, [{ type: 'figure', id }]);
    }
  }

  // -- 共N件: the named categories' sum, or the text's own parts -------------------------------

  private sums(): void {
    const text = this.text;
    for (const t of this.toks) {
      if (t.used || (t.unit !== '件' && t.unit !== '件次')) continue;
      if (!/(?:共|合计|总计)$/.test(text.slice(this.s, t.numStart))) continue;
      const list = [...this.lists].reverse().find((l) => l.range.end <= t.numStart);
      if (list && list.items.every((x) => x.entity !== null && x.value === null)) {
        const metric = this.book.countMetric(universeOf(list.items[0]!.entity!));
        if (metric) {
          this.push(
            {
              kind: 'sum',
              entities: list.items.map((x) => x.entity!),
              metric,
              tok: t,
              quote: { start: list.range.start, end: t.end },
            },
            t,
          );
          this.addElement(
            t.start,
            t.end,
            list.items.map((x) => ({ type: 'entity', entity: x.entity!, metric })),
          );
          continue;
        }
      }
      const parts = this.toks.filter(
        (x) => x !== t && x.end <= t.numStart && x.unit === t.unit && x.start >= this.s,
      );
      if (parts.length >= 2) {
        this.push(
          { kind: 'arithmetic', parts, total: t, quote: { start: parts[0]!.start, end: t.end } },
          t,
        );
        continue;
      }
    }
  }

  // -- N件（A a件、B b件）: parts in brackets ---------------------------------------------------

  private arithmeticInBrackets(): void {
    const text = this.text;
    for (const t of this.toks) {
      if (t.used || text[t.end] !== '(') continue;
      const close = text.indexOf(')', t.end);
      if (close < 0 || close > this.e) continue;
      const parts = this.toks.filter((x) => x.start > t.end && x.end <= close && x.unit === t.unit);
      if (parts.length < 2 || t.unit === '' || t.unit === '%') continue;
      this.push(
        { kind: 'arithmetic', parts, total: t, quote: { start: t.start, end: close + 1 } },
        t,
        ...parts,
      );
      this.taken.push({ start: t.end, end: close + 1 });
    }
  }

  // -- 督办269件，按期办结263件，按期办结率97.77%: a rate of two counts the text gives ----------

  private rateOfCounts(): void {
    const text = this.text;
    for (const t of this.toks) {
      if (t.used || t.unit !== '%') continue;
      const rate = /([\u4e00-\u9fff]{2,8})率(?:为|是|达)?$/.exec(text.slice(this.s, t.numStart));
      if (!rate) continue;
      const counts = this.toks.filter(
        (x) =>
          x.end <= t.numStart && (x.unit === '件' || x.unit === '件次') && x.value.decimals === 0,
      );
      if (counts.length < 2) continue;
      // The part: the count written after the rate's own name (按期办结263件 for 按期办结率).
      const stem = rate[1]!;
      const part = counts.find((x) => {
        const before = text.slice(this.s, x.numStart).replace(/(?:为|是|达|:|共)+$/, '');
        for (let k = stem.length; k >= 2; k--) if (before.endsWith(stem.slice(-k))) return true;
        return false;
      });
      const whole = part ? counts.find((x) => x !== part && x.unit === part.unit) : undefined;
      if (!part || !whole || whole.end > part.start) continue;
      // A figure the tables hold (结案率) is checked against them instead.
      const rateEnd = t.numStart - (rate[0].length - stem.length - 1);
      if (this.labels.some((l) => l.end === rateEnd && l.figure !== null)) continue;
      this.push(
        {
          kind: 'share',
          parts: [{ type: 'text', tok: part }],
          whole: { type: 'text', tok: whole },
          tok: t,
          label: `${stem}率`,
          quote: { start: whole.start, end: t.end },
        },
        t,
      );
    }
  }

  // -- shares ---------------------------------------------------------------------------------

  private shares(): void {
    const text = this.text;
    for (const t of this.toks) {
      if (t.used || t.unit !== '%') continue;
      const before = text.slice(this.s, t.numStart);
      const m = /占(比)?([^,;。%\d]{0,20}?)(?:的比例|的比重|比例|比重|的)?(?:为|是|达)?$/.exec(
        before,
      );
      if (!m) continue;
      const zhan = this.s + m.index;
      const wholeText = m[2] ?? '';
      const quote = this.clause({ start: zhan, end: t.end });
      // The parts: a list just before, else the nearest figure, else a number of the text.
      const list = [...this.lists]
        .reverse()
        .find((l) => l.range.end <= zhan && /^[,共]*$/.test(text.slice(l.range.end, zhan)));
      let parts: Quantity[] = [];
      if (list) {
        const metric = this.book.countMetric(list.metric.universe);
        if (metric && list.items.every((x) => x.entity))
          parts = list.items.map((x) => ({ type: 'entity', entity: x.entity!, metric }));
      } else {
        const el = [...this.elements].reverse().find((x) => x.end <= zhan);
        const tok = [...this.toks]
          .reverse()
          .find((x) => x.end <= zhan && (x.unit === '件' || x.unit === '件次'));
        const mention = [...this.mentions]
          .reverse()
          .find((x) => x.end <= zhan && x.start >= this.clause({ start: zhan, end: zhan }).start);
        if (mention && (!el || el.end <= mention.start) && (!tok || tok.end <= mention.start)) {
          const e = mention.entities.find((x) => x.type === 'category' || x.type === 'hotline');
          const metric = e ? this.book.countMetric(universeOf(e)) : null;
          if (e && metric) parts = [{ type: 'entity', entity: e, metric }];
        } else if (el && el.subject && (!tok || tok.start <= el.pos)) {
          parts = el.subject.map((s) =>
            s.type === 'entity'
              ? {
                  type: 'entity',
                  entity: s.entity,
                  metric: this.book.countMetric(universeOf(s.entity)) ?? s.metric,
                }
              : { type: 'figure', id: s.id },
          );
        } else if (tok) parts = [{ type: 'text', tok }];
      }
      const whole = this.whole(wholeText, parts, zhan);
      if (parts.length === 0 || whole === null) {
        this.push({ kind: 'notChecked', range: t, reason: 'ambiguous', quote, as: 'share' }, t);
        continue;
      }
      this.push({ kind: 'share', parts, whole, tok: t, quote }, t);
    }
  }

  /** What “占…的” divides by. */
  private whole(words: string, parts: readonly Quantity[], pos: number): Quantity | null {
    const named = this.mentions.find(
      (m) =>
        m.start >= pos &&
        m.end <= pos + 1 + words.length &&
        m.entities.some((e) => e.type === 'category'),
    );
    if (named) {
      const e = named.entities.find((x) => x.type === 'category')!;
      return { type: 'entity', entity: e, metric: this.book.metric('category.count')! };
    }
    const first = parts[0];
    if (first?.type === 'entity' && first.entity.type === 'hotline')
      return first.entity.kind === 'transfers'
        ? { type: 'transferTotal' }
        : { type: 'hotlineTotal' };
    if (/转接/.test(words)) return { type: 'transferTotal' };
    if (/事件/.test(words)) return { type: 'figure', id: 'city.events' };
    if (/部件/.test(words)) return { type: 'figure', id: 'city.parts' };
    if (/案件/.test(words)) return { type: 'figure', id: 'city.accepted' };
    const hotlineList =
      first?.type === 'entity' &&
      first.entity.type === 'category' &&
      first.entity.list.dimension.startsWith('hotline');
    if (/受理|诉求/.test(words) || (words === '' && hotlineList)) {
      if (hotlineList) return { type: 'figure', id: 'hotline.accepted' };
      const part = this.partBefore(pos);
      if (part === 'hotline') return { type: 'figure', id: 'hotline.accepted' };
      if (part === 'city') return { type: 'figure', id: 'city.accepted' };
      if (part === 'all') return { type: 'figure', id: 'system.accepted' };
    }
    if (words === '' && first?.type === 'entity' && first.entity.type === 'category') {
      const l = first.entity.list;
      if (l.dimension.startsWith('city.event')) return { type: 'figure', id: 'city.events' };
      if (l.dimension.startsWith('city.part')) return { type: 'figure', id: 'city.parts' };
    }
    return null;
  }

  // -- 环比 -----------------------------------------------------------------------------------

  private changes(): void {
    const text = this.text;
    const span = text.slice(this.s, this.e);
    // With numbers: “环比上升3.15%”, “环比分别下降6.42%和2.97%”, “提高15分”.
    const withNumber = new RegExp(
      `(环比|较上月|比上月|同比)?(分别)?(${UP}|${DOWN})了?(?=\\d)`,
      'g',
    );
    for (const m of span.matchAll(withNumber)) {
      const at = this.s + m.index;
      if (this.isTaken(at)) continue;
      const dirStart = at + (m[1]?.length ?? 0) + (m[2]?.length ?? 0);
      const dirWord = m[3]!;
      const direction = {
        start: dirStart,
        end: dirStart + dirWord.length,
        text: dirWord,
        dir: dirOf(dirWord),
      };
      const toks: Tok[] = [];
      let p = at + m[0].length;
      for (;;) {
        const t = this.tokAt(p);
        // “上升3位” is no 环比 of a figure.
        if (!t || t.used || !CHANGE_UNITS.has(t.unit)) break;
        toks.push(t);
        const sep = /^(?:和|、|,|及)/.exec(text.slice(t.end));
        if (!sep || !m[2]) break;
        p = t.end + sep[0].length;
      }
      if (toks.length === 0) continue;
      const quote = this.clause({ start: at, end: toks[toks.length - 1]!.end });
      if (m[1] === '同比' || this.yearOnYear(at)) {
        for (const t of toks)
          this.push({ kind: 'notChecked', range: t, reason: 'sameYear', quote, as: 'change' }, t);
        continue;
      }
      const found = this.subjectsBefore(at);
      const subjects = found?.subjects ?? null;
      if (subjects === null || subjects.length !== toks.length) {
        for (const t of toks)
          this.push(
            {
              kind: 'notChecked',
              range: t,
              reason: subjects === null ? 'notInTables' : 'ambiguous',
              quote,
              as: 'change',
            },
            t,
          );
        continue;
      }
      toks.forEach((t, k) => {
        const subject = subjects[k]!;
        this.push(
          {
            kind: 'change',
            subject,
            direction: k === 0 ? direction : { ...direction },
            size: null,
            tok: t,
            quote,
          },
          t,
        );
      });
      this.taken.push({ start: at, end: toks[toks.length - 1]!.end });
    }
    // Without numbers: “较上月有所上升”, “略有下降”, “与上月基本持平”, “均有所提升”.
    const wordOnly = new RegExp(
      `(较上月|与上月相比|与上月|比上月|环比)?(均)?(有所|略有|稍有|明显|大幅|小幅|基本)?(${UP}|${DOWN}|持平)(?!\\d|了\\d)`,
      'g',
    );
    for (const m of span.matchAll(wordOnly)) {
      const at = this.s + m.index;
      if (this.isTaken(at) || (!m[1] && !m[3]) || this.yearOnYear(at)) continue;
      const dirStart = at + m[0].length - m[4]!.length;
      const direction = {
        start: dirStart,
        end: dirStart + m[4]!.length,
        text: m[4]!,
        dir: dirOf(m[4]!),
      };
      const size = m[3] ? { start: dirStart - m[3].length, end: dirStart, text: m[3] } : null;
      const quote = this.clause({ start: at, end: direction.end });
      // “本月各类诉求件占比与上月基本持平”.
      const before = text.slice(this.clause({ start: at, end: at }).start, at);
      if (/占比/.test(before) && direction.dir === 'flat') {
        const list = this.book.summary.lists.find(
          (l) =>
            l.dimension === (/诉求/.test(before) ? 'hotline.category' : 'city.event.major') &&
            l.area === null,
        );
        if (list) {
          this.push({
            kind: 'flatShares',
            list,
            word: { ...direction, start: size?.start ?? direction.start },
            quote,
          });
          continue;
        }
      }
      const found = this.subjectsBefore(at);
      if (found === null) continue;
      const named = { start: Math.min(found.start, quote.start), end: quote.end };
      for (const subject of found.subjects)
        this.push({ kind: 'change', subject, direction, size, tok: null, quote: named });
      this.addElement(at, direction.end, found.subjects);
    }
  }

  /** “较去年同期上升…”, “同比…”: against last year, which no table here holds. */
  private yearOnYear(pos: number): boolean {
    const before = this.text.slice(this.clause({ start: pos, end: pos }).start, pos + 2);
    return /同比|去年|上年|同期/.test(before);
  }

  /**
   * What a 环比 is about, and where the words naming it start: the figure just stated, or the
   * names (or figure names) before it in the sentence — “交通环保类和政法类受理量略有减少”,
   * “结案率和按期结案率略有提升”, “福清市、连江县、永泰县综合指标值较上月均有所提升”.
   */
  private subjectsBefore(pos: number): { subjects: Subject[]; start: number } | null {
    const text = this.text;
    const el = [...this.elements].reverse().find((x) => x.end <= pos);
    const stray = [...this.toks]
      .reverse()
      .find((t) => t.end <= pos && !this.elements.some((x) => x.pos === t.start));
    const ms = this.mentions.filter((m) => m.end <= pos && m.start >= this.s);
    const lastMention = ms[ms.length - 1];
    const figs = this.labels.filter((l) => l.end <= pos && l.figure !== null);
    const lastFig = figs[figs.length - 1];
    const latest = Math.max(
      el?.end ?? -1,
      stray?.end ?? -1,
      lastMention?.end ?? -1,
      lastFig?.end ?? -1,
    );
    if (latest < 0) return null;
    if (stray && stray.end === latest && (!el || el.end < stray.end)) return null;
    if (el && el.end === latest && el.subject) return { subjects: el.subject, start: el.pos };
    /** A run of names joined by 、和及与 ending with `last`. */
    const mentionRun = (last: Mention): Mention[] => {
      const run: Mention[] = [last];
      for (let k = ms.indexOf(last) - 1; k >= 0; k--) {
        if (!/^[、和及与,]$/.test(text.slice(ms[k]!.end, run[0]!.start))) break;
        run.unshift(ms[k]!);
      }
      return run;
    };
    const entitySubjects = (run: Mention[], labelKey: string | null): Subject[] | null => {
      const out: Subject[] = [];
      for (const r of run) {
        const universes = [...new Set(r.entities.map(universeOf))];
        const metric =
          labelKey !== null
            ? (this.metricFor(labelKey, labelKey === 'count' ? '件' : '', universes, pos) ??
              this.book.metric(labelKey))
            : universes.includes('category')
              ? this.book.metric('category.count')
              : this.metricFor(null, '', universes, pos);
        if (!metric) return null;
        const entity = r.entities.find((e) => universeOf(e) === metric.universe);
        if (!entity) return null;
        out.push({ type: 'entity', entity, metric });
      }
      return out;
    };
    if (lastFig && lastFig.end === latest && (!lastMention || lastMention.end <= lastFig.start)) {
      // Figure names joined by 和 (结案率和按期结案率).
      const run: Label[] = [lastFig];
      for (let k = figs.length - 2; k >= 0; k--) {
        if (!/^[、和及与]$/.test(text.slice(figs[k]!.end, run[0]!.start))) break;
        run.unshift(figs[k]!);
      }
      // Right after a name: that unit's figure (闽侯县按期结案率较上月有所上升).
      if (lastMention && /^的?$/.test(text.slice(lastMention.end, run[0]!.start))) {
        const names = mentionRun(lastMention);
        const subjects = entitySubjects(names, run[run.length - 1]!.metric);
        return subjects === null ? null : { subjects, start: names[0]!.start };
      }
      const out: Subject[] = [];
      for (const l of run) {
        if (l.figure === 'accepted') {
          const part = this.partBefore(l.start);
          if (part === null) return null;
          out.push({
            type: 'figure',
            id:
              part === 'all'
                ? 'system.accepted'
                : part === 'hotline'
                  ? 'hotline.accepted'
                  : 'city.accepted',
          });
        } else out.push({ type: 'figure', id: l.figure! });
      }
      return { subjects: out, start: run[0]!.start };
    }
    if (lastMention && lastMention.end === latest) {
      const names = mentionRun(lastMention);
      const label = this.labels
        .filter((l) => l.start >= lastMention.end && l.end <= pos && l.metric !== null)
        .pop();
      const subjects = entitySubjects(names, label?.metric ?? null);
      return subjects === null ? null : { subjects, start: names[0]!.start };
    }
    if (lastMention && lastFig && lastFig.end === latest) {
      const names = mentionRun(lastMention);
      const subjects = entitySubjects(names, lastFig.metric);
      return subjects === null ? null : { subjects, start: names[0]!.start };
    }
    return null;
  }
}

interface RawItem {
  readonly name: Range;
  readonly text: string;
  readonly candidates: Entity[];
  readonly value: Tok | null;
  readonly labelKey: string | null;
  readonly change: {
    readonly dir: Word & { readonly dir: Direction };
    readonly tok: Tok | null;
  } | null;
  readonly range: Range;
}

interface ParsedList {
  readonly raw: RawItem[];
  readonly end: number;
  readonly tieCount: Tok | null;
  readonly shared: Tok | null;
  readonly sharedLabel: string | null;
}

/** A value of this unit can be this metric's. */
function fits(m: Metric, unit: string): boolean {
  if (unit === '') return true;
  if (m.unit === '%') return unit === '%' || unit === '个百分点';
  if (m.unit === '分') return unit === '分';
  if (m.unit === '件次') return unit === '件次' || unit === '件';
  return unit === '件';
}
