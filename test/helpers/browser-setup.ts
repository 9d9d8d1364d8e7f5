import { existsSync } from 'node:fs';
import type { TestProject } from 'vitest/node';
import { browserLine, findBrowser, type Lookup } from './find-browser';

declare module 'vitest' {
  export interface ProvidedContext {
    /** The browser the browser tests drive, looked up once per run (test/helpers/browser.ts). */
    browser: Lookup;
  }
}

/**
 * vitest globalSetup: looks up the browser once for the whole run, says in one line which one
 * (or what was looked for and how to get one), and hands it to every test file.
 */
export default function setup(project: TestProject): void {
  const lookup = findBrowser(existsSync, process.env, process.platform);
  console.log(browserLine(lookup));
  project.provide('browser', lookup);
}
