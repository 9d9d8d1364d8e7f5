import { foldText } from '../core/cells';
import { neededCounts, type Scheme } from '../scheme/scheme';

/**
 * The column vocabulary of the evaluation tables and the header variants real sheets use:
 * `返工率 (%)`, `返工率(%)`, `返工率（%）`, extra spaces, several names for the unit column.
 */

export const COUNT_FIELDS = [
  '应处置数',
  '处置数',
  '超期未处置数',
  '超期处置数',
  '返工数',
  '应结案数',
  '结案数',
  '按期结案数',
] as const;
export type CountField = (typeof COUNT_FIELDS)[number];

export const COMPUTED_FIELDS = [
  '返工率',
  '结案率',
  '按期结案率',
  '综合指标值',
  '评价等级',
] as const;
export type ComputedField = (typeof COMPUTED_FIELDS)[number];

/** Suffix that marks a column Tongbao wrote itself, e.g. “综合指标值（复核）”. */
export const OWN_COLUMN_SUFFIX = '（复核）';

export type LabelKind =
  | { readonly kind: 'name' }
  | { readonly kind: 'subName' }
  | { readonly kind: 'count'; readonly field: string }
  | { readonly kind: 'computed'; readonly field: string }
  | { readonly kind: 'own'; readonly field: string }
  /** Looks like a printed figure (…率, 综合得分, 排名) the scheme has no formula for. */
  | { readonly kind: 'unknownFigure'; readonly label: string };

/** Headers of the unit-name column in any scheme; a scheme may add its own. */
const NAME_LABELS = [
  '区政府',
  '县(市)政府',
  '县(市)区政府',
  '县(市)区',
  '区县',
  '县(市)',
  '城区',
  '区',
  '县区',
  '区域',
  '街道',
  '乡镇',
  '镇街',
  '乡镇(街道)',
  '主管(责任)单位',
  '主管责任单位',
  '主管单位',
  '责任单位',
  '处置单位',
  '处置责任单位',
  '承办单位',
  '被考核单位',
  '单位',
  '单位名称',
  '部门',
  '部门名称',
  '企业名称',
  '公司名称',
];

/** A header that names a computed figure by its form: a rate, a score, a grade, a rank. */
const FIGURE_LIKE = /(率|得分|分值|指标值|综合指标|评分|等级|排名|名次)$/;

/**
 * Full-width to half-width (NFKC: `（%）` → `(%)`), all whitespace removed, and a trailing
 * unit in brackets dropped (`(%)`, `(件)`): the form labels are compared in.
 */
export function normalizeLabel(text: string): string {
  return text
    .normalize('NFKC')
    .replace(/\s+/g, '')
    .replace(/\((%|件|个|件次|次|分)\)$/, '')
    .replace(/%$/, '');
}

/**
 * The header words a scheme recognises: its counts and figures with their variants, the
 * unit-name headers, and “…（复核）” for the columns Tongbao wrote on an earlier run.
 */
export class Vocabulary {
  private readonly labels = new Map<string, LabelKind>();
  /** Counts a figure of the scheme is computed from: a table needs them all for every figure. */
  readonly neededCounts: readonly string[];
  /** Each rate's two counts: a table is read when it has the columns of at least one rate. */
  readonly ratePairs: readonly (readonly [string, string])[];

  constructor(readonly scheme: Scheme) {
    for (const n of [...NAME_LABELS, ...scheme.names])
      this.labels.set(normalizeLabel(n), { kind: 'name' });
    for (const c of scheme.counts)
      for (const h of [c.key, ...c.headers])
        this.labels.set(normalizeLabel(h), { kind: 'count', field: c.key });
    for (const f of scheme.figures)
      for (const h of [f.key, ...f.headers])
        this.labels.set(normalizeLabel(h), { kind: 'computed', field: f.key });
    const needed = neededCounts(scheme);
    this.neededCounts = scheme.counts.map((c) => c.key).filter((k) => needed.has(k));
    this.ratePairs = scheme.figures.flatMap((f) =>
      f.kind === 'rate' ? [[f.numerator, f.denominator] as const] : [],
    );
  }

  /** What a header cell names, or null for anything else. */
  recognize(text: string): LabelKind | null {
    const label = normalizeLabel(text);
    if (label === '') return null;
    if (label === '下属单位') return { kind: 'subName' };
    const ownSuffix = OWN_COLUMN_SUFFIX.normalize('NFKC');
    if (label.endsWith(ownSuffix)) {
      const inner = this.labels.get(normalizeLabel(label.slice(0, -ownSuffix.length)));
      return inner?.kind === 'computed' ? { kind: 'own', field: inner.field } : null;
    }
    const known = this.labels.get(label);
    if (known) return known;
    return FIGURE_LIKE.test(label) ? { kind: 'unknownFigure', label } : null;
  }
}

/** A header that reads as a quantity (…数, …率, a number): never a unit-name column. */
export function looksLikeQuantity(text: string): boolean {
  const label = normalizeLabel(text);
  return /(数|率|量|值|分|次|额|比|件)$/.test(label) || /^[\d.,+-]+$/.test(label);
}

/** The columns of an evaluation table in the order the bulletin prints them. */
export const BULLETIN_COLUMNS: readonly (CountField | ComputedField)[] = [
  '应处置数',
  '处置数',
  '超期未处置数',
  '超期处置数',
  '返工数',
  '返工率',
  '应结案数',
  '结案数',
  '结案率',
  '按期结案数',
  '按期结案率',
  '综合指标值',
  '评价等级',
];

const RATE_FIELDS: readonly string[] = ['返工率', '结案率', '按期结案率'];

/** A column's header as the bulletin prints it: rates carry “(%)”, or `percent` as given. */
export function printedHeader(field: CountField | ComputedField, percent = '(%)'): string {
  return RATE_FIELDS.includes(field) ? `${field}${percent}` : field;
}

const GRAND_TOTAL = /^(合计|总计|共计|全市合计|总数)/;

/** A 合计 / 总计 row: the sum of the whole table (a 小计 sums only part of it). */
export function isGrandTotalRow(name: string): boolean {
  return GRAND_TOTAL.test(foldText(name));
}

/** 合计 / 总计 / 小计 rows: sums, not units. */
export function isTotalRow(name: string): boolean {
  const t = foldText(name);
  return GRAND_TOTAL.test(t) || t.startsWith('小计');
}
