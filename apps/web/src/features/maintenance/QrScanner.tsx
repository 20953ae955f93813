import { useEffect, useRef, useState } from 'react';

interface Detector {
  detect(source: CanvasImageSource): Promise<{ rawValue: string }[]>;
}
declare global {
  interface Window {
    BarcodeDetector?: new (opts: { formats: string[] }) => Detector;
  }
}

export const canScan = () => typeof window !== 'undefined' && 'BarcodeDetector' in window && Boolean(navigator.mediaDevices?.getUserMedia);

/**
 * Reads a QR code from the rear camera with the browser's BarcodeDetector. Where the browser has
 * none (or no camera), it says so and the asset tag is typed instead.
 */
export function QrScanner({ onCode }: { onCode: (code: string) => void }) {
  const video = useRef<HTMLVideoElement>(null);
  const [problem, setProblem] = useState<string | null>(canScan() ? null : 'This browser cannot read QR codes. Type the asset tag printed under the code instead.');
  useEffect(() => {
    if (!canScan()) return;
    let stream: MediaStream | undefined;
    let timer: ReturnType<typeof setTimeout> | undefined;
    let stopped = false;
    const detector = new window.BarcodeDetector!({ formats: ['qr_code'] });
    const tick = async () => {
      if (stopped || !video.current) return;
      try {
        const [hit] = await detector.detect(video.current);
        if (hit?.rawValue) return onCode(hit.rawValue);
      } catch {
        // A frame that is not ready yet: try the next one.
      }
      timer = setTimeout(tick, 250);
    };
    navigator.mediaDevices
      .getUserMedia({ video: { facingMode: 'environment' } })
      .then(async (s) => {
        stream = s;
        if (!video.current || stopped) return;
        video.current.srcObject = s;
        await video.current.play();
        void tick();
      })
      .catch(() => setProblem('The camera could not be opened. Allow camera access, or type the asset tag instead.'));
    return () => {
      stopped = true;
      if (timer) clearTimeout(timer);
      stream?.getTracks().forEach((t) => t.stop());
    };
  }, [onCode]);
  return problem ? (
    <p role="status" className="text-sm">{problem}</p>
  ) : (
    <video ref={video} muted playsInline aria-label="Camera view for scanning a QR code" className="aspect-square w-full max-w-sm rounded-md bg-black object-cover" />
  );
}
