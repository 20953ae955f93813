function Json({ label, value }: { label: string; value: unknown }) {
  return (
    <div className="min-w-0 flex-1">
      <h2 className="mb-1 text-xs font-semibold uppercase text-slate-600 dark:text-slate-400">{label}</h2>
      <pre tabIndex={0} className="max-h-80 overflow-auto whitespace-pre-wrap break-all rounded bg-slate-900 p-3 text-xs text-slate-100">
        {value === null || value === undefined ? '—' : JSON.stringify(value, null, 2)}
      </pre>
    </div>
  );
}

/** The before/after data of one audit entry, side by side on wide screens. */
export function AuditChanges({ before, after }: { before: unknown; after: unknown }) {
  return (
    <div className="flex flex-col gap-3 md:flex-row">
      <Json label="Before" value={before} />
      <Json label="After" value={after} />
    </div>
  );
}
