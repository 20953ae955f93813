import type { Notification } from '@plantops/contracts';
import { notificationTypeLabel, timeAgo } from './notificationText';

/** Title, message, type and time of one notification, with an unread marker. */
export function NotificationSummary({ n }: { n: Notification }) {
  return (
    <span className="flex items-start gap-2 text-left">
      <span
        aria-hidden="true"
        className={`mt-1.5 size-2 shrink-0 rounded-full ${n.read ? 'bg-transparent' : 'bg-sky-600'}`}
      />
      <span className="min-w-0">
        <span className={`block ${n.read ? 'font-normal' : 'font-semibold'}`}>
          {n.title}
          {n.read ? null : <span className="sr-only"> (unread)</span>}
        </span>
        <span className="block text-sm text-slate-700 dark:text-slate-300">{n.message}</span>
        <span className="block text-xs text-slate-500 dark:text-slate-400">
          {notificationTypeLabel(n.type)} · <time dateTime={n.createdAt}>{timeAgo(n.createdAt)}</time>
        </span>
      </span>
    </span>
  );
}
