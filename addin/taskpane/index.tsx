// Before anything else: the built-ins EdgeHTML 18 lacks (see polyfills.ts).
import '../polyfills';
import { FluentProvider, webLightTheme } from '@fluentui/react-components';
import { createRoot } from 'react-dom/client';
import { isChinese, loadCatalog } from '../../src/i18n/catalog';
import { documentSettingsStore } from '../office/document-settings';

// The bundle parsed and runs: taskpane.html's inline guard stays silent from here on.
(window as unknown as { __TONGBAO_STARTED__?: boolean }).__TONGBAO_STARTED__ = true;

/** Office's display language decides the UI: Chinese for zh-*, English otherwise. */
function locale(): string {
  try {
    return Office.context.displayLanguage || navigator.language;
  } catch {
    return navigator.language;
  }
}

/**
 * Each host loads its own pane and adapter (and English only where Office is not Chinese):
 * an Excel user's webview never downloads the Word pane, nor a Word user's the Excel one.
 */
void Office.onReady(async (info) => {
  const container = document.getElementById('root');
  if (!container) return;
  const language = locale();
  document.documentElement.lang = isChinese(language) ? 'zh-CN' : 'en-US';
  const inWord = info.host === Office.HostType.Word;
  const onMac = info.platform === Office.PlatformType.Mac;
  // Settings travel with the document; per-user defaults stay in this webview's storage,
  // under the host's partition key where it partitions storage.
  const settings = documentSettingsStore(inWord ? 'document' : 'workbook');
  const partition = Office.context.partitionKey ?? undefined;
  const catalog = await loadCatalog(language);
  const root = createRoot(container);
  if (inWord) {
    const [{ WordApp }, { insertAtSelection }] = await Promise.all([
      import('./WordApp'),
      import('../word/adapter'),
    ]);
    root.render(
      <FluentProvider theme={webLightTheme}>
        <WordApp host={{ insert: insertAtSelection, settings, partition }} catalog={catalog} />
      </FluentProvider>,
    );
  } else {
    const { App } = await import('./App');
    // The adapter (and the engine it runs) loads on the first 重新计算, not before first paint.
    const excel = () => import('../excel/adapter');
    root.render(
      <FluentProvider theme={webLightTheme}>
        <App
          host={{
            recompute: async (s) => (await excel()).recompute(s),
            select: async (sheet, cell) => (await excel()).selectCell(sheet, cell),
            settings,
            partition,
          }}
          catalog={catalog}
          canDownload={!onMac}
        />
      </FluentProvider>,
    );
  }
});
