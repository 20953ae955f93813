/** A saved configuration as label/value lines (`basins[1].size` → "Basins 2 size: 24X20X10"), for reading, not editing. */
export function configLines(config: Record<string, unknown> | null): { label: string; value: string }[] {
  const out: { label: string; value: string }[] = [];
  const words = (s: string) => s.replace(/([a-z])([A-Z])/g, '$1 $2').replace(/_/g, ' ').toLowerCase();
  const walk = (v: unknown, label: string) => {
    if (v === null || v === undefined) return;
    if (Array.isArray(v)) v.forEach((x, i) => walk(x, `${label} ${i + 1}`));
    else if (typeof v === 'object') for (const [k, x] of Object.entries(v)) walk(x, label ? `${label} ${words(k)}` : words(k));
    else out.push({ label: label.charAt(0).toUpperCase() + label.slice(1), value: typeof v === 'boolean' ? (v ? 'yes' : 'no') : String(v) });
  };
  walk(config, '');
  return out;
}
