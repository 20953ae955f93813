import { prepared, type Queryable } from '../../../platform/db/database.js';
import { toIso } from '../../../platform/http/envelope.js';
import type { Bucket } from './buckets.js';
import type { FileDto } from './files.schema.js';

export type FileStatus = 'PENDING' | 'PROCESSED' | 'FAILED';

export interface FileRow {
  id: string;
  bucket: Bucket;
  warehouse_id: string;
  record_type: string | null;
  record_id: string | null;
  original_name: string;
  content_type: string;
  size_bytes: number | string;
  sha256: string;
  storage_key: string;
  thumbnail_key: string | null;
  width: number | null;
  height: number | null;
  metadata: Record<string, unknown>;
  status: FileStatus;
  uploaded_by: string;
  created_at: Date;
  total?: number | string;
}

const COLUMNS = `f.id, f.bucket, f.warehouse_id, f.record_type, f.record_id, f.original_name, f.content_type,
  f.size_bytes, f.sha256, f.storage_key, f.thumbnail_key, f.width, f.height, f.metadata, f.status,
  f.uploaded_by, f.created_at`;

export function toFileDto(r: FileRow): FileDto {
  return {
    id: r.id,
    bucket: r.bucket,
    fileName: r.original_name,
    contentType: r.content_type,
    size: Number(r.size_bytes),
    width: r.width,
    height: r.height,
    status: r.status,
    url: `/api/v1/files/${r.id}/download`,
    thumbnailUrl: r.thumbnail_key ? `/api/v1/files/${r.id}/thumbnail` : null,
    recordType: r.record_type,
    recordId: r.record_id,
    uploadedBy: r.uploaded_by,
    createdAt: toIso(r.created_at) ?? '',
  };
}

export interface NewFile {
  id: string;
  bucket: Bucket;
  warehouseId: string;
  recordType: string | null;
  recordId: string | null;
  originalName: string;
  contentType: string;
  sizeBytes: number;
  sha256: string;
  storageKey: string;
  uploadedBy: string;
}

export async function insertFile(tx: Queryable, f: NewFile): Promise<FileRow> {
  const { rows } = await tx.query<FileRow>(
    `INSERT INTO files AS f (id, bucket, warehouse_id, record_type, record_id, original_name, content_type,
       size_bytes, sha256, storage_key, uploaded_by)
     VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11)
     RETURNING ${COLUMNS}`,
    [f.id, f.bucket, f.warehouseId, f.recordType, f.recordId, f.originalName, f.contentType, f.sizeBytes, f.sha256, f.storageKey, f.uploadedBy],
  );
  return rows[0]!;
}

/** A live (not deleted) file; row-level security hides other warehouses' files. */
export async function findFile(tx: Queryable, id: string, forUpdate = false): Promise<FileRow | undefined> {
  const { rows } = await tx.query<FileRow>(
    `SELECT ${COLUMNS} FROM files f WHERE f.id = $1 AND f.deleted_at IS NULL ${forUpdate ? 'FOR UPDATE' : ''}`,
    [id],
  );
  return rows[0];
}

export async function softDeleteFile(tx: Queryable, id: string, by: string): Promise<void> {
  await tx.query(`UPDATE files SET deleted_at = now(), deleted_by = $2 WHERE id = $1 AND deleted_at IS NULL`, [id, by]);
}

export interface FileListFilter {
  bucket?: Bucket;
  recordType?: string;
  recordId?: string;
  page: number;
  limit: number;
}

/**
 * Visibility beyond the warehouse, as SQL: either the caller already settled record access
 * (`wholeRecord`), or a file is listed when its record type has no checker and the actor
 * uploaded it or may read its bucket.
 */
export interface ListVisibility {
  wholeRecord: boolean;
  actorId: string;
  readableBuckets: readonly Bucket[];
  checkedRecordTypes: readonly string[];
}

export async function listFiles(tx: Queryable, f: FileListFilter, v: ListVisibility): Promise<{ rows: FileRow[]; total: number }> {
  const where: string[] = ['f.deleted_at IS NULL'];
  const params: unknown[] = [];
  const p = (value: unknown) => {
    params.push(value);
    return `$${params.length}`;
  };
  if (f.bucket) where.push(`f.bucket = ${p(f.bucket)}`);
  if (f.recordType) where.push(`f.record_type = ${p(f.recordType)}`);
  if (f.recordId) where.push(`f.record_id = ${p(f.recordId)}`);
  if (!v.wholeRecord) {
    where.push(`(f.record_type IS NULL OR NOT (f.record_type = ANY(${p(v.checkedRecordTypes)}::text[])))`);
    where.push(`(f.uploaded_by = ${p(v.actorId)} OR f.bucket = ANY(${p(v.readableBuckets)}::text[]))`);
  }
  const whereSql = `WHERE ${where.join(' AND ')}`;
  const { rows } = await tx.query<FileRow>(
    `SELECT ${COLUMNS}, count(*) OVER () AS total FROM files f ${whereSql}
      ORDER BY f.created_at DESC, f.id DESC LIMIT ${p(f.limit)} OFFSET ${p((f.page - 1) * f.limit)}`,
    params,
  );
  if (rows[0]) return { rows, total: Number(rows[0].total) };
  const count = await tx.query<{ n: number }>(`SELECT count(*)::int AS n FROM files f ${whereSql}`, params.slice(0, -2));
  return { rows, total: count.rows[0]?.n ?? 0 };
}

export interface RecordDocument {
  id: string;
  fileName: string;
  contentType: string;
  size: number;
  url: string;
}

/**
 * The live files attached to one record (optionally of one bucket), oldest first: what other
 * modules show as a record's documents. Row-level security limits them to visible warehouses.
 */
// Part, vendor and equipment pages all list their documents: planned once per connection.
const RECORD_DOCUMENTS = prepared(
  'files_record_documents',
  `SELECT id, original_name, content_type, size_bytes FROM files
    WHERE record_type = $1 AND record_id = $2 AND ($3::text IS NULL OR bucket = $3) AND deleted_at IS NULL
    ORDER BY created_at, id LIMIT $4`,
);

export async function recordDocuments(tx: Queryable, recordType: string, recordId: string, bucket?: string, limit = 50): Promise<RecordDocument[]> {
  const { rows } = await tx.query<{ id: string; original_name: string; content_type: string; size_bytes: string | number }>(RECORD_DOCUMENTS, [
    recordType,
    recordId,
    bucket ?? null,
    limit,
  ]);
  return rows.map((r) => ({ id: r.id, fileName: r.original_name, contentType: r.content_type, size: Number(r.size_bytes), url: `/api/v1/files/${r.id}/download` }));
}
