/** One camera frame's pixels, as a canvas gives them (RGBA, 4 bytes a pixel). */
export interface Frame {
  data: Uint8ClampedArray;
  width: number;
  height: number;
}

/** Finds a QR code in one frame; null when the frame shows none (or not sharply enough yet). */
export type FrameReader = (frame: Frame) => string | null;

/**
 * jsQR, for browsers without BarcodeDetector (Firefox, desktop Safari, Chromium on Linux and
 * Windows, many Android webviews). A dynamic import: it becomes its own chunk, fetched the first
 * time a scanner opens, so no page's first bundle carries it.
 */
export async function loadFrameReader(): Promise<FrameReader> {
  const { default: jsQR } = await import('jsqr');
  // Printed labels are dark on light: skipping the inverted pass halves the work per frame.
  return (frame) => jsQR(frame.data, frame.width, frame.height, { inversionAttempts: 'dontInvert' })?.data || null;
}

/**
 * A label fills a good part of the picture, so 640 px on the long side is plenty to read it, and
 * keeps a phone's 1920x1080 frames from costing ~50 ms each on the main thread.
 */
export const MAX_FRAME_SIDE = 640;

export function frameSize(width: number, height: number): { width: number; height: number } {
  const scale = Math.min(1, MAX_FRAME_SIDE / Math.max(width, height, 1));
  return { width: Math.round(width * scale), height: Math.round(height * scale) };
}
