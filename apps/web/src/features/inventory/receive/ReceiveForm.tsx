import { useState, type FormEvent } from 'react';
import { useQuery } from '@tanstack/react-query';
import { Button } from '../../../ui/Button';
import { ErrorBanner } from '../../../ui/ErrorBanner';
import { Field, SelectField } from '../../../ui/Field';
import { useUser } from '../../../auth/useSession';
import { vendorKeys, vendorsApi, type VendorFilters } from '../../vendors/vendorsApi';
import type { NewReceipt } from './receiptsApi';
import { checkLines, emptyLine, serverLineErrors, type LineDraft, type LineErrors } from './receiptLines';
import { ReceiptLineFields } from './ReceiptLineFields';


interface Props {
  busy: boolean;
  error: unknown;
  onSubmit: (body: NewReceipt) => void;
}

export function ReceiveForm({ busy, error, onSubmit }: Props) {
  // Goods arrive at the user's own site, and the API refuses another site's vendor: offer only this site's.
  const siteVendors: VendorFilters = { page: 1, limit: 100, search: '', type: '', active: 'true', warehouseId: useUser().warehouseId };
  const vendors = useQuery({ queryKey: vendorKeys.list(siteVendors), queryFn: () => vendorsApi.list(siteVendors) });
  const [vendorId, setVendorId] = useState('');
  const [asnNumber, setAsn] = useState('');
  const [poNumber, setPo] = useState('');
  const [notes, setNotes] = useState('');
  const [lines, setLines] = useState<LineDraft[]>(() => [emptyLine()]);
  const [localErrors, setLocalErrors] = useState<LineErrors>({});
  const lineErrors = { ...serverLineErrors(error), ...localErrors };

  const patchLine = (key: number, patch: Partial<LineDraft>) => setLines((ls) => ls.map((l) => (l.key === key ? { ...l, ...patch } : l)));

  function submit(e: FormEvent) {
    e.preventDefault();
    const errs = checkLines(lines);
    setLocalErrors(errs);
    if (Object.keys(errs).length) return;
    const opt = (s: string) => (s.trim() ? s.trim() : undefined);
    onSubmit({
      ...(vendorId ? { vendorId } : {}),
      ...(opt(asnNumber) ? { asnNumber: opt(asnNumber) } : {}),
      ...(opt(poNumber) ? { poNumber: opt(poNumber) } : {}),
      ...(opt(notes) ? { notes: opt(notes) } : {}),
      lines: lines.map((l) => ({ partId: l.part!.id, quantity: Number(l.quantity), ...(l.bin.trim() ? { bin: l.bin.trim() } : {}) })),
    });
  }

  return (
    <form onSubmit={submit} noValidate aria-label="Receive goods" className="space-y-4">
      <ErrorBanner error={error} title="The receipt was refused." />
      <div className="grid gap-3 sm:grid-cols-3">
        <SelectField label="Vendor" value={vendorId} onChange={(e) => setVendorId(e.target.value)} hint={vendors.error ? 'The vendor list could not be loaded.' : 'Vendors of your site'}>
          <option value="">No vendor</option>
          {vendors.data?.vendors.map((v) => (
            <option key={v.id} value={v.id}>
              {v.name}
            </option>
          ))}
        </SelectField>
        <Field label="ASN number" value={asnNumber} onChange={(e) => setAsn(e.target.value)} />
        <Field label="PO number" value={poNumber} onChange={(e) => setPo(e.target.value)} />
      </div>
      <div className="space-y-3">
        {lines.map((l, i) => (
          <ReceiptLineFields
            key={l.key}
            index={i}
            line={l}
            errors={lineErrors[i]}
            canRemove={lines.length > 1}
            onChange={(p) => patchLine(l.key, p)}
            onRemove={() => setLines((ls) => ls.filter((x) => x.key !== l.key))}
          />
        ))}
        <Button variant="secondary" disabled={lines.length >= 200} onClick={() => setLines((ls) => [...ls, emptyLine()])}>
          Add line
        </Button>
      </div>
      <Field label="Notes (optional)" value={notes} onChange={(e) => setNotes(e.target.value)} />
      <div className="flex justify-end">
        <Button type="submit" busy={busy}>
          Receive
        </Button>
      </div>
    </form>
  );
}
