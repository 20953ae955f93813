import { ORDER_PRIORITIES, type OrderPriority } from '@plantops/contracts';
import { useState } from 'react';
import { Button } from '../../../ui/Button';
import { SuccessBanner } from '../../../ui/ErrorBanner';
import { Field, SelectField, TextAreaField } from '../../../ui/Field';
import { ordersApi, type OrderDetail } from '../ordersApi';
import { PRIORITY_LABEL } from '../orderText';
import { ProblemBanner } from '../ProblemBanner';
import { useOrderMutation } from './useOrderMutation';

/**
 * What may still change once the order is submitted (spec 2.2: notes, dates, priority; the
 * server records the previous values). Only the fields that changed are sent.
 */
export function EditDetailsForm({ order }: { order: OrderDetail }) {
  const initial = { priority: order.priority, notes: order.notes ?? '', estimatedDelivery: order.estimatedDelivery?.slice(0, 10) ?? '', requestedDelivery: order.requestedDelivery?.slice(0, 10) ?? '' };
  const [v, setV] = useState(initial);
  const [saved, setSaved] = useState<string[] | null>(null);
  const changed = (Object.keys(initial) as (keyof typeof initial)[]).filter((k) => v[k] !== initial[k]);
  const save = useOrderMutation(
    order.id,
    () => ordersApi.update(order.id, Object.fromEntries(changed.map((k) => [k, k === 'priority' ? v[k] : v[k].trim() || null]))),
    (r) => setSaved(r.updatedFields),
  );
  return (
    <form
      aria-label="Order details"
      className="space-y-3"
      onSubmit={(e) => {
        e.preventDefault();
        setSaved(null);
        save.mutate(undefined);
      }}
    >
      <div className="grid gap-3 sm:grid-cols-3">
        <SelectField label="Order priority" value={v.priority} onChange={(e) => setV((x) => ({ ...x, priority: e.target.value as OrderPriority }))}>
          {ORDER_PRIORITIES.map((p) => (
            <option key={p} value={p}>
              {PRIORITY_LABEL[p]}
            </option>
          ))}
        </SelectField>
        <Field label="Requested delivery date" type="date" value={v.requestedDelivery} onChange={(e) => setV((x) => ({ ...x, requestedDelivery: e.target.value }))} />
        <Field label="Estimated delivery date" type="date" value={v.estimatedDelivery} onChange={(e) => setV((x) => ({ ...x, estimatedDelivery: e.target.value }))} />
      </div>
      <TextAreaField label="Order notes" value={v.notes} onChange={(e) => setV((x) => ({ ...x, notes: e.target.value }))} />
      <Button type="submit" variant="secondary" busy={save.isPending} disabled={!changed.length}>
        Save details
      </Button>
      <ProblemBanner error={save.error} title="The details were not saved." />
      <SuccessBanner>{saved && !changed.length ? `Saved: ${saved.join(', ')}.` : null}</SuccessBanner>
    </form>
  );
}
