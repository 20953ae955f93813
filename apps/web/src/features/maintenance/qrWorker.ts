import { readFrame, type Frame } from './qrDecode';

// Reads frames off the main thread: a phone's camera view and taps stay smooth while jsQR works.
self.onmessage = (event: MessageEvent<Frame>) => {
  let code: string | null = null;
  try {
    code = readFrame(event.data);
  } catch {
    // A frame jsQR could not make sense of: no code in it.
  }
  self.postMessage(code);
};
