import { useQuery } from '@tanstack/react-query';
import { Link } from '@tanstack/react-router';
import { PageTitle } from '../../ui/Card';
import { ErrorBanner } from '../../ui/ErrorBanner';
import { textLink } from '../../ui/linkStyles';
import { woKeys, workOrdersApi, type WorkOrder } from './maintenanceApi';
import { WorkOrderCard } from './WorkOrderCard';
import { PRIORITY_RANK, today } from './woText';

const OPEN = 'ASSIGNED,IN_PROGRESS,ON_HOLD';

/** Splits the technician's open work: overdue, for today (due or already started), the rest by priority. */
export function groupMyWork(list: WorkOrder[], day = today()) {
  const overdue = list.filter((w) => w.overdue);
  const todays = list.filter((w) => !w.overdue && (w.dueDate === day || w.status === 'IN_PROGRESS'));
  const rest = list.filter((w) => !overdue.includes(w) && !todays.includes(w)).sort((a, b) => PRIORITY_RANK[b.priority] - PRIORITY_RANK[a.priority]);
  return { overdue, todays, rest };
}

function Section({ title, items, empty }: { title: string; items: WorkOrder[]; empty: string }) {
  return (
    <section aria-label={title} className="space-y-2">
      <h2 className="text-lg font-semibold">
        {title} <span className="text-sm font-normal text-slate-600 dark:text-slate-400">({items.length})</span>
      </h2>
      {items.length ? <ul className="space-y-3">{items.map((w) => <WorkOrderCard key={w.id} wo={w} />)}</ul> : <p className="text-sm text-slate-600 dark:text-slate-400">{empty}</p>}
    </section>
  );
}

/** The technician's and contractor's landing page: their open work orders. */
export function MyWorkPage() {
  const q = { assignee: 'me', status: OPEN, sort: 'priority' as const };
  const list = useQuery({ queryKey: woKeys.list(q), queryFn: () => workOrdersApi.list(q) });
  const groups = groupMyWork(list.data?.workOrders ?? []);
  return (
    <div className="mx-auto max-w-2xl space-y-6">
      <div className="flex flex-wrap items-center justify-between gap-2">
        <PageTitle>My work</PageTitle>
        <Link to="/scan" className={`${textLink} inline-flex min-h-11 items-center`}>Scan a machine</Link>
      </div>
      <ErrorBanner error={list.error} title="Your work orders could not be loaded. Pull to refresh or try again in a moment." />
      {list.isPending ? <p>Loading your work…</p> : null}
      {list.data ? (
        <>
          <Section title="Overdue" items={groups.overdue} empty="Nothing overdue." />
          <Section title="Today" items={groups.todays} empty="Nothing due today." />
          <Section title="By priority" items={groups.rest} empty="No other open work." />
        </>
      ) : null}
    </div>
  );
}
