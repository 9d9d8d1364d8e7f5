/**
 * The bulletin ranks units within three narrative groups. A table's group comes from its
 * title (“(一) 各区政府综合评价表” → 五城区), else from its sheet's name, else from its units'
 * names (reported, since that is a guess).
 */
export const GROUPS = ['五城区', '七县(市)', '市直单位'] as const;
export type Group = (typeof GROUPS)[number];

export function groupFromText(raw: string): Group | null {
  const t = raw.normalize('NFKC').replace(/\s+/g, '');
  if (/县\(市\)|各县|县市|七县/.test(t)) return '七县(市)';
  if (/各区|城区|区政府/.test(t)) return '五城区';
  if (/市直|企业|省属|市属|中央|部门/.test(t)) return '市直单位';
  return null;
}

export function groupFromNames(names: readonly string[]): Group {
  const named = names.filter((n) => n !== '');
  if (named.length > 0 && named.every((n) => /区(政府)?$/.test(n))) return '五城区';
  if (named.length > 0 && named.every((n) => /[县市](政府)?$/.test(n) && !n.startsWith('市')))
    return '七县(市)';
  return '市直单位';
}

/** “(一) 各区政府综合评价表” → “各区政府综合评价表”: numbering and spaces dropped. */
export function tableTitle(raw: string): string {
  return raw
    .replace(/[\s\u3000]+/g, '')
    .replace(
      /^[(（]([一二三四五六七八九十]+|\d+)[)）]|^[一二三四五六七八九十]+[、.．]|^\d+[、.．]/,
      '',
    );
}
