import { Table } from '../../../ui/Table';
import { ItemLink } from '../ItemLink';
import type { LowStockResponse } from '../inventoryTypes';
import { UrgencyBadge } from './UrgencyBadge';

export function LowStockTable({ rows }: { rows: LowStockResponse['lowStockParts'] }) {
  return (
    <Table
      caption="Low-stock parts"
      rows={rows}
      rowKey={(r) => r.id}
      empty="Nothing is low on stock."
      columns={[
        { header: 'Part', cell: (r) => <ItemLink item={r} /> },
        { header: 'Urgency', cell: (r) => <UrgencyBadge level={r.urgencyLevel} /> },
        { header: 'On hand / reorder', cell: (r) => `${r.quantityOnHand} / ${r.reorderLevel} (${r.stockPercentage}%)` },
        { header: 'Supplier', cell: (r) => r.supplier?.name ?? '—', className: 'hidden md:table-cell' },
        { header: 'Lead time', cell: (r) => r.leadTime ?? '—', className: 'hidden lg:table-cell' },
        { header: 'Monthly use', cell: (r) => r.averageMonthlyUsage, className: 'hidden lg:table-cell' },
        { header: 'Last used', cell: (r) => r.lastUsed ?? '—', className: 'hidden xl:table-cell' },
      ]}
    />
  );
}
