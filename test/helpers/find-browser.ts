import { win32 } from 'node:path';

/**
 * Which browser the browser tests drive (playwright-core never downloads one): the first of
 * CHROMIUM_PATH, Chromium, Google Chrome and Microsoft Edge that this machine has, looked up
 * where each one's installer puts it. Pure: the file system comes in as `exists`, so the
 * order and the places are tested without any of them (test/find-browser.test.ts).
 */

export interface Candidate {
  /** The executable. */
  path: string;
  /** What it is, for the one line a test run prints. */
  name: string;
}

export type Lookup =
  { found: Candidate; looked: string[] } | { found: null; looked: string[]; why: string };

type Env = Record<string, string | undefined>;

/** Every place looked at on `platform`, in order: Chromium, then Chrome, then Edge. */
export function candidates(platform: NodeJS.Platform, env: Env = {}): Candidate[] {
  if (platform === 'win32') {
    const roots = [env.PROGRAMFILES, env['PROGRAMFILES(X86)'], env.LOCALAPPDATA].filter(
      (r): r is string => !!r,
    );
    const under = (name: string, ...parts: string[]) =>
      roots.map((root) => ({ path: win32.join(root, ...parts), name }));
    return [
      ...under('Chromium', 'Chromium', 'Application', 'chrome.exe'),
      ...under('Google Chrome', 'Google', 'Chrome', 'Application', 'chrome.exe'),
      ...under('Microsoft Edge', 'Microsoft', 'Edge', 'Application', 'msedge.exe'),
    ];
  }
  if (platform === 'darwin')
    return [
      { path: '/Applications/Chromium.app/Contents/MacOS/Chromium', name: 'Chromium' },
      {
        path: '/Applications/Google Chrome.app/Contents/MacOS/Google Chrome',
        name: 'Google Chrome',
      },
      {
        path: '/Applications/Microsoft Edge.app/Contents/MacOS/Microsoft Edge',
        name: 'Microsoft Edge',
      },
    ];
  return [
    { path: '/usr/bin/chromium', name: 'Chromium (Debian)' },
    { path: '/usr/bin/chromium-browser', name: 'Chromium' },
    { path: '/snap/bin/chromium', name: 'Chromium (snap)' },
    { path: '/usr/bin/google-chrome', name: 'Google Chrome' },
    { path: '/usr/bin/google-chrome-stable', name: 'Google Chrome' },
    { path: '/opt/google/chrome/chrome', name: 'Google Chrome' },
    { path: '/usr/bin/microsoft-edge', name: 'Microsoft Edge' },
    { path: '/usr/bin/microsoft-edge-stable', name: 'Microsoft Edge' },
    { path: '/opt/microsoft/msedge/msedge', name: 'Microsoft Edge' },
  ];
}

/**
 * The browser to use. CHROMIUM_PATH, when set, is the one: pointing nowhere is a mistake to
 * say, not to step over with another browser.
 */
export function findBrowser(
  exists: (path: string) => boolean,
  env: Env,
  platform: NodeJS.Platform,
): Lookup {
  const chosen = env.CHROMIUM_PATH;
  if (chosen) {
    if (exists(chosen)) return { found: { path: chosen, name: 'CHROMIUM_PATH' }, looked: [chosen] };
    return {
      found: null,
      looked: [chosen],
      why: `CHROMIUM_PATH is ${chosen}, which does not exist: point it at Chromium, Google Chrome or Microsoft Edge, or unset it to use one installed in the usual place`,
    };
  }
  const all = candidates(platform, env);
  const looked: string[] = [];
  for (const c of all) {
    looked.push(c.path);
    if (exists(c.path)) return { found: c, looked };
  }
  const install =
    platform === 'linux'
      ? 'apt-get install chromium (Debian/Ubuntu; see .ci/run)'
      : 'install Google Chrome or Microsoft Edge';
  return {
    found: null,
    looked,
    why: `no Chromium, Google Chrome or Microsoft Edge found (looked at CHROMIUM_PATH, ${looked.join(', ')}): ${install}, or set CHROMIUM_PATH to a Chromium-based browser`,
  };
}

/** The one line a test run prints about its browser. */
export function browserLine(lookup: Lookup): string {
  return lookup.found
    ? `browser tests: ${lookup.found.name} at ${lookup.found.path}`
    : `browser tests: ${lookup.why}`;
}
