import type { Address, Customer } from '@plantops/contracts/responses/orders';
import type { Queryable } from '../../../platform/db/database.js';
import { pagedQuery, type PageRequest } from '../../../platform/db/paged-query.js';
import type { Sort } from '../../../platform/db/keyset.js';

/** SQL of the site's customers, reused across orders (migration 0016). */

export interface CustomerRow {
  id: string;
  company_name: string;
  contact_name: string;
  email: string;
  phone: string | null;
  shipping_address: Address;
}

export const toCustomer = (r: CustomerRow): Customer => ({
  id: r.id, companyName: r.company_name, contactName: r.contact_name, email: r.email, phone: r.phone, shippingAddress: r.shipping_address,
});

export async function findCustomer(tx: Queryable, id: string, warehouseId: string): Promise<Customer | undefined> {
  const { rows } = await tx.query<CustomerRow>(`SELECT * FROM customers WHERE id = $1 AND warehouse_id = $2`, [id, warehouseId]);
  return rows[0] && toCustomer(rows[0]);
}

/** The site's customer with this company and e-mail, created or brought up to date (one statement). */
export async function upsertCustomer(tx: Queryable, id: string, warehouseId: string, c: Omit<Customer, 'id'>, by: string): Promise<{ customer: Customer; created: boolean }> {
  const { rows } = await tx.query<CustomerRow & { created: boolean }>(
    `INSERT INTO customers (id, warehouse_id, company_name, contact_name, email, phone, shipping_address, created_by)
     VALUES ($1, $2, $3, $4, $5, $6, $7, $8)
     ON CONFLICT (warehouse_id, lower(company_name), lower(email)) DO UPDATE
       SET contact_name = EXCLUDED.contact_name, phone = coalesce(EXCLUDED.phone, customers.phone), shipping_address = EXCLUDED.shipping_address, updated_at = now()
     RETURNING *, (xmax = 0) AS created`,
    [id, warehouseId, c.companyName, c.contactName, c.email, c.phone, JSON.stringify(c.shippingAddress), by],
  );
  return { customer: toCustomer(rows[0]!), created: rows[0]!.created };
}

export async function updateCustomer(tx: Queryable, id: string, c: { contactName?: string; email?: string; phone?: string | null }) {
  await tx.query(
    `UPDATE customers SET contact_name = coalesce($2, contact_name), email = coalesce($3, email), phone = CASE WHEN $5 THEN $4 ELSE phone END, updated_at = now() WHERE id = $1`,
    [id, c.contactName ?? null, c.email ?? null, c.phone ?? null, c.phone !== undefined],
  );
}

export async function listCustomers(tx: Queryable, warehouseId: string | undefined, search: string | undefined, req: PageRequest) {
  const params: unknown[] = [];
  const p = (v: unknown) => `$${params.push(v)}`;
  const where: string[] = [];
  if (warehouseId) where.push(`c.warehouse_id = ${p(warehouseId)}`);
  if (search) where.push(`c.search_text LIKE ${p(`%${likeEscape(search)}%`)}`);
  const sort: Sort = { name: 'customers', dir: 'asc', keys: [{ expr: 'c.company_name', type: 'text' }, { expr: 'c.id', type: 'uuid' }] };
  const { rows, page } = await pagedQuery<CustomerRow>(tx, { select: 'SELECT c.*', from: 'FROM customers c', where, params, sort }, req);
  return { customers: rows.map(toCustomer), page };
}

export const likeEscape = (s: string) => s.toLowerCase().replace(/[\\%_]/g, '\\$&');
