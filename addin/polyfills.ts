/**
 * The few built-ins EdgeHTML 18 lacks that the pane and the web page really call — the
 * webview of Office 2016/2019 on Windows without WebView2 (Microsoft Edge Legacy). The
 * bundle's syntax is lowered to ES2017 at build time; these are the run-time gaps behind it,
 * each found in the emitted chunks and unguarded there:
 *
 * - `globalThis`: docx reads `globalThis.crypto` for its ids.
 * - `Array.prototype.flat` / `flatMap`, `Object.fromEntries`: the engine, the report, docx.
 * - `String.prototype.matchAll`, `trimStart` / `trimEnd`: docx's XML reader.
 * - `TextEncoder`: docx turns each XML part into bytes with it.
 * - `Blob.prototype.arrayBuffer` / `text`: reading a chosen .xlsx and a settings file.
 * - `WeakRef`: Fluent's focus management (tabster, keyborg) on every focus.
 * - `ResizeObserver`: Fluent's MessageBar, which measures itself to wrap its text.
 *
 * Each is installed only where missing, non-enumerable like the real ones, and kept small:
 * enough for how these callers use them, not a general polyfill. Imported first by the task
 * pane's and the web page's entries. Where the bundle cannot even parse (IE 11), the pages'
 * inline guard says so instead.
 *
 * EdgeHTML itself no longer gets the pane: what Fluent UI v9 needs beyond these built-ins
 * (CSS `:is()` in tabster's focus code, `canvas.toBlob`, flex `gap`, `inset`,
 * `:focus-visible`) cannot be filled in here, so the pages' inline guard knows EdgeHTML by
 * its user agent and names the fix instead (install the WebView2 runtime; taskpane.html,
 * web/index.html). These stay because they are harmless where the built-ins exist and still
 * cover an older Chromium or WKWebView that lacks one of them (Safari before 14.1 has no
 * WeakRef, for one); test/taskpane.browser.test.ts runs the pane with them standing in.
 */

// A module, so that nothing declared here becomes a global of its own.
export {};

type Loose = Record<string, unknown>;

function define(target: object, name: string, value: unknown): void {
  if (name in target) return;
  Object.defineProperty(target, name, { value, writable: true, configurable: true });
}

const win = window as unknown as Loose;
define(window, 'globalThis', window);

function flatten(items: readonly unknown[], depth: number, out: unknown[]): unknown[] {
  for (let i = 0; i < items.length; i++) {
    if (!(i in items)) continue;
    const item = items[i];
    if (depth > 0 && Array.isArray(item)) flatten(item, depth - 1, out);
    else out.push(item);
  }
  return out;
}

define(Array.prototype, 'flat', function flat(this: unknown[], depth?: number) {
  return flatten(this, depth === undefined ? 1 : Number(depth), []);
});
define(
  Array.prototype,
  'flatMap',
  function flatMap(
    this: unknown[],
    fn: (item: unknown, index: number, array: unknown[]) => unknown,
    thisArg?: unknown,
  ) {
    return flatten(this.map(fn, thisArg), 1, []);
  },
);

define(
  Object,
  'fromEntries',
  function fromEntries(entries: Iterable<readonly [PropertyKey, unknown]>) {
    const out: Record<PropertyKey, unknown> = {};
    for (const [key, value] of entries) out[key] = value;
    return out;
  },
);

define(String.prototype, 'matchAll', function matchAll(this: string, pattern: RegExp | string) {
  if (pattern instanceof RegExp && !pattern.global)
    throw new TypeError('String.prototype.matchAll called with a non-global RegExp argument');
  const re =
    pattern instanceof RegExp
      ? new RegExp(pattern.source, pattern.flags)
      : new RegExp(pattern, 'g');
  re.lastIndex = pattern instanceof RegExp ? pattern.lastIndex : 0;
  const text = String(this);
  return (function* () {
    let m: RegExpExecArray | null;
    while ((m = re.exec(text)) !== null) {
      yield m;
      if (m[0] === '') re.lastIndex++;
    }
  })();
});
define(String.prototype, 'trimStart', function trimStart(this: string) {
  return String(this).replace(/^\s+/, '');
});
define(String.prototype, 'trimEnd', function trimEnd(this: string) {
  return String(this).replace(/\s+$/, '');
});

/** UTF-8 only, as the spec's TextEncoder is; a lone surrogate becomes U+FFFD. */
class Utf8Encoder {
  readonly encoding = 'utf-8';
  encode(input = ''): Uint8Array {
    const out: number[] = [];
    for (let i = 0; i < input.length; i++) {
      let c = input.charCodeAt(i);
      if (c >= 0xd800 && c <= 0xdbff && i + 1 < input.length) {
        const low = input.charCodeAt(i + 1);
        if (low >= 0xdc00 && low <= 0xdfff) {
          c = 0x10000 + ((c - 0xd800) << 10) + (low - 0xdc00);
          i++;
        }
      }
      if (c >= 0xd800 && c <= 0xdfff) c = 0xfffd;
      if (c < 0x80) out.push(c);
      else if (c < 0x800) out.push(0xc0 | (c >> 6), 0x80 | (c & 63));
      else if (c < 0x10000) out.push(0xe0 | (c >> 12), 0x80 | ((c >> 6) & 63), 0x80 | (c & 63));
      else
        out.push(
          0xf0 | (c >> 18),
          0x80 | ((c >> 12) & 63),
          0x80 | ((c >> 6) & 63),
          0x80 | (c & 63),
        );
    }
    return new Uint8Array(out);
  }
}
define(win, 'TextEncoder', Utf8Encoder);

function readBlob<T>(blob: Blob, read: (reader: FileReader) => void): Promise<T> {
  return new Promise<T>((resolve, reject) => {
    const reader = new FileReader();
    reader.onload = () => resolve(reader.result as T);
    reader.onerror = () => reject(reader.error ?? new Error('FileReader failed'));
    read(reader);
  });
}
if (typeof Blob !== 'undefined') {
  define(Blob.prototype, 'arrayBuffer', function arrayBuffer(this: Blob) {
    return readBlob<ArrayBuffer>(this, (r) => r.readAsArrayBuffer(this));
  });
  define(Blob.prototype, 'text', function text(this: Blob) {
    return readBlob<string>(this, (r) => r.readAsText(this, 'utf-8'));
  });
}

/** Holds its target strongly: callers only need deref() to answer. */
class StrongRef<T extends object> {
  constructor(private readonly target: T) {}
  deref(): T {
    return this.target;
  }
}
define(win, 'WeakRef', StrongRef);

type ResizeCallback = (entries: { target: Element; contentRect: DOMRectReadOnly }[]) => void;

/**
 * Reports each observed element's size once after observe() and again on every window resize
 * (a pane's width changes only with the window). Entries carry contentRect, not
 * borderBoxSize: Fluent then measures with getBoundingClientRect.
 */
class WindowResizeObserver {
  private readonly targets = new Set<Element>();
  private readonly onResize = () => this.report([...this.targets]);
  constructor(private readonly callback: ResizeCallback) {}
  private report(targets: Element[]): void {
    const entries = targets
      .filter((t) => this.targets.has(t))
      .map((target) => ({ target, contentRect: target.getBoundingClientRect() }));
    if (entries.length > 0) this.callback(entries);
  }
  observe(target: Element): void {
    if (this.targets.size === 0) window.addEventListener('resize', this.onResize);
    this.targets.add(target);
    requestAnimationFrame(() => this.report([target]));
  }
  unobserve(target: Element): void {
    this.targets.delete(target);
    if (this.targets.size === 0) window.removeEventListener('resize', this.onResize);
  }
  disconnect(): void {
    this.targets.clear();
    window.removeEventListener('resize', this.onResize);
  }
}
define(win, 'ResizeObserver', WindowResizeObserver);

/**
 * `Event.prototype.composedPath` (Shadow DOM v1, absent from EdgeHTML): Fluent's focus
 * handling (keyborg, tabster) calls it on every focus. Without shadow roots the path is the
 * target's ancestors, then document and window.
 */
if (typeof Event !== 'undefined' && !('composedPath' in Event.prototype)) {
  define(Event.prototype, 'composedPath', function composedPath(this: Event): EventTarget[] {
    const path: EventTarget[] = [];
    let node = this.target as Node | null;
    while (node) {
      path.push(node);
      node = node.parentNode;
    }
    if (path.length > 0 && path[path.length - 1] === document) path.push(window);
    return path;
  });
}

/**
 * `TextDecoder` (absent from EdgeHTML 18), UTF-8 only: ExcelJS and the docx library decode
 * with it (the size check no longer does: it scans bytes). Streamed decoding (`{ stream: true }`)
 * holds a character split between two chunks back until the next one. Invalid sequences
 * become U+FFFD.
 */
class Utf8Decoder {
  readonly encoding = 'utf-8';
  private pending: number[] = [];
  decode(input?: ArrayBufferView | ArrayBuffer, options?: { stream?: boolean }): string {
    const view =
      input === undefined
        ? new Uint8Array(0)
        : input instanceof ArrayBuffer
          ? new Uint8Array(input)
          : new Uint8Array(input.buffer, input.byteOffset, input.byteLength);
    const bytes = this.pending.length > 0 ? [...this.pending, ...view] : view;
    this.pending = [];
    let out = '';
    let i = 0;
    while (i < bytes.length) {
      const b = bytes[i]!;
      const need = b < 0x80 ? 0 : b >= 0xf0 && b < 0xf8 ? 3 : b >= 0xe0 ? 2 : b >= 0xc0 ? 1 : -1;
      if (need < 0) {
        out += '\uFFFD';
        i++;
        continue;
      }
      if (i + need >= bytes.length && need > 0 && options?.stream) {
        // An incomplete character at the end of a chunk: wait for the rest.
        this.pending = Array.from(bytes).slice(i);
        break;
      }
      let code = need === 0 ? b : b & (0x3f >> need);
      let ok = true;
      for (let k = 1; k <= need; k++) {
        const next = bytes[i + k];
        if (next === undefined || (next & 0xc0) !== 0x80) {
          ok = false;
          break;
        }
        code = (code << 6) | (next & 0x3f);
      }
      if (!ok) {
        out += '\uFFFD';
        i++;
        continue;
      }
      out += String.fromCodePoint(code);
      i += need + 1;
    }
    return out;
  }
}
define(win, 'TextDecoder', Utf8Decoder);
