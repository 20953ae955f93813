import { z } from 'zod';
import { paginationSchema } from '../api.js';
import { FILE_BUCKETS } from '../files.js';

/**
 * Response shapes of /api/v1/files: the API validates and documents its responses with these, the
 * web app takes its types from them with `import type`.
 */

/** What clients see of a file; storage keys, hashes and the raw metadata stay inside. */
export const fileSchema = z.object({
  id: z.uuid(),
  bucket: z.enum(FILE_BUCKETS),
  fileName: z.string(),
  contentType: z.string(),
  size: z.number().int(),
  width: z.number().int().nullable(),
  height: z.number().int().nullable(),
  status: z.enum(['PENDING', 'PROCESSED', 'FAILED']),
  url: z.string(),
  thumbnailUrl: z.string().nullable(),
  recordType: z.string().nullable(),
  recordId: z.uuid().nullable(),
  uploadedBy: z.uuid(),
  createdAt: z.string(),
});
export type StoredFile = z.infer<typeof fileSchema>;

/** GET /api/v1/files. */
export const fileListSchema = z.object({ files: z.array(fileSchema), pagination: paginationSchema });
export type StoredFileList = z.infer<typeof fileListSchema>;
