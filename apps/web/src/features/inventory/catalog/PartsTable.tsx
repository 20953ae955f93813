import { Table } from '../../../ui/Table';
import { ItemLink } from '../ItemLink';
import { formatMoney } from '../money';
import type { SubAssemblyParts } from '../inventoryTypes';

export function PartsTable({ caption, parts }: { caption: string; parts: SubAssemblyParts['parts'] }) {
  return (
    <Table
      caption={caption}
      rows={parts}
      rowKey={(p) => p.id}
      empty="No parts."
      columns={[
        { header: 'Part', cell: (p) => <ItemLink item={p} /> },
        { header: 'Qty per', cell: (p) => p.quantity },
        { header: 'Cost', cell: (p) => formatMoney(p.cost), className: 'hidden sm:table-cell' },
        { header: 'On hand', cell: (p) => p.quantityOnHand },
        { header: 'Supplier', cell: (p) => p.supplier?.name ?? '—', className: 'hidden md:table-cell' },
      ]}
    />
  );
}
