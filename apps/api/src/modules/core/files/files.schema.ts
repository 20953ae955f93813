import { z } from 'zod';
import { BUCKETS } from './buckets.js';
import { RECORD_TYPE_RE } from './record-access.js';

export const bucketSchema = z.enum(BUCKETS);
export const recordTypeSchema = z.string().regex(RECORD_TYPE_RE, 'Lower-case letters, digits, _ and -');

// The response shapes live in packages/contracts (the web app takes its types from them).
export { fileListSchema, fileSchema } from '@plantops/contracts/responses/files';
export type { StoredFile as FileDto } from '@plantops/contracts/responses/files';

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
