import type { UserFacingError } from '../../src/core/errors';
import type { Settings } from '../../src/settings/settings';
import type { Analysis } from '../../src/evaluation/analyze';
import type { TableName } from '../../src/i18n/catalog';
import type { WritePlan } from '../../src/plan/write-plan';
import type { SettingsStore } from './settings-store';

/** A table of the plan, as the pane names it (sheet and title). */
export type TableRef = TableName;

/**
 * Why the plan was not (completely) written, when conflicts did not stop it: a refusal before
 * anything was written (a protected sheet, a read-only workbook) or a host failure part way.
 */
export interface WriteProblem {
  readonly error: UserFacingError;
  /** Tables completely written before it happened: none for a refusal. */
  readonly written: readonly TableRef[];
  /** Tables not written, or written only in part: 重新计算 completes them. */
  readonly notWritten: readonly TableRef[];
}

/**
 * One 重新计算: what was read and computed, what was (or would have been) written. Host-neutral:
 * the pane knows no Office type, and every error it shows is a UserFacingError
 * (`./errors.ts`).
 */
export interface RecomputeResult {
  readonly analysis: Analysis;
  readonly plan: WritePlan;
  /** True only when the whole plan was written. */
  readonly wrote: boolean;
  /** Round trips to the host (context.sync calls). */
  readonly syncs: number;
  /** Hidden and very hidden sheets: not read, not evaluated, not written. */
  readonly hiddenSheets: readonly string[];
  /** Sheets whose merged areas could not be read: evaluated as if nothing were merged. */
  readonly mergesUnread: readonly string[];
  /** Set when the plan was refused or stopped part way (not for conflicts: see plan). */
  readonly writeProblem: WriteProblem | null;
}

/** What the Excel pane asks of its host; the Excel adapter provides it (tests may fake it). */
export interface PaneHost {
  readonly recompute: (settings: Settings) => Promise<RecomputeResult>;
  /** Rejects with a UserFacingError (e.g. HiddenSheetError) when it cannot select the cell. */
  readonly select: (sheet: string, cell: string) => Promise<void>;
  /** Where the shared settings live (the workbook's document settings in Excel). */
  readonly settings: SettingsStore;
  /** Office.context.partitionKey, where the host partitions browser storage. */
  readonly partition?: string;
}
