/**
 * The Word adapter: the only code that calls Word.run. Inserting the narrative is two syncs
 * in body text or a table: the first learns where the selection is (empty or not, in a table
 * or a content control or not), the second inserts the OOXML there; in a content control, one
 * more sync per level of control climbs to the outermost one. East Asian fonts travel in the
 * OOXML; the Word API cannot set them apart from the Latin font.
 */
import { WordInsertError, toWordError } from './errors';

export interface InsertOptions {
  /** Replace a non-empty selection (the pane's 替换所选内容); by default it is kept. */
  readonly replace?: boolean;
}

/** Where the text went, for the pane's notice. */
export type InsertPlace =
  'cursor' | 'afterSelection' | 'afterTable' | 'afterContentControl' | 'replacedSelection';

/** A host that keeps answering “there is a parent” would loop forever: no document nests deeper. */
const MAX_CONTROL_NESTING = 64;

/**
 * WordApi 1.3 brings what deciding the place needs: Range.isEmpty, Range.getRange,
 * parentTableOrNullObject, Table.nestingLevel / parentTable / getRange('After'),
 * Range / ContentControl.parentContentControlOrNullObject, ContentControl.parentTableOrNullObject
 * and getRange('After'). Without it the add-in cannot tell a cell or a control from body text,
 * and text inserted in a cell nests every attachment table inside it, so it refuses rather
 * than guess.
 */
export function wordApiSupported(): boolean {
  return Office.context.requirements.isSetSupported('WordApi', '1.3');
}

/**
 * Insert the bulletin's flat OPC package near the selection:
 * - selection ending in a content control (at any depth, in or around tables): after the
 *   outermost control, never inside one (its content is the form's or the template's, and a
 *   plain-text control cannot hold paragraphs) — unless that control is itself in a table;
 * - cursor or selection ending in a table (at any depth): after the enclosing top-level
 *   table, never in a cell (the attachment tables would become nested tables);
 * - a cursor: at the cursor;
 * - selected text: after it, unless `replace` (then in its place — never when either end is
 *   in a table or a control: that would split it).
 * Everything but an asked-for replacement uses 'After': InsertLocation puts Before/After
 * content outside the range, so nothing the user selected is overwritten. A control takes
 * OOXML only inside it ('Replace' / 'Start' / 'End'), so “after the control” is the range
 * `getRange('After')` gives, with the content inserted 'After' that point.
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
      // selection that begins or ends in a cell or a control is not replaced (it would split it).
      const start = selection.getRange('Start');
      const end = selection.getRange('End');
      const startTable = start.parentTableOrNullObject;
      const endTable = end.parentTableOrNullObject;
      const startControl = start.parentContentControlOrNullObject;
      const endControl = end.parentContentControlOrNullObject;
      startTable.load('isNullObject');
      endTable.load('isNullObject,nestingLevel');
      startControl.load('isNullObject');
      endControl.load('isNullObject');
      await context.sync();

      // The outermost control holding the end, and whether it stands in a table: a control
      // has no nesting level, so one sync per level (a method of a null object fails the batch).
      let control: Word.ContentControl | null = endControl.isNullObject ? null : endControl;
      let controlInTable = false;
      for (let level = 0; control !== null && level < MAX_CONTROL_NESTING; level++) {
        const parent: Word.ContentControl = control.parentContentControlOrNullObject;
        const table = control.parentTableOrNullObject;
        parent.load('isNullObject');
        table.load('isNullObject');
        await context.sync();
        if (parent.isNullObject) {
          controlInTable = !table.isNullObject;
          break;
        }
        control = parent;
      }

      let place: InsertPlace;
      if (control !== null && !controlInTable) {
        // Every table holding the end is inside this control: after the control is outside all.
        control.getRange('After').insertOoxml(ooxml, 'After');
        place = 'afterContentControl';
      } else if (!endTable.isNullObject) {
        // Climb to the top-level table: after a nested table is still inside a cell. (A
        // control holding the end stands in a cell of it, so after the table is outside both.)
        let table = endTable;
        for (let level = endTable.nestingLevel; level > 1; level--) table = table.parentTable;
        table.getRange('After').insertOoxml(ooxml, 'After');
        place = 'afterTable';
      } else if (selection.isEmpty) {
        selection.insertOoxml(ooxml, 'After');
        place = 'cursor';
      } else if (options.replace === true && startTable.isNullObject && startControl.isNullObject) {
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
