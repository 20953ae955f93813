import { useQuery } from '@tanstack/react-query';
import { NotificationSummary } from '../../notifications/NotificationSummary';
import { notificationKeys, notificationsApi } from '../../notifications/notificationsApi';
import { Tile } from './Tile';

const LATEST = { page: 1, limit: 5 };

/** Unread count and the latest notifications (kept live by the header bell's subscription). */
export function NotificationsTile() {
  const q = useQuery({ queryKey: notificationKeys.list({ ...LATEST, unread: false, type: '' }), queryFn: () => notificationsApi.list(LATEST) });
  const unread = q.data?.unreadCount ?? 0;
  return (
    <Tile title="Notifications" testId="tile-notifications" error={q.error} more={{ to: '/notifications', label: 'All notifications' }}>
      {q.data ? <p>{unread === 0 ? 'Nothing unread.' : `${unread} unread.`}</p> : null}
      {q.data?.notifications.length ? (
        <ul aria-label="Latest notifications" className="divide-y divide-slate-200 dark:divide-slate-700">
          {q.data.notifications.map((n) => (
            <li key={n.id} className="py-2 [overflow-wrap:anywhere]">
              <NotificationSummary n={n} />
            </li>
          ))}
        </ul>
      ) : q.data ? (
        <p className="text-slate-600 dark:text-slate-400">No notifications yet.</p>
      ) : null}
    </Tile>
  );
}
