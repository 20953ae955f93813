import type { AuditLog } from '@plantops/contracts';
import type { Queryable } from '../../../platform/db/database.js';
import type { Sort } from '../../../platform/db/keyset.js';
import { pagedQuery, type PageInfo } from '../../../platform/db/paged-query.js';
import { toIso } from '../../../platform/http/envelope.js';

export interface AuditFilter {
  action?: string;
  tableName?: string;
  recordId?: string;
  userId?: string;
  warehouseId?: string;
  dateFrom?: Date;
  dateTo?: Date;
  page: number;
  limit: number;
  cursor?: string;
}

interface Row {
  id: string;
  action: string;
  table_name: string;
  record_id: string | null;
  user_id: string | null;
  user_email: string | null;
  user_name: string | null;
  warehouse_id: string | null;
  description: string | null;
  before_data: unknown;
  after_data: unknown;
  request_id: string | null;
  timestamp: Date;
}

/** Newest first; the id (uuidv7, unique) breaks ties so keyset paging has a total order (decision 0011). */
const NEWEST_FIRST: Sort = { name: 'newest', keys: [{ expr: 'l."timestamp"', type: 'timestamptz' }, { expr: 'l.id', type: 'uuid' }], dir: 'desc' };

export async function listAuditLogs(tx: Queryable, f: AuditFilter): Promise<{ logs: AuditLog[]; page: PageInfo }> {
  const where: string[] = [];
  const params: unknown[] = [];
  const add = (sql: string, value: unknown) => {
    params.push(value);
    where.push(sql.replace('?', `$${params.length}`));
  };
  if (f.action) add('l.action = ?', f.action);
  if (f.tableName) add('l.table_name = ?', f.tableName);
  if (f.recordId) add('l.record_id = ?', f.recordId);
  if (f.userId) add('l.user_id = ?', f.userId);
  if (f.warehouseId) add('l.warehouse_id = ?', f.warehouseId);
  if (f.dateFrom) add('l."timestamp" >= ?', f.dateFrom);
  if (f.dateTo) add('l."timestamp" <= ?', f.dateTo);
  const { rows, page } = await pagedQuery<Row>(
    tx,
    {
      select: `SELECT l.*, p.email AS user_email, nullif(trim(coalesce(p.first_name, '') || ' ' || coalesce(p.last_name, '')), '') AS user_name`,
      from: 'FROM system_logs l LEFT JOIN profiles p ON p.id = l.user_id',
      countFrom: 'FROM system_logs l',
      where, params, sort: NEWEST_FIRST,
    },
    { page: f.page, limit: f.limit, cursor: f.cursor },
  );
  return {
    page,
    logs: rows.map((r) => ({
      id: r.id,
      action: r.action,
      tableName: r.table_name,
      recordId: r.record_id,
      userId: r.user_id,
      userEmail: r.user_email,
      userName: r.user_name,
      warehouseId: r.warehouse_id,
      description: r.description,
      beforeData: r.before_data ?? null,
      afterData: r.after_data ?? null,
      requestId: r.request_id,
      timestamp: toIso(r.timestamp) ?? '',
    })),
  };
}
