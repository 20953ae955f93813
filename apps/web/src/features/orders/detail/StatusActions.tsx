import type { OrderStatus } from '@plantops/contracts';
import { useState, type FormEvent } from 'react';
import { Button } from '../../../ui/Button';
import { Checkbox, Field, TextAreaField } from '../../../ui/Field';
import { ordersApi, type NextStep, type OrderDetail, type StatusInput } from '../ordersApi';
import { moveLabel } from '../orderText';
import { ProblemBanner } from '../ProblemBanner';
import { useOrderMutation } from './useOrderMutation';

const NEED_LABEL: Record<string, string> = {
  notes: 'Notes (why)',
  carrier: 'Carrier',
  trackingNumber: 'Tracking number',
  shipDate: 'Ship date',
  acceptBackorders: 'Accept back-orders for the parts that are short',
};

/**
 * The moves the server offers this caller (nextSteps): an allowed one is a button, opening a
 * short form when the move needs more (notes, carrier and tracking, back-order acceptance); one
 * not yet allowed is listed with the gates still open, so everyone sees what holds the order.
 * Cancelling is the cancel section's (it takes a reason through DELETE).
 */
export function StatusActions({ order }: { order: OrderDetail }) {
  const [open, setOpen] = useState<OrderStatus | null>(null);
  const move = useOrderMutation(order.id, (body: StatusInput) => ordersApi.setStatus(order.id, body), () => setOpen(null));
  const steps = order.nextSteps.filter((s) => s.status !== 'CANCELLED');
  if (!steps.length) return <p className="text-sm text-slate-600 dark:text-slate-400">No further moves from here.</p>;
  const allowed = steps.filter((s) => s.allowed);
  const blocked = steps.filter((s) => !s.allowed);
  const start = (s: NextStep) => {
    move.reset();
    if (s.needs.length) setOpen(s.status);
    else move.mutate({ status: s.status });
  };
  const opened = allowed.find((s) => s.status === open);
  return (
    <div className="space-y-3" data-testid="status-actions">
      {allowed.length ? (
        <div className="flex flex-wrap gap-2">
          {allowed.map((s) => (
            <Button key={s.status} variant={s.status === 'ON_HOLD' || moveLabel(order.status, s.status).startsWith('Send back') ? 'secondary' : 'primary'} busy={move.isPending && move.variables?.status === s.status} onClick={() => start(s)}>
              {moveLabel(order.status, s.status)}
            </Button>
          ))}
        </div>
      ) : null}
      {opened ? <NeedsForm order={order} step={opened} busy={move.isPending} onCancel={() => setOpen(null)} onSubmit={(b) => move.mutate(b)} /> : null}
      <ProblemBanner error={move.error} title="The order did not move." />
      {blocked.map((s) => (
        <div key={s.status} role="note" aria-label={`Why not yet: ${moveLabel(order.status, s.status)}`} className="rounded-md border border-amber-300 bg-amber-50 p-3 text-sm text-amber-950 dark:border-amber-800 dark:bg-amber-950 dark:text-amber-100">
          <p className="font-semibold">{`${moveLabel(order.status, s.status)}: not yet`}</p>
          <p className="text-xs">{`Gate: ${s.gate}`}</p>
          <ul className="mt-1 list-disc pl-5">
            {s.blockers.map((b, i) => (
              <li key={i} data-gate={b.gate}>
                {b.message}
              </li>
            ))}
          </ul>
        </div>
      ))}
    </div>
  );
}

function NeedsForm({ order, step, busy, onSubmit, onCancel }: { order: OrderDetail; step: NextStep; busy: boolean; onSubmit: (b: StatusInput) => void; onCancel: () => void }) {
  const [v, setV] = useState<Record<string, string>>({ shipDate: new Date().toISOString().slice(0, 10) });
  const [backorders, setBackorders] = useState(false);
  const label = moveLabel(order.status, step.status);
  const submit = (e: FormEvent) => {
    e.preventDefault();
    const body: StatusInput = { status: step.status };
    for (const n of step.needs) {
      if (n === 'acceptBackorders') body.acceptBackorders = backorders;
      else if (n === 'adminOverride') body.adminOverride = true;
      else if (v[n]?.trim()) (body as unknown as Record<string, string>)[n] = v[n].trim();
    }
    onSubmit(body);
  };
  return (
    <form aria-label={label} onSubmit={submit} className="space-y-3 rounded-md border border-slate-200 p-3 dark:border-slate-700">
      <p className="font-semibold">{label}</p>
      {step.needs.map((n) =>
        n === 'acceptBackorders' ? (
          <Checkbox key={n} label={NEED_LABEL[n]!} checked={backorders} onChange={(e) => setBackorders(e.target.checked)} />
        ) : n === 'adminOverride' ? (
          <p key={n} className="text-sm">This move uses your administrator override; it is recorded.</p>
        ) : n === 'notes' ? (
          <TextAreaField key={n} label={NEED_LABEL[n]!} required value={v[n] ?? ''} onChange={(e) => setV((x) => ({ ...x, [n]: e.target.value }))} />
        ) : (
          <Field key={n} label={NEED_LABEL[n] ?? n} type={n === 'shipDate' ? 'date' : 'text'} required value={v[n] ?? ''} onChange={(e) => setV((x) => ({ ...x, [n]: e.target.value }))} />
        ),
      )}
      <div className="flex flex-wrap gap-2">
        <Button type="submit" busy={busy}>{`Confirm: ${label}`}</Button>
        <Button variant="ghost" onClick={onCancel}>
          Back
        </Button>
      </div>
    </form>
  );
}
