import jsQR from 'jsqr';

/** One camera frame's pixels, as a canvas gives them (RGBA, 4 bytes a pixel). */
export interface Frame {
  data: Uint8ClampedArray;
  width: number;
  height: number;
}

/**
 * The QR code in one frame, or null when the frame shows none (or not sharply enough yet).
 * Printed labels are dark on light: skipping jsQR's inverted pass halves the work per frame.
 */
export const readFrame = (frame: Frame): string | null => jsQR(frame.data, frame.width, frame.height, { inversionAttempts: 'dontInvert' })?.data || null;
