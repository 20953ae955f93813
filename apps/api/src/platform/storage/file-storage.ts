import type { Readable } from 'node:stream';

/**
 * Where uploaded bytes live. Keys are built by the caller from ids only (for example
 * `originals/<uuid>`), never from names a client sent, so an implementation may map them onto
 * paths or object names directly after checking their shape.
 */
export interface FileStorage {
  put(key: string, content: Buffer | Readable): Promise<void>;
  /** A stream of the stored bytes; a missing key surfaces as an error on the stream. */
  read(key: string): Readable;
  /** Whether the object is there (a download checks first, so a lost file is a 404, not a 500). */
  exists(key: string): Promise<boolean>;
  /** Removes the object; removing a missing key is not an error (cleanup paths call it blindly). */
  remove(key: string): Promise<void>;
}

// Lower-case ids, dots and dashes in slash-separated segments; no empty, '.' or '..' segment.
const KEY_RE = /^[a-z0-9][a-z0-9._-]*(\/[a-z0-9][a-z0-9._-]*)*$/;

/** Refuses any key that is not a plain relative path of safe segments. */
export function assertSafeKey(key: string): void {
  if (key.length > 200 || !KEY_RE.test(key) || key.split('/').some((s) => s === '.' || s === '..' || s.includes('..'))) {
    throw new Error(`Invalid storage key: ${JSON.stringify(key)}`);
  }
}
