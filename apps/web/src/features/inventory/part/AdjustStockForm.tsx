import { useState, type FormEvent } from 'react';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { ApiError } from '../../../api/errors';
import { Button } from '../../../ui/Button';
import { ErrorBanner, SuccessBanner } from '../../../ui/ErrorBanner';
import { Field } from '../../../ui/Field';
import { inventoryApi, inventoryKeys } from '../inventoryApi';
import type { Adjustment } from '../inventoryTypes';

/** A signed correction of on-hand in the user's own warehouse, with a reason for the ledger. */
export function AdjustStockForm({ partId, partNumber }: { partId: string; partNumber: string }) {
  const qc = useQueryClient();
  const [change, setChange] = useState('');
  const [reason, setReason] = useState('');
  const [notes, setNotes] = useState('');
  const [localErrors, setLocalErrors] = useState<Record<string, string>>({});
  const [notice, setNotice] = useState<string | null>(null);

  const adjust = useMutation({
    mutationFn: (body: Adjustment) => inventoryApi.adjust(partId, body),
    onSuccess: async (r) => {
      setNotice(`${r.partNumber}: on hand ${r.previousQuantity} → ${r.newQuantity}${r.needsReorder ? ' (at or below the reorder point)' : ''}.`);
      setChange('');
      setReason('');
      setNotes('');
      await qc.invalidateQueries({ queryKey: inventoryKeys.all });
    },
  });

  const api = adjust.error instanceof ApiError ? adjust.error.fieldErrors() : {};
  const errors: Record<string, string | undefined> = { change: api.quantityChange ?? api.quantity, reason: api.reason, notes: api.notes, ...localErrors };

  function submit(e: FormEvent) {
    e.preventDefault();
    setNotice(null);
    const n = Number(change);
    const le: Record<string, string> = {};
    if (!change.trim() || !Number.isInteger(n) || n === 0) le.change = 'Enter a whole number other than zero (negative to remove stock).';
    if (reason.trim().length < 3) le.reason = 'Give a reason of at least 3 characters.';
    setLocalErrors(le);
    if (Object.keys(le).length) return;
    adjust.mutate({ quantityChange: n, reason: reason.trim(), ...(notes.trim() ? { notes: notes.trim() } : {}) });
  }

  return (
    <form onSubmit={submit} noValidate aria-label={`Adjust stock of ${partNumber}`} className="space-y-3">
      <ErrorBanner error={adjust.error} title="The adjustment was refused." />
      <SuccessBanner>{notice}</SuccessBanner>
      <div className="grid gap-3 sm:grid-cols-2">
        <Field
          label="Quantity change"
          type="number"
          inputMode="numeric"
          step={1}
          required
          value={change}
          error={errors.change}
          hint="Applies to your warehouse. Use a negative number to remove stock."
          onChange={(e) => setChange(e.target.value)}
        />
        <Field label="Reason" required value={reason} error={errors.reason} onChange={(e) => setReason(e.target.value)} />
      </div>
      <Field label="Notes (optional)" value={notes} error={errors.notes} onChange={(e) => setNotes(e.target.value)} />
      <div className="flex justify-end">
        <Button type="submit" busy={adjust.isPending}>
          Adjust stock
        </Button>
      </div>
    </form>
  );
}
