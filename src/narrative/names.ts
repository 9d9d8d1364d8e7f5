import { formatScaled } from '../core/fixed';
import type { NarrativeSettings } from '../settings/settings';
import type { Group } from '../tables/groups';

/** How a unit reads in the text: a configured alias, else districts and counties drop 政府. */
export function displayName(
  name: string,
  group: Group | null,
  settings: NarrativeSettings,
): string {
  // Own keys only: a unit named “constructor” or “__proto__” has no alias unless configured.
  const alias = Object.prototype.hasOwnProperty.call(settings.aliases, name)
    ? settings.aliases[name]
    : undefined;
  if (typeof alias === 'string') return alias;
  return group === '五城区' || group === '七县(市)' ? name.replace(/政府$/, '') : name;
}

/** The bulletin's number style: no separators, at most `decimals` places, trailing zeros dropped. */
export function num(scaled: number, decimals = 2): string {
  return formatScaled(scaled, decimals, true);
}
