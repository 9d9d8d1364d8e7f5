// Before anything else: the built-ins EdgeHTML 18 lacks (see polyfills.ts).
import '../polyfills';
import {
  FluentProvider,
  MessageBar,
  MessageBarBody,
  webLightTheme,
} from '@fluentui/react-components';
import type { ReactNode } from 'react';
import { createRoot, type Root } from 'react-dom/client';
import { isChinese, loadCatalog, zhCN } from '../../src/i18n/catalog';
import { documentSettingsStore } from '../office/document-settings';
import { problemText } from './errors';

// The bundle parsed and runs: taskpane.html's inline guard stays silent from here on, so from
// here on every failure to start is said by the pane itself.
(window as unknown as { __TONGBAO_STARTED__?: boolean }).__TONGBAO_STARTED__ = true;

function say(root: Root, text: string): void {
  root.render(
    <FluentProvider theme={webLightTheme}>
      <MessageBar intent="error" layout="multiline" style={{ margin: 12 }}>
        <MessageBarBody>{text}</MessageBarBody>
      </MessageBar>
    </FluentProvider>,
  );
}

const provided = (node: ReactNode) => <FluentProvider theme={webLightTheme}>{node}</FluentProvider>;

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
const container = document.getElementById('root');
if (container && typeof Office === 'undefined') {
  // office.js did not load (Microsoft's CDN unreachable from an intranet): say so in Chinese.
  say(createRoot(container), zhCN.ui.officeJsMissing);
} else if (container) {
  const root = createRoot(container);
  // A failure to start (a chunk that does not load, a host that refuses) is said, never blank.
  Office.onReady()
    .then((info) => start(root, info))
    .catch((e: unknown) => say(root, problemText(zhCN.ui, e)));
}

async function start(root: Root, info: { host: Office.HostType; platform: Office.PlatformType }) {
  const language = locale();
  document.documentElement.lang = isChinese(language) ? 'zh-CN' : 'en-US';
  const inWord = info.host === Office.HostType.Word;
  const onMac = info.platform === Office.PlatformType.Mac;
  // Settings travel with the document; per-user defaults stay in this webview's storage,
  // under the host's partition key where it partitions storage.
  const settings = documentSettingsStore(inWord ? 'document' : 'workbook');
  const partition = Office.context.partitionKey ?? undefined;
  const catalog = await loadCatalog(language);
  if (inWord) {
    const [{ WordApp }, { insertAtSelection }] = await Promise.all([
      import('./WordApp'),
      import('../word/adapter'),
    ]);
    root.render(
      provided(
        <WordApp host={{ insert: insertAtSelection, settings, partition }} catalog={catalog} />,
      ),
    );
  } else {
    const { App } = await import('./App');
    // The adapter (and the engine it runs) loads on the first 重新计算, not before first paint.
    const excel = () => import('../excel/adapter');
    root.render(
      provided(
        <App
          host={{
            recompute: async (s) => (await excel()).recompute(s),
            select: async (sheet, cell) => (await excel()).selectCell(sheet, cell),
            settings,
            partition,
          }}
          catalog={catalog}
          canDownload={!onMac}
        />,
      ),
    );
  }
}
