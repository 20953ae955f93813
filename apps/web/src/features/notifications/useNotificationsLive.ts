import { useQueryClient } from '@tanstack/react-query';
import type { Notification } from '@plantops/contracts';
import { useRealtimeChannel } from '../../realtime/useRealtime';
import { toastStore } from '../../ui/toastStore';
import { notificationKeys, type NotificationList } from './notificationsApi';

const LATEST = 10;

/** Keeps the bell, panel and page in step with the notifications channel, and toasts new items. */
export function useNotificationsLive(): void {
  const qc = useQueryClient();
  useRealtimeChannel<Notification>('notifications', {
    onEvent: ({ payload: n }) => {
      qc.setQueryData<NotificationList>(notificationKeys.unreadCount, (old) =>
        old && !n.read ? { ...old, unreadCount: old.unreadCount + 1 } : old,
      );
      qc.setQueryData<NotificationList>(notificationKeys.latest, (old) =>
        old && !old.notifications.some((x) => x.id === n.id)
          ? { ...old, notifications: [n, ...old.notifications].slice(0, LATEST) }
          : old,
      );
      // The server's count and lists are the truth; refetch what is on screen.
      void qc.invalidateQueries({ queryKey: notificationKeys.all });
      toastStore.show({ title: n.title, message: n.message });
    },
    // After (re)connecting, events may have been missed before the subscription started.
    onSubscribed: () => void qc.invalidateQueries({ queryKey: notificationKeys.all }),
  });
}
