import { ORDER_PRIORITIES, ORDER_STATUSES, type OrderPriority, type OrderStatus } from '@plantops/contracts';
import { useEffect, useState } from 'react';
import { Field, SelectField } from '../../../ui/Field';
import { useDebouncedValue } from '../../../ui/useDebouncedValue';
import { PRIORITY_LABEL, statusLabel } from '../orderText';
import type { OrderListFilters } from './orderListUrl';

/** Status, priority, free text (order, customer, build number) and the creation date range. */
export function OrderFiltersBar({ value, onChange }: { value: OrderListFilters; onChange: (patch: Partial<OrderListFilters>) => void }) {
  // The text goes to the address once typing pauses, so history is not one entry per keystroke.
  const [text, setText] = useState(value.search ?? '');
  const settled = useDebouncedValue(text.trim(), 300);
  useEffect(() => {
    if (settled !== (value.search ?? '')) onChange({ search: settled || undefined, page: 1 });
  }, [settled]); // only a settled change of the text is news
  return (
    <form role="search" aria-label="Filter orders" className="grid gap-3 sm:grid-cols-2 lg:grid-cols-5" onSubmit={(e) => e.preventDefault()}>
      <Field label="Search" type="search" placeholder="Order, customer or build number" value={text} onChange={(e) => setText(e.target.value)} />
      <SelectField label="Status" value={value.status ?? ''} onChange={(e) => onChange({ status: (e.target.value || undefined) as OrderStatus | undefined, page: 1 })}>
        <option value="">All statuses</option>
        {ORDER_STATUSES.map((s) => (
          <option key={s} value={s}>
            {statusLabel(s)}
          </option>
        ))}
      </SelectField>
      <SelectField label="Priority" value={value.priority ?? ''} onChange={(e) => onChange({ priority: (e.target.value || undefined) as OrderPriority | undefined, page: 1 })}>
        <option value="">All priorities</option>
        {ORDER_PRIORITIES.map((p) => (
          <option key={p} value={p}>
            {PRIORITY_LABEL[p]}
          </option>
        ))}
      </SelectField>
      <Field label="Created from" type="date" value={value.dateFrom ?? ''} onChange={(e) => onChange({ dateFrom: e.target.value || undefined, page: 1 })} />
      <Field label="Created to" type="date" value={value.dateTo ?? ''} onChange={(e) => onChange({ dateTo: e.target.value || undefined, page: 1 })} />
    </form>
  );
}
