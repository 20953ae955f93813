import { useQueryClient } from '@tanstack/react-query';
import { useRealtimeChannel } from '../../realtime/useRealtime';
import { orderKeys } from './ordersApi';

interface OrderEvent {
  event: string;
  id: string;
  status: string;
}

/**
 * Keeps order pages current while others work on the same orders (the `orders` channel, filtered
 * by site on the server): a change to the order on screen reads it again, any change the lists.
 */
export function useOrdersLive(orderId?: string) {
  const qc = useQueryClient();
  useRealtimeChannel<OrderEvent>('orders', {
    onEvent: (e) => {
      void qc.invalidateQueries({ queryKey: ['orders', 'list'] });
      if (orderId && e.payload.id === orderId) {
        void qc.invalidateQueries({ queryKey: orderKeys.detail(orderId) });
        void qc.invalidateQueries({ queryKey: orderKeys.history(orderId) });
      }
    },
  });
}
