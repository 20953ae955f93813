import type { PartDetail } from '../inventoryTypes';

export function SupplierInfo({ supplier, leadTime }: { supplier: PartDetail['supplier']; leadTime: string | null }) {
  if (!supplier) return <p className="text-sm text-slate-600 dark:text-slate-400">No supplier recorded.</p>;
  const c = supplier.contactInfo;
  return (
    <dl className="grid gap-x-4 gap-y-2 text-sm sm:grid-cols-[max-content_1fr]">
      <dt className="font-medium">Supplier</dt>
      <dd>{supplier.name ?? '—'}</dd>
      <dt className="font-medium">Supplier part number</dt>
      <dd className="font-mono">{supplier.partNumber ?? '—'}</dd>
      <dt className="font-medium">Lead time</dt>
      <dd>{leadTime ?? '—'}</dd>
      {c?.phone ? (
        <>
          <dt className="font-medium">Phone</dt>
          <dd><a className="text-sky-700 underline dark:text-sky-400" href={`tel:${c.phone}`}>{c.phone}</a></dd>
        </>
      ) : null}
      {c?.email ? (
        <>
          <dt className="font-medium">E-mail</dt>
          <dd><a className="text-sky-700 underline dark:text-sky-400" href={`mailto:${c.email}`}>{c.email}</a></dd>
        </>
      ) : null}
    </dl>
  );
}
