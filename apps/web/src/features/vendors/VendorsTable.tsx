import { Link } from '@tanstack/react-router';
import type { Warehouse } from '@plantops/contracts';
import { warehouseName } from '../../api/warehouses';
import { Badge } from '../../ui/Badge';
import { textLink } from '../../ui/linkStyles';
import { DataTable } from '../../ui/DataTable';
import type { Vendor } from './vendorsApi';
import { vendorTypeLabel } from './vendorText';

/** `sites` (for those who see every site) adds a column naming each vendor's site. */
export function VendorsTable({ vendors, sites }: { vendors: Vendor[]; sites?: Warehouse[] | undefined }) {
  return (
    <DataTable
      caption="Vendors"
      rows={vendors}
      rowKey={(v) => v.id}
      empty="No vendors match these filters."
      tableFrom="3xl"
      columns={[
        {
          header: 'Name',
          primary: true,
          cell: (v) => (
            <Link to="/vendors/$vendorId" params={{ vendorId: v.id }} className={`${textLink} font-medium`}>
              {v.name}
            </Link>
          ),
        },
        ...(sites ? [{ header: 'Site', cell: (v: Vendor) => warehouseName(sites, v.warehouseId) }] : []),
        { header: 'Type', cell: (v) => vendorTypeLabel(v.type) },
        { header: 'E-mail', cell: (v) => v.email ?? '—' },
        { header: 'Phone', cell: (v) => v.phone ?? '—' },
        { header: 'Status', cell: (v) => (v.active ? <Badge tone="success">Active</Badge> : <Badge>Archived</Badge>) },
      ]}
    />
  );
}
