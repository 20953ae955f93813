import type { OrderPriority, OrderStatus } from '@plantops/contracts';
import type { Person } from '@plantops/contracts/responses/orders';
import type { Queryable } from '../../../platform/db/database.js';
import { pagedQuery, type PageRequest } from '../../../platform/db/paged-query.js';
import type { Sort } from '../../../platform/db/keyset.js';
import { dateRangeSql } from '../../../platform/http/date-range.js';
import { likeEscape } from './customers.repo.js';

/** SQL of the order list (decision 0011's paging; search through migration 0017's lookup). */

/** How far a caller reads: the site's orders, or those assigned to them (as assembler or QC person). */
export type Reach = { kind: 'site' } | { kind: 'assigned'; userId: string; as: 'assembler' | 'qc' };

export interface ListFilter {
  warehouseId?: string;
  reach: Reach;
  status?: OrderStatus[];
  priority?: OrderPriority;
  customerId?: string;
  createdBy?: string;
  assignedTo?: string;
  dateFrom?: string;
  dateTo?: string;
  search?: string;
  sortBy: 'createdAt' | 'updatedAt' | 'orderNumber';
  sortOrder: 'asc' | 'desc';
}

const SORTS: Record<ListFilter['sortBy'], Sort['keys']> = {
  createdAt: [{ expr: 'o.created_at', type: 'timestamptz' }, { expr: 'o.id', type: 'uuid' }],
  updatedAt: [{ expr: 'o.updated_at', type: 'timestamptz' }, { expr: 'o.id', type: 'uuid' }],
  orderNumber: [{ expr: 'o.order_number', type: 'text' }, { expr: 'o.id', type: 'uuid' }],
};

export interface ListRow {
  id: string;
  order_number: string;
  status: OrderStatus;
  priority: OrderPriority;
  step: number;
  customer_id: string;
  company_name: string;
  contact_name: string;
  total_amount: string | null;
  created_at: Date;
  updated_at: Date;
  estimated_delivery: string | null;
  assigned: Person | null;
  build_numbers: string[];
}

/** One page (decision 0011: keyset after a cursor, the total exact only when cheap). */
export async function listOrders(tx: Queryable, f: ListFilter, req: PageRequest) {
  const params: unknown[] = [];
  const p = (v: unknown) => `$${params.push(v)}`;
  const where: string[] = [];
  if (f.warehouseId) where.push(`o.warehouse_id = ${p(f.warehouseId)}`);
  if (f.reach.kind === 'assigned') where.push(`${f.reach.as === 'assembler' ? 'o.assembler_id' : 'o.qc_person_id'} = ${p(f.reach.userId)}`);
  if (f.status) where.push(`o.status = ANY(${p(f.status)}::text[])`);
  if (f.priority) where.push(`o.priority = ${p(f.priority)}`);
  if (f.customerId) where.push(`o.customer_id = ${p(f.customerId)}`);
  if (f.createdBy) where.push(`o.created_by = ${p(f.createdBy)}`);
  if (f.assignedTo) where.push(`(o.assembler_id = ${p(f.assignedTo)} OR o.qc_person_id = ${p(f.assignedTo)})`);
  where.push(...dateRangeSql('o.created_at', f.dateFrom, f.dateTo, p));
  // The lookup uses its indexes inside a SECURITY DEFINER function (migration 0017); ids only come back.
  if (f.search) where.push(`o.id IN (SELECT order_search_ids(${p(`${likeEscape(f.search).toUpperCase()}%`)}, ${p(`%${likeEscape(f.search)}%`)}))`);
  const sort: Sort = { name: `orders-${f.sortBy}`, dir: f.sortOrder, keys: SORTS[f.sortBy] };
  // The page is chosen on the orders table alone; customers, names and build numbers are read for
  // its rows only (a join or subquery would run for every row an OFFSET skips, and a deep page
  // tempted the planner into joining every order of the site).
  const select = `SELECT o.id, o.order_number, o.status, o.priority, o.step, o.customer_id, o.total_amount, o.created_at, o.updated_at,
      o.estimated_delivery::text AS estimated_delivery,
      CASE WHEN o.status IN ('PRE_QC','END_OF_LINE','FINAL_QC') AND o.qc_person_id IS NOT NULL THEN o.qc_person_id ELSE o.assembler_id END AS assigned_id`;
  const { rows, page } = await pagedQuery<Omit<ListRow, 'company_name' | 'contact_name' | 'assigned' | 'build_numbers'> & { assigned_id: string | null }>(
    tx, { select, from: 'FROM orders o', where, params, sort }, req);
  const ids = rows.map((r) => r.id);
  const people = [...new Set(rows.flatMap((r) => (r.assigned_id ? [r.assigned_id] : [])))];
  const builds = await tx.query<{ order_id: string; numbers: string[] }>(
    `SELECT order_id, array_agg(build_number ORDER BY position) AS numbers FROM order_builds WHERE order_id = ANY($1::uuid[]) GROUP BY order_id`, [ids]);
  const persons = await tx.query<Person>(`SELECT id, first_name || ' ' || last_name AS name, role FROM profiles WHERE id = ANY($1::uuid[])`, [people]);
  const customers = await tx.query<{ id: string; company_name: string; contact_name: string }>(
    `SELECT id, company_name, contact_name FROM customers WHERE id = ANY($1::uuid[])`, [[...new Set(rows.map((r) => r.customer_id))]]);
  const customerOf = new Map(customers.rows.map((c) => [c.id, c]));
  const numbersOf = new Map(builds.rows.map((b) => [b.order_id, b.numbers]));
  const personOf = new Map(persons.rows.map((p) => [p.id, p]));
  return {
    rows: rows.map(({ assigned_id, ...r }): ListRow => ({
      ...r, company_name: customerOf.get(r.customer_id)?.company_name ?? '', contact_name: customerOf.get(r.customer_id)?.contact_name ?? '',
      assigned: assigned_id ? (personOf.get(assigned_id) ?? null) : null, build_numbers: numbersOf.get(r.id) ?? [],
    })),
    page,
  };
}
