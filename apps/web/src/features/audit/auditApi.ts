import type { AuditLog, Pagination } from '@plantops/contracts';
import { api } from '../../api/client';
import { toQuery } from '../../api/types';

export interface AuditFilters {
  page: number;
  limit: number;
  action: string;
  tableName: string;
  userId: string;
  recordId: string;
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
  userId: '',
  recordId: '',
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

export const auditApi = {
  list: (f: AuditFilters) =>
    api.get<{ logs: AuditLog[]; pagination: Pagination }>(
      `/api/v1/audit-logs${toQuery({ ...f, dateFrom: toIso(f.dateFrom, false), dateTo: toIso(f.dateTo, true) })}`,
    ),
};
