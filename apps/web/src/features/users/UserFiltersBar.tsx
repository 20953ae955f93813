import { ROLES, type Warehouse } from '@plantops/contracts';
import { roleLabel } from '../../app/roleLabel';
import { Field, SelectField } from '../../ui/Field';
import type { UserFilters } from './usersApi';

interface Props {
  value: UserFilters;
  warehouses: Warehouse[];
  onChange: (patch: Partial<UserFilters>) => void;
}

export function UserFiltersBar({ value, warehouses, onChange }: Props) {
  return (
    <form role="search" aria-label="Filter users" className="grid gap-3 sm:grid-cols-2 lg:grid-cols-4" onSubmit={(e) => e.preventDefault()}>
      <Field label="Search" type="search" placeholder="Name or e-mail" value={value.search} onChange={(e) => onChange({ search: e.target.value, page: 1 })} />
      <SelectField label="Role" value={value.role} onChange={(e) => onChange({ role: e.target.value as UserFilters['role'], page: 1 })}>
        <option value="">All roles</option>
        {ROLES.map((r) => (
          <option key={r} value={r}>
            {roleLabel(r)}
          </option>
        ))}
      </SelectField>
      <SelectField label="Warehouse" value={value.warehouseId} onChange={(e) => onChange({ warehouseId: e.target.value, page: 1 })}>
        <option value="">All warehouses</option>
        {warehouses.map((w) => (
          <option key={w.id} value={w.id}>
            {w.name}
          </option>
        ))}
      </SelectField>
      <SelectField label="Status" value={value.active} onChange={(e) => onChange({ active: e.target.value as UserFilters['active'], page: 1 })}>
        <option value="">Active and inactive</option>
        <option value="true">Active</option>
        <option value="false">Inactive</option>
      </SelectField>
    </form>
  );
}
