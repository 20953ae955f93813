import type { FastifyError, FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import { hasZodFastifySchemaValidationErrors } from 'fastify-type-provider-zod';
import { AppError, fromDatabaseError, type ErrorDetail } from './errors.js';

interface ZodIssueLike {
  keyword: string;
  instancePath: string;
  message: string;
  params: { keys?: string[] };
}

const FASTIFY_CLIENT_ERRORS: Record<string, AppError> = {
  FST_ERR_CTP_INVALID_JSON_BODY: new AppError(400, 'VALIDATION_INVALID_FORMAT', 'Request body is not valid JSON'),
  FST_ERR_CTP_EMPTY_JSON_BODY: new AppError(400, 'VALIDATION_INVALID_FORMAT', 'Request body is empty but JSON was declared'),
  FST_ERR_CTP_BODY_TOO_LARGE: new AppError(413, 'PAYLOAD_TOO_LARGE', 'Request body is too large'),
  FST_ERR_CTP_INVALID_MEDIA_TYPE: new AppError(415, 'UNSUPPORTED_MEDIA_TYPE', 'Unsupported content type'),
  FST_ERR_CTP_INVALID_CONTENT_LENGTH: new AppError(400, 'VALIDATION_INVALID_FORMAT', 'Invalid Content-Length'),
};

/** Turns zod issues into the spec's `details[]`: field path, message, and a short code. */
function issueDetails(issues: ZodIssueLike[]): ErrorDetail[] {
  return issues.flatMap((issue) => {
    const field = issue.instancePath.replace(/^\//, '').replace(/\//g, '.');
    if (issue.keyword === 'unrecognized_keys') {
      return (issue.params.keys ?? []).map((key) => ({
        field: field ? `${field}.${key}` : key,
        message: 'Unknown field',
        code: 'UNKNOWN_FIELD',
      }));
    }
    // zod 4 omits the input from issues; its message names what was received.
    const missing = issue.keyword === 'invalid_type' && /received undefined$/.test(issue.message);
    const code = missing
      ? 'REQUIRED_FIELD'
      : ({ too_small: 'MIN_VALUE', too_big: 'MAX_VALUE', invalid_format: 'INVALID_FORMAT', invalid_type: 'INVALID_TYPE' } as Record<string, string>)[issue.keyword] ??
        'INVALID_VALUE';
    return [{ field: field || '(root)', message: missing ? 'Required' : issue.message, code }];
  });
}

function classify(err: FastifyError): AppError | undefined {
  if (err instanceof AppError) return err;
  if (hasZodFastifySchemaValidationErrors(err)) {
    const where = (err as FastifyError & { validationContext?: string }).validationContext;
    // Bad query strings and path parameters are malformed requests (400); bad bodies are 422.
    const status = where === 'body' ? 422 : 400;
    return new AppError(status, 'VALIDATION_ERROR', 'Request validation failed', issueDetails(err.validation as unknown as ZodIssueLike[]));
  }
  if (err.code && FASTIFY_CLIENT_ERRORS[err.code]) return FASTIFY_CLIENT_ERRORS[err.code];
  const fromDb = fromDatabaseError(err);
  if (fromDb) return fromDb;
  if (err.statusCode && err.statusCode >= 400 && err.statusCode < 500) {
    return new AppError(err.statusCode, 'VALIDATION_ERROR', err.message);
  }
  return undefined;
}

export function sendError(reply: FastifyReply, request: FastifyRequest, err: AppError) {
  if (err.extra?.headers) reply.headers(err.extra.headers);
  return reply.status(err.status).send({
    success: false,
    error: {
      code: err.code,
      message: err.message,
      ...(err.details?.length ? { details: err.details } : {}),
      ...(err.extra?.retryAfter !== undefined ? { retryAfter: err.extra.retryAfter } : {}),
      timestamp: new Date().toISOString(),
      requestId: request.id,
    },
  });
}

export function registerErrorHandling(app: FastifyInstance) {
  app.setErrorHandler((err: FastifyError, request, reply) => {
    const known = classify(err);
    if (known) return sendError(reply, request, known);
    request.log.error({ err, requestId: request.id }, 'unhandled error');
    return sendError(reply, request, new AppError(500, 'SYSTEM_ERROR', 'An unexpected error occurred'));
  });
}
