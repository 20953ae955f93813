import { useQuery } from '@tanstack/react-query';
import { CROSS_WAREHOUSE_ROLES, type Pagination, type Role, type Warehouse } from '@plantops/contracts';
import { api } from './client';

export function fetchWarehouses() {
  return api.get<{ warehouses: Warehouse[]; pagination: Pagination }>('/api/v1/warehouses?limit=100');
}

/** All warehouses the user may read (none for roles without warehouse:read). */
export function useWarehouses(enabled = true) {
  return useQuery({
    queryKey: ['warehouses'],
    queryFn: fetchWarehouses,
    enabled,
    staleTime: 10 * 60_000,
    select: (d) => d.warehouses,
  });
}

/** ADMIN and MANAGER work across sites, so their lists name each row's site. */
export const seesAllSites = (role: Role) => CROSS_WAREHOUSE_ROLES.includes(role);

export function warehouseName(list: Warehouse[] | undefined, id: string | null | undefined): string {
  if (!id) return '—';
  const w = list?.find((x) => x.id === id);
  return w ? `${w.name} (${w.code})` : id;
}
