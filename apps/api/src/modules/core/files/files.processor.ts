import type { JobDefinition } from '../../../platform/jobs/job-types.js';
import type { Readable } from 'node:stream';
import sharp from 'sharp';
import type { Database, Queryable } from '../../../platform/db/database.js';
import type { FileStorage } from '../../../platform/storage/file-storage.js';
import { isImageType } from './buckets.js';
import { thumbnailKey } from './files.names.js';

const THUMBNAIL_WIDTH = 320;

interface PendingRow {
  id: string;
  content_type: string;
  storage_key: string;
}

export interface ProcessResult {
  processed: number;
  failed: number;
}

async function readAll(stream: Readable): Promise<Buffer> {
  const chunks: Buffer[] = [];
  for await (const chunk of stream) chunks.push(chunk as Buffer);
  return Buffer.concat(chunks);
}

/** Thumbnail and facts of one image; the dimensions are as displayed, after EXIF orientation. */
async function processImage(tx: Queryable, storage: FileStorage, row: PendingRow) {
  const original = await readAll(storage.read(row.storage_key));
  const meta = await sharp(original).metadata();
  // rotate() applies the EXIF orientation; sharp's output carries no metadata unless asked to.
  const thumb = await sharp(original)
    .rotate()
    .resize({ width: THUMBNAIL_WIDTH, withoutEnlargement: true })
    .webp({ quality: 80 })
    .toBuffer();
  const key = thumbnailKey(row.id);
  await storage.put(key, thumb);
  const { width, height } = meta.autoOrient ?? meta;
  await tx.query(
    `UPDATE files SET status = 'PROCESSED', thumbnail_key = $2, width = $3, height = $4,
       metadata = metadata || $5::jsonb WHERE id = $1`,
    [row.id, key, width ?? null, height ?? null, JSON.stringify({ format: meta.format, orientation: meta.orientation ?? null, width, height })],
  );
}

/**
 * Finishes uploads in the background (the scheduled 'file-processor' job calls this): images get
 * a 320px-wide WebP thumbnail and their dimensions, other files are simply marked processed, and
 * a file that cannot be processed is marked FAILED with the reason, so it is not retried forever.
 * Runs as the schema owner (no RLS: it serves every site); SKIP LOCKED lets several nodes share
 * the work, and the row locks last until the batch commits.
 */
export async function processPendingFiles(db: Database, storage: FileStorage, limit = 20): Promise<ProcessResult> {
  return db.transaction(async (tx) => {
    const { rows } = await tx.query<PendingRow>(
      `SELECT id, content_type, storage_key FROM files
        WHERE status = 'PENDING' AND deleted_at IS NULL
        ORDER BY created_at LIMIT $1 FOR UPDATE SKIP LOCKED`,
      [limit],
    );
    const result: ProcessResult = { processed: 0, failed: 0 };
    for (const row of rows) {
      try {
        if (isImageType(row.content_type)) await processImage(tx, storage, row);
        else await tx.query(`UPDATE files SET status = 'PROCESSED' WHERE id = $1`, [row.id]);
        result.processed += 1;
      } catch (err) {
        const message = err instanceof Error ? err.message : String(err);
        await tx.query(`UPDATE files SET status = 'FAILED', metadata = metadata || $2::jsonb WHERE id = $1`, [
          row.id,
          JSON.stringify({ error: message.slice(0, 500) }),
        ]);
        result.failed += 1;
      }
    }
    return result;
  });
}

export const fileProcessorJob = (db: Database, storage: FileStorage): JobDefinition => ({
  name: 'file-processor',
  description: 'Makes WebP thumbnails and reads image metadata (size, format, EXIF orientation) of new uploads',
  schedule: '* * * * *',
  // Uploads also queue a run at once, so thumbnails rarely wait for the minute.
  handler: () => processPendingFiles(db, storage, 50),
});
