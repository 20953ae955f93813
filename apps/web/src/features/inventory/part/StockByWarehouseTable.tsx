import { DataTable } from '../../../ui/DataTable';
import type { PartDetail } from '../inventoryTypes';
import { StockStateBadge } from './StockStateBadge';

export function StockByWarehouseTable({ rows }: { rows: PartDetail['stockByWarehouse'] }) {
  return (
    <DataTable
      caption="Stock per warehouse"
      rows={rows}
      rowKey={(r) => r.warehouseId}
      empty="No stock records in the warehouses you can see."
      columns={[
        { header: 'Warehouse', primary: true, cell: (r) => <><span className="font-medium">{r.warehouseCode}</span><span className="block text-xs text-slate-600 dark:text-slate-400">{r.warehouseName}</span></> },
        { header: 'On hand', cell: (r) => <span data-testid={`on-hand-${r.warehouseCode}`}>{r.quantityOnHand}</span>, numeric: true },
        { header: 'Reserved', cell: (r) => r.quantityReserved, numeric: true },
        { header: 'Reorder point', cell: (r) => r.reorderPoint, numeric: true },
        { header: 'Bin', cell: (r) => r.defaultBin ?? '—' },
        { header: 'State', cell: (r) => <StockStateBadge state={r.stockState} /> },
      ]}
    />
  );
}
