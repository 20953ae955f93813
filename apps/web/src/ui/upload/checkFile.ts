export const DEFAULT_MAX_BYTES = 10 * 1024 * 1024;

export function formatBytes(n: number): string {
  if (n < 1024) return `${n} B`;
  if (n < 1024 * 1024) return `${(n / 1024).toFixed(1)} KB`;
  return `${(n / (1024 * 1024)).toFixed(1)} MB`;
}

/** Does the file match an `accept` list (".png", "image/png", "image/*")? An empty list takes anything. */
export function matchesAccept(file: Pick<File, 'name' | 'type'>, accept: string | undefined): boolean {
  const rules = (accept ?? '').split(',').map((r) => r.trim().toLowerCase()).filter(Boolean);
  if (rules.length === 0) return true;
  const name = file.name.toLowerCase();
  const type = file.type.toLowerCase();
  return rules.some((r) => {
    if (r.startsWith('.')) return name.endsWith(r);
    if (r.endsWith('/*')) return type.startsWith(r.slice(0, -1));
    return type === r;
  });
}

/** The reason not to send a file, checked before any bytes leave the browser; null when it may go. */
export function checkFile(file: File, opts: { accept?: string | undefined; maxBytes: number }): string | null {
  if (file.size === 0) return `${file.name} is empty.`;
  if (file.size > opts.maxBytes) return `${file.name} is too large (${formatBytes(file.size)}); the limit is ${formatBytes(opts.maxBytes)}.`;
  if (!matchesAccept(file, opts.accept)) return `${file.name} is not an accepted type${opts.accept ? ` (accepted: ${opts.accept})` : ''}.`;
  return null;
}
