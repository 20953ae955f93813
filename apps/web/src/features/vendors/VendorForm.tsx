import { useState, type FormEvent } from 'react';
import { Button } from '../../ui/Button';
import { ErrorBanner } from '../../ui/ErrorBanner';
import { Field, SelectField } from '../../ui/Field';
import { ContactsFields } from './ContactsFields';
import { checkDraft, draftOf, toInput, vendorFieldErrors, type VendorDraft } from './vendorForm';
import { VENDOR_TYPES, type Vendor, type VendorInput } from './vendorsApi';
import { vendorTypeLabel } from './vendorText';

interface Props {
  /** Absent: a new vendor. */
  vendor?: Vendor | undefined;
  busy: boolean;
  error: unknown;
  onSubmit: (body: VendorInput) => void;
  onCancel: () => void;
}

export function VendorForm({ vendor, busy, error, onSubmit, onCancel }: Props) {
  const [d, setD] = useState<VendorDraft>(() => draftOf(vendor));
  const [localErrors, setLocalErrors] = useState<Record<string, string>>({});
  const errors = { ...vendorFieldErrors(error), ...localErrors };
  const set = (p: Partial<VendorDraft>) => setD((x) => ({ ...x, ...p }));

  function submit(e: FormEvent) {
    e.preventDefault();
    const le = checkDraft(d);
    setLocalErrors(le);
    if (!Object.keys(le).length) onSubmit(toInput(d));
  }

  return (
    <form onSubmit={submit} noValidate className="space-y-4">
      <ErrorBanner error={error} />
      <div className="grid gap-3 sm:grid-cols-2">
        <Field label="Name" required value={d.name} error={errors.name} onChange={(e) => set({ name: e.target.value })} />
        <SelectField label="Type" value={d.type} error={errors.type} onChange={(e) => set({ type: e.target.value as Vendor['type'] })}>
          {VENDOR_TYPES.map((t) => (
            <option key={t} value={t}>
              {vendorTypeLabel(t)}
            </option>
          ))}
        </SelectField>
        <Field label="E-mail" type="email" value={d.email} error={errors.email} onChange={(e) => set({ email: e.target.value })} />
        <Field label="Phone" type="tel" value={d.phone} error={errors.phone} onChange={(e) => set({ phone: e.target.value })} />
        <Field label="Website" type="url" placeholder="https://" value={d.website} error={errors.website} onChange={(e) => set({ website: e.target.value })} />
        <Field label="Address" value={d.address} error={errors.address} onChange={(e) => set({ address: e.target.value })} />
      </div>
      <Field label="Notes" value={d.notes} error={errors.notes} onChange={(e) => set({ notes: e.target.value })} />
      <ContactsFields contacts={d.contacts} errors={errors} onChange={(contacts) => set({ contacts })} />
      <div className="flex justify-end gap-2">
        <Button variant="secondary" onClick={onCancel}>
          Cancel
        </Button>
        <Button type="submit" busy={busy}>
          {vendor ? 'Save changes' : 'Create vendor'}
        </Button>
      </div>
    </form>
  );
}
