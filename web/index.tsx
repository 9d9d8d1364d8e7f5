// Before anything else: the built-ins EdgeHTML 18 lacks (see addin/polyfills.ts).
import '../addin/polyfills';
import { FluentProvider, webLightTheme } from '@fluentui/react-components';
import { createRoot } from 'react-dom/client';
import { browserSettingsStore } from '../addin/taskpane/settings-store';
import { isChinese, loadCatalog } from '../src/i18n/catalog';
import { WebApp } from './WebApp';

/**
 * 网页版: the same engine, components and catalog as the add-in, with no Office and no server.
 * The browser's language picks the UI language as Office's does for the add-in: Chinese for
 * zh-*, English otherwise.
 */
const w = window as unknown as {
  __TONGBAO_STARTED__?: boolean;
  __TONGBAO_UNSUPPORTED__?: boolean;
};
w.__TONGBAO_STARTED__ = true;
const language = navigator.language || 'zh-CN';
document.documentElement.lang = isChinese(language) ? 'zh-CN' : 'en-US';
const container = document.getElementById('root');
// The inline guard found IE (or a compatibility mode): its message stays.
if (container && !w.__TONGBAO_UNSUPPORTED__) {
  const root = createRoot(container);
  void loadCatalog(language).then((catalog) =>
    root.render(
      <FluentProvider theme={webLightTheme}>
        <WebApp catalog={catalog} settings={browserSettingsStore()} />
      </FluentProvider>,
    ),
  );
}
