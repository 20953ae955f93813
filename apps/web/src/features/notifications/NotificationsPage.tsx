import { useState } from 'react';
import { keepPreviousData, useQuery } from '@tanstack/react-query';
import { Link, useNavigate } from '@tanstack/react-router';
import type { Notification } from '@plantops/contracts';
import { Button } from '../../ui/Button';
import { PageTitle } from '../../ui/Card';
import { ErrorBanner } from '../../ui/ErrorBanner';
import { Pagination } from '../../ui/Pagination';
import { NotificationFiltersBar } from './NotificationFiltersBar';
import { NotificationsTable } from './NotificationsTable';
import { inAppPath } from './notificationText';
import { notificationKeys, notificationsApi, type NotificationFilters } from './notificationsApi';
import { useMarkAllRead, useMarkRead } from './useNotificationMutations';

export function NotificationsPage() {
  const navigate = useNavigate();
  const [filters, setFilters] = useState<NotificationFilters>({ page: 1, limit: 20, unread: false, type: '' });
  const list = useQuery({ queryKey: notificationKeys.list(filters), queryFn: () => notificationsApi.list(filters), placeholderData: keepPreviousData });
  const markRead = useMarkRead();
  const markAll = useMarkAllRead();

  async function open(n: Notification) {
    if (!n.read) markRead.mutate(n.id);
    const path = inAppPath(n.link);
    if (path) await navigate({ href: path });
  }

  return (
    <div className="space-y-4">
      <div className="flex flex-wrap items-center justify-between gap-2">
        <PageTitle>Notifications</PageTitle>
        <div className="flex flex-wrap items-center gap-2">
          <Link to="/notifications/preferences" className="rounded px-2 py-1 text-sm text-sky-700 underline dark:text-sky-400">
            Preferences
          </Link>
          <Button variant="secondary" busy={markAll.isPending} disabled={!list.data?.unreadCount} onClick={() => markAll.mutate()}>
            Mark all read
          </Button>
        </div>
      </div>
      {list.data ? <p className="text-sm" data-testid="unread-summary">{list.data.unreadCount} unread</p> : null}
      <NotificationFiltersBar value={filters} onChange={(p) => setFilters((f) => ({ ...f, ...p }))} />
      <ErrorBanner error={list.error ?? markRead.error ?? markAll.error} />
      {list.isPending ? <p>Loading notifications…</p> : null}
      {list.data ? (
        <>
          <NotificationsTable rows={list.data.notifications} onMarkRead={(n) => markRead.mutate(n.id)} onOpen={(n) => void open(n)} />
          <Pagination label="Notification pages" meta={list.data.pagination} onPage={(page) => setFilters((f) => ({ ...f, page }))} />
        </>
      ) : null}
    </div>
  );
}
