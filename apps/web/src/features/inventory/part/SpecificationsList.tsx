const label = (key: string) => key.replace(/([a-z])([A-Z])/g, '$1 $2').replace(/^./, (c) => c.toUpperCase());
const text = (v: unknown) => (v === null || v === undefined ? '—' : typeof v === 'object' ? JSON.stringify(v) : String(v));

export function SpecificationsList({ specs, models }: { specs: Record<string, unknown>; models: string[] }) {
  const entries = Object.entries(specs);
  if (!entries.length && !models.length) return <p className="text-sm text-slate-600 dark:text-slate-400">No specifications recorded.</p>;
  return (
    <dl className="grid gap-x-4 gap-y-2 text-sm sm:grid-cols-[max-content_1fr]">
      {entries.map(([k, v]) => (
        <div key={k} className="contents">
          <dt className="font-medium">{label(k)}</dt>
          <dd className="text-slate-700 dark:text-slate-300">{text(v)}</dd>
        </div>
      ))}
      {models.length ? (
        <div className="contents">
          <dt className="font-medium">Fits models</dt>
          <dd className="text-slate-700 dark:text-slate-300">{models.join(', ')}</dd>
        </div>
      ) : null}
    </dl>
  );
}
