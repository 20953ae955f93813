import { Link } from '@tanstack/react-router';
import { textLink } from '../../../ui/linkStyles';
import type { PartDetail } from '../inventoryTypes';

export function WhereUsedList({ rows }: { rows: PartDetail['usedInAssemblies'] }) {
  if (!rows.length) return <p className="text-sm text-slate-600 dark:text-slate-400">Not used in any assembly.</p>;
  return (
    <ul aria-label="Used in" className="space-y-1 text-sm">
      {rows.map((u) => (
        <li key={u.id}>
          <Link to="/inventory/parts/$partId" params={{ partId: u.id }} className={textLink}>
            {u.partNumber}
          </Link>{' '}
          {u.name} <span className="text-slate-600 dark:text-slate-400">× {u.quantity}</span>
        </li>
      ))}
    </ul>
  );
}
