import { Link, useNavigate } from '@tanstack/react-router';
import { useQuery } from '@tanstack/react-query';
import type { Notification } from '@plantops/contracts';
import { Button } from '../../ui/Button';
import { ErrorBanner } from '../../ui/ErrorBanner';
import { inAppPath } from './notificationText';
import { notificationKeys, notificationsApi } from './notificationsApi';
import { NotificationSummary } from './NotificationSummary';
import { useMarkAllRead, useMarkRead } from './useNotificationMutations';

/** The bell's drop-down: the latest ten, mark all read, and a way to the full list. */
export function NotificationPanel({ id, onClose }: { id: string; onClose: () => void }) {
  const navigate = useNavigate();
  const latest = useQuery({ queryKey: notificationKeys.latest, queryFn: () => notificationsApi.list({ limit: 10 }) });
  const markRead = useMarkRead();
  const markAll = useMarkAllRead();
  const items = latest.data?.notifications ?? [];

  async function open(n: Notification) {
    if (!n.read) markRead.mutate(n.id);
    const path = inAppPath(n.link);
    onClose();
    if (path) await navigate({ href: path });
  }

  return (
    <div
      id={id}
      role="region"
      aria-label="Latest notifications"
      className="fixed inset-x-2 top-16 z-30 rounded-lg sm:absolute sm:inset-x-auto sm:right-0 sm:top-full sm:mt-2 sm:w-96 border border-slate-200 bg-white shadow-xl dark:border-slate-700 dark:bg-slate-900"
    >
      <div className="flex items-center justify-between gap-2 border-b border-slate-200 px-3 py-2 dark:border-slate-700">
        <h2 className="font-semibold">Notifications</h2>
        <Button variant="ghost" className="px-2" busy={markAll.isPending} disabled={!items.some((n) => !n.read)} onClick={() => markAll.mutate()}>
          Mark all read
        </Button>
      </div>
      <div className="max-h-[60vh] overflow-y-auto">
        <ErrorBanner error={latest.error ?? markAll.error ?? markRead.error} />
        {latest.isPending ? <p className="p-3 text-sm">Loading…</p> : null}
        {latest.data && items.length === 0 ? <p className="p-3 text-sm text-slate-600 dark:text-slate-400">No notifications yet.</p> : null}
        <ul>
          {items.map((n) => (
            <li key={n.id} className="border-b border-slate-100 last:border-b-0 dark:border-slate-800">
              <button type="button" className="block w-full px-3 py-2 hover:bg-slate-100 dark:hover:bg-slate-800" onClick={() => void open(n)}>
                <NotificationSummary n={n} />
              </button>
            </li>
          ))}
        </ul>
      </div>
      <div className="border-t border-slate-200 px-3 py-2 text-sm dark:border-slate-700">
        <Link to="/notifications" className="text-sky-700 underline dark:text-sky-400" onClick={onClose}>
          See all notifications
        </Link>
      </div>
    </div>
  );
}
