import type { Queryable } from '../../../platform/db/database.js';

/** SQL of BOM documents (row-level security keeps each warehouse's to itself). */

export type BomStatus = 'DRAFT' | 'APPROVED' | 'SUPERSEDED';

export interface BomRow {
  id: string;
  series_id: string;
  warehouse_id: string;
  order_id: string | null;
  build_number: string | null;
  version: number;
  status: BomStatus;
  title: string;
  notes: string | null;
  request: unknown;
  document: unknown;
  subtotal: string;
  generated_by: string | null;
  generated_at: Date;
  approved_by: string | null;
  approved_at: Date | null;
  superseded_at: Date | null;
  updated_at: Date;
  generated_by_name: string | null;
  generated_by_role: string | null;
  approved_by_name: string | null;
}

const PEOPLE = `(SELECT p.first_name || ' ' || p.last_name FROM profiles p WHERE p.id = b.generated_by) AS generated_by_name,
  (SELECT p.role FROM profiles p WHERE p.id = b.generated_by) AS generated_by_role,
  (SELECT p.first_name || ' ' || p.last_name FROM profiles p WHERE p.id = b.approved_by) AS approved_by_name`;

export async function findBom(q: Queryable, id: string, opts: { lock?: boolean; withDocument?: boolean } = {}): Promise<BomRow | undefined> {
  const { rows } = await q.query<BomRow>(
    `SELECT b.id, b.series_id, b.warehouse_id, b.order_id, b.build_number, b.version, b.status, b.title, b.notes, b.subtotal, b.generated_by, b.generated_at,
            b.approved_by, b.approved_at, b.superseded_at, b.updated_at, ${opts.withDocument === false ? 'NULL AS request, NULL AS document' : 'b.request, b.document'}, ${PEOPLE}
       FROM boms b WHERE b.id = $1 ${opts.lock ? 'FOR UPDATE OF b' : ''}`,
    [id],
  );
  return rows[0];
}

/** The newest version of an order build's BOM, locked so that two regenerations number in turn. */
export async function latestOfBuild(q: Queryable, orderId: string, buildNumber: string | null) {
  const { rows } = await q.query<{ series_id: string; version: number }>(
    `SELECT series_id, version FROM boms WHERE order_id = $1 AND build_number IS NOT DISTINCT FROM $2 ORDER BY version DESC LIMIT 1 FOR UPDATE`,
    [orderId, buildNumber],
  );
  return rows[0];
}

export async function latestOfSeries(q: Queryable, seriesId: string) {
  const { rows } = await q.query<{ version: number }>(`SELECT version FROM boms WHERE series_id = $1 ORDER BY version DESC LIMIT 1 FOR UPDATE`, [seriesId]);
  return rows[0]?.version ?? 0;
}

export interface NewBom {
  id: string;
  seriesId: string;
  warehouseId: string;
  orderId: string | null;
  buildNumber: string | null;
  version: number;
  title: string;
  notes: string | null;
  request: unknown;
  document: unknown;
  subtotal: number;
  generatedBy: string;
  generatedAt: Date;
}

export async function insertBom(q: Queryable, b: NewBom) {
  await q.query(
    `INSERT INTO boms (id, series_id, warehouse_id, order_id, build_number, version, status, title, notes, request, document, subtotal, generated_by, generated_at)
     VALUES ($1, $2, $3, $4, $5, $6, 'DRAFT', $7, $8, $9, $10, $11, $12, $13)`,
    [b.id, b.seriesId, b.warehouseId, b.orderId, b.buildNumber, b.version, b.title, b.notes, JSON.stringify(b.request), JSON.stringify(b.document), b.subtotal, b.generatedBy, b.generatedAt],
  );
}

/** Older drafts of the series give way to a newer version (approved ones wait for a newer approval). */
export async function supersedeDrafts(q: Queryable, seriesId: string, exceptId: string) {
  const { rows } = await q.query<{ id: string }>(
    `UPDATE boms SET status = 'SUPERSEDED', superseded_at = now(), updated_at = now() WHERE series_id = $1 AND id <> $2 AND status = 'DRAFT' RETURNING id`,
    [seriesId, exceptId],
  );
  return rows.map((r) => r.id);
}

export async function approve(q: Queryable, id: string, userId: string) {
  const { rows } = await q.query<{ series_id: string }>(
    `UPDATE boms SET status = 'APPROVED', approved_by = $2, approved_at = now(), updated_at = now() WHERE id = $1 RETURNING series_id`,
    [id, userId],
  );
  const seriesId = rows[0]!.series_id;
  const { rows: superseded } = await q.query<{ id: string }>(
    `UPDATE boms SET status = 'SUPERSEDED', superseded_at = now(), updated_at = now() WHERE series_id = $1 AND id <> $2 AND status IN ('APPROVED', 'DRAFT') RETURNING id`,
    [seriesId, id],
  );
  return superseded.map((r) => r.id);
}

export async function updateDraft(q: Queryable, id: string, patch: { title?: string; notes?: string | null }) {
  await q.query(
    `UPDATE boms SET title = coalesce($2, title), notes = CASE WHEN $4 THEN $3 ELSE notes END, updated_at = now() WHERE id = $1 AND status = 'DRAFT'`,
    [id, patch.title ?? null, patch.notes ?? null, patch.notes !== undefined],
  );
}

export async function listVersions(q: Queryable, seriesId: string): Promise<BomRow[]> {
  const { rows } = await q.query<BomRow>(
    `SELECT b.id, b.series_id, b.warehouse_id, b.order_id, b.build_number, b.version, b.status, b.title, b.notes, b.subtotal, b.generated_by, b.generated_at,
            b.approved_by, b.approved_at, b.superseded_at, b.updated_at, NULL AS request, NULL AS document, ${PEOPLE}
       FROM boms b WHERE b.series_id = $1 ORDER BY b.version DESC LIMIT 200`,
    [seriesId],
  );
  return rows;
}

/** A page of BOMs, newest first, after a (generated_at, id) cursor. */
export async function listBoms(q: Queryable, f: { orderId?: string; status?: BomStatus; latestOnly: boolean; limit: number; after?: { at: string; id: string } }): Promise<BomRow[]> {
  const { rows } = await q.query<BomRow>(
    `SELECT b.id, b.series_id, b.warehouse_id, b.order_id, b.build_number, b.version, b.status, b.title, b.notes, b.subtotal, b.generated_by, b.generated_at,
            b.approved_by, b.approved_at, b.superseded_at, b.updated_at, NULL AS request, NULL AS document, ${PEOPLE}
       FROM boms b
      WHERE ($1::uuid IS NULL OR b.order_id = $1) AND ($2::text IS NULL OR b.status = $2)
        AND (NOT $3 OR NOT EXISTS (SELECT 1 FROM boms n WHERE n.series_id = b.series_id AND n.version > b.version))
        AND ($4::timestamptz IS NULL OR (b.generated_at, b.id) < ($4::timestamptz, $5::uuid))
      ORDER BY b.generated_at DESC, b.id DESC
      LIMIT $6`,
    [f.orderId ?? null, f.status ?? null, f.latestOnly, f.after?.at ?? null, f.after?.id ?? null, f.limit + 1],
  );
  return rows;
}

export interface OrderBomHead {
  id: string;
  build_number: string | null;
  version: number;
  status: BomStatus;
  generated_at: Date;
  document: unknown;
}

/** The newest version of every build's BOM of an order (the one that counts for its gates). */
export async function orderBomHeads(q: Queryable, orderId: string, withDocument: boolean): Promise<OrderBomHead[]> {
  const { rows } = await q.query<OrderBomHead>(
    `SELECT DISTINCT ON (build_number) id, build_number, version, status, generated_at, ${withDocument ? 'document' : 'NULL AS document'}
       FROM boms WHERE order_id = $1 ORDER BY build_number, version DESC`,
    [orderId],
  );
  return rows;
}
