/**
 * The Word adapter: the only code that calls Word.run. Inserting the narrative is two syncs:
 * the first learns where the selection is (empty or not, in a table or not), the second
 * inserts the OOXML there. East Asian fonts travel in the OOXML; the Word API cannot set them
 * apart from the Latin font.
 */
import { WordInsertError, toWordError } from './errors';

export interface InsertOptions {
  /** Replace a non-empty selection (the pane's 替换所选内容); by default it is kept. */
  readonly replace?: boolean;
}

/** Where the text went, for the pane's notice. */
export type InsertPlace = 'cursor' | 'afterSelection' | 'afterTable' | 'replacedSelection';

/**
 * WordApi 1.3 brings what deciding the place needs: Range.isEmpty, Range.getRange,
 * parentTableOrNullObject, Table.nestingLevel / parentTable / getRange('After'). Without it
 * the add-in cannot tell a cell from body text, and text inserted in a cell nests every
 * attachment table inside it, so it refuses rather than guess.
 */
export function wordApiSupported(): boolean {
  return Office.context.requirements.isSetSupported('WordApi', '1.3');
}

/**
 * Insert the bulletin's flat OPC package near the selection:
 * - cursor or selection ending in a table (at any depth): after the enclosing top-level
 *   table, never in a cell (the attachment tables would become nested tables);
 * - a cursor: at the cursor;
 * - selected text: after it, unless `replace` (then in its place).
 * Everything but an asked-for replacement uses 'After': InsertLocation puts Before/After
 * content outside the range, so nothing the user selected is overwritten.
 */
export async function insertAtSelection(
  ooxml: string,
  options: InsertOptions = {},
): Promise<InsertPlace> {
  if (!wordApiSupported())
    throw new WordInsertError('apiMissing', 'WordApi 1.3', 'WordApi 1.3 is not supported');
  try {
    return await Word.run(async (context) => {
      const selection = context.document.getSelection();
      selection.load('isEmpty');
      // Two points matter: the end (where 'After' lands) and, to replace, the start too — a
      // selection that begins or ends in a cell is not replaced (it would split the table).
      const startTable = selection.getRange('Start').parentTableOrNullObject;
      const endTable = selection.getRange('End').parentTableOrNullObject;
      startTable.load('isNullObject');
      endTable.load('isNullObject,nestingLevel');
      await context.sync();

      let place: InsertPlace;
      if (!endTable.isNullObject) {
        // Climb to the top-level table: after a nested table is still inside a cell.
        let table = endTable;
        for (let level = endTable.nestingLevel; level > 1; level--) table = table.parentTable;
        table.getRange('After').insertOoxml(ooxml, 'After');
        place = 'afterTable';
      } else if (selection.isEmpty) {
        selection.insertOoxml(ooxml, 'After');
        place = 'cursor';
      } else if (options.replace === true && startTable.isNullObject) {
        selection.insertOoxml(ooxml, 'Replace');
        place = 'replacedSelection';
      } else {
        selection.insertOoxml(ooxml, 'After');
        place = 'afterSelection';
      }
      await context.sync();
      return place;
    });
  } catch (e) {
    throw toWordError(e);
  }
}
