import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { useState } from 'react';
import { Button } from '../../ui/Button';
import { PageTitle } from '../../ui/Card';
import { ErrorBanner } from '../../ui/ErrorBanner';
import { woKeys, workOrdersApi, type Person, type WorkOrder } from './maintenanceApi';
import { WorkOrderCard } from './WorkOrderCard';

function AssignControl({ wo, people }: { wo: WorkOrder; people: Person[] }) {
  const qc = useQueryClient();
  const [who, setWho] = useState('');
  const assign = useMutation({ mutationFn: () => workOrdersApi.assign(wo.id, [who]), onSuccess: () => qc.invalidateQueries({ queryKey: woKeys.all }) });
  return (
    <form className="flex flex-wrap items-end gap-2" onSubmit={(e) => { e.preventDefault(); if (who) assign.mutate(); }}>
      <label className="block grow text-sm">
        Assign {wo.foNumber} to
        <select className="block w-full min-h-11 rounded-md border border-slate-300 bg-white px-3 dark:border-slate-600 dark:bg-slate-900" value={who} onChange={(e) => setWho(e.target.value)}>
          <option value="">Choose a person…</option>
          {people.map((p) => <option key={p.id} value={p.id}>{p.name} ({p.role.toLowerCase()})</option>)}
        </select>
      </label>
      <Button type="submit" disabled={!who} busy={assign.isPending}>Assign</Button>
      <ErrorBanner error={assign.error} title="Not assigned. Pick someone of this site who does maintenance work." />
    </form>
  );
}

function VerifyControl({ wo }: { wo: WorkOrder }) {
  const qc = useQueryClient();
  const verify = useMutation({ mutationFn: () => workOrdersApi.setStatus(wo.id, 'VERIFIED'), onSuccess: () => qc.invalidateQueries({ queryKey: woKeys.all }) });
  return (
    <div className="space-y-2">
      <Button busy={verify.isPending} onClick={() => verify.mutate()} aria-label={`Verify ${wo.foNumber}`}>Verify</Button>
      <ErrorBanner error={verify.error} title="Not verified. Open the work order to see why." />
    </div>
  );
}

function Column({ title, list, render }: { title: string; list: WorkOrder[] | undefined; render?: (wo: WorkOrder) => React.ReactNode }) {
  return (
    <section aria-label={title} className="space-y-2">
      <h2 className="text-lg font-semibold">{title} <span className="text-sm font-normal">({list?.length ?? 0})</span></h2>
      {list?.length ? <ul className="space-y-3">{list.map((wo) => <WorkOrderCard key={wo.id} wo={wo}>{render?.(wo)}</WorkOrderCard>)}</ul> : <p className="text-sm text-slate-600 dark:text-slate-400">Nothing here.</p>}
    </section>
  );
}

/** The supervisor's board: triage new requests, assign them, watch the work, verify what is done. */
export function BoardPage() {
  const fresh = useQuery({ queryKey: woKeys.list({ status: 'NEW' }), queryFn: () => workOrdersApi.list({ status: 'NEW', sort: 'priority' }) });
  const working = useQuery({ queryKey: woKeys.list({ status: 'ASSIGNED,IN_PROGRESS,ON_HOLD' }), queryFn: () => workOrdersApi.list({ status: 'ASSIGNED,IN_PROGRESS,ON_HOLD', sort: 'priority' }) });
  const done = useQuery({ queryKey: woKeys.list({ status: 'COMPLETED' }), queryFn: () => workOrdersApi.list({ status: 'COMPLETED', sort: 'updatedAt' }) });
  const people = useQuery({ queryKey: ['work-orders', 'people'], queryFn: () => workOrdersApi.people() });
  return (
    <div className="space-y-4">
      <PageTitle>Work-order board</PageTitle>
      <ErrorBanner error={fresh.error ?? working.error ?? done.error} title="The board could not be loaded. Try again in a moment." />
      <div className="grid gap-6 lg:grid-cols-3">
        <Column title="New and unassigned" list={fresh.data?.workOrders} render={(wo) => <AssignControl wo={wo} people={people.data?.people ?? []} />} />
        <Column title="In the works" list={working.data?.workOrders} />
        <Column title="Awaiting verification" list={done.data?.workOrders} render={(wo) => <VerifyControl wo={wo} />} />
      </div>
    </div>
  );
}
