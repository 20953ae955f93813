import { useState, type FormEvent } from 'react';
import type { Warehouse } from '@plantops/contracts';
import { Button } from '../../ui/Button';
import { Field, SelectField } from '../../ui/Field';
import { emptyAuditFilters, type AuditFilters } from './auditApi';
import { ACTIONS, RECORD_KINDS } from './auditText';
import { UserPicker } from './UserPicker';

interface Props {
  value: AuditFilters;
  warehouses: Warehouse[];
  onApply: (f: AuditFilters) => void;
}

const capital = (s: string) => s.charAt(0).toUpperCase() + s.slice(1);
const byLabel = (o: Record<string, string>) => Object.entries(o).sort(([, a], [, b]) => a.localeCompare(b));

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
        <SelectField label="Record kind" value={draft.tableName} onChange={set('tableName')}>
          <option value="">All kinds</option>
          {byLabel(RECORD_KINDS).map(([table, label]) => (
            <option key={table} value={table}>
              {capital(label)}
            </option>
          ))}
        </SelectField>
        <SelectField label="Action" value={draft.action} onChange={set('action')}>
          <option value="">All actions</option>
          {byLabel(ACTIONS).map(([action, label]) => (
            <option key={action} value={action}>
              {capital(label)}
            </option>
          ))}
        </SelectField>
        <UserPicker label="User" value={draft.user} onChange={(user) => setDraft((d) => ({ ...d, user }))} />
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
      <div className="flex flex-wrap gap-2">
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
