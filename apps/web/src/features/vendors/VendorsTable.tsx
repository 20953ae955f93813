import { Link } from '@tanstack/react-router';
import { Badge } from '../../ui/Badge';
import { textLink } from '../../ui/linkStyles';
import { Table } from '../../ui/Table';
import type { Vendor } from './vendorsApi';
import { vendorTypeLabel } from './vendorText';

export function VendorsTable({ vendors }: { vendors: Vendor[] }) {
  return (
    <Table
      caption="Vendors"
      rows={vendors}
      rowKey={(v) => v.id}
      empty="No vendors match these filters."
      columns={[
        {
          header: 'Name',
          cell: (v) => (
            <Link to="/vendors/$vendorId" params={{ vendorId: v.id }} className={`${textLink} font-medium`}>
              {v.name}
            </Link>
          ),
        },
        { header: 'Type', cell: (v) => vendorTypeLabel(v.type) },
        { header: 'E-mail', cell: (v) => v.email ?? '—', className: 'hidden md:table-cell' },
        { header: 'Phone', cell: (v) => v.phone ?? '—', className: 'hidden lg:table-cell' },
        { header: 'Status', cell: (v) => (v.active ? <Badge tone="success">Active</Badge> : <Badge>Archived</Badge>) },
      ]}
    />
  );
}
