import { useId, useState, type FormEvent } from 'react';
import { useNavigate } from '@tanstack/react-router';
import { Button } from '../../../ui/Button';
import { Tile } from './Tile';

/** Find a part from home: part or catalog number, name or words of its description. */
export function SearchTile() {
  const id = useId();
  const navigate = useNavigate();
  const [query, setQuery] = useState('');
  function submit(e: FormEvent) {
    e.preventDefault();
    const q = query.trim();
    void navigate({ to: '/inventory/search', search: q ? { query: q } : {} });
  }
  return (
    <Tile title="Find a part" testId="tile-search" more={{ to: '/inventory', label: 'Browse the catalog' }}>
      <form role="search" aria-label="Find a part" onSubmit={submit} className="flex flex-wrap items-end gap-2">
        <div className="min-w-0 flex-1 basis-48 space-y-1">
          <label htmlFor={id} className="block text-sm font-medium">
            Part number, name or description
          </label>
          <input
            id={id}
            type="search"
            className="block min-h-11 w-full rounded-md border border-slate-300 bg-white px-3 py-2 text-sm dark:border-slate-600 dark:bg-slate-900"
            placeholder="e.g. GASKET-DRAIN-3 or drain gasket"
            value={query}
            onChange={(e) => setQuery(e.target.value)}
          />
        </div>
        <Button type="submit">Search</Button>
      </form>
    </Tile>
  );
}
