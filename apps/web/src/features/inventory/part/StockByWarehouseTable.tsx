import { Table } from '../../../ui/Table';
import type { PartDetail } from '../inventoryTypes';
import { StockStateBadge } from './StockStateBadge';

export function StockByWarehouseTable({ rows }: { rows: PartDetail['stockByWarehouse'] }) {
  return (
    <Table
      caption="Stock per warehouse"
      rows={rows}
      rowKey={(r) => r.warehouseId}
      empty="No stock records in the warehouses you can see."
      columns={[
        { header: 'Warehouse', cell: (r) => <><span className="font-medium">{r.warehouseCode}</span><span className="block text-xs text-slate-600 dark:text-slate-400">{r.warehouseName}</span></> },
        { header: 'On hand', cell: (r) => <span data-testid={`on-hand-${r.warehouseCode}`}>{r.quantityOnHand}</span> },
        { header: 'Reserved', cell: (r) => r.quantityReserved, className: 'hidden sm:table-cell' },
        { header: 'Reorder point', cell: (r) => r.reorderPoint, className: 'hidden sm:table-cell' },
        { header: 'Bin', cell: (r) => r.defaultBin ?? '—', className: 'hidden md:table-cell' },
        { header: 'State', cell: (r) => <StockStateBadge state={r.stockState} /> },
      ]}
    />
  );
}
