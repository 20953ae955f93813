import type { AuditLog } from '@plantops/contracts';
import type { Queryable } from '../../../platform/db/database.js';
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
  total: number;
}

export async function listAuditLogs(tx: Queryable, f: AuditFilter): Promise<{ logs: AuditLog[]; total: number }> {
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
  params.push(f.limit, (f.page - 1) * f.limit);
  const { rows } = await tx.query<Row>(
    `SELECT l.*, p.email AS user_email,
            nullif(trim(coalesce(p.first_name, '') || ' ' || coalesce(p.last_name, '')), '') AS user_name, count(*) OVER () AS total
       FROM system_logs l LEFT JOIN profiles p ON p.id = l.user_id
      ${where.length ? `WHERE ${where.join(' AND ')}` : ''}
      ORDER BY l."timestamp" DESC, l.id DESC
      LIMIT $${params.length - 1} OFFSET $${params.length}`,
    params,
  );
  return {
    total: rows[0] ? Number(rows[0].total) : await countAll(tx, where, params.slice(0, -2)),
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

/** A page past the end returns no rows and so no window count: count separately then. */
async function countAll(tx: Queryable, where: string[], params: unknown[]): Promise<number> {
  const { rows } = await tx.query<{ n: number }>(
    `SELECT count(*)::int AS n FROM system_logs l ${where.length ? `WHERE ${where.join(' AND ')}` : ''}`,
    params,
  );
  return rows[0]?.n ?? 0;
}
