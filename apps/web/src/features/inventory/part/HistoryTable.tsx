import { DataTable } from '../../../ui/DataTable';
import type { PartDetail } from '../inventoryTypes';

const signed = (n: number) => (n > 0 ? `+${n}` : String(n));

/** The latest ledger movements (newest first): what, why, who and where. */
export function HistoryTable({ rows }: { rows: PartDetail['inventoryHistory'] }) {
  return (
    <DataTable
      caption="Inventory history"
      rows={rows}
      rowKey={(r) => r.id}
      empty="No movements yet."
      tableFrom="4xl"
      columns={[
        {
          header: 'Change',
          primary: true,
          cell: (r) => (
            <>
              <span className="font-semibold">{signed(r.quantityChange)}</span> <span>{r.type.toLowerCase().replace(/_/g, ' ')}</span>
            </>
          ),
        },
        { header: 'Date', cell: (r) => new Date(r.date).toLocaleString() },
        { header: 'New on hand', cell: (r) => r.newQuantity, numeric: true },
        { header: 'Reason', cell: (r) => [r.reason, r.supplier].filter(Boolean).join(' · ') || '—' },
        { header: 'By', cell: (r) => r.performedBy?.name ?? (r.performedBy ? 'A user' : 'System') },
        { header: 'Site', cell: (r) => (r.warehouse ? `${r.warehouse.name} (${r.warehouse.code})` : '—') },
      ]}
    />
  );
}
