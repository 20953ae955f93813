import { useId, useState, type KeyboardEvent } from 'react';
import { useQuery } from '@tanstack/react-query';
import { useDebouncedValue } from '../../../ui/useDebouncedValue';
import { inventoryApi } from '../inventoryApi';
import type { SearchFilters } from '../inventoryTypes';
import type { PickedPart } from './receiptLines';

const control =
  'block w-full min-h-11 rounded-md border border-slate-300 bg-white px-3 py-2 text-sm text-slate-900 aria-[invalid=true]:border-red-600 dark:border-slate-600 dark:bg-slate-900 dark:text-slate-100';

interface Props {
  label: string;
  value: PickedPart | null;
  error?: string | undefined;
  onChange: (part: PickedPart | null) => void;
}

const searchFor = (query: string): SearchFilters => ({
  query, type: '', categoryId: '', minCost: '', maxCost: '', inStock: '', isCustom: '', sortBy: 'relevance', sortOrder: 'desc', page: 1, limit: 8,
});

/** A combobox over the inventory search: type a part number or name, pick with arrows/Enter or a click. */
export function PartPicker({ label, value, error, onChange }: Props) {
  const id = useId();
  const [text, setText] = useState('');
  const [open, setOpen] = useState(false);
  const [active, setActive] = useState(0);
  const query = useDebouncedValue(text.trim(), 250);
  const results = useQuery({
    queryKey: ['inventory', 'picker', query],
    queryFn: () => inventoryApi.search(searchFor(query)),
    enabled: open && query.length >= 2,
    staleTime: 30_000,
  });
  const options = query.length >= 2 ? (results.data?.results ?? []) : [];
  const listId = `${id}-list`;
  const expanded = open && options.length > 0;

  function pick(p: PickedPart) {
    onChange({ id: p.id, partNumber: p.partNumber, name: p.name });
    setText('');
    setOpen(false);
  }

  function onKey(e: KeyboardEvent<HTMLInputElement>) {
    if (e.key === 'ArrowDown') {
      e.preventDefault();
      setOpen(true);
      setActive((a) => Math.min(a + 1, options.length - 1));
    } else if (e.key === 'ArrowUp') {
      e.preventDefault();
      setActive((a) => Math.max(a - 1, 0));
    } else if (e.key === 'Enter' && expanded) {
      e.preventDefault();
      const o = options[active];
      if (o) pick(o);
    } else if (e.key === 'Escape') {
      setOpen(false);
    }
  }

  if (value) {
    return (
      <div className="space-y-1">
        <span className="block text-sm font-medium">{label}</span>
        <div className="flex min-h-11 items-center justify-between gap-2 rounded-md border border-slate-300 px-3 py-1 text-sm dark:border-slate-600">
          <span data-testid="picked-part">
            <span className="font-mono">{value.partNumber}</span> {value.name}
          </span>
          <button type="button" className="rounded px-2 py-1 text-sky-700 underline dark:text-sky-400" onClick={() => onChange(null)}>
            Change<span className="sr-only"> part of {label}</span>
          </button>
        </div>
      </div>
    );
  }

  return (
    <div className="relative space-y-1">
      <label htmlFor={id} className="block text-sm font-medium">
        {label}
      </label>
      <input
        id={id}
        type="text"
        role="combobox"
        autoComplete="off"
        placeholder="Part number or name"
        aria-autocomplete="list"
        aria-expanded={expanded}
        aria-controls={listId}
        aria-activedescendant={expanded ? `${id}-opt-${active}` : undefined}
        aria-invalid={error ? true : undefined}
        aria-describedby={error ? `${id}-error` : undefined}
        className={control}
        value={text}
        onChange={(e) => {
          setText(e.target.value);
          setOpen(true);
          setActive(0);
        }}
        onFocus={() => setOpen(true)}
        onBlur={() => setOpen(false)}
        onKeyDown={onKey}
      />
      {expanded ? (
        <ul
          id={listId}
          role="listbox"
          aria-label={`Parts matching ${query}`}
          className="absolute z-20 mt-1 max-h-64 w-full overflow-y-auto rounded-md border border-slate-200 bg-white shadow-lg dark:border-slate-700 dark:bg-slate-900"
        >
          {options.map((o, i) => (
            <li
              key={o.id}
              id={`${id}-opt-${i}`}
              role="option"
              aria-selected={i === active}
              className="cursor-pointer px-3 py-2 text-sm aria-selected:bg-sky-100 dark:aria-selected:bg-sky-900"
              onMouseDown={(e) => e.preventDefault()}
              onMouseEnter={() => setActive(i)}
              onClick={() => pick(o)}
            >
              <span className="font-mono">{o.partNumber}</span> {o.name}
              <span className="block text-xs text-slate-600 dark:text-slate-400">On hand {o.quantityOnHand}</span>
            </li>
          ))}
        </ul>
      ) : null}
      {open && query.length >= 2 && results.data && options.length === 0 ? (
        <p className="text-xs text-slate-600 dark:text-slate-400">No parts match “{query}”.</p>
      ) : null}
      {error ? (
        <p id={`${id}-error`} className="text-sm text-red-700 dark:text-red-400">
          {error}
        </p>
      ) : null}
    </div>
  );
}
