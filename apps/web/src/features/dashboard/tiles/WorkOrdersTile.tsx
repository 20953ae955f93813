import { useQuery } from '@tanstack/react-query';
import { Link } from '@tanstack/react-router';
import { woKeys, workOrdersApi, type WoListQuery } from '../../maintenance/maintenanceApi';
import { textLink } from '../../../ui/linkStyles';
import { Stat, Tile } from './Tile';

/** Up to 100 work orders of a query (the count reads "100+" beyond). */
function useWork(q: WoListQuery) {
  return useQuery({ queryKey: woKeys.list(q), queryFn: () => workOrdersApi.list(q) });
}
const count = (d: { workOrders: unknown[]; page: { hasMore: boolean } } | undefined) => (d ? `${d.workOrders.length}${d.page.hasMore ? '+' : ''}` : undefined);

/** The technician's and contractor's open work: how much, how much overdue, the first few. */
export function MyWorkTile() {
  const q = useWork({ assignee: 'me', status: 'ASSIGNED,IN_PROGRESS,ON_HOLD', sort: 'priority' });
  const overdue = q.data?.workOrders.filter((w) => w.overdue).length;
  return (
    <Tile title="My work" testId="tile-my-work" error={q.error} more={{ to: '/work-orders/my', label: 'All my work orders' }}>
      <div className="grid grid-cols-2 gap-2">
        <Stat label="open work orders" value={count(q.data)} to="/work-orders/my" />
        <Stat label="overdue" value={overdue} to="/work-orders/my" tone="alert" />
      </div>
      <ul className="divide-y divide-slate-200 dark:divide-slate-700">
        {q.data?.workOrders.slice(0, 3).map((w) => (
          <li key={w.id} className="py-2"><Link className={textLink} to="/work-orders/$workOrderId" params={{ workOrderId: w.id }}>{w.title}</Link> <span className="text-xs">{w.priority.toLowerCase()}</span></li>
        ))}
      </ul>
    </Tile>
  );
}

/** The supervisor's queue: new requests to assign and finished work to verify. */
export function BoardTile() {
  const fresh = useWork({ status: 'NEW' });
  const done = useWork({ status: 'COMPLETED' });
  return (
    <Tile title="Work orders" testId="tile-work-orders" error={fresh.error ?? done.error} more={{ to: '/work-orders', label: 'Open the board' }}>
      <div className="grid grid-cols-2 gap-2">
        <Stat label="new, to assign" value={count(fresh.data)} to="/work-orders" />
        <Stat label="to verify" value={count(done.data)} to="/work-orders" />
      </div>
    </Tile>
  );
}

/** A requester's own requests and where they stand. */
export function MyRequestsTile() {
  const q = useWork({ limit: 5, sort: 'updatedAt' });
  return (
    <Tile title="My requests" testId="tile-my-requests" error={q.error} more={{ to: '/work-orders/new', label: 'Report a problem' }}>
      {q.data?.workOrders.length === 0 ? <p>No requests yet.</p> : null}
      <ul className="divide-y divide-slate-200 dark:divide-slate-700">
        {q.data?.workOrders.map((w) => (
          <li key={w.id} className="flex justify-between gap-2 py-2">
            <Link className={textLink} to="/work-orders/$workOrderId" params={{ workOrderId: w.id }}>{w.title}</Link>
            <span className="text-xs">{w.status.replace('_', ' ').toLowerCase()}</span>
          </li>
        ))}
      </ul>
    </Tile>
  );
}
