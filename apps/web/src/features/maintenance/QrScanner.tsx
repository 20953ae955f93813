import { useEffect, useRef, useState } from 'react';
import { frameSize, ReaderUnavailable, startFrameReader } from './qrFrame';

interface Detector {
  detect(source: CanvasImageSource): Promise<{ rawValue: string }[]>;
}
declare global {
  interface Window {
    BarcodeDetector?: { new (opts: { formats: string[] }): Detector; getSupportedFormats?: () => Promise<string[]> };
  }
}

/** Reads the QR code in the video's current frame, or null when it shows none yet. */
type VideoReader = ((video: HTMLVideoElement) => Promise<string | null>) & { stop?: () => void };

/** A camera is all the scanner needs: codes are read by BarcodeDetector or, without it, by jsQR. */
export const canScan = () => typeof window !== 'undefined' && Boolean(navigator.mediaDevices?.getUserMedia);

/** The browser's own detector, where it has one that knows QR codes (some list other formats only). */
async function browserReader(): Promise<VideoReader | null> {
  const BD = window.BarcodeDetector;
  if (!BD) return null;
  try {
    const formats = await BD.getSupportedFormats?.();
    if (formats && !formats.includes('qr_code')) return null;
    const detector = new BD({ formats: ['qr_code'] });
    return async (video) => (await detector.detect(video))[0]?.rawValue || null;
  } catch {
    return null;
  }
}

/** Otherwise each frame is drawn on a canvas (scaled down, see frameSize) and read by jsQR in a worker. */
function canvasReader(): VideoReader {
  const canvas = document.createElement('canvas');
  const ctx = canvas.getContext('2d', { willReadFrequently: true });
  if (!ctx) throw new ReaderUnavailable('no 2d canvas');
  const read = startFrameReader();
  const fromVideo = async (video: HTMLVideoElement) => {
    if (!video.videoWidth || !video.videoHeight) return null;
    const { width, height } = frameSize(video.videoWidth, video.videoHeight);
    if (canvas.width !== width || canvas.height !== height) Object.assign(canvas, { width, height });
    ctx.drawImage(video, 0, 0, width, height);
    return read(ctx.getImageData(0, 0, width, height));
  };
  return Object.assign(fromVideo, { stop: read.stop });
}

/**
 * Reads a QR code from the rear camera, about four frames a second. Where the browser has no
 * camera (or access is refused) it says so, and the asset tag is typed instead.
 */
export function QrScanner({ onCode }: { onCode: (code: string) => void }) {
  const video = useRef<HTMLVideoElement>(null);
  // The caller's handler may be a new function every render: the camera must not restart for it.
  const handler = useRef(onCode);
  handler.current = onCode;
  const [problem, setProblem] = useState<string | null>(canScan() ? null : 'This browser cannot open a camera. Type the asset tag printed under the code instead.');
  useEffect(() => {
    if (!canScan()) return;
    let stream: MediaStream | undefined;
    let timer: ReturnType<typeof setTimeout> | undefined;
    let stopped = false;
    let reader: VideoReader | undefined;
    const tick = async (read: VideoReader) => {
      if (stopped || !video.current) return;
      try {
        const code = await read(video.current);
        if (code && !stopped) return handler.current(code);
      } catch (e) {
        // jsQR's worker did not arrive (offline before the app was cached, or a new deploy).
        if (e instanceof ReaderUnavailable) return setProblem('The QR reader could not be loaded. Type the asset tag printed under the code instead.');
        // Otherwise a frame that is not ready yet: try the next one.
      }
      timer = setTimeout(() => void tick(read), 250);
    };
    const start = async () => {
      // The reader starts while the camera opens (the user is asked for permission meanwhile).
      const starting = browserReader().then((r) => r ?? canvasReader());
      starting.catch(() => undefined); // handled below, once the camera is open
      const abandon = () => void starting.then((r) => r.stop?.(), () => undefined);
      try {
        stream = await navigator.mediaDevices.getUserMedia({ video: { facingMode: 'environment' } });
      } catch {
        abandon();
        return setProblem('The camera could not be opened. Allow camera access, or type the asset tag instead.');
      }
      if (stopped || !video.current) {
        abandon();
        return stream.getTracks().forEach((t) => t.stop());
      }
      video.current.srcObject = stream;
      try {
        await video.current.play();
      } catch {
        // Unmounted meanwhile (play() is then aborted), or the stream ended at once.
        abandon();
        if (!stopped) setProblem('The camera could not be opened. Allow camera access, or type the asset tag instead.');
        return;
      }
      try {
        reader = await starting;
      } catch {
        return setProblem('The QR reader could not be loaded. Type the asset tag printed under the code instead.');
      }
      if (stopped) return reader.stop?.();
      void tick(reader);
    };
    void start();
    return () => {
      stopped = true;
      if (timer) clearTimeout(timer);
      reader?.stop?.();
      stream?.getTracks().forEach((t) => t.stop());
    };
  }, []);
  return problem ? (
    <p role="status" className="text-sm">{problem}</p>
  ) : (
    <video ref={video} muted playsInline aria-label="Camera view for scanning a QR code" className="aspect-square w-full max-w-sm rounded-md bg-black object-cover" />
  );
}
