import { z } from 'zod';
import { BUCKETS } from './buckets.js';
import { RECORD_TYPE_RE } from './record-access.js';

export const bucketSchema = z.enum(BUCKETS);
export const recordTypeSchema = z.string().regex(RECORD_TYPE_RE, 'Lower-case letters, digits, _ and -');

/** What clients see of a file; storage keys, hashes and the raw metadata stay inside. */
export const fileSchema = z.object({
  id: z.uuid(),
  bucket: bucketSchema,
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
export type FileDto = z.infer<typeof fileSchema>;

/** The multipart form of an upload as the OpenAPI document shows it (the route reads the parts itself). */
export const uploadFormSchema = z.object({
  file: z.string().meta({ format: 'binary', description: 'The file (one per request)' }),
  bucket: bucketSchema.optional().meta({ description: 'Required here or in the query string' }),
  recordType: recordTypeSchema.optional().meta({ description: 'The kind of record the file is attached to (with recordId)' }),
  recordId: z.uuid().optional(),
});

/** Upload fields, from the query string or the form (form wins). */
export const uploadFieldsSchema = z
  .strictObject({
    bucket: bucketSchema,
    recordType: recordTypeSchema.optional(),
    recordId: z.uuid().optional(),
  })
  .refine((f) => (f.recordType === undefined) === (f.recordId === undefined), {
    message: 'recordType and recordId go together',
    path: ['recordId'],
  });
