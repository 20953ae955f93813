import type { Notification, NotificationPreferences, NotificationType } from '@plantops/contracts';
import type { MarkedRead, NotificationList } from '@plantops/contracts/responses/notifications';
import { api } from '../../api/client';
import { toQuery } from '../../api/types';

export interface NotificationFilters {
  page: number;
  limit: number;
  unread: boolean;
  type: NotificationType | '';
}

/* Response shapes from the API's own schemas (type-only: nothing reaches the bundle). */
export type { NotificationList };

/** Every notification query lives under this key, so one invalidation refreshes bell, panel and page. */
export const notificationKeys = {
  all: ['notifications'] as const,
  unreadCount: ['notifications', 'unread-count'] as const,
  latest: ['notifications', 'latest'] as const,
  list: (f: NotificationFilters) => ['notifications', 'list', f] as const,
  preferences: ['notification-preferences'] as const,
};

export const notificationsApi = {
  list: (f: Partial<NotificationFilters>) =>
    api.get<NotificationList>(`/api/v1/notifications${toQuery({ ...f, unread: f.unread ? 'true' : undefined })}`),
  markRead: (id: string) => api.put<Notification>(`/api/v1/notifications/${encodeURIComponent(id)}/read`, {}),
  markAllRead: () => api.put<MarkedRead>('/api/v1/notifications/read-all', {}),
  preferences: () => api.get<NotificationPreferences>('/api/v1/notifications/preferences'),
  updatePreferences: (body: Partial<NotificationPreferences>) =>
    api.put<NotificationPreferences>('/api/v1/notifications/preferences', body),
};
