import type { Frame } from './qrDecode';

/** The worker could not be started (its file did not arrive: offline before it was cached, or a new deploy). */
export class ReaderUnavailable extends Error {}

/** Reads one frame in the QR worker; resolves to the code, or null when the frame shows none. */
export type FrameReader = ((frame: Frame) => Promise<string | null>) & { stop: () => void };

/**
 * jsQR, for browsers without BarcodeDetector (Firefox, desktop Safari, Chromium on Linux and
 * Windows, many Android webviews), runs in a worker started at the first scan: the worker is a
 * separate file with jsQR bundled in (a CommonJS module, whose interop helpers would otherwise
 * move the bundler's runtime out of the first bundle), fetched only when a scanner opens.
 */
export function startFrameReader(): FrameReader {
  const worker = new Worker(new URL('./qrWorker.ts', import.meta.url), { type: 'module', name: 'qr-reader' });
  let pending: { resolve: (code: string | null) => void; reject: (e: Error) => void } | null = null;
  let failed = false;
  worker.onmessage = (event: MessageEvent<string | null>) => {
    pending?.resolve(event.data);
    pending = null;
  };
  worker.onerror = () => {
    failed = true;
    pending?.reject(new ReaderUnavailable());
    pending = null;
  };
  const read = (frame: Frame) =>
    new Promise<string | null>((resolve, reject) => {
      if (failed) return reject(new ReaderUnavailable());
      pending = { resolve, reject };
      // The pixels move to the worker instead of being copied (~1.2 MB a frame at 640x480).
      worker.postMessage(frame, [frame.data.buffer]);
    });
  return Object.assign(read, { stop: () => worker.terminate() });
}

/**
 * A label fills a good part of the picture, so 640 px on the long side is plenty to read it, and
 * keeps a phone's 1920x1080 frames from costing ~50 ms each to decode.
 */
export const MAX_FRAME_SIDE = 640;

export function frameSize(width: number, height: number): { width: number; height: number } {
  const scale = Math.min(1, MAX_FRAME_SIDE / Math.max(width, height, 1));
  return { width: Math.round(width * scale), height: Math.round(height * scale) };
}
