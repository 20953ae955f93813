import { ORDER_PRIORITIES, ORDER_STATUSES, type OrderPriority, type OrderStatus } from '@plantops/contracts';

/** The order list's filters, kept in the address so a reload, a bookmark or a shared link shows the same list. */
export interface OrderListFilters {
  status?: OrderStatus;
  priority?: OrderPriority;
  search?: string;
  dateFrom?: string;
  dateTo?: string;
  sortBy?: 'createdAt' | 'updatedAt' | 'orderNumber';
  sortOrder?: 'asc' | 'desc';
  page?: number;
}

const SORTS = ['createdAt', 'updatedAt', 'orderNumber'] as const;
const isDay = (v: unknown): v is string => typeof v === 'string' && /^\d{4}-\d{2}-\d{2}$/.test(v);
const oneOf = <T extends string>(list: readonly T[], v: unknown): T | undefined => (list as readonly unknown[]).includes(v) ? (v as T) : undefined;

/** Reads the address; anything unknown or malformed is dropped rather than sent to the API. */
export function parseOrderListUrl(s: Record<string, unknown>): OrderListFilters {
  const out: OrderListFilters = {};
  const status = oneOf(ORDER_STATUSES, s.status);
  if (status) out.status = status;
  const priority = oneOf(ORDER_PRIORITIES, s.priority);
  if (priority) out.priority = priority;
  if (typeof s.search === 'string' && s.search.trim()) out.search = s.search.slice(0, 100);
  if (isDay(s.dateFrom)) out.dateFrom = s.dateFrom;
  if (isDay(s.dateTo)) out.dateTo = s.dateTo;
  const sortBy = oneOf(SORTS, s.sortBy);
  if (sortBy) out.sortBy = sortBy;
  const sortOrder = oneOf(['asc', 'desc'] as const, s.sortOrder);
  if (sortOrder) out.sortOrder = sortOrder;
  const page = Number(s.page);
  if (Number.isInteger(page) && page > 1) out.page = page;
  return out;
}

/** Only the filters that are set (and not the defaults) go into the address. */
export function toOrderListUrl(f: OrderListFilters): OrderListFilters {
  const out: OrderListFilters = {};
  for (const [k, v] of Object.entries(f) as [keyof OrderListFilters, unknown][]) {
    if (v === undefined || v === '' || (k === 'page' && v === 1)) continue;
    (out as Record<string, unknown>)[k] = v;
  }
  return out;
}
