import { useState, type FormEvent } from 'react';
import type { Warehouse } from '@plantops/contracts';
import { Button } from '../../ui/Button';
import { Field, SelectField } from '../../ui/Field';
import { emptyAuditFilters, type AuditFilters } from './auditApi';

interface Props {
  value: AuditFilters;
  warehouses: Warehouse[];
  onApply: (f: AuditFilters) => void;
}

/** Filters are edited locally and applied together, so typing does not fire a request per key. */
export function AuditFiltersBar({ value, warehouses, onApply }: Props) {
  const [draft, setDraft] = useState(value);
  const set = (k: keyof AuditFilters) => (e: { target: { value: string } }) => setDraft((d) => ({ ...d, [k]: e.target.value }));

  function submit(e: FormEvent) {
    e.preventDefault();
    onApply({ ...draft, page: 1 });
  }

  return (
    <form role="search" aria-label="Filter audit log" onSubmit={submit} className="space-y-3">
      <div className="grid gap-3 sm:grid-cols-2 lg:grid-cols-4">
        <Field label="Action" placeholder="e.g. UPDATE" value={draft.action} onChange={set('action')} />
        <Field label="Table" placeholder="e.g. users" value={draft.tableName} onChange={set('tableName')} />
        <Field label="User id" value={draft.userId} onChange={set('userId')} />
        <Field label="Record id" value={draft.recordId} onChange={set('recordId')} />
        <SelectField label="Warehouse" value={draft.warehouseId} onChange={set('warehouseId')}>
          <option value="">All warehouses</option>
          {warehouses.map((w) => (
            <option key={w.id} value={w.id}>
              {w.name}
            </option>
          ))}
        </SelectField>
        <Field label="From date" type="date" value={draft.dateFrom} onChange={set('dateFrom')} />
        <Field label="To date" type="date" value={draft.dateTo} onChange={set('dateTo')} />
      </div>
      <div className="flex gap-2">
        <Button type="submit">Apply filters</Button>
        <Button
          variant="secondary"
          onClick={() => {
            setDraft(emptyAuditFilters);
            onApply(emptyAuditFilters);
          }}
        >
          Clear
        </Button>
      </div>
    </form>
  );
}
