import { useDeferredValue, useState } from 'react';
import { keepPreviousData, useQuery } from '@tanstack/react-query';
import { useNavigate } from '@tanstack/react-router';
import { seesAllSites, useWarehouses } from '../../api/warehouses';
import { hasAny, VENDOR_MANAGE } from '../../app/navItems';
import { useUser } from '../../auth/useSession';
import { Button } from '../../ui/Button';
import { PageTitle } from '../../ui/Card';
import { Dialog } from '../../ui/Dialog';
import { ErrorBanner } from '../../ui/ErrorBanner';
import { Pagination } from '../../ui/Pagination';
import { useVendorSave } from './useVendorSave';
import { VendorFiltersBar } from './VendorFiltersBar';
import { VendorForm } from './VendorForm';
import { VendorsTable } from './VendorsTable';
import { vendorKeys, vendorsApi, type VendorFilters } from './vendorsApi';

export function VendorsPage() {
  const navigate = useNavigate();
  const me = useUser();
  const canManage = hasAny(me.permissions, VENDOR_MANAGE);
  const allSites = seesAllSites(me.role);
  const sites = useWarehouses(allSites).data;
  const [filters, setFilters] = useState<VendorFilters>({ page: 1, limit: 20, search: '', type: '', active: 'true' });
  const search = useDeferredValue(filters.search);
  const query = { ...filters, search };
  const list = useQuery({ queryKey: vendorKeys.list(query), queryFn: () => vendorsApi.list(query), placeholderData: keepPreviousData });
  const [creating, setCreating] = useState(false);
  const save = useVendorSave(undefined, (v) => {
    setCreating(false);
    void navigate({ to: '/vendors/$vendorId', params: { vendorId: v.id } });
  });

  return (
    <div className="space-y-4">
      <div className="flex flex-wrap items-center justify-between gap-2">
        <PageTitle>Vendors</PageTitle>
        {canManage ? (
          <Button
            onClick={() => {
              save.reset();
              setCreating(true);
            }}
          >
            New vendor
          </Button>
        ) : null}
      </div>
      <VendorFiltersBar value={filters} sites={allSites ? (sites ?? []) : undefined} onChange={(p) => setFilters((f) => ({ ...f, ...p }))} />
      <ErrorBanner error={list.error} title="The vendor list could not be loaded." />
      {list.isPending ? <p>Loading vendors…</p> : null}
      {list.data ? (
        <>
          <VendorsTable vendors={list.data.vendors} sites={allSites ? (sites ?? []) : undefined} />
          <Pagination label="Vendor pages" meta={list.data.pagination} onPage={(page) => setFilters((f) => ({ ...f, page }))} />
        </>
      ) : null}
      <Dialog open={creating} title="New vendor" onClose={() => setCreating(false)}>
        {creating ? <VendorForm busy={save.isPending} error={save.error} onSubmit={(b) => save.mutate(b)} onCancel={() => setCreating(false)} /> : null}
      </Dialog>
    </div>
  );
}
