/**
 * The Word adapter: the only code that calls Word.run. Inserting the narrative is one batch:
 * the OOXML replaces the selection (or lands at the cursor) in a single sync. East Asian
 * fonts travel in the OOXML; the Word API cannot set them apart from the Latin font.
 */
export async function insertAtSelection(ooxml: string): Promise<void> {
  await Word.run(async (context) => {
    context.document.getSelection().insertOoxml(ooxml, 'Replace');
    await context.sync();
  });
}
