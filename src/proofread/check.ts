/**
 * Proofreading a draft against what Tongbao computed (issue #17): every claim the text makes
 * (claims.ts) checked against the month's recomputed tables — never the printed cells: a
 * misprint in a table does not make a text figure right —, the summary figures, last month's
 * when given, and the text's own sums. One finding per wrong claim, pointing at exactly the
 * wrong element (the number, the name, the direction word) with what the tables give in the
 * draft's own form; every number that cannot be checked listed with why.
 */
import { percentOf, pow10 } from '../core/fixed';
import { lastMonthOf, type Analysis } from '../evaluation/analyze';
import { proofreadZhCN, type ProofreadMessages, type ProofreadReason } from '../i18n/proofread';
import { countChange, rateChange } from '../summary/index';
import { thresholdScaled } from '../summary/settings';
import type { ComparedList, FigureId } from '../summary/types';
import { Book, universeOf, type Entity, type Where } from './book';
import { findClaims, type Direction, type Quantity, type RawClaim, type Range } from './claims';
import { originalSpan, writtenText } from './fold';
import { inWrittenForm, plain, sameValue } from './numbers';
import type {
  Claim,
  ClaimKind,
  Draft,
  Finding,
  NotChecked,
  ProofreadNote,
  ProofreadOptions,
  ProofreadResult,
} from './types';

export function proofread(
  draft: Draft,
  current: Analysis,
  previous?: Analysis | null,
  settings?: ProofreadOptions,
): ProofreadResult {
  // Last month as the narrative takes it (one workbook a year holds both months).
  const book = new Book(current, lastMonthOf(current, previous ?? null));
  const found = findClaims(draft.paragraphs, book);
  const v = new Verifier(book, settings?.messages ?? proofreadZhCN);
  for (const c of found.claims) v.check(c);
  const notes: ProofreadNote[] = [];
  const t = settings?.messages ?? proofreadZhCN;
  if (v.largestRemainder.length > 0) {
    const paragraphs = [...new Set(v.largestRemainder)].sort((a, b) => a - b);
    notes.push({
      paragraph: paragraphs[0] ?? null,
      message: t.notes.largestRemainder(v.largestRemainder.length, paragraphs),
    });
  }
  if (found.tableParagraphs > 0)
    notes.push({ paragraph: null, message: t.notes.tables(found.tableParagraphs) });
  const byPlace = (a: Claim, b: Claim) => a.paragraph - b.paragraph || a.quoteStart - b.quoteStart;
  const findings = v.findings.sort((a, b) => a.paragraph - b.paragraph || a.start - b.start);
  const notChecked = v.notChecked.sort(byPlace);
  return {
    checked: {
      claims: v.matched + findings.length + notChecked.length,
      matched: v.matched,
      wrong: findings.length,
      notChecked: notChecked.length,
    },
    findings,
    notChecked,
    notes,
  };
}

/** The words of a direction, and the opposite a finding offers. */
const OPPOSITE: Readonly<Record<string, string>> = {
  上升: '下降',
  下降: '上升',
  增长: '减少',
  增加: '减少',
  减少: '增加',
  提高: '降低',
  降低: '提高',
  提升: '下降',
  上涨: '下跌',
  下跌: '上涨',
  升高: '降低',
  下滑: '上升',
  回落: '上升',
};

class Verifier {
  matched = 0;
  readonly findings: Finding[] = [];
  readonly notChecked: NotChecked[] = [];
  /** Paragraphs of shares that only largest-remainder rounding explains (one per share). */
  readonly largestRemainder: number[] = [];

  constructor(
    private readonly book: Book,
    private readonly t: ProofreadMessages,
  ) {}

  check(c: RawClaim): void {
    switch (c.kind) {
      case 'notChecked':
        return this.skip(c, c.range, c.reason, c.as ?? 'total');
      case 'value':
        return this.value(c);
      case 'figure':
        return this.figure(c);
      case 'sum':
        return this.sum(c);
      case 'share':
        return this.share(c);
      case 'change':
        return this.change(c);
      case 'ranking':
        return this.ranking(c);
      case 'arithmetic':
        return this.arithmetic(c);
      case 'allEqual':
        return this.allEqual(c);
      case 'flatShares':
        return this.flatShares(c);
    }
  }

  // -- outcomes -------------------------------------------------------------------------------

  private claim(c: RawClaim, kind: ClaimKind): Claim {
    const q = originalSpan(c.para.folded, c.quote.start, c.quote.end);
    return {
      kind,
      paragraph: c.para.index,
      quote: c.para.folded.original.slice(q.start, q.end),
      quoteStart: q.start,
      quoteEnd: q.end,
    };
  }

  private skip(c: RawClaim, range: Range, reason: ProofreadReason, kind: ClaimKind): void {
    this.notChecked.push({
      ...this.claim(c, kind),
      written: writtenText(c.para.folded, range.start, range.end),
      reason: this.t.reasons[reason],
    });
  }

  private wrong(
    c: RawClaim,
    kind: ClaimKind,
    element: Range,
    expected: string | ((written: string) => string),
    info: {
      unit: string | null;
      subject: string | null;
      figure: string;
      where: Where | null;
      detail?: string | null;
      basis?: 'table' | 'computed' | 'text' | 'sum';
    },
  ): void {
    const span = originalSpan(c.para.folded, element.start, element.end);
    const written = c.para.folded.original.slice(span.start, span.end);
    const exp = typeof expected === 'string' ? expected : expected(written);
    const detail = info.detail !== undefined ? info.detail : this.whereText(info.where);
    this.findings.push({
      ...this.claim(c, kind),
      written,
      start: span.start,
      end: span.end,
      expected: exp,
      unit: info.unit,
      figure: info.figure,
      sheet: info.where?.sheet ?? null,
      cell: info.where?.cell ?? null,
      message: this.t.finding({
        subject: info.subject,
        figure: info.figure,
        written,
        expected: exp,
        detail,
        basis: info.basis ?? 'table',
      }),
    });
  }

  private whereText(w: Where | null): string | null {
    if (w === null || w.sheet === null) return null;
    const at =
      w.cell !== null
        ? this.t.cell(w.sheet, w.cell)
        : w.row !== null
          ? this.t.row(w.sheet, w.row)
          : w.sheet;
    return w.printed === null ? at : this.t.misprinted(at, w.printed);
  }

  // -- names ----------------------------------------------------------------------------------

  /** As the text would name it. */
  private display(e: Entity): string {
    return e.name;
  }

  /** As the table names it (a sub-unit with its parent). */
  private tableName(e: Entity): string {
    if (e.type === 'eval')
      return e.unit.parent === null ? e.unit.name : `${e.unit.parent}/${e.unit.name}`;
    if (e.type === 'hotline') return e.row.name;
    return e.item.name;
  }

  private kindOf(e: Entity): ClaimKind {
    return e.type === 'category' ? 'total' : 'unitFigure';
  }

  // -- a unit's or category's figure ----------------------------------------------------------

  private value(c: RawClaim & { kind: 'value' }): void {
    const { entity: e, metric: m, tok } = c;
    const kind = this.kindOf(e);
    const expected = this.book.value(m, e);
    if (expected === null) {
      const reason = e.type === 'eval' && !e.unit.evaluated ? 'notEvaluated' : 'notInTables';
      return this.skip(c, tok, reason, kind);
    }
    if (sameValue(tok.value, expected, m.decimals)) {
      this.matched++;
      return;
    }
    this.wrong(c, kind, tok, (w) => inWrittenForm(w, expected, m.decimals), {
      unit: this.tableName(e),
      subject: this.display(e),
      figure: m.label,
      where: this.book.where(m, e),
    });
  }

  private figureValue(id: FigureId): number | null {
    return this.book.summary.figures[id]?.value ?? null;
  }

  private figure(c: RawClaim & { kind: 'figure' }): void {
    const expected = this.figureValue(c.id);
    if (expected === null) return this.skip(c, c.tok, 'notInTables', 'total');
    const decimals = isRate(c.id) ? 2 : 0;
    if (sameValue(c.tok.value, expected, decimals)) {
      this.matched++;
      return;
    }
    const w = this.book.figureWhere(c.id);
    const at = this.whereText(w);
    this.wrong(c, 'total', c.tok, (x) => inWrittenForm(x, expected, decimals), {
      unit: null,
      subject: null,
      figure: this.t.figures[c.id],
      where: w,
      detail: at !== null && w.computed ? this.t.computedFrom(at) : at,
    });
  }

  private sum(c: RawClaim & { kind: 'sum' }): void {
    const values = c.entities.map((e) => this.book.value(c.metric, e));
    if (values.some((v) => v === null)) return this.skip(c, c.tok, 'notInTables', 'total');
    const total = values.reduce<number>((s, v) => s + v!, 0);
    if (sameValue(c.tok.value, total, 0)) {
      this.matched++;
      return;
    }
    this.wrong(c, 'total', c.tok, (w) => inWrittenForm(w, total, 0), {
      unit: null,
      subject: c.entities.map((e) => this.display(e)).join('、'),
      figure: this.t.sum,
      where: null,
      detail: `${c.entities.map((e, k) => `${this.display(e)}${values[k]}`).join('+')}=${total}`,
      basis: 'computed',
    });
  }

  // -- shares ---------------------------------------------------------------------------------

  private quantity(q: Quantity): { value: number | null; text: boolean } {
    switch (q.type) {
      case 'entity':
        return { value: this.book.value(q.metric, q.entity), text: false };
      case 'figure':
        return { value: this.figureValue(q.id), text: false };
      case 'text':
        return { value: q.tok.value.decimals === 0 ? q.tok.value.scaled : null, text: true };
      case 'hotlineTotal':
        return { value: this.book.hotlineTotal(), text: false };
      case 'transferTotal':
        return { value: this.book.transferTotal(), text: false };
    }
  }

  private share(c: RawClaim & { kind: 'share' }): void {
    const parts = c.parts.map((p) => this.quantity(p));
    const whole = this.quantity(c.whole);
    const text = whole.text || parts.some((p) => p.text);
    const kind: ClaimKind = text ? 'arithmetic' : 'share';
    if (parts.some((p) => p.value === null) || whole.value === null || whole.value === 0)
      return this.skip(c, c.tok, 'notInTables', kind);
    const sum = parts.reduce((s, p) => s + p.value!, 0);
    const expected = percentOf(sum, whole.value);
    if (sameValue(c.tok.value, expected, 2)) {
      this.matched++;
      return;
    }
    // Shares rounded so that a list adds up to 100% (largest remainder): right, said once.
    const only = c.parts.length === 1 ? c.parts[0]! : null;
    if (only?.type === 'entity' && only.entity.type === 'category') {
      const lr = largestRemainder(only.entity.list, whole.value);
      const mine = lr?.get(only.entity.item.name);
      if (mine !== undefined && sameValue(c.tok.value, mine, 2)) {
        this.matched++;
        this.largestRemainder.push(c.para.index);
        return;
      }
    }
    const names = c.parts.flatMap((p) => (p.type === 'entity' ? [this.display(p.entity)] : []));
    this.wrong(c, kind, c.tok, (w) => inWrittenForm(w, expected, 2), {
      unit: null,
      subject: names.length > 0 && names.length <= 5 ? names.join('、') : null,
      figure: c.label ?? this.t.share,
      where: null,
      detail: `${parts.map((p) => p.value).join('+')}${parts.length > 1 ? `=${sum}` : ''}÷${whole.value}`,
      basis: text ? 'text' : 'computed',
    });
  }

  // -- 环比 -----------------------------------------------------------------------------------

  private change(c: RawClaim & { kind: 'change' }): void {
    const s = c.subject;
    const settings = this.book.current.settings.summary;
    let current: number | null;
    let previous: number | null;
    let decimals: number;
    let difference: boolean;
    let size: 'flat' | 'slight' | 'marked' | null = null;
    let subjectName: string | null;
    let unitName: string | null = null;
    let figure: string;
    let where: Where | null = null;
    let relative: number | null = null;
    if (s.type === 'entity') {
      current = this.book.value(s.metric, s.entity);
      previous = this.book.value(s.metric, s.entity, true);
      decimals = s.metric.decimals;
      difference = s.metric.difference;
      subjectName = this.display(s.entity);
      unitName = this.tableName(s.entity);
      figure = this.t.change(s.metric.label);
      where = this.book.where(s.metric, s.entity);
      if (s.entity.type === 'category') size = s.entity.item.change?.size ?? null;
      if (!difference && current !== null && previous !== null)
        relative = countChange(current, previous, settings)?.value ?? null;
    } else {
      const f = this.book.summary.figures[s.id];
      current = f?.value ?? null;
      previous = f?.previous ?? null;
      decimals = isRate(s.id) ? 2 : 0;
      difference = isRate(s.id) && settings.rateChange === 'difference';
      size = f?.change?.size ?? null;
      subjectName = null;
      figure = this.t.change(this.t.figures[s.id]);
      where = this.book.figureWhere(s.id);
      if (current !== null && previous !== null && !difference)
        relative =
          (isRate(s.id)
            ? rateChange(current, previous, settings)
            : countChange(current, previous, settings)
          )?.value ?? null;
    }
    const kind: ClaimKind = 'change';
    const element = c.tok ?? c.direction ?? c.size;
    if (current === null) return this.skip(c, element!, 'notInTables', kind);
    if (previous === null) {
      const anyPrevious =
        s.type === 'entity' && s.entity.type !== 'category'
          ? this.book.previous !== null
          : this.book.hasPrevious;
      return this.skip(c, element!, anyPrevious ? 'previousMissing' : 'noPrevious', kind);
    }
    // The size of the change as the text gives it: points (or 分) for a rate or index, percent of
    // last month for a count (“上升…个百分点” is always points).
    const delta = current - previous;
    let amount: number;
    let amountDecimals: number;
    if (c.tok && (c.tok.unit === '件' || c.tok.unit === '件次')) {
      // “增加1200件”: the difference in cases.
      amount = Math.abs(delta);
      amountDecimals = 0;
    } else if (c.tok && c.tok.unit === '个百分点' && s.type === 'figure') {
      amount = Math.abs(delta);
      amountDecimals = decimals;
    } else if (difference) {
      amount = Math.abs(delta);
      amountDecimals = decimals;
    } else {
      if (relative === null) return this.skip(c, element!, 'notInTables', kind);
      amount = Math.abs(relative);
      amountDecimals = 2;
    }
    const sign = Math.sign(difference || relative === null ? delta : relative);
    const actual: Direction = sign > 0 ? 'up' : sign < 0 ? 'down' : 'flat';
    const detail = this.t.months(plain(current, decimals), plain(previous, decimals));
    const info = { unit: unitName, subject: subjectName, figure, where, detail };
    // Words for a direction: the writer's own when right, else its opposite (下降 → 上升).
    const word = (d: Direction, written: string) =>
      d === 'flat'
        ? this.t.words.flat
        : dirOf(written) === d
          ? written
          : written in OPPOSITE
            ? OPPOSITE[written]!
            : d === 'up'
              ? this.t.words.up
              : this.t.words.down;
    // 基本持平 is right for no change, or one the settings call flat.
    const flat = sign === 0 || size === 'flat';
    const dirWrong =
      c.direction !== null && (c.direction.dir === 'flat' ? !flat : c.direction.dir !== actual);
    const amountWrong = c.tok !== null && !sameValue(c.tok.value, amount, amountDecimals);
    // 略有/明显/基本: against the size the summary settings give (counts and the whole's rates).
    const w = c.size?.text ?? '';
    const sizeWrong =
      c.size !== null &&
      size !== null &&
      !dirWrong &&
      ((w === '基本' && size !== 'flat') ||
        (/略有|稍有|小幅/.test(w) && size === 'marked') ||
        (/明显|大幅/.test(w) && size !== 'marked'));
    if (!dirWrong && !amountWrong && !sizeWrong) {
      this.matched++;
      return;
    }
    const f = c.para.folded;
    if (c.tok) {
      if (dirWrong && amountWrong && c.direction) {
        // “上升3.15%” → “下降2%”: the word, what stands between (了, a space), the number.
        const middle = writtenText(f, c.direction.end, c.tok.start);
        const numberWritten = writtenText(f, c.tok.start, c.tok.end);
        const expected = `${word(actual, c.direction.text)}${middle}${inWrittenForm(numberWritten, amount, amountDecimals)}`;
        return this.wrong(c, kind, { start: c.direction.start, end: c.tok.end }, expected, info);
      }
      if (dirWrong && c.direction)
        return this.wrong(c, kind, c.direction, word(actual, c.direction.text), info);
      return this.wrong(c, kind, c.tok, (x) => inWrittenForm(x, amount, amountDecimals), info);
    }
    if (c.direction === null) return;
    // Without a number: the words “略有下降”, “基本持平”, “有所上升”, put right together.
    // The writer's size word when it fits the change (有所 always does), else the settings' word.
    const fits =
      /有所/.test(w) ||
      (size === null && w !== '基本') ||
      (w === '基本' && size === 'flat') ||
      (/略有|稍有|小幅/.test(w) && size !== 'marked') ||
      (/明显|大幅/.test(w) && size === 'marked');
    const sizeWord =
      c.size === null
        ? ''
        : fits
          ? w
          : size === 'marked'
            ? this.t.words.marked
            : size === 'slight'
              ? this.t.words.slight
              : this.t.words.some;
    const phrase = flat
      ? c.size === null
        ? this.t.words.flat
        : `${this.t.words.roughly}${this.t.words.flat}`
      : `${sizeWord}${word(actual, c.direction.text)}`;
    if (!flat && c.direction.dir !== 'flat' && sizeWord === w)
      return this.wrong(c, kind, c.direction, word(actual, c.direction.text), info);
    this.wrong(
      c,
      kind,
      { start: (c.size ?? c.direction).start, end: c.direction.end },
      phrase,
      info,
    );
  }

  // -- rankings -------------------------------------------------------------------------------

  private ranking(c: RawClaim & { kind: 'ranking' }): void {
    const kind: ClaimKind = c.category ? 'categoryRanking' : 'ranking';
    const m = c.metric;
    const b = this.book;
    const range = c.quote;
    if (c.items.some((x) => x.entity === null)) {
      const bad = c.items.find((x) => x.entity === null)!;
      return this.skip(c, bad.name, 'unknownName', kind);
    }
    const leftOut = (e: Entity) => e.type === 'hotline' && e.leftOut;
    const population = c.population.filter((e) => b.value(m, e) !== null);
    if (population.length === 0) return this.skip(c, range, 'notInTables', kind);
    const items = c.items.filter((x) => !leftOut(x.entity!));
    const val = (e: Entity) => b.value(m, e)!;
    const figure = this.t.ranking(m.label, c.order, items.length);
    const namedSet = new Set(items.map((x) => x.entity!));
    /** A unit holding `value` that the list does not name: what the text should have named. */
    const instead = (value: number, pool: readonly Entity[]) =>
      pool.find((e) => val(e) === value && !namedSet.has(e)) ??
      pool.find((e) => val(e) === value) ??
      null;
    const wrongName = (k: number, expected: Entity | null) => {
      const it = items[k]!;
      const e = it.entity!;
      // “市人防办（80分）” where the table's 80 is 市水利局's: one slip, the name — the
      // value's own finding is dropped.
      if (it.value && expected && sameValue(it.value.value, val(expected), m.decimals)) {
        const span = originalSpan(c.para.folded, it.value.start, it.value.end);
        const i = this.findings.findIndex(
          (f) => f.paragraph === c.para.index && f.start === span.start && f.end === span.end,
        );
        if (i >= 0) this.findings.splice(i, 1);
      }
      this.wrong(c, kind, it.name, expected ? this.display(expected) : '', {
        unit: this.tableName(e),
        subject: null,
        figure,
        where: expected ? b.where(m, expected) : null,
        detail:
          expected === null
            ? null
            : `${this.display(expected)}${plain(val(expected), m.decimals, m.unit)}，${this.display(e)}${
                b.value(m, e) === null ? '—' : plain(val(e), m.decimals, m.unit)
              }${this.whereText(b.where(m, expected)) === null ? '' : `；${this.whereText(b.where(m, expected))}`}`,
      });
    };
    for (const it of items)
      if (!population.includes(it.entity!)) {
        // Named but not among the units ranked (another group, not evaluated).
        const k = items.indexOf(it);
        return wrongName(k, null);
      }
    const sortedDesc = [...population].sort((x, y) => val(y) - val(x));
    const top = sortedDesc[0] ? val(sortedDesc[0]) : 0;
    switch (c.order) {
      case 'best': {
        const tied = population.filter((e) => val(e) === top);
        for (const [k, it] of items.entries())
          if (val(it.entity!) !== top) return wrongName(k, instead(top, tied));
        if (c.tieCount && !sameValue(c.tieCount.value, tied.length, 0)) {
          const n = tied.length;
          return this.wrong(c, kind, c.tieCount, (w) => inWrittenForm(w, n, 0), {
            unit: null,
            subject: null,
            figure: this.t.tieCount(m.label),
            where: null,
            detail: null,
          });
        }
        if (c.shared && !sameValue(c.shared.value, top, m.decimals))
          return this.wrong(c, kind, c.shared, (w) => inWrittenForm(w, top, m.decimals), {
            unit: null,
            subject: null,
            figure: this.t.sharedValue(m.label),
            where: b.where(m, tied[0]!),
          });
        break;
      }
      case 'bottom':
      case 'top': {
        const pool = population.filter((e) => !leftOut(e));
        const ordered =
          c.order === 'top'
            ? [...pool].sort((x, y) => val(y) - val(x))
            : [...pool].filter((e) => val(e) < top).sort((x, y) => val(x) - val(y));
        for (const [k, it] of items.entries()) {
          const want = ordered[k];
          if (want === undefined) return wrongName(k, null);
          if (val(it.entity!) !== val(want)) return wrongName(k, instead(val(want), ordered));
        }
        break;
      }
      case 'last': {
        const low = Math.min(...population.map(val));
        for (const [k, it] of items.entries())
          if (val(it.entity!) !== low) return wrongName(k, instead(low, population));
        break;
      }
      case 'improved': {
        const change = (e: Entity) => {
          const now = b.value(m, e);
          const before = b.value(m, e, true);
          return now === null || before === null ? null : now - before;
        };
        if (!population.some((e) => b.value(m, e, true) !== null)) {
          const anyPrevious =
            universeOf(population[0]!) === 'category' ? b.hasPrevious : b.previous !== null;
          return this.skip(c, range, anyPrevious ? 'previousMissing' : 'noPrevious', kind);
        }
        const rose = population
          .filter((e) => (change(e) ?? 0) > 0)
          .sort((x, y) => change(y)! - change(x)!);
        for (const [k, it] of items.entries()) {
          const want = rose[k];
          const mine = change(it.entity!);
          if (want === undefined || mine === null || mine !== change(want)) {
            const alt =
              want === undefined
                ? null
                : (rose.find((e) => change(e) === change(want) && !namedSet.has(e)) ?? want);
            return wrongName(k, alt);
          }
        }
        break;
      }
    }
    this.matched++;
  }

  // -- the text's own sums --------------------------------------------------------------------

  private arithmetic(c: RawClaim & { kind: 'arithmetic' }): void {
    if (c.parts.some((p) => p.value.decimals !== c.total.value.decimals))
      return this.skip(c, c.total, 'ambiguous', 'arithmetic');
    const sum = c.parts.reduce((s, p) => s + p.value.scaled, 0);
    const d = c.total.value.decimals;
    if (sum === c.total.value.scaled) {
      this.matched++;
      return;
    }
    this.wrong(c, 'arithmetic', c.total, (w) => inWrittenForm(w, sum, d), {
      unit: null,
      subject: null,
      figure: this.t.sum,
      where: null,
      detail: `${c.parts.map((p) => p.text).join('+')}=${plain(sum, d)}`,
      basis: 'sum',
    });
  }

  private allEqual(c: RawClaim & { kind: 'allEqual' }): void {
    for (const m of c.metrics) {
      const all = this.book.entities.filter(
        (e) => universeOf(e) === m.universe && this.book.value(m, e) !== null,
      );
      if (all.length === 0) return this.skip(c, c.tok, 'notInTables', 'unitFigure');
      const low = all.reduce((x, y) => (this.book.value(m, y)! < this.book.value(m, x)! ? y : x));
      const lowValue = this.book.value(m, low)!;
      const off = all.find((e) => !sameValue(c.tok.value, this.book.value(m, e)!, m.decimals));
      if (off) {
        return this.wrong(c, 'unitFigure', c.tok, (w) => inWrittenForm(w, lowValue, m.decimals), {
          unit: this.tableName(low),
          subject: null,
          figure: this.t.allUnits(m.label),
          where: this.book.where(m, low),
          detail: this.t.lowest(this.display(low), plain(lowValue, m.decimals, m.unit)),
        });
      }
    }
    this.matched++;
  }

  private flatShares(c: RawClaim & { kind: 'flatShares' }): void {
    const most = c.list.maxShareChange;
    if (most === null)
      return this.skip(
        c,
        c.word,
        this.book.hasPrevious ? 'previousMissing' : 'noPrevious',
        'change',
      );
    const limit = thresholdScaled(this.book.current.settings.summary.trend.shares.flatWithin);
    if (most <= limit) {
      this.matched++;
      return;
    }
    this.wrong(c, 'change', c.word, this.t.shareStabilityExpected(plain(most, 2)), {
      unit: null,
      subject: null,
      figure: this.t.shareStability,
      where: null,
      detail: null,
    });
  }
}

function isRate(id: FigureId): boolean {
  return /Rate$|satisfaction$/.test(id);
}

function dirOf(word: string): Direction {
  return /上升|增长|增加|提高|提升|上涨|升高/.test(word)
    ? 'up'
    : /持平/.test(word)
      ? 'flat'
      : 'down';
}

/**
 * Each item's share of `whole` in hundredths of a percent, rounded by largest remainder so that
 * they add up to exactly 100% (ties to the earlier item); null when the items do not make up
 * the whole.
 */
function largestRemainder(list: ComparedList, whole: number): Map<string, number> | null {
  const total = list.items.reduce((s, x) => s + x.value, 0);
  if (total !== whole || whole === 0) return null;
  const unit = pow10(4);
  const rows = list.items.map((x, i) => {
    const n = x.value * unit;
    return { name: x.name, i, floor: Math.floor(n / whole), rest: n % whole };
  });
  let left = unit - rows.reduce((s, r) => s + r.floor, 0);
  const order = [...rows].sort((a, b) => b.rest - a.rest || a.i - b.i);
  for (const r of order) {
    if (left <= 0) break;
    r.floor += 1;
    left -= 1;
  }
  return new Map(rows.map((r) => [r.name, r.floor]));
}
