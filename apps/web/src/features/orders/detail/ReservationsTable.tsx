import { DataTable } from '../../../ui/DataTable';
import type { OrderDetail } from '../ordersApi';

type Reservation = OrderDetail['reservations'][number];

/** Parts held for the order in its warehouse (from IN_PRODUCTION on), with what is short and what has shipped. */
export function ReservationsTable({ order }: { order: OrderDetail }) {
  return (
    <div className="space-y-2">
      {order.backordersAccepted ? <p className="text-sm">Back-orders were accepted for the parts that were short.</p> : null}
      <DataTable<Reservation>
        caption="Reserved parts"
        rows={order.reservations}
        rowKey={(r) => r.itemId}
        empty="Nothing reserved yet: parts are reserved when the order goes into production."
        columns={[
          { header: 'Part', primary: true, cell: (r) => <span><span className="font-mono">{r.partNumber}</span> {r.name}</span> },
          { header: 'Required', numeric: true, cell: (r) => r.required },
          { header: 'Reserved', numeric: true, cell: (r) => r.reserved },
          { header: 'Back-ordered', numeric: true, cell: (r) => r.backordered },
          { header: 'Shipped', numeric: true, cell: (r) => r.shipped },
        ]}
        rowProps={(r) => ({ 'data-part': r.partNumber })}
      />
    </div>
  );
}
