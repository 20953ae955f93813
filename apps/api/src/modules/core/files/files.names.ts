/** Storage keys come from ids only, so no client-sent name can steer where bytes are written. */
export const originalKey = (id: string) => `originals/${id}`;
export const thumbnailKey = (id: string) => `thumbnails/${id}.webp`;

// C0/C1 control characters and the bidi overrides that make names lie about their extension.
// eslint-disable-next-line no-control-regex
const UNSAFE_CHARS = /[\u0000-\u001f\u007f-\u009f\u202a-\u202e\u2066-\u2069]/g;

/** The name to keep: browsers may send a full path; keep its last part, printable, bounded. */
export function cleanFileName(name: string | undefined): string {
  const last = (name ?? '').split(/[\\/]/).pop() ?? '';
  const clean = last.replace(UNSAFE_CHARS, '').trim().slice(0, 255);
  return clean === '' || clean === '.' || clean === '..' ? 'file' : clean;
}

/** Content-Disposition for a download: an ASCII fallback plus the exact name per RFC 6266/5987. */
export function attachmentDisposition(name: string): string {
  const ascii = name.replace(/[^\x20-\x7e]/g, '_').replace(/["\\;]/g, '_');
  const encoded = encodeURIComponent(name).replace(/['()*]/g, (c) => `%${c.charCodeAt(0).toString(16).toUpperCase()}`);
  return `attachment; filename="${ascii}"; filename*=UTF-8''${encoded}`;
}
