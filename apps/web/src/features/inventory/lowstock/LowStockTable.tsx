import { DataTable } from '../../../ui/DataTable';
import { ItemLink } from '../ItemLink';
import type { LowStockResponse } from '../inventoryTypes';
import { UrgencyBadge } from './UrgencyBadge';

export function LowStockTable({ rows }: { rows: LowStockResponse['lowStockParts'] }) {
  return (
    <DataTable
      caption="Low-stock parts"
      rows={rows}
      rowKey={(r) => r.id}
      empty="Nothing is low on stock."
      tableFrom="4xl"
      columns={[
        { header: 'Part', cell: (r) => <ItemLink item={r} />, primary: true },
        { header: 'Urgency', cell: (r) => <UrgencyBadge level={r.urgencyLevel} /> },
        { header: 'On hand / reorder', cell: (r) => `${r.quantityOnHand} / ${r.reorderLevel} (${r.stockPercentage}%)` },
        { header: 'Supplier', cell: (r) => r.supplier?.name ?? '—' },
        { header: 'Lead time', cell: (r) => r.leadTime ?? '—' },
        { header: 'Monthly use', cell: (r) => r.averageMonthlyUsage, numeric: true },
        { header: 'Last used', cell: (r) => r.lastUsed ?? '—' },
      ]}
    />
  );
}
