/**
 * Writing the plan. Every table is a list of steps — its value blocks (the first holds the
 * “（复核）” headers), then its dressing (old rules cleared, header format, new rules) — and
 * steps are sent in requests under the payload budget. Why this order: whatever prefix of the
 * steps reached the workbook before a failure, a re-run finds the headers of every table that
 * got any rule, so it clears those rules before adding them again; a re-run repairs a partial
 * write to exactly what a clean run writes.
 *
 * A request Excel on the web still refuses as too large is split in halves (a single block by
 * rows, down to one row) and sent again; nothing of a refused request was applied. Any other
 * failure stops the write and says which tables were completely written.
 */
import { UserFacingError } from '../../src/core/errors';
import { rangeAddress } from '../../src/core/grid';
import {
  HEADER_FILL,
  type ConditionalRule,
  type ValueBlock,
  type WritePlan,
} from '../../src/plan/write-plan';
import { HostError, hostError, isPayloadLimit } from '../taskpane/errors';
import type { TableRef, WriteProblem } from '../taskpane/host';
import { blockBytes, halveRows, splitRows } from './ranges';

/** Excel on the web refuses requests over 5 MB; keep each well under it. */
export const REQUEST_BUDGET = 3.5 * 1024 * 1024;

interface Step {
  /** Index of its table in `tablesOf(plan)`. */
  readonly table: number;
  readonly bytes: number;
  readonly queue: (context: Excel.RequestContext) => void;
  /** The same writes as two smaller steps, or null when it cannot be split. */
  readonly split: () => readonly [Step, Step] | null;
}

export function tablesOf(plan: WritePlan): TableRef[] {
  return plan.sheets.flatMap((s) => s.tables.map((t) => ({ sheet: s.sheet, title: t.title })));
}

/** Apply the plan; null when all of it was written, else what was and why it stopped. */
export async function writePlan(
  context: Excel.RequestContext,
  plan: WritePlan,
  sync: () => Promise<void>,
  budget = REQUEST_BUDGET,
): Promise<WriteProblem | null> {
  const tables = tablesOf(plan);
  const steps = stepsOf(plan, budget);
  const left = tables.map((_, i) => steps.filter((s) => s.table === i).length);
  const send = async (batch: readonly Step[]): Promise<void> => {
    for (const step of batch) step.queue(context);
    try {
      await sync();
    } catch (e) {
      if (!isPayloadLimit(e)) throw e;
      const halves: readonly (readonly Step[])[] =
        batch.length > 1
          ? [batch.slice(0, Math.ceil(batch.length / 2)), batch.slice(Math.ceil(batch.length / 2))]
          : (batch[0]!.split()?.map((s) => [s]) ?? []);
      if (halves.length === 0) throw e;
      for (const half of halves) await send(half);
      return;
    }
    for (const step of batch) left[step.table]!--;
  };
  try {
    let batch: Step[] = [];
    let bytes = 0;
    for (const step of steps) {
      if (batch.length > 0 && bytes + step.bytes > budget) {
        await send(batch);
        batch = [];
        bytes = 0;
      }
      batch.push(step);
      bytes += step.bytes;
    }
    if (batch.length > 0) await send(batch);
    return null;
  } catch (e) {
    const known = hostError(e);
    const error =
      known instanceof UserFacingError
        ? known
        : new HostError(known instanceof Error ? known.message : String(known), 'hostFailed');
    return {
      error,
      written: tables.filter((_, i) => left[i] === 0),
      notWritten: tables.filter((_, i) => left[i]! > 0),
    };
  }
}

function stepsOf(plan: WritePlan, budget: number): Step[] {
  const steps: Step[] = [];
  let table = 0;
  for (const { sheet, tables } of plan.sheets) {
    for (const t of tables) {
      for (const chunk of splitRows(t.block, budget))
        steps.push(blockStep(table, sheet, chunk.block));
      const rules = t.rules;
      steps.push({
        table,
        // The rules as sent, plus the clear and the header format.
        bytes: 2048 + JSON.stringify(rules).length * 2,
        queue: (context) => {
          const ws = context.workbook.worksheets.getItem(sheet);
          if (t.replacing) ws.getRange(rangeAddress(t.columns)).conditionalFormats.clearAll();
          const header = ws.getRange(rangeAddress(t.header));
          header.format.font.bold = true;
          header.format.fill.color = HEADER_FILL;
          for (const rule of rules) addRule(ws, rule);
        },
        split: () => null,
      });
      table++;
    }
  }
  return steps;
}

function blockStep(table: number, sheet: string, block: ValueBlock): Step {
  return {
    table,
    bytes: blockBytes(block),
    queue: (context) => writeBlock(context.workbook.worksheets.getItem(sheet), block),
    split: () => {
      const halves = halveRows(block);
      return halves && [blockStep(table, sheet, halves[0]), blockStep(table, sheet, halves[1])];
    },
  };
}

/**
 * Number formats first, then values. A grade cell is formatted Text (`@`), so Excel keeps a
 * grade such as “=A” or “-B” as the text it is: no formula, and no apostrophe to prefix —
 * which in a Text cell would become part of the value.
 */
function writeBlock(ws: Excel.Worksheet, block: ValueBlock): void {
  const range = ws.getRange(rangeAddress(block));
  range.numberFormat = block.numberFormat as string[][];
  range.values = block.values as (string | number)[][];
}

function addRule(ws: Excel.Worksheet, rule: ConditionalRule): void {
  const range = ws.getRange(rangeAddress(rule.range));
  switch (rule.type) {
    case 'textEquals': {
      const cf = range.conditionalFormats.add('CellValue');
      cf.cellValue.rule = { formula1: `="${rule.text.replace(/"/g, '""')}"`, operator: 'EqualTo' };
      cf.cellValue.format.fill.color = rule.fill;
      cf.cellValue.format.font.color = rule.font;
      return;
    }
    case 'colorScale': {
      const cf = range.conditionalFormats.add('ColorScale');
      cf.colorScale.criteria = {
        minimum: { type: 'LowestValue', color: rule.min },
        midpoint: { type: 'Percentile', formula: '50', color: rule.mid },
        maximum: { type: 'HighestValue', color: rule.max },
      };
      return;
    }
    case 'formula': {
      const cf = range.conditionalFormats.add('Custom');
      cf.custom.rule.formula = rule.formula;
      cf.custom.format.fill.color = rule.fill;
      cf.custom.format.font.color = rule.font;
      return;
    }
  }
}
