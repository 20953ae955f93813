import type { Notification } from '@plantops/contracts';
import { DataTable } from '../../ui/DataTable';
import { inAppPath } from './notificationText';
import { NotificationSummary } from './NotificationSummary';

interface Props {
  rows: Notification[];
  onMarkRead: (n: Notification) => void;
  onOpen: (n: Notification) => void;
}

const action = 'rounded px-2 py-1 text-sky-700 underline hover:bg-sky-50 dark:text-sky-400 dark:hover:bg-slate-800';

export function NotificationsTable({ rows, onMarkRead, onOpen }: Props) {
  return (
    <DataTable<Notification>
      caption="Notifications"
      rows={rows}
      rowKey={(n) => n.id}
      empty="No notifications match these filters."
      columns={[
        { header: 'Notification', cell: (n) => <NotificationSummary n={n} />, primary: true },
        { header: 'Status', cell: (n) => (n.read ? 'Read' : 'Unread') },
        {
          header: 'Actions',
          bare: true,
          cell: (n) => (
            <span className="flex flex-wrap gap-1">
              {inAppPath(n.link) ? (
                <button type="button" className={action} onClick={() => onOpen(n)}>
                  Open<span className="sr-only"> {n.title}</span>
                </button>
              ) : null}
              {n.read ? null : (
                <button type="button" className={action} onClick={() => onMarkRead(n)}>
                  Mark read<span className="sr-only"> {n.title}</span>
                </button>
              )}
            </span>
          ),
        },
      ]}
    />
  );
}
