/**
 * SVG → PNG, for the readers that do not draw SVG (LibreOffice, Word before 2016, ExcelJS's
 * pictures). Two implementations: `raster-node.ts` (resvg compiled to WebAssembly, with a CJK
 * font read from the system) and `raster-browser.ts` (the browser's own SVG renderer through a
 * canvas). Node code must never import the browser one, nor the browser bundles the Node one.
 */
export type ChartRasterizer = (svg: string, widthPx: number) => Promise<Uint8Array>;

const PNG_SIGNATURE = [0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a];

/** A PNG's pixel size from its IHDR chunk; null for bytes that are not a PNG. */
export function pngSize(bytes: Uint8Array): { width: number; height: number } | null {
  if (bytes.length < 24 || PNG_SIGNATURE.some((b, i) => bytes[i] !== b)) return null;
  if (String.fromCharCode(...bytes.subarray(12, 16)) !== 'IHDR') return null;
  const view = new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  return { width: view.getUint32(16), height: view.getUint32(20) };
}

/** The width and height an SVG document declares on its root (ECharts writes both). */
export function svgSize(svg: string): { width: number; height: number } | null {
  const root = /<svg\b[^>]*>/.exec(svg)?.[0];
  if (!root) return null;
  const width = Number(/\swidth="([\d.]+)"/.exec(root)?.[1]);
  const height = Number(/\sheight="([\d.]+)"/.exec(root)?.[1]);
  return width > 0 && height > 0 ? { width, height } : null;
}
