import { DataTable } from '../../../ui/DataTable';
import { ItemLink } from '../ItemLink';
import { formatMoney } from '../money';
import type { SubAssemblyParts } from '../inventoryTypes';

export function PartsTable({ caption, parts }: { caption: string; parts: SubAssemblyParts['parts'] }) {
  return (
    <DataTable
      caption={caption}
      rows={parts}
      rowKey={(p) => p.id}
      empty="No parts."
      columns={[
        { header: 'Part', cell: (p) => <ItemLink item={p} />, primary: true },
        { header: 'Qty per', cell: (p) => p.quantity, numeric: true },
        { header: 'Cost', cell: (p) => formatMoney(p.cost), numeric: true },
        { header: 'On hand', cell: (p) => p.quantityOnHand, numeric: true },
        { header: 'Supplier', cell: (p) => p.supplier?.name ?? '—' },
      ]}
    />
  );
}
