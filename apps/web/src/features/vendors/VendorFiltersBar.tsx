import type { Warehouse } from '@plantops/contracts';
import { Field, SelectField } from '../../ui/Field';
import { VENDOR_TYPES, type VendorFilters, type VendorType } from './vendorsApi';
import { vendorTypeLabel } from './vendorText';

interface Props {
  value: VendorFilters;
  onChange: (patch: Partial<VendorFilters>) => void;
  /** Given to those who see every site: filter by one. */
  sites?: Warehouse[] | undefined;
}

export function VendorFiltersBar({ value, onChange, sites }: Props) {
  return (
    <form role="search" aria-label="Filter vendors" className={`grid gap-3 sm:grid-cols-2 ${sites ? 'lg:grid-cols-4' : 'lg:grid-cols-3'}`} onSubmit={(e) => e.preventDefault()}>
      <Field label="Search" type="search" placeholder="Name, e-mail or phone" value={value.search} onChange={(e) => onChange({ search: e.target.value, page: 1 })} />
      <SelectField label="Type" value={value.type} onChange={(e) => onChange({ type: e.target.value as VendorType | '', page: 1 })}>
        <option value="">All types</option>
        {VENDOR_TYPES.map((t) => (
          <option key={t} value={t}>
            {vendorTypeLabel(t)}
          </option>
        ))}
      </SelectField>
      <SelectField label="Status" value={value.active} onChange={(e) => onChange({ active: e.target.value as VendorFilters['active'], page: 1 })}>
        <option value="true">Active</option>
        <option value="false">Archived</option>
        <option value="">Active and archived</option>
      </SelectField>
      {sites ? (
        <SelectField label="Site" value={value.warehouseId ?? ''} onChange={(e) => onChange({ warehouseId: e.target.value, page: 1 })}>
          <option value="">All sites</option>
          {sites.map((w) => (
            <option key={w.id} value={w.id}>
              {w.name} ({w.code})
            </option>
          ))}
        </SelectField>
      ) : null}
    </form>
  );
}
