import multipart from '@fastify/multipart';
import type { FastifyInstance, FastifyReply } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { v7 as uuidv7 } from 'uuid';
import { z } from 'zod';
import type { AppDeps } from '../../../app-deps.js';
import { envelope, messageEnvelope, ok, okMessage, pageQuery, pagination, uuidParam } from '../../../platform/http/envelope.js';
import { validation } from '../../../platform/http/errors.js';
import { errorResponses, fileResponse } from '../../../platform/http/openapi.js';
import { MAX_UPLOAD_BYTES } from './buckets.js';
import { receiveUpload } from './files.multipart.js';
import { attachmentDisposition, originalKey } from './files.names.js';
import { bucketSchema, fileListSchema, fileSchema, recordTypeSchema, uploadFieldsSchema, uploadFormSchema } from './files.schema.js';
import * as files from './files.service.js';

const tags = ['files'];
const access = 'authenticated' as const;
const idParams = z.strictObject({ id: uuidParam });

/** Streams stored bytes with headers that keep browsers from rendering or sniffing them. */
function sendContent(reply: FastifyReply, content: files.FileContent, contentType: string, disposition: string) {
  return reply
    .type(contentType.startsWith('text/') ? `${contentType}; charset=utf-8` : contentType)
    .header('content-disposition', disposition)
    .header('x-content-type-options', 'nosniff')
    .header('cache-control', 'private, max-age=300')
    .send(content.stream);
}

async function filesPlugin(app: FastifyInstance, deps: AppDeps) {
  // Registered in this plugin only, so that every other route keeps the 1 MB JSON body limit.
  await app.register(multipart, { limits: { fileSize: MAX_UPLOAD_BYTES, files: 1 } });
  const r = app.withTypeProvider<ZodTypeProvider>();

  r.post('/api/v1/files', {
    config: { access, multipartBody: uploadFormSchema },
    schema: {
      tags,
      summary: 'Upload one file (multipart field `file`); `bucket`, `recordType`, `recordId` as query or form fields',
      consumes: ['multipart/form-data'],
      querystring: z.strictObject({ bucket: z.string().optional(), recordType: z.string().optional(), recordId: z.string().optional() }),
      response: { 201: envelope(fileSchema), ...errorResponses(404) },
    },
    handler: async (request, reply) => {
      const received = await receiveUpload(request);
      const raw: Record<string, string | undefined> = { ...request.query, ...received.fields };
      const fields = uploadFieldsSchema.safeParse(raw);
      if (!fields.success) {
        throw validation('Invalid upload fields', fields.error.issues.map((i) => {
          const field = i.path.join('.') || '(root)';
          const missing = raw[field] === undefined && field !== '(root)';
          return { field, message: missing ? 'Required' : i.message, code: missing ? 'REQUIRED_FIELD' : 'INVALID_VALUE' };
        }));
      }
      if (!received.file) throw validation('No file was sent', [{ field: 'file', message: 'Required', code: 'REQUIRED_FIELD' }]);
      const id = uuidv7();
      try {
        const file = await deps.scoped(request, (ctx) =>
          files.uploadFile(ctx, deps.storage, { id, ...fields.data, fileName: received.file!.fileName, mimetype: received.file!.mimetype, content: received.file!.content }),
        );
        deps.jobs.enqueue('file-processor').catch((err) => request.log.error({ err }, 'could not queue file-processor'));
        return reply.status(201).send(ok(file));
      } catch (err) {
        // The bytes are written last inside the transaction; a failed commit must not leave them behind.
        await deps.storage.remove(originalKey(id)).catch(() => undefined);
        throw err;
      }
    },
  });

  r.get('/api/v1/files', {
    config: { access },
    schema: {
      tags,
      summary: 'Files visible to the caller, newest first',
      querystring: z.strictObject({ ...pageQuery, bucket: bucketSchema.optional(), recordType: recordTypeSchema.optional(), recordId: z.uuid().optional() }),
      response: { 200: envelope(fileListSchema), ...errorResponses(404) },
    },
    handler: async (request) => {
      const q = request.query;
      const { files: list, total } = await deps.scoped(request, (ctx) => files.listFiles(ctx, q));
      return ok({ files: list, pagination: pagination(q.page, q.limit, total) });
    },
  });

  r.get('/api/v1/files/:id', {
    config: { access },
    schema: { tags, params: idParams, response: { 200: envelope(fileSchema) } },
    handler: async (request) => ok(await deps.scoped(request, (ctx) => files.getFile(ctx, request.params.id))),
  });

  r.get('/api/v1/files/:id/download', {
    config: { access },
    schema: { tags, summary: 'The file itself, always as an attachment', params: idParams, response: { 200: fileResponse('The stored bytes with their content type', ['*/*']) } },
    handler: async (request, reply) => {
      const content = await deps.scoped(request, (ctx) => files.openFile(ctx, deps.storage, request.params.id));
      return sendContent(reply, content, content.file.content_type, attachmentDisposition(content.file.original_name));
    },
  });

  r.get('/api/v1/files/:id/thumbnail', {
    config: { access },
    schema: { tags, summary: 'A 320px-wide WebP preview; 404 until the file processor has made it', params: idParams, response: { 200: fileResponse('The preview image', ['image/webp']) } },
    handler: async (request, reply) => {
      const content = await deps.scoped(request, (ctx) => files.openThumbnail(ctx, deps.storage, request.params.id));
      return sendContent(reply, content, 'image/webp', 'inline; filename="thumbnail.webp"');
    },
  });

  r.delete('/api/v1/files/:id', {
    config: { access },
    schema: { tags, summary: 'Delete a file (the uploader or a manager of its bucket)', params: idParams, response: { 200: messageEnvelope } },
    handler: async (request) => {
      await deps.scoped(request, (ctx) => files.deleteFile(ctx, request.params.id));
      return okMessage('File deleted');
    },
  });
}

export async function fileRoutes(app: FastifyInstance, deps: AppDeps) {
  await app.register((scope) => filesPlugin(scope, deps));
}
