import { Badge } from '../../../ui/Badge';
import { DataTable } from '../../../ui/DataTable';
import { ItemLink } from '../ItemLink';
import type { SearchResult } from '../inventoryTypes';
import { formatMoney } from '../money';

export function SearchResultsTable({ rows }: { rows: SearchResult[] }) {
  return (
    <DataTable
      caption="Search results"
      rows={rows}
      rowKey={(r) => r.id}
      empty="Nothing matches. Try fewer words or other filters."
      columns={[
        {
          header: 'Item',
          primary: true,
          cell: (r) => (
            <>
              <ItemLink item={r} />
              {r.categoryPath ? <span className="block text-xs text-slate-600 dark:text-slate-400">{r.categoryPath}</span> : null}
            </>
          ),
        },
        {
          header: 'Type',
          cell: (r) => (
            <span className="flex flex-wrap gap-1">
              <Badge>{r.type.replace('_', ' ')}</Badge>
              {r.isCustom ? <Badge tone="info">custom</Badge> : null}
            </span>
          ),
        },
        { header: 'Cost', cell: (r) => formatMoney(r.cost), numeric: true },
        { header: 'On hand', cell: (r) => (r.quantityOnHand > 0 ? r.quantityOnHand : <Badge tone="danger">0 · out</Badge>), numeric: true },
        { header: 'Relevance', cell: (r) => (r.relevanceScore === null ? '—' : `${Math.round(r.relevanceScore * 100)}%`), numeric: true },
      ]}
    />
  );
}
