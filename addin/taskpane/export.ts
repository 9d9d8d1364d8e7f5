import type { Analysis } from '../../src/evaluation/analyze';
import type { Narrative } from '../../src/narrative/types';

/**
 * The bulletin as a .docx Blob. The .docx code is loaded only now, so the task pane opens
 * without it.
 */
export async function bulletinDocx(
  analysis: Analysis,
  narrative: Narrative,
  text: string,
): Promise<{ name: string; blob: Blob }> {
  const [{ buildReport }, { packDocx }] = await Promise.all([
    import('../../src/report/model'),
    import('../../src/report/docx'),
  ]);
  const model = buildReport(analysis, narrative, undefined, text);
  const bytes = await packDocx(model, analysis.settings.report.fonts);
  return {
    name: `${model.title.replace(/[\\/:*?"<>|]/g, '')}.docx`,
    blob: new Blob([bytes as BlobPart], {
      type: 'application/vnd.openxmlformats-officedocument.wordprocessingml.document',
    }),
  };
}

/** Save a Blob through an <a download> (works in Excel on the web and on Windows, not on Mac). */
export function download(name: string, blob: Blob): void {
  const url = URL.createObjectURL(blob);
  const a = document.createElement('a');
  a.href = url;
  a.download = name;
  document.body.appendChild(a);
  a.click();
  a.remove();
  setTimeout(() => URL.revokeObjectURL(url), 60_000);
}
