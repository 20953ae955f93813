import { useQuery } from '@tanstack/react-query';
import { ErrorBanner } from '../../../ui/ErrorBanner';
import { StatusBadge } from '../OrderBadges';
import { orderKeys, ordersApi } from '../ordersApi';
import { statusLabel, when } from '../orderText';

/** The status history as a timeline, newest last, with the time spent in each status. */
export function StatusTimeline({ orderId }: { orderId: string }) {
  const history = useQuery({ queryKey: orderKeys.history(orderId), queryFn: () => ordersApi.history(orderId) });
  const rows = history.data?.statusHistory ?? [];
  return (
    <div className="space-y-2">
      <ErrorBanner error={history.error} title="The status history could not be loaded." />
      <ol aria-label="Status history" className="relative ml-2 space-y-4 border-l-2 border-slate-200 pl-4 dark:border-slate-700">
        {rows.map((h) => (
          <li key={h.id} data-status={h.toStatus} className="relative">
            <span aria-hidden="true" className="absolute top-1.5 -left-[1.4rem] size-3 rounded-full bg-sky-700" />
            <div className="flex flex-wrap items-center gap-2">
              <StatusBadge status={h.toStatus} />
              <time dateTime={h.timestamp} className="text-sm">
                {when(h.timestamp)}
              </time>
            </div>
            <p className="text-sm text-slate-700 dark:text-slate-300">
              {h.user ? `by ${h.user.name}` : 'by the system'}
              {h.duration && h.fromStatus ? ` · after ${h.duration} in ${statusLabel(h.fromStatus).toLowerCase()}` : ''}
            </p>
            {h.notes ? <p className="text-sm">{h.notes}</p> : null}
          </li>
        ))}
      </ol>
      {history.data?.totalDuration ? <p className="text-sm text-slate-600 dark:text-slate-400">{`Total time so far: ${history.data.totalDuration}`}</p> : null}
    </div>
  );
}
