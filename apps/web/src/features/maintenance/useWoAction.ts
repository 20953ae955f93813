import { useMutation, useQueryClient } from '@tanstack/react-query';
import { woKeys } from './maintenanceApi';

/** A change to one work order that refreshes its page and the lists when it lands. */
export function useWoAction<A>(id: string, fn: (arg: A) => Promise<unknown>) {
  const qc = useQueryClient();
  return useMutation({
    mutationFn: fn,
    onSuccess: () => Promise.all([qc.invalidateQueries({ queryKey: woKeys.detail(id) }), qc.invalidateQueries({ queryKey: woKeys.all })]),
  });
}
