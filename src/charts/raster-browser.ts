import { svgSize, type ChartRasterizer } from './raster';

/**
 * The browser's rasteriser (task pane, 网页版): the SVG is drawn by the browser itself — with
 * the machine's own Chinese fonts — into a canvas through an Image and a Blob URL, then saved
 * as PNG. The page's Content-Security-Policy must allow `img-src blob:` (web/index.html does).
 * Browser only: Node code uses raster-node.ts.
 */
export const browserRasterizer: ChartRasterizer = async (svg, widthPx) => {
  // The DOM types are not part of the engine's TypeScript lib: name the few used here.
  const g = globalThis as unknown as BrowserGlobals;
  const size = svgSize(svg) ?? { width: widthPx, height: Math.round(widthPx * 0.6) };
  const width = Math.max(1, Math.round(widthPx));
  const height = Math.max(1, Math.round((size.height * width) / size.width));
  const url = g.URL.createObjectURL(new g.Blob([svg], { type: 'image/svg+xml;charset=utf-8' }));
  try {
    const image = new g.Image(width, height);
    await new Promise<void>((resolve, reject) => {
      image.onload = () => resolve();
      image.onerror = () => reject(new Error('the browser could not load the chart SVG'));
      image.src = url;
    });
    const canvas = g.document.createElement('canvas');
    canvas.width = width;
    canvas.height = height;
    const ctx = canvas.getContext('2d');
    if (!ctx) throw new Error('no 2D canvas in this browser');
    ctx.fillStyle = '#FFFFFF';
    ctx.fillRect(0, 0, width, height);
    ctx.drawImage(image, 0, 0, width, height);
    const blob = await new Promise<BlobLike>((resolve, reject) =>
      canvas.toBlob(
        (b) => (b ? resolve(b) : reject(new Error('the canvas could not be saved as PNG'))),
        'image/png',
      ),
    );
    return new Uint8Array(await blob.arrayBuffer());
  } finally {
    g.URL.revokeObjectURL(url);
  }
};

interface BlobLike {
  arrayBuffer(): Promise<ArrayBuffer>;
}

interface ImageLike {
  onload: (() => void) | null;
  onerror: (() => void) | null;
  src: string;
}

interface CanvasLike {
  width: number;
  height: number;
  getContext(kind: '2d'): {
    fillStyle: string;
    fillRect(x: number, y: number, w: number, h: number): void;
    drawImage(image: ImageLike, x: number, y: number, w: number, h: number): void;
  } | null;
  toBlob(callback: (blob: BlobLike | null) => void, type: string): void;
}

interface BrowserGlobals {
  Blob: new (parts: string[], options: { type: string }) => object;
  Image: new (width: number, height: number) => ImageLike;
  URL: { createObjectURL(blob: object): string; revokeObjectURL(url: string): void };
  document: { createElement(tag: 'canvas'): CanvasLike };
}
