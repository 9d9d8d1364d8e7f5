import { FluentProvider, webLightTheme } from '@fluentui/react-components';
import { createRoot } from 'react-dom/client';
import { catalogFor } from '../../src/i18n/catalog';
import { recompute, selectCell } from '../excel/adapter';
import { documentSettingsStore } from '../office/document-settings';
import { insertAtSelection } from '../word/adapter';
import { App } from './App';
import { WordApp } from './WordApp';

/** Office's display language decides the UI: Chinese for zh-*, English otherwise. */
function locale(): string {
  try {
    return Office.context.displayLanguage || navigator.language;
  } catch {
    return navigator.language;
  }
}

void Office.onReady((info) => {
  const container = document.getElementById('root');
  if (!container) return;
  const catalog = catalogFor(locale());
  document.documentElement.lang = locale().toLowerCase().startsWith('zh') ? 'zh-CN' : 'en-US';
  const inWord = info.host === Office.HostType.Word;
  const onMac = info.platform === Office.PlatformType.Mac;
  // Settings travel with the document; per-user defaults stay in this webview's storage,
  // under the host's partition key where it partitions storage.
  const settings = documentSettingsStore(inWord ? 'document' : 'workbook');
  const partition = Office.context.partitionKey ?? undefined;
  createRoot(container).render(
    <FluentProvider theme={webLightTheme}>
      {inWord ? (
        <WordApp host={{ insert: insertAtSelection, settings, partition }} catalog={catalog} />
      ) : (
        <App
          host={{ recompute, select: selectCell, settings, partition }}
          catalog={catalog}
          canDownload={!onMac}
        />
      )}
    </FluentProvider>,
  );
});
