import type { FastifyRequest } from 'fastify';
import { AppError, validation } from '../../../platform/http/errors.js';
import { MAX_UPLOAD_BYTES } from './buckets.js';

export interface ReceivedUpload {
  fields: Record<string, string>;
  file: { fileName: string; mimetype: string; content: Buffer } | null;
}

const FIELD_NAMES = new Set(['bucket', 'recordType', 'recordId']);

/** Maps the multipart plugin's errors (which carry only a status) onto the spec's codes. */
function toAppError(err: unknown): unknown {
  const code = (err as { code?: string })?.code;
  switch (code) {
    case 'FST_REQ_FILE_TOO_LARGE':
      return new AppError(413, 'PAYLOAD_TOO_LARGE', `Files may be at most ${MAX_UPLOAD_BYTES} bytes`);
    case 'FST_FILES_LIMIT':
      return validation('Send one file per request', [{ field: 'file', message: 'Only one file is accepted', code: 'MAX_VALUE' }]);
    case 'FST_PARTS_LIMIT':
    case 'FST_FIELDS_LIMIT':
    case 'FST_PROTO_VIOLATION':
    case 'FST_INVALID_JSON_FIELD_ERROR':
      return validation('Too many or invalid form fields');
    case 'FST_INVALID_MULTIPART_CONTENT_TYPE':
      return new AppError(415, 'UNSUPPORTED_MEDIA_TYPE', 'Send the file as multipart/form-data');
    case 'FST_MP_PREMATURE_CLOSE':
      return new AppError(400, 'VALIDATION_INVALID_FORMAT', 'The upload ended early');
    default:
      // busboy reports malformed bodies as plain errors.
      if (err instanceof Error && !(err instanceof AppError) && !code) return new AppError(400, 'VALIDATION_INVALID_FORMAT', 'Malformed multipart body');
      return err;
  }
}

/**
 * Reads the form: the part named `file` into memory (bounded by the largest bucket limit, as the
 * content must be inspected before anything is stored) and the small text fields, in any order.
 */
export async function receiveUpload(request: FastifyRequest): Promise<ReceivedUpload> {
  const received: ReceivedUpload = { fields: {}, file: null };
  try {
    const parts = request.parts({ limits: { fileSize: MAX_UPLOAD_BYTES, files: 1, fields: 10, fieldSize: 1024, parts: 12 } });
    for await (const part of parts) {
      if (part.type === 'file') {
        const content = await part.toBuffer();
        if (part.fieldname === 'file') received.file = { fileName: part.filename, mimetype: part.mimetype, content };
      } else if (FIELD_NAMES.has(part.fieldname) && typeof part.value === 'string' && part.value !== '') {
        received.fields[part.fieldname] = part.value;
      }
    }
  } catch (err) {
    throw toAppError(err);
  }
  return received;
}
