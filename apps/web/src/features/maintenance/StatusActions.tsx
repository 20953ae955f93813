import type { WoStatus } from '@plantops/contracts';
import { useState } from 'react';
import { Button } from '../../ui/Button';
import { ErrorBanner } from '../../ui/ErrorBanner';
import { workOrdersApi, type WorkOrderDetail } from './maintenanceApi';
import { useWoAction } from './useWoAction';
import { ACTION_LABEL, NEEDS_REASON } from './woText';

/**
 * The moves open to the caller now (from the server's nextStatuses). Completing shows what still
 * blocks it; holding, cancelling or sending back asks for the reason first.
 */
export function StatusActions({ wo }: { wo: WorkOrderDetail }) {
  const [asking, setAsking] = useState<WoStatus | null>(null);
  const [reason, setReason] = useState('');
  const move = useWoAction(wo.id, ({ to, why }: { to: WoStatus; why?: string }) => workOrdersApi.setStatus(wo.id, to, why));
  const blocked = wo.completionBlockers.length > 0;
  const go = (to: WoStatus) => {
    if (NEEDS_REASON(wo.status, to)) return setAsking(to);
    move.mutate({ to }, { onSuccess: () => setAsking(null) });
  };
  if (!wo.nextStatuses.length) return null;
  return (
    <div className="space-y-3" data-testid="status-actions">
      <div className="flex flex-wrap gap-2">
        {wo.nextStatuses.map((to) => (
          <Button
            key={to}
            variant={to === 'CANCELLED' ? 'danger' : to === 'ON_HOLD' ? 'secondary' : 'primary'}
            disabled={to === 'COMPLETED' && blocked}
            busy={move.isPending && move.variables?.to === to}
            onClick={() => go(to)}
          >
            {wo.status === 'COMPLETED' && to === 'IN_PROGRESS' ? 'Send back' : ACTION_LABEL[to]}
          </Button>
        ))}
      </div>
      {wo.nextStatuses.includes('COMPLETED') && blocked ? (
        <div role="note" aria-label="What still blocks completion" className="rounded-md border border-amber-300 bg-amber-50 p-3 text-sm dark:border-amber-800 dark:bg-amber-950">
          <p className="font-semibold">Before you can complete:</p>
          <ul className="list-disc pl-5">{wo.completionBlockers.map((b, i) => <li key={i}>{b.message}</li>)}</ul>
        </div>
      ) : null}
      {asking ? (
        <form
          className="space-y-2"
          onSubmit={(e) => {
            e.preventDefault();
            move.mutate({ to: asking, why: reason.trim() }, { onSuccess: () => (setAsking(null), setReason('')) });
          }}
        >
          <label className="block text-sm">
            Why? ({ACTION_LABEL[asking].toLowerCase()})
            <textarea required className="block w-full rounded-md border border-slate-300 p-2 dark:border-slate-600 dark:bg-slate-900" rows={2} value={reason} onChange={(e) => setReason(e.target.value)} />
          </label>
          <div className="flex gap-2">
            <Button type="submit" busy={move.isPending}>Confirm</Button>
            <Button variant="ghost" onClick={() => setAsking(null)}>Back</Button>
          </div>
        </form>
      ) : null}
      <ErrorBanner error={move.error} title="The status did not change." />
    </div>
  );
}
