import { Button } from '../../ui/Button';
import { Field } from '../../ui/Field';
import type { VendorContact } from './vendorsApi';

interface Props {
  contacts: VendorContact[];
  errors: Record<string, string>;
  onChange: (contacts: VendorContact[]) => void;
}

/** The vendor's people: name required, the rest optional; up to 20. */
export function ContactsFields({ contacts, errors, onChange }: Props) {
  const patch = (i: number, p: Partial<VendorContact>) => onChange(contacts.map((c, j) => (j === i ? { ...c, ...p } : c)));
  return (
    <fieldset className="space-y-3">
      <legend className="text-sm font-semibold">Contacts</legend>
      {contacts.map((c, i) => (
        <div key={i} className="grid gap-3 rounded-md border border-slate-200 p-3 sm:grid-cols-2 dark:border-slate-700">
          <Field label={`Contact ${i + 1} name`} value={c.name} error={errors[`contacts.${i}.name`]} onChange={(e) => patch(i, { name: e.target.value })} />
          <Field label={`Contact ${i + 1} role`} value={c.role ?? ''} onChange={(e) => patch(i, { role: e.target.value })} />
          <Field label={`Contact ${i + 1} e-mail`} type="email" value={c.email ?? ''} error={errors[`contacts.${i}.email`]} onChange={(e) => patch(i, { email: e.target.value })} />
          <Field label={`Contact ${i + 1} phone`} type="tel" value={c.phone ?? ''} onChange={(e) => patch(i, { phone: e.target.value })} />
          <div className="sm:col-span-2">
            <Button variant="ghost" onClick={() => onChange(contacts.filter((_, j) => j !== i))}>
              Remove contact {i + 1}
            </Button>
          </div>
        </div>
      ))}
      <Button variant="secondary" disabled={contacts.length >= 20} onClick={() => onChange([...contacts, { name: '' }])}>
        Add contact
      </Button>
    </fieldset>
  );
}
