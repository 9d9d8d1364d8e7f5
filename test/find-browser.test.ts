import { describe, expect, it } from 'vitest';
import { browserLine, candidates, findBrowser } from './helpers/find-browser';

/** A file system that has exactly `paths`. */
const has =
  (...paths: string[]) =>
  (path: string) =>
    paths.includes(path);

describe('the browser the browser tests drive (test/helpers/find-browser.ts)', () => {
  it('Debian: /usr/bin/chromium first, then Chrome, then Edge', () => {
    const all = has('/usr/bin/chromium', '/usr/bin/google-chrome', '/usr/bin/microsoft-edge');
    expect(findBrowser(all, {}, 'linux').found).toEqual({
      path: '/usr/bin/chromium',
      name: 'Chromium (Debian)',
    });
    const noChromium = has('/opt/google/chrome/chrome', '/opt/microsoft/msedge/msedge');
    expect(findBrowser(noChromium, {}, 'linux').found?.path).toBe('/opt/google/chrome/chrome');
    const edgeOnly = has('/opt/microsoft/msedge/msedge');
    expect(findBrowser(edgeOnly, {}, 'linux').found).toEqual({
      path: '/opt/microsoft/msedge/msedge',
      name: 'Microsoft Edge',
    });
    expect(findBrowser(has('/usr/bin/chromium-browser'), {}, 'linux').found?.path).toBe(
      '/usr/bin/chromium-browser',
    );
  });

  it('CHROMIUM_PATH comes before anything installed, and pointing nowhere is said, not skipped', () => {
    const fs = has('/usr/bin/chromium', '/home/me/chrome-linux/chrome');
    const env = { CHROMIUM_PATH: '/home/me/chrome-linux/chrome' };
    expect(findBrowser(fs, env, 'linux').found?.path).toBe('/home/me/chrome-linux/chrome');
    const wrong = findBrowser(fs, { CHROMIUM_PATH: '/nowhere/chrome' }, 'linux');
    expect(wrong.found).toBeNull();
    expect(browserLine(wrong)).toContain('CHROMIUM_PATH is /nowhere/chrome, which does not exist');
  });

  it('macOS and Windows: the installers’ own places', () => {
    expect(
      findBrowser(has('/Applications/Google Chrome.app/Contents/MacOS/Google Chrome'), {}, 'darwin')
        .found?.name,
    ).toBe('Google Chrome');
    const env = {
      PROGRAMFILES: 'C:\\Program Files',
      'PROGRAMFILES(X86)': 'C:\\Program Files (x86)',
      LOCALAPPDATA: 'C:\\Users\\me\\AppData\\Local',
    };
    const edge = 'C:\\Program Files (x86)\\Microsoft\\Edge\\Application\\msedge.exe';
    expect(findBrowser(has(edge), env, 'win32').found).toEqual({
      path: edge,
      name: 'Microsoft Edge',
    });
    const chrome = 'C:\\Users\\me\\AppData\\Local\\Google\\Chrome\\Application\\chrome.exe';
    expect(findBrowser(has(edge, chrome), env, 'win32').found?.path).toBe(chrome);
  });

  it('nothing found: one line naming every place looked at and how to get a browser', () => {
    const none = findBrowser(has(), {}, 'linux');
    expect(none.found).toBeNull();
    const line = browserLine(none);
    expect(line).not.toContain('\n');
    for (const c of candidates('linux')) expect(line).toContain(c.path);
    expect(line).toContain('CHROMIUM_PATH');
    expect(line).toContain('apt-get install chromium');
    expect(browserLine(findBrowser(has(), {}, 'darwin'))).toContain(
      'install Google Chrome or Microsoft Edge',
    );
  });

  it('found: the line names the browser and its path', () => {
    expect(browserLine(findBrowser(has('/usr/bin/google-chrome-stable'), {}, 'linux'))).toBe(
      'browser tests: Google Chrome at /usr/bin/google-chrome-stable',
    );
  });
});
