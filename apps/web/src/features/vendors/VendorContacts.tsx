import type { VendorContact } from './vendorsApi';

export function VendorContacts({ contacts }: { contacts: VendorContact[] }) {
  if (!contacts.length) return <p className="text-sm text-slate-600 dark:text-slate-400">No contacts recorded.</p>;
  return (
    <ul aria-label="Contacts" className="divide-y divide-slate-200 text-sm dark:divide-slate-700">
      {contacts.map((c, i) => (
        <li key={i} className="py-2">
          <span className="font-medium">{c.name}</span>
          {c.role ? <span className="text-slate-600 dark:text-slate-400"> · {c.role}</span> : null}
          <span className="block space-x-3">
            {c.email ? <a className="text-sky-700 underline dark:text-sky-400" href={`mailto:${c.email}`}>{c.email}</a> : null}
            {c.phone ? <a className="text-sky-700 underline dark:text-sky-400" href={`tel:${c.phone}`}>{c.phone}</a> : null}
          </span>
        </li>
      ))}
    </ul>
  );
}
