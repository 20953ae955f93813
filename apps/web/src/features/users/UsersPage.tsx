import { useDeferredValue, useState } from 'react';
import { keepPreviousData, useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { canGrantRole, type UserSummary } from '@plantops/contracts';
import { useWarehouses } from '../../api/warehouses';
import { useUser } from '../../auth/useSession';
import { Button } from '../../ui/Button';
import { PageTitle } from '../../ui/Card';
import { Dialog } from '../../ui/Dialog';
import { ErrorBanner, SuccessBanner } from '../../ui/ErrorBanner';
import { ExportButton } from '../../ui/ExportButton';
import { Pagination } from '../../ui/Pagination';
import { grantableRoles } from './grantableRoles';
import { UserFiltersBar } from './UserFiltersBar';
import { UserForm } from './UserForm';
import { UsersTable } from './UsersTable';
import { usersApi, type NewUser, type UserChanges, type UserFilters, type UserSortField } from './usersApi';

const PAGE_SIZE = 10;

export function UsersPage() {
  const me = useUser();
  const qc = useQueryClient();
  const [filters, setFilters] = useState<UserFilters>({ page: 1, limit: PAGE_SIZE, search: '', role: '', warehouseId: '', active: '', sortBy: 'lastName', sortOrder: 'asc' });
  const search = useDeferredValue(filters.search);
  const [editing, setEditing] = useState<UserSummary | 'new' | null>(null);
  const [notice, setNotice] = useState<string | null>(null);

  const query = { ...filters, search };
  const list = useQuery({ queryKey: ['users', query], queryFn: () => usersApi.list(query), placeholderData: keepPreviousData });
  const allWarehouses = useWarehouses().data ?? [];
  const mayManageAll = me.permissions.includes('user:manage');
  const warehouses = mayManageAll ? allWarehouses : allWarehouses.filter((w) => w.id === me.warehouseId);
  const roles = grantableRoles(me.role);

  const save = useMutation({
    mutationFn: (body: NewUser | UserChanges) =>
      editing && editing !== 'new' ? usersApi.update(editing.id, body as UserChanges) : usersApi.create(body as NewUser),
    onSuccess: async (u) => {
      setNotice(editing === 'new' ? `Created ${u.email}. They must change the password at first sign-in.` : `Saved ${u.email}.`);
      setEditing(null);
      await qc.invalidateQueries({ queryKey: ['users'] });
    },
  });

  function open(target: UserSummary | 'new') {
    save.reset();
    setNotice(null);
    setEditing(target);
  }

  return (
    <div className="space-y-4">
      <div className="flex flex-wrap items-center justify-between gap-2">
        <PageTitle>Users</PageTitle>
        <div className="flex flex-wrap items-start gap-2">
          <ExportButton
            path="/api/v1/users/export"
            filters={{ search: search.trim(), role: filters.role, warehouseId: filters.warehouseId, active: filters.active, sortBy: filters.sortBy, sortOrder: filters.sortOrder }}
            fileBase="users"
            label="Export users as CSV"
          />
          {roles.length ? <Button onClick={() => open('new')}>New user</Button> : null}
        </div>
      </div>
      <SuccessBanner>{notice}</SuccessBanner>
      <UserFiltersBar value={filters} warehouses={allWarehouses} onChange={(p) => setFilters((f) => ({ ...f, ...p }))} />
      <ErrorBanner error={list.error} title="The user list could not be loaded." />
      {list.isPending ? <p>Loading users…</p> : null}
      {list.data ? (
        <>
          <UsersTable
            users={list.data.users}
            warehouses={allWarehouses}
            canEdit={(u) => u.id !== me.id && canGrantRole(me.role, u.role)}
            onEdit={open}
            sort={{ key: filters.sortBy ?? 'lastName', direction: filters.sortOrder ?? 'asc' }}
            onSort={(s) => setFilters((f) => ({ ...f, sortBy: s.key as UserSortField, sortOrder: s.direction, page: 1 }))}
          />
          <Pagination label="Users pages" meta={list.data.pagination} onPage={(page) => setFilters((f) => ({ ...f, page }))} />
        </>
      ) : null}
      <Dialog open={editing !== null} title={editing === 'new' ? 'New user' : 'Edit user'} onClose={() => setEditing(null)}>
        {editing !== null ? (
          <UserForm
            key={editing === 'new' ? 'new' : editing.id}
            user={editing === 'new' ? undefined : editing}
            roles={roles}
            warehouses={warehouses}
            defaultWarehouseId={me.warehouseId}
            busy={save.isPending}
            error={save.error}
            onSubmit={(body) => save.mutate(body)}
            onCancel={() => setEditing(null)}
          />
        ) : null}
      </Dialog>
    </div>
  );
}
