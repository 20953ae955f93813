import type { Vendor } from './vendorsApi';
import { vendorTypeLabel } from './vendorText';

export function VendorInfo({ vendor }: { vendor: Vendor }) {
  const rows: [string, string | null][] = [
    ['Type', vendorTypeLabel(vendor.type)],
    ['E-mail', vendor.email],
    ['Phone', vendor.phone],
    ['Website', vendor.website],
    ['Address', vendor.address],
    ['Notes', vendor.notes],
  ];
  return (
    <dl className="grid gap-x-4 gap-y-2 text-sm sm:grid-cols-[max-content_1fr]">
      {rows.map(([k, v]) => (
        <div key={k} className="contents">
          <dt className="font-medium">{k}</dt>
          <dd className="whitespace-pre-line break-words text-slate-700 dark:text-slate-300">{v ?? '—'}</dd>
        </div>
      ))}
    </dl>
  );
}
