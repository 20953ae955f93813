import { Link } from '@tanstack/react-router';
import type { Pagination } from '@plantops/contracts';
import { DataTable, type DataColumn, type SortState } from '../../../ui/DataTable';
import { textLink } from '../../../ui/linkStyles';
import { formatMoney } from '../../inventory/money';
import { PriorityBadge, StatusBadge } from '../OrderBadges';
import type { OrderListItem } from '../ordersApi';
import { day } from '../orderText';

const columns: DataColumn<OrderListItem>[] = [
  {
    header: 'Order',
    primary: true,
    nowrap: true,
    sortKey: 'orderNumber',
    cell: (o) =>
      o.status === 'DRAFT' ? (
        <Link to="/orders/$orderId/edit" params={{ orderId: o.id }} className={`${textLink} inline-flex min-h-11 items-center font-mono font-semibold`}>
          {o.orderNumber}
        </Link>
      ) : (
        <Link to="/orders/$orderId" params={{ orderId: o.id }} className={`${textLink} inline-flex min-h-11 items-center font-mono font-semibold`}>
          {o.orderNumber}
        </Link>
      ),
  },
  { header: 'Customer', cell: (o) => o.customer.companyName },
  { header: 'Status', cell: (o) => <StatusBadge status={o.status} /> },
  { header: 'Priority', cell: (o) => <PriorityBadge priority={o.priority} /> },
  { header: 'Builds', cell: (o) => (o.buildNumbers.length ? o.buildNumbers.join(', ') : '—') },
  { header: 'Total', numeric: true, cell: (o) => formatMoney(o.totalAmount) },
  { header: 'Created', nowrap: true, sortKey: 'createdAt', cell: (o) => day(o.createdAt) },
  { header: 'Updated', nowrap: true, sortKey: 'updatedAt', cell: (o) => day(o.updatedAt) },
  { header: 'Delivery', nowrap: true, cell: (o) => day(o.estimatedDelivery) },
];

/** Orders as a table on wide screens and cards on phones (a draft opens in the wizard). */
export function OrdersTable({ orders, sort, onSort, pagination, onPage }: { orders: OrderListItem[]; sort: SortState; onSort: (s: SortState) => void; pagination: Pagination | undefined; onPage: (p: number) => void }) {
  return (
    <DataTable
      caption="Orders"
      columns={columns}
      rows={orders}
      rowKey={(o) => o.id}
      tableFrom="5xl"
      sort={sort}
      onSort={onSort}
      empty="No orders match these filters."
      pagination={{ meta: pagination, onPage, label: 'Order pages' }}
      rowProps={(o) => ({ 'data-order': o.orderNumber })}
    />
  );
}
