import { createHash } from 'node:crypto';
import type { Readable } from 'node:stream';
import type { Ctx } from '../../../platform/db/unit-of-work.js';
import type { FileStorage } from '../../../platform/storage/file-storage.js';
import { AppError, forbidden, notFound, validation } from '../../../platform/http/errors.js';
import { audit } from '../audit/audit.writer.js';
import { BUCKET_RULES, type Bucket } from './buckets.js';
import { detectContentType } from './files.content.js';
import { cleanFileName, originalKey } from './files.names.js';
import * as policy from './files.policy.js';
import * as repo from './files.repo.js';
import type { FileDto } from './files.schema.js';
import { checkedRecordTypes, recordAccessFor } from './record-access.js';

export interface UploadInput {
  id: string;
  bucket: Bucket;
  recordType?: string;
  recordId?: string;
  fileName: string | undefined;
  mimetype: string | undefined;
  content: Buffer;
}

/** Refuses a record the actor may not see, when its module registered a checker. */
async function assertRecordVisible(ctx: Ctx, recordType: string | null | undefined, recordId: string | null | undefined) {
  const check = recordAccessFor(recordType ?? null);
  if (check && recordId && !(await check(ctx, recordId))) throw notFound('Record');
}

/**
 * Checks the upload (permission, size, real content type, record), then writes row, audit and
 * bytes in the caller's transaction; the bytes go last so that a refusal stores nothing.
 */
export async function uploadFile(ctx: Ctx, storage: FileStorage, input: UploadInput): Promise<FileDto> {
  const rule = BUCKET_RULES[input.bucket];
  if (!policy.mayUpload(ctx.actor, input.bucket)) throw forbidden(`You may not upload to ${input.bucket}`);
  if (input.content.length === 0) throw validation('The file is empty', [{ field: 'file', message: 'Empty file', code: 'MIN_VALUE' }]);
  if (input.content.length > rule.maxBytes) {
    throw new AppError(413, 'PAYLOAD_TOO_LARGE', `Files in ${input.bucket} may be at most ${rule.maxBytes} bytes`);
  }
  const fileName = cleanFileName(input.fileName);
  const contentType = await detectContentType(input.content, fileName, input.mimetype, rule.types);
  await assertRecordVisible(ctx, input.recordType, input.recordId);

  const row = await repo.insertFile(ctx.tx, {
    id: input.id,
    bucket: input.bucket,
    // Files belong to the site the actor works in; RLS refuses any other.
    warehouseId: ctx.actor.warehouseId,
    recordType: input.recordType ?? null,
    recordId: input.recordId ?? null,
    originalName: fileName,
    contentType,
    sizeBytes: input.content.length,
    sha256: createHash('sha256').update(input.content).digest('hex'),
    storageKey: originalKey(input.id),
    uploadedBy: ctx.actor.userId,
  });
  const file = repo.toFileDto(row);
  await audit(ctx, { action: 'UPLOAD', tableName: 'files', recordId: row.id, warehouseId: row.warehouse_id, after: file });
  await storage.put(row.storage_key, input.content);
  return file;
}

/** A file the actor may see, or 404 whether it is missing, elsewhere or not theirs to see. */
async function loadReadable(ctx: Ctx, id: string, forUpdate = false): Promise<repo.FileRow> {
  const row = await repo.findFile(ctx.tx, id, forUpdate);
  if (!row) throw notFound('File');
  const check = recordAccessFor(row.record_type);
  const visible = check && row.record_id ? await check(ctx, row.record_id) : policy.mayReadUnchecked(ctx.actor, row);
  if (!visible) throw notFound('File');
  return row;
}

export const getFile = async (ctx: Ctx, id: string): Promise<FileDto> => repo.toFileDto(await loadReadable(ctx, id));

export interface FileContent {
  file: repo.FileRow;
  stream: Readable;
}

export async function openFile(ctx: Ctx, storage: FileStorage, id: string): Promise<FileContent> {
  const file = await loadReadable(ctx, id);
  if (!(await storage.exists(file.storage_key))) throw notFound('File content');
  return { file, stream: storage.read(file.storage_key) };
}

export async function openThumbnail(ctx: Ctx, storage: FileStorage, id: string): Promise<FileContent> {
  const file = await loadReadable(ctx, id);
  if (file.status !== 'PROCESSED' || !file.thumbnail_key || !(await storage.exists(file.thumbnail_key))) throw notFound('Thumbnail');
  return { file, stream: storage.read(file.thumbnail_key) };
}

export async function listFiles(ctx: Ctx, filter: repo.FileListFilter): Promise<{ files: FileDto[]; total: number }> {
  // Naming one record of a checked type settles access once for all of its files.
  const wholeRecord = Boolean(filter.recordId && recordAccessFor(filter.recordType ?? null));
  if (wholeRecord) await assertRecordVisible(ctx, filter.recordType, filter.recordId);
  const { rows, total } = await repo.listFiles(ctx.tx, filter, {
    wholeRecord,
    actorId: ctx.actor.userId,
    readableBuckets: policy.readableBuckets(ctx.actor),
    checkedRecordTypes: checkedRecordTypes(),
  });
  return { files: rows.map(repo.toFileDto), total };
}

/** Soft delete: the row stays for the audit trail; the bytes stay until a purge removes them. */
export async function deleteFile(ctx: Ctx, id: string): Promise<void> {
  const row = await loadReadable(ctx, id, true);
  if (!policy.mayDelete(ctx.actor, row)) throw forbidden('You may not delete this file');
  await repo.softDeleteFile(ctx.tx, id, ctx.actor.userId);
  await audit(ctx, { action: 'DELETE', tableName: 'files', recordId: id, warehouseId: row.warehouse_id, before: repo.toFileDto(row) });
}
