import type { Role, UserSummary } from '@plantops/contracts';
import type { Queryable } from '../../../platform/db/database.js';
import { toIso } from '../../../platform/http/envelope.js';

export interface UserRow {
  id: string;
  email: string;
  first_name: string;
  last_name: string;
  role: Role;
  warehouse_id: string;
  phone: string | null;
  active: boolean;
  email_verified: boolean;
  last_login_at: Date | null;
  created_at: Date;
  updated_at: Date;
  total?: number;
}

const COLUMNS = `p.id, p.email, p.first_name, p.last_name, p.role, p.warehouse_id, p.phone, p.active,
  p.email_verified, p.last_login_at, p.created_at, p.updated_at`;

export function toUserSummary(r: UserRow, mfaEnabled = false): UserSummary {
  return {
    id: r.id,
    email: r.email,
    firstName: r.first_name,
    lastName: r.last_name,
    role: r.role,
    warehouseId: r.warehouse_id,
    phone: r.phone,
    active: r.active,
    emailVerified: r.email_verified,
    mfaEnabled,
    lastLogin: toIso(r.last_login_at),
    createdAt: toIso(r.created_at) ?? '',
    updatedAt: toIso(r.updated_at) ?? '',
  };
}

export interface UserFilter {
  warehouseId?: string;
  role?: Role;
  active?: boolean;
  search?: string;
  sortBy: 'createdAt' | 'email' | 'lastName' | 'role';
  sortOrder: 'asc' | 'desc';
  page: number;
  limit: number;
}

const SORT_COLUMNS: Record<UserFilter['sortBy'], string> = {
  createdAt: 'p.created_at',
  email: 'lower(p.email)',
  lastName: 'p.last_name',
  role: 'p.role',
};

export async function listUsers(tx: Queryable, f: UserFilter): Promise<{ rows: UserRow[]; total: number }> {
  const where: string[] = [];
  const params: unknown[] = [];
  const add = (sql: string, value: unknown) => {
    params.push(value);
    where.push(sql.replaceAll('?', `$${params.length}`));
  };
  if (f.warehouseId) add('p.warehouse_id = ?', f.warehouseId);
  if (f.role) add('p.role = ?', f.role);
  if (f.active !== undefined) add('p.active = ?', f.active);
  if (f.search) add(`(p.email ILIKE ? OR p.first_name ILIKE ? OR p.last_name ILIKE ?)`, `%${f.search.replace(/[\\%_]/g, '\\$&')}%`);
  const whereSql = where.length ? `WHERE ${where.join(' AND ')}` : '';
  const { rows } = await tx.query<UserRow>(
    `SELECT ${COLUMNS}, count(*) OVER () AS total FROM profiles p ${whereSql}
      ORDER BY ${SORT_COLUMNS[f.sortBy]} ${f.sortOrder === 'asc' ? 'ASC' : 'DESC'}, p.id
      LIMIT $${params.length + 1} OFFSET $${params.length + 2}`,
    [...params, f.limit, (f.page - 1) * f.limit],
  );
  if (rows[0]) return { rows, total: Number(rows[0].total) };
  const count = await tx.query<{ n: number }>(`SELECT count(*)::int AS n FROM profiles p ${whereSql}`, params);
  return { rows, total: count.rows[0]?.n ?? 0 };
}

export async function findUser(tx: Queryable, id: string, forUpdate = false): Promise<UserRow | undefined> {
  const { rows } = await tx.query<UserRow>(`SELECT ${COLUMNS} FROM profiles p WHERE p.id = $1 ${forUpdate ? 'FOR UPDATE' : ''}`, [id]);
  return rows[0];
}

export interface NewUser {
  id: string;
  email: string;
  firstName: string;
  lastName: string;
  role: Role;
  warehouseId: string;
  phone: string | null;
  passwordHash: string;
}

export async function insertUser(tx: Queryable, u: NewUser): Promise<UserRow> {
  const { rows } = await tx.query<UserRow>(
    `INSERT INTO profiles (id, email, first_name, last_name, role, warehouse_id, phone)
     VALUES ($1, $2, $3, $4, $5, $6, $7)
     RETURNING id, email, first_name, last_name, role, warehouse_id, phone, active, email_verified, last_login_at, created_at, updated_at`,
    [u.id, u.email, u.firstName, u.lastName, u.role, u.warehouseId, u.phone],
  );
  await tx.query(
    `INSERT INTO user_credentials (user_id, password_hash, must_change_password) VALUES ($1, $2, true)`,
    [u.id, u.passwordHash],
  );
  return rows[0]!;
}

export interface UserChanges {
  firstName?: string;
  lastName?: string;
  phone?: string | null;
  role?: Role;
  warehouseId?: string;
  active?: boolean;
}

export async function updateUser(tx: Queryable, id: string, c: UserChanges): Promise<UserRow> {
  const { rows } = await tx.query<UserRow>(
    `UPDATE profiles SET first_name = coalesce($2, first_name), last_name = coalesce($3, last_name),
       phone = CASE WHEN $4 THEN $5 ELSE phone END, role = coalesce($6, role),
       warehouse_id = coalesce($7, warehouse_id), active = coalesce($8, active), updated_at = now()
     WHERE id = $1
     RETURNING id, email, first_name, last_name, role, warehouse_id, phone, active, email_verified, last_login_at, created_at, updated_at`,
    [id, c.firstName ?? null, c.lastName ?? null, c.phone !== undefined, c.phone ?? null, c.role ?? null, c.warehouseId ?? null, c.active ?? null],
  );
  return rows[0]!;
}

export async function endUserSessions(tx: Queryable, userId: string, reason: string): Promise<void> {
  await tx.query(
    `UPDATE user_sessions SET is_active = false, ended_reason = $2, updated_at = now() WHERE user_id = $1 AND is_active`,
    [userId, reason],
  );
}
