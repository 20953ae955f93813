import type { UserSummary, Warehouse } from '@plantops/contracts';
import { warehouseName } from '../../api/warehouses';
import { roleLabel } from '../../app/roleLabel';
import { DataTable, type SortState } from '../../ui/DataTable';

interface Props {
  users: UserSummary[];
  warehouses: Warehouse[];
  canEdit: (u: UserSummary) => boolean;
  onEdit: (u: UserSummary) => void;
  sort: SortState;
  onSort: (s: SortState) => void;
}

export function UsersTable({ users, warehouses, canEdit, onEdit, sort, onSort }: Props) {
  return (
    <DataTable
      caption="Users"
      rows={users}
      rowKey={(u) => u.id}
      empty="No users match these filters."
      tableFrom="4xl"
      sort={sort}
      onSort={onSort}
      columns={[
        {
          header: 'Name',
          primary: true,
          sortKey: 'lastName',
          cell: (u) => (
            <>
              <span className="font-medium">
                {u.firstName} {u.lastName}
              </span>
              <span className="block text-xs text-slate-600 dark:text-slate-400">{u.email}</span>
            </>
          ),
        },
        { header: 'Role', cell: (u) => roleLabel(u.role), sortKey: 'role' },
        { header: 'Warehouse', cell: (u) => warehouseName(warehouses, u.warehouseId) },
        { header: 'Status', cell: (u) => (u.active ? 'Active' : 'Inactive') },
        { header: 'Last sign-in', cell: (u) => (u.lastLogin ? new Date(u.lastLogin).toLocaleString() : 'Never') },
        {
          header: 'Actions',
          bare: true,
          cell: (u) =>
            canEdit(u) ? (
              <button type="button" className="rounded px-2 py-1 text-sky-700 underline hover:bg-sky-50 dark:text-sky-400 dark:hover:bg-slate-800" onClick={() => onEdit(u)}>
                Edit<span className="sr-only"> {u.email}</span>
              </button>
            ) : null,
        },
      ]}
    />
  );
}
