import { useState } from 'react';
import type { Category, SearchFilters, SearchType, SortField } from '../inventoryTypes';
import { SEARCH_TYPES, SORT_FIELDS } from '../inventoryTypes';
import { Field, SelectField } from '../../../ui/Field';
import { SORT_LABELS, TYPE_LABELS } from './searchLabels';

interface Props {
  value: SearchFilters;
  categories: Category[];
  onChange: (patch: Partial<SearchFilters>) => void;
}

const FILTER_KEYS = ['type', 'categoryId', 'minCost', 'maxCost', 'inStock', 'isCustom'] as const;

/** Wide screens show the filters; on a phone they fold away so the results are on the first screen. */
const wideScreen = () => typeof window !== 'undefined' && window.matchMedia?.('(min-width: 640px)').matches;

export function SearchFiltersBar({ value, categories, onChange }: Props) {
  const set = (patch: Partial<SearchFilters>) => onChange({ ...patch, page: 1 });
  const active = FILTER_KEYS.filter((k) => value[k] !== '').length;
  const [open, setOpen] = useState(() => wideScreen() || active > 0);
  return (
    <form role="search" aria-label="Search inventory" className="space-y-3" onSubmit={(e) => e.preventDefault()}>
      <Field label="Search" type="search" placeholder="Part number, name or description" value={value.query} onChange={(e) => set({ query: e.target.value })} />
      <details open={open} onToggle={(e) => setOpen(e.currentTarget.open)}>
        <summary className="cursor-pointer py-3 text-sm font-medium">
          Filters and sorting{active ? ` (${active} active)` : ''}
        </summary>
        <div className="grid gap-3 pt-2 sm:grid-cols-2 lg:grid-cols-4">
          <SelectField label="Type" value={value.type} onChange={(e) => set({ type: e.target.value as SearchType | '' })}>
            <option value="">All types</option>
            {SEARCH_TYPES.map((t) => (
              <option key={t} value={t}>
                {TYPE_LABELS[t]}
              </option>
            ))}
          </SelectField>
          <SelectField label="Category" value={value.categoryId} onChange={(e) => set({ categoryId: e.target.value })}>
            <option value="">All categories</option>
            {categories.map((c) => [
              <option key={c.id} value={c.id}>
                {c.name}
              </option>,
              ...c.subcategories.map((s) => (
                <option key={s.id} value={s.id}>
                  {`${c.name} › ${s.name}`}
                </option>
              )),
            ])}
          </SelectField>
          <Field label="Minimum cost" type="number" inputMode="decimal" min={0} step="0.01" value={value.minCost} onChange={(e) => set({ minCost: e.target.value })} />
          <Field label="Maximum cost" type="number" inputMode="decimal" min={0} step="0.01" value={value.maxCost} onChange={(e) => set({ maxCost: e.target.value })} />
          <SelectField label="Stock" value={value.inStock} onChange={(e) => set({ inStock: e.target.value as SearchFilters['inStock'] })}>
            <option value="">In stock or not</option>
            <option value="true">In stock</option>
            <option value="false">Out of stock</option>
          </SelectField>
          <SelectField label="Custom parts" value={value.isCustom} onChange={(e) => set({ isCustom: e.target.value as SearchFilters['isCustom'] })}>
            <option value="">Standard and custom</option>
            <option value="false">Standard only</option>
            <option value="true">Custom only</option>
          </SelectField>
          <SelectField label="Sort by" value={value.sortBy} onChange={(e) => set({ sortBy: e.target.value as SortField })}>
            {SORT_FIELDS.map((s) => (
              <option key={s} value={s}>
                {SORT_LABELS[s]}
              </option>
            ))}
          </SelectField>
          <SelectField label="Order" value={value.sortOrder} onChange={(e) => set({ sortOrder: e.target.value as 'asc' | 'desc' })}>
            <option value="asc">Ascending</option>
            <option value="desc">Descending</option>
          </SelectField>
        </div>
      </details>
    </form>
  );
}
