import { useState } from 'react';
import { useQuery } from '@tanstack/react-query';
import { Link } from '@tanstack/react-router';
import { seesAllSites, useWarehouses, warehouseName } from '../../api/warehouses';
import { hasAny, VENDOR_MANAGE } from '../../app/navItems';
import { useUser } from '../../auth/useSession';
import { Badge } from '../../ui/Badge';
import { Breadcrumbs } from '../../ui/Breadcrumbs';
import { Button } from '../../ui/Button';
import { Card } from '../../ui/Card';
import { Dialog } from '../../ui/Dialog';
import { ErrorBanner } from '../../ui/ErrorBanner';
import { textLink } from '../../ui/linkStyles';
import { usePageHeading } from '../../ui/pageHeading';
import { useVendorArchive, useVendorSave } from './useVendorSave';
import { VendorContacts } from './VendorContacts';
import { VendorDocuments } from './VendorDocuments';
import { VendorForm } from './VendorForm';
import { VendorInfo } from './VendorInfo';
import { vendorKeys, vendorsApi } from './vendorsApi';

export function VendorDetailPage({ vendorId }: { vendorId: string }) {
  const me = useUser();
  const canManage = hasAny(me.permissions, VENDOR_MANAGE);
  const allSites = seesAllSites(me.role);
  const sites = useWarehouses(allSites).data;
  const q = useQuery({ queryKey: vendorKeys.detail(vendorId), queryFn: () => vendorsApi.get(vendorId) });
  const [editing, setEditing] = useState(false);
  const save = useVendorSave(vendorId, () => setEditing(false));
  const archive = useVendorArchive(vendorId);
  const heading = usePageHeading(q.data?.name ?? 'Vendor');

  if (q.error) return <ErrorBanner error={q.error} title="The vendor could not be loaded." />;
  if (!q.data) return <p>Loading vendor…</p>;
  const v = q.data;

  return (
    <div className="space-y-4">
      <Breadcrumbs
        label="Vendor location"
        items={[
          { key: 'list', label: 'Vendors', link: (l) => <Link to="/vendors" className={textLink}>{l}</Link> },
          { key: 'v', label: v.name },
        ]}
      />
      <div className="flex flex-wrap items-center justify-between gap-2">
        <div className="flex flex-wrap items-center gap-2">
          <h1 {...heading} className="text-2xl font-bold tracking-tight">
            {v.name}
          </h1>
          {v.active ? <Badge tone="success">Active</Badge> : <Badge>Archived</Badge>}
        </div>
        {canManage ? (
          <div className="flex flex-wrap gap-2">
            <Button
              variant="secondary"
              onClick={() => {
                save.reset();
                setEditing(true);
              }}
            >
              Edit
            </Button>
            {v.active ? (
              <Button variant="danger" busy={archive.isPending} onClick={() => archive.mutate(true)}>
                Archive
              </Button>
            ) : (
              <Button busy={archive.isPending} onClick={() => archive.mutate(false)}>
                Restore
              </Button>
            )}
          </div>
        ) : null}
      </div>
      <ErrorBanner error={archive.error} />
      <div className="grid gap-4 lg:grid-cols-2">
        <Card title="Details">
          <VendorInfo vendor={v} site={allSites ? warehouseName(sites, v.warehouseId) : undefined} />
        </Card>
        <Card title="Contacts">
          <VendorContacts contacts={v.contacts} />
        </Card>
      </div>
      <Card title="Documents">
        <VendorDocuments vendor={v} canManage={canManage} />
      </Card>
      <Dialog open={editing} title="Edit vendor" onClose={() => setEditing(false)}>
        {editing ? <VendorForm vendor={v} busy={save.isPending} error={save.error} onSubmit={(b) => save.mutate(b)} onCancel={() => setEditing(false)} /> : null}
      </Dialog>
    </div>
  );
}
