import { foldText } from '../core/cells';
import type { GroupRule } from '../scheme/scheme';

/**
 * The bulletin ranks units within narrative groups (Fuzhou: 五城区, 七县(市), 市直单位). A
 * table's group comes from its title, else its sheet's name, by the scheme's rules — never
 * guessed from the units' names: a table no rule names stays ungrouped.
 */
export type Group = string;

/** The group the first matching rule names, for a title or sheet name; null when none. */
export function groupFromRules(raw: string, rules: readonly GroupRule[]): Group | null {
  const t = foldText(raw);
  for (const rule of rules) if (new RegExp(rule.pattern).test(t)) return rule.group;
  return null;
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
