import type { RecomputeResult } from '../excel/adapter';

/** What the pane asks of its Office host; the Excel adapter provides it (tests may fake it). */
export interface PaneHost {
  readonly recompute: () => Promise<RecomputeResult>;
  readonly select: (sheet: string, cell: string) => Promise<void>;
}
