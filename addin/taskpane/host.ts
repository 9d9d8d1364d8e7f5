import type { Settings } from '../../src/core/settings';
import type { Analysis } from '../../src/evaluation/analyze';
import type { WritePlan } from '../../src/plan/write-plan';
import type { SettingsStore } from './settings-store';

/** One 重新计算: what was read and computed, what was (or would have been) written. */
export interface RecomputeResult {
  readonly analysis: Analysis;
  readonly plan: WritePlan;
  /** False when conflicts stopped the write: nothing was changed. */
  readonly wrote: boolean;
  readonly syncs: number;
}

/** What the Excel pane asks of its host; the Excel adapter provides it (tests may fake it). */
export interface PaneHost {
  readonly recompute: (settings: Settings) => Promise<RecomputeResult>;
  readonly select: (sheet: string, cell: string) => Promise<void>;
  /** Where the shared settings live (the workbook's document settings in Excel). */
  readonly settings: SettingsStore;
  /** Office.context.partitionKey, where the host partitions browser storage. */
  readonly partition?: string;
}
