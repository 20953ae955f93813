const DEMO = ['admin', 'manager', 'production-coordinator', 'assembler', 'qc-person', 'technician'];

export function DemoAccounts() {
  return (
    <aside aria-labelledby="demo-title" className="mt-6 rounded-md border border-dashed border-slate-300 p-4 text-sm dark:border-slate-600">
      <h2 id="demo-title" className="font-semibold">
        Demo accounts
      </h2>
      <p className="mt-1">
        Password for every demo account: <code className="font-mono">PlantOps-demo-2026</code>
      </p>
      <p className="mt-1">
        One account per role, for example{' '}
        {DEMO.map((d, i) => (
          <span key={d}>
            <code className="whitespace-nowrap font-mono">{d}@plantops.local</code>
            {i < DEMO.length - 1 ? ', ' : '.'}
          </span>
        ))}
      </p>
    </aside>
  );
}
