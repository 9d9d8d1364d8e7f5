import type { Scheme } from './scheme';

export type ColumnRef =
  | { readonly kind: 'count'; readonly key: string }
  | { readonly kind: 'figure'; readonly key: string };

/**
 * The columns of a printed table in the bulletin's order: the counts as the scheme lists
 * them, each rate right after its numerator's count (返工数, 返工率, 应结案数, 结案数, 结案率…),
 * then the index, grade and rank. For Fuzhou this is the published attachment's order.
 */
export function printedOrder(scheme: Scheme): ColumnRef[] {
  const out: ColumnRef[] = [];
  const placed = new Set<string>();
  for (const c of scheme.counts) {
    out.push({ kind: 'count', key: c.key });
    for (const f of scheme.figures)
      if (f.kind === 'rate' && f.numerator === c.key && !placed.has(f.key)) {
        out.push({ kind: 'figure', key: f.key });
        placed.add(f.key);
      }
  }
  for (const f of scheme.figures) if (!placed.has(f.key)) out.push({ kind: 'figure', key: f.key });
  return out;
}
