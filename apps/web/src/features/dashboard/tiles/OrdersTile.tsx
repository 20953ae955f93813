import { useQuery } from '@tanstack/react-query';
import { Link } from '@tanstack/react-router';
import type { OrderStatus } from '@plantops/contracts';
import { useCan } from '../../../auth/useSession';
import { textLink } from '../../../ui/linkStyles';
import { orderKeys, ordersApi } from '../../orders/ordersApi';
import { Stat, Tile } from './Tile';

const count = (status: OrderStatus) => ({ status, sortBy: 'updatedAt', sortOrder: 'desc' }) as const;

/** How many orders wait in each of the coordinator's phases, and the latest moved ones (the API shows assemblers and QC only theirs). */
export function OrdersTile() {
  const can = useCan();
  const drafts = useQuery({ queryKey: orderKeys.list(count('DRAFT')), queryFn: () => ordersApi.list(count('DRAFT')) });
  const pending = useQuery({ queryKey: orderKeys.list(count('PENDING')), queryFn: () => ordersApi.list(count('PENDING')) });
  const building = useQuery({ queryKey: orderKeys.list(count('IN_PRODUCTION')), queryFn: () => ordersApi.list(count('IN_PRODUCTION')) });
  const latest = useQuery({ queryKey: orderKeys.list({ sortBy: 'updatedAt' }), queryFn: () => ordersApi.list({ sortBy: 'updatedAt' }) });
  return (
    <Tile title="Orders" testId="tile-orders" error={latest.error} more={{ to: '/orders', label: 'All orders' }}>
      <div className="grid grid-cols-3 gap-2">
        <Stat label="drafts" value={drafts.data?.pagination.totalItems} to="/orders" />
        <Stat label="pending" value={pending.data?.pagination.totalItems} to="/orders" />
        <Stat label="in production" value={building.data?.pagination.totalItems} to="/orders" />
      </div>
      <ul className="divide-y divide-slate-200 dark:divide-slate-700">
        {latest.data?.orders.slice(0, 3).map((o) => (
          <li key={o.id} className="py-2">
            <Link className={textLink} to="/orders/$orderId" params={{ orderId: o.id }}>{`${o.orderNumber} ${o.customer.companyName}`}</Link>
          </li>
        ))}
      </ul>
      {can('order:create') ? (
        <Link to="/orders/new" className={`${textLink} inline-block min-h-11 py-2 font-medium`}>
          New order
        </Link>
      ) : null}
    </Tile>
  );
}
