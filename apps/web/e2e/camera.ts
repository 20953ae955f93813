import { writeFile } from 'node:fs/promises';
import path from 'node:path';
import QRCode from 'qrcode';

/** A QR code drawn as grey levels (0 black, 255 white) on a white picture, the code centred. */
export function qrPicture(text: string, width: number, height: number, modulePx: number): Uint8Array {
  const { modules } = QRCode.create(text, { errorCorrectionLevel: 'M' });
  const luma = new Uint8Array(width * height).fill(255);
  const side = modules.size * modulePx;
  const left = Math.floor((width - side) / 2);
  const top = Math.floor((height - side) / 2);
  for (let y = 0; y < side; y++)
    for (let x = 0; x < side; x++)
      if (modules.get(Math.floor(y / modulePx), Math.floor(x / modulePx))) luma[(top + y) * width + left + x] = 0;
  return luma;
}

/** The same picture as RGBA pixels, as a canvas's getImageData gives them. */
export function rgba(luma: Uint8Array): Uint8ClampedArray {
  const out = new Uint8ClampedArray(luma.length * 4);
  luma.forEach((v, i) => out.set([v, v, v, 255], i * 4));
  return out;
}

/**
 * A video file of a QR label held in front of the camera, for Chromium's fake camera
 * (--use-file-for-fake-video-capture; it plays the file in a loop). Y4M is the simplest format it
 * takes: a header, then per frame the luma plane and two quarter-size chroma planes (128: grey).
 */
export async function fakeCameraFile(dir: string, text: string): Promise<string[]> {
  const width = 640;
  const height = 480;
  const luma = qrPicture(text, width, height, 8);
  const chroma = new Uint8Array((width / 2) * (height / 2) * 2).fill(128);
  const file = path.join(dir, 'qr-label.y4m');
  await writeFile(file, Buffer.concat([Buffer.from(`YUV4MPEG2 W${width} H${height} F10:1 Ip A1:1 C420jpeg\nFRAME\n`), luma, chroma]));
  return ['--use-fake-device-for-media-stream', '--use-fake-ui-for-media-stream', `--use-file-for-fake-video-capture=${file}`];
}
