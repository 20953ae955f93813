import { Table } from '../../../ui/Table';
import type { PartDetail } from '../inventoryTypes';

const signed = (n: number) => (n > 0 ? `+${n}` : String(n));

/** The latest ledger movements (newest first). */
export function HistoryTable({ rows }: { rows: PartDetail['inventoryHistory'] }) {
  return (
    <Table
      caption="Inventory history"
      rows={rows}
      rowKey={(r) => r.id}
      empty="No movements yet."
      columns={[
        { header: 'Date', cell: (r) => new Date(r.date).toLocaleString() },
        { header: 'Type', cell: (r) => r.type.toLowerCase().replace(/_/g, ' ') },
        { header: 'Change', cell: (r) => signed(r.quantityChange) },
        { header: 'New on hand', cell: (r) => r.newQuantity, className: 'hidden sm:table-cell' },
        { header: 'Reason', cell: (r) => [r.reason, r.supplier].filter(Boolean).join(' · ') || '—', className: 'hidden md:table-cell' },
      ]}
    />
  );
}
