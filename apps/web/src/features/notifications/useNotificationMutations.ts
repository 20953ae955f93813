import { useMutation, useQueryClient } from '@tanstack/react-query';
import { notificationKeys, notificationsApi, type NotificationList } from './notificationsApi';

export function useMarkRead() {
  const qc = useQueryClient();
  return useMutation({
    mutationFn: notificationsApi.markRead,
    onSuccess: () => qc.invalidateQueries({ queryKey: notificationKeys.all }),
  });
}

export function useMarkAllRead() {
  const qc = useQueryClient();
  return useMutation({
    mutationFn: notificationsApi.markAllRead,
    onSuccess: async () => {
      qc.setQueryData<NotificationList>(notificationKeys.unreadCount, (old) => (old ? { ...old, unreadCount: 0 } : old));
      await qc.invalidateQueries({ queryKey: notificationKeys.all });
    },
  });
}
