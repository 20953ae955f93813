import { useState } from 'react';
import { Button } from '../../../ui/Button';
import { TextAreaField } from '../../../ui/Field';
import { ordersApi, type OrderDetail } from '../ordersApi';
import { ProblemBanner } from '../ProblemBanner';
import { useOrderMutation } from './useOrderMutation';

/**
 * Cancel with a reason (spec: DELETE /orders/{id}); reserved parts are released. After PENDING
 * only an administrator's override cancels, and the server's nextSteps says whether this caller may.
 */
export function CancelSection({ order }: { order: OrderDetail }) {
  const [asking, setAsking] = useState(false);
  const [reason, setReason] = useState('');
  const step = order.nextSteps.find((s) => s.status === 'CANCELLED');
  const cancel = useOrderMutation(order.id, () => ordersApi.cancel(order.id, reason.trim(), step?.needs.includes('adminOverride')), () => setAsking(false));
  if (!order.permissions.cancel && !step) return null;
  if (step && !step.allowed) {
    return (
      <div role="note" aria-label="Why not yet: Cancel order" className="text-sm">
        <p className="font-semibold">Cancel order: not possible now</p>
        <ul className="list-disc pl-5">
          {step.blockers.map((b, i) => (
            <li key={i}>{b.message}</li>
          ))}
        </ul>
      </div>
    );
  }
  if (!asking) {
    return (
      <Button variant="danger" onClick={() => setAsking(true)}>
        Cancel order
      </Button>
    );
  }
  return (
    <form
      aria-label="Cancel the order"
      className="space-y-3"
      onSubmit={(e) => {
        e.preventDefault();
        cancel.mutate(undefined);
      }}
    >
      <TextAreaField label="Reason for cancelling" required value={reason} onChange={(e) => setReason(e.target.value)} hint="Recorded on the order and in its history." />
      <div className="flex flex-wrap gap-2">
        <Button type="submit" variant="danger" busy={cancel.isPending} disabled={!reason.trim()}>
          Confirm cancellation
        </Button>
        <Button variant="ghost" onClick={() => setAsking(false)}>
          Keep the order
        </Button>
      </div>
      <ProblemBanner error={cancel.error} title="The order was not cancelled." />
    </form>
  );
}
