import { useId, useState, type KeyboardEvent, type ReactNode } from 'react';
import { useQuery } from '@tanstack/react-query';
import { useDebouncedValue } from './useDebouncedValue';

const control =
  'block w-full min-h-11 rounded-md border border-slate-300 bg-white px-3 py-2 text-sm text-slate-900 aria-[invalid=true]:border-red-600 dark:border-slate-600 dark:bg-slate-900 dark:text-slate-100';

export interface SearchPickerProps<T> {
  label: string;
  /** What is picked, shown instead of the field with a button to change it. */
  value: T | null;
  onChange: (picked: T | null) => void;
  /** Looks options up on the server (the typed text, at least 2 characters, debounced). */
  search: (text: string) => Promise<T[]>;
  /** Query-cache key prefix for the look-ups. */
  queryKey: readonly unknown[];
  optionKey: (o: T) => string;
  /** An option in the list, and the picked value. */
  renderOption: (o: T) => ReactNode;
  renderValue?: (o: T) => ReactNode;
  placeholder?: string;
  /** "parts", "users": used in "No parts match …". */
  noun: string;
  error?: string | undefined;
  /** data-testid of the picked value. */
  pickedTestId?: string;
}

/** A combobox over a server search: type, pick with arrows/Enter or a click; "Change" picks again. */
export function SearchPicker<T>({ label, value, onChange, search, queryKey, optionKey, renderOption, renderValue = renderOption, placeholder, noun, error, pickedTestId }: SearchPickerProps<T>) {
  const id = useId();
  const [text, setText] = useState('');
  const [open, setOpen] = useState(false);
  const [active, setActive] = useState(0);
  const query = useDebouncedValue(text.trim(), 250);
  const results = useQuery({
    queryKey: [...queryKey, query],
    queryFn: () => search(query),
    enabled: open && query.length >= 2,
    staleTime: 30_000,
  });
  const options = query.length >= 2 ? (results.data ?? []) : [];
  const listId = `${id}-list`;
  const expanded = open && options.length > 0;

  function pick(o: T) {
    onChange(o);
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
          <span data-testid={pickedTestId} className="min-w-0 [overflow-wrap:anywhere]">
            {renderValue(value)}
          </span>
          <button type="button" className="min-h-9 rounded px-2 py-1 text-sky-700 underline dark:text-sky-400" onClick={() => onChange(null)}>
            Change<span className="sr-only"> {label}</span>
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
        placeholder={placeholder}
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
          aria-label={`${noun.charAt(0).toUpperCase()}${noun.slice(1)} matching ${query}`}
          className="absolute z-20 mt-1 max-h-64 w-full overflow-y-auto rounded-md border border-slate-200 bg-white shadow-lg dark:border-slate-700 dark:bg-slate-900"
        >
          {options.map((o, i) => (
            <li
              key={optionKey(o)}
              id={`${id}-opt-${i}`}
              role="option"
              aria-selected={i === active}
              className="cursor-pointer px-3 py-2 text-sm aria-selected:bg-sky-100 dark:aria-selected:bg-sky-900"
              onMouseDown={(e) => e.preventDefault()}
              onMouseEnter={() => setActive(i)}
              onClick={() => pick(o)}
            >
              {renderOption(o)}
            </li>
          ))}
        </ul>
      ) : null}
      {open && query.length >= 2 && results.data && options.length === 0 ? (
        <p className="text-xs text-slate-600 dark:text-slate-400">
          No {noun} match “{query}”.
        </p>
      ) : null}
      {error ? (
        <p id={`${id}-error`} className="text-sm text-red-700 dark:text-red-400">
          {error}
        </p>
      ) : null}
    </div>
  );
}
