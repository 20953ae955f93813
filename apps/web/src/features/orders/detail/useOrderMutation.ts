import { useMutation, useQueryClient } from '@tanstack/react-query';
import { orderKeys } from '../ordersApi';

/** A change to an order: afterwards its page, history and the lists are read again. */
export function useOrderMutation<V, R>(orderId: string, fn: (v: V) => Promise<R>, onDone?: (r: R) => void) {
  const qc = useQueryClient();
  return useMutation({
    mutationFn: fn,
    onSuccess: async (r) => {
      await Promise.all([qc.invalidateQueries({ queryKey: orderKeys.detail(orderId) }), qc.invalidateQueries({ queryKey: orderKeys.history(orderId) }), qc.invalidateQueries({ queryKey: ['orders', 'list'] })]);
      onDone?.(r);
    },
  });
}
