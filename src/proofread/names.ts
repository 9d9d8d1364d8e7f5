/**
 * Names as a bulletin writes them: the table's name, the narrative's (alias, 政府 dropped),
 * with or without 福州市/福州/市 (福州市公安局交通警察支队 = 市公安局交通警察支队), 有限公司 as
 * 公司, a bracketed second name left off; and, for a name the writer shortened further
 * (市建委 for 福州市城乡建设委员会, 电信福州分公司 for 福州市电信分公司), a match of its
 * characters against one name only.
 */
import type { NarrativeSettings } from '../settings/settings';
import { displayName } from '../narrative/names';
import { foldName } from './fold';

/** Prefixes a writer adds or drops: the city, the province, 市/省 alone. */
const PREFIX = /^(福州市|福州|福建省|福建|市|省)/;

/** Sub-unit names that say nothing alone (本委, 本局): never looked for in the text. */
const GENERIC = /^(本|下属)/;

/** The core of a name: folded, prefix and trailing 政府 dropped. */
export function nameCore(name: string): string {
  return foldName(name).replace(/政府$/, '').replace(PREFIX, '');
}

/**
 * Every form of a unit's name a writer may use. `group` and `settings` give the narrative's
 * own form (displayName), so an alias in the settings is a form too.
 */
export function nameForms(
  name: string,
  group: string | null,
  settings: NarrativeSettings,
): string[] {
  const base = foldName(name);
  if (base.length < 2 || GENERIC.test(base)) return [];
  const forms = new Set<string>([base, foldName(displayName(name, group, settings))]);
  forms.add(base.replace(/政府$/, ''));
  // “中国邮政福州分公司（福州市邮政投递局）”: the name without its bracketed second name.
  const unbracketed = base.replace(/\([^()]*\)$/, '');
  if (unbracketed.length >= 2) forms.add(unbracketed);
  for (const f of [...forms]) {
    const core = f.replace(PREFIX, '');
    if (core.length >= 2 && core !== f) {
      forms.add(`市${core}`);
      forms.add(`福州${core}`);
      forms.add(`福州市${core}`);
    }
    // A core alone only when it is long enough not to be a word of the text.
    if (core.length >= 4) forms.add(core);
  }
  for (const f of [...forms]) if (f.endsWith('有限公司')) forms.add(f.replace(/有限公司$/, '公司'));
  return [...forms].filter((f) => f.length >= 2);
}

/** Forms of a category (城乡建设类, 投诉 / 投诉类, 机动车乱停放). */
export function categoryForms(name: string): string[] {
  const base = foldName(name);
  if (base.length === 0) return [];
  const forms = new Set([base]);
  if (base.endsWith('类') && base.length > 2) forms.add(base.slice(0, -1));
  else forms.add(`${base}类`);
  return [...forms].filter((f) => f.length >= 2);
}

/** A core with the endings writers shorten shortened (委员会 → 委, 办公室 → 办, 有限公司 → 公司). */
function shortCore(name: string): string {
  return nameCore(name)
    .replace(/委员会$/, '委')
    .replace(/办公室$/, '办')
    .replace(/有限(责任)?公司$/, '公司');
}

/** `short`'s characters appear in `long` in order. */
function subsequence(short: string, long: string): boolean {
  let i = 0;
  for (const c of long) if (c === short[i]) i++;
  return i === short.length;
}

/** Every character of `short` is in `long` (as often). */
function contained(short: string, long: string): boolean {
  const rest = [...long];
  for (const c of short) {
    const i = rest.indexOf(c);
    if (i < 0) return false;
    rest.splice(i, 1);
  }
  return true;
}

/**
 * The one candidate a written name stands for: same core first, then a shortened form (its
 * characters in order, same last character), then the same characters in another order (电信福州
 * 分公司 / 福州市电信分公司). Null when none, or when two candidates fit equally well.
 */
export function resolveShortened<T>(
  written: string,
  candidates: readonly T[],
  nameOf: (c: T) => string,
): T | null {
  const w = shortCore(written);
  if (w.length < 2) return null;
  const tiers: ((core: string) => boolean)[] = [
    (core) => core === w,
    (core) => core.length > w.length && core.endsWith(w.slice(-1)) && subsequence(w, core),
    (core) => core.length >= w.length && core.endsWith(w.slice(-1)) && contained(w, core),
  ];
  for (const fits of tiers) {
    const found = candidates.filter((c) => fits(shortCore(nameOf(c))));
    if (found.length === 1) return found[0]!;
    if (found.length > 1) {
      // The closest in length, if only one is.
      const gap = (c: T) => shortCore(nameOf(c)).length - w.length;
      const best = Math.min(...found.map(gap));
      const closest = found.filter((c) => gap(c) === best);
      return closest.length === 1 ? closest[0]! : null;
    }
  }
  return null;
}
