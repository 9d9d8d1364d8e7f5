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

/** The counts the formulas need; the 超期 columns are read and checked but optional. */
export const REQUIRED_COUNT_FIELDS: readonly CountField[] = [
  '应处置数',
  '处置数',
  '返工数',
  '应结案数',
  '结案数',
  '按期结案数',
];

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
  | { readonly kind: 'count'; readonly field: CountField }
  | { readonly kind: 'computed'; readonly field: ComputedField }
  | { readonly kind: 'own'; readonly field: ComputedField };

const NAME_LABELS = new Set([
  '区政府',
  '县(市)政府',
  '县(市)区政府',
  '县(市)区',
  '区县',
  '县(市)',
  '主管(责任)单位',
  '主管责任单位',
  '主管单位',
  '责任单位',
  '处置责任单位',
  '被考核单位',
  '单位',
  '单位名称',
  '部门',
]);

const ALIASES: Record<string, CountField | ComputedField> = {
  应处置案件数: '应处置数',
  已处置数: '处置数',
  综合指标: '综合指标值',
  综合分值: '综合指标值',
  综合得分: '综合指标值',
  等级: '评价等级',
};

const FIELD_BY_LABEL = new Map<string, CountField | ComputedField>([
  ...COUNT_FIELDS.map((f) => [f, f] as const),
  ...COMPUTED_FIELDS.map((f) => [f, f] as const),
  ...Object.entries(ALIASES),
]);

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

/** What a header cell names, or null for anything else. */
export function recognizeLabel(text: string): LabelKind | null {
  const label = normalizeLabel(text);
  if (label === '') return null;
  if (NAME_LABELS.has(label)) return { kind: 'name' };
  if (label === '下属单位') return { kind: 'subName' };
  const ownSuffix = OWN_COLUMN_SUFFIX.normalize('NFKC');
  if (label.endsWith(ownSuffix)) {
    const field = FIELD_BY_LABEL.get(normalizeLabel(label.slice(0, -ownSuffix.length)));
    return field && (COMPUTED_FIELDS as readonly string[]).includes(field)
      ? { kind: 'own', field: field as ComputedField }
      : null;
  }
  const field = FIELD_BY_LABEL.get(label);
  if (!field) return null;
  return (COUNT_FIELDS as readonly string[]).includes(field)
    ? { kind: 'count', field: field as CountField }
    : { kind: 'computed', field: field as ComputedField };
}

/** Cheap pre-filter: a header row has cells that mention 处置, 结案 or 返工. */
export function mayBeHeaderCell(text: string): boolean {
  return text.includes('处置') || text.includes('结案') || text.includes('返工');
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

/** 合计 / 总计 / 小计 rows: sums, not units. */
export function isTotalRow(name: string): boolean {
  return /^(合计|总计|小计|共计|全市合计|总数)/.test(
    name.normalize('NFKC').replace(/[\s\u3000]+/g, ''),
  );
}
