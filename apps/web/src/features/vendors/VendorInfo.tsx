import type { Vendor } from './vendorsApi';
import { vendorTypeLabel } from './vendorText';

/** `site` names the vendor's site for those who see every site. */
export function VendorInfo({ vendor, site }: { vendor: Vendor; site?: string | undefined }) {
  const rows: [string, string | null][] = [
    ...(site ? [['Site', site] as [string, string]] : []),
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
