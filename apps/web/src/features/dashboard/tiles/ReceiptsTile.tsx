import { useQuery } from '@tanstack/react-query';
import { Link } from '@tanstack/react-router';
import { hasAny, PARTS_RECEIVE } from '../../../app/navItems';
import { useUser } from '../../../auth/useSession';
import { receiptKeys, receiptsApi } from '../../inventory/receive/receiptsApi';
import { Tile } from './Tile';

const LIMIT = 5;
const button =
  'inline-flex min-h-11 items-center justify-center rounded-md bg-sky-700 px-4 py-2 text-sm font-medium text-white hover:bg-sky-800';

/**
 * Deliveries at the user's site: "Receive a delivery" for those who receive, and the latest
 * receipts (vendor, reference, who, how many units).
 */
export function ReceiptsTile({ title }: { title: string }) {
  const canReceive = hasAny(useUser().permissions, PARTS_RECEIVE);
  const q = useQuery({ queryKey: receiptKeys.recent(LIMIT), queryFn: () => receiptsApi.recent(LIMIT) });
  const today = new Date().toDateString();
  const todays = q.data?.receipts.filter((r) => new Date(r.receivedAt).toDateString() === today).length;
  return (
    <Tile title={title} testId="tile-receipts" error={q.error}>
      {canReceive ? (
        <Link to="/inventory/receive" className={button}>
          Receive a delivery
        </Link>
      ) : null}
      {q.data ? (
        <p>
          {q.data.pagination.totalItems === 0
            ? 'No deliveries received at your site yet.'
            : `${q.data.pagination.totalItems.toLocaleString()} receipt${q.data.pagination.totalItems === 1 ? '' : 's'} at your site${todays ? `, ${todays} of the latest today` : ''}.`}
        </p>
      ) : null}
      {q.data?.receipts.length ? (
        <ul aria-label="Latest receipts" className="divide-y divide-slate-200 dark:divide-slate-700">
          {q.data.receipts.map((r) => (
            <li key={r.id} className="py-2 [overflow-wrap:anywhere]">
              <span className="font-medium">{r.vendor?.name ?? 'No vendor'}</span>
              {r.poNumber || r.asnNumber ? <span className="text-slate-700 dark:text-slate-300"> · {r.poNumber ?? r.asnNumber}</span> : null}
              <span className="block text-xs text-slate-600 dark:text-slate-400">
                {r.totalQuantity} unit{r.totalQuantity === 1 ? '' : 's'} in {r.lineCount} line{r.lineCount === 1 ? '' : 's'} · {r.receivedBy.name || 'someone'} ·{' '}
                {new Date(r.receivedAt).toLocaleString()}
              </span>
            </li>
          ))}
        </ul>
      ) : null}
    </Tile>
  );
}
