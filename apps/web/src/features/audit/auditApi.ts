import type { AuditLog, Pagination } from '@plantops/contracts';
import { api } from '../../api/client';
import { toQuery } from '../../api/types';
import type { PickedUser } from './UserPicker';

export interface AuditFilters {
  page: number;
  limit: number;
  action: string;
  /** The record kind, as the table the API logs it under (see RECORD_KINDS). */
  tableName: string;
  /** Picked by name; only its id goes to the API. */
  user: PickedUser | null;
  warehouseId: string;
  /** yyyy-mm-dd from the date input */
  dateFrom: string;
  dateTo: string;
}

export const emptyAuditFilters: AuditFilters = {
  page: 1,
  limit: 20,
  action: '',
  tableName: '',
  user: null,
  warehouseId: '',
  dateFrom: '',
  dateTo: '',
};

/** Dates go out as ISO instants; "to" covers the whole chosen day. */
function toIso(date: string, endOfDay: boolean): string {
  if (!date) return '';
  const d = new Date(`${date}T${endOfDay ? '23:59:59.999' : '00:00:00.000'}`);
  return Number.isNaN(d.getTime()) ? '' : d.toISOString();
}

/** The filters as the API takes them (the list and its export share them). */
export function auditParams(f: AuditFilters) {
  return {
    action: f.action,
    tableName: f.tableName,
    userId: f.user?.id ?? '',
    warehouseId: f.warehouseId,
    dateFrom: toIso(f.dateFrom, false),
    dateTo: toIso(f.dateTo, true),
  };
}

export const auditApi = {
  list: (f: AuditFilters) =>
    api.get<{ logs: AuditLog[]; pagination: Pagination }>(`/api/v1/audit-logs${toQuery({ ...auditParams(f), page: f.page, limit: f.limit })}`),
};
