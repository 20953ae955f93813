import { errorBodySchema } from '@plantops/contracts';
import type { Readable } from 'node:stream';
import type { FastifyInstance, FastifySchema, RouteOptions } from 'fastify';
import { jsonSchemaTransform } from 'fastify-type-provider-zod';
import { z } from 'zod';

/**
 * The OpenAPI document as the contract: every /api route documents its success responses and every
 * error the platform can answer it with. The error statuses that follow from how a route is
 * declared (signed in or not, with a body, with path parameters) are added here once, so a route
 * lists only the ones its own rules add (409 on a conflict, 404 on a route without parameters).
 * test/contract.ts then checks every response the API tests receive against this document.
 */

const ERROR_DESCRIPTIONS: Record<number, string> = {
  400: 'Malformed request: a query or path parameter is invalid, or the URL or JSON cannot be read (details name the fields)',
  401: 'Not signed in, or the access or refresh token is invalid, expired or ended',
  403: 'Not allowed: a missing permission, another warehouse, or a pending password change (the message names the rule)',
  404: 'Not found, or not visible to the caller',
  409: 'Conflicts with the current state: a unique value already in use, or a state or stock rule (the message names the rule)',
  413: 'Request body is too large',
  415: 'Unsupported content type',
  422: 'The input breaks a validation or business rule (details name the fields)',
  426: 'A plain request where a WebSocket upgrade is required',
  429: 'Rate limit exceeded: X-RateLimit-Limit/-Remaining/-Reset/-Window name the limit that refused, Retry-After and retryAfter when to try again',
  500: 'Unexpected server error (the requestId finds it in the logs)',
};

/** The spec's error envelope for one status, described for the OpenAPI document. */
export const errorResponse = (status: number) => errorBodySchema.describe(ERROR_DESCRIPTIONS[status] ?? `Error ${status}`);

/** Error responses a route adds to the platform's own (e.g. `...errorResponses(404, 409)`). */
export const errorResponses = <S extends number>(...statuses: S[]) =>
  Object.fromEntries(statuses.map((s) => [s, errorResponse(s)])) as Record<S, ReturnType<typeof errorResponse>>;

/** A response that is a file rather than JSON: its content types, documented as binary. */
export const fileResponse = (description: string, contentTypes: readonly string[]) => ({
  description,
  // Typed as what handlers send (bytes are never serialized); documented as a binary string.
  content: Object.fromEntries(contentTypes.map((type) => [type, { schema: z.string().meta({ format: 'binary' }) as unknown as z.ZodType<string | Buffer | Readable> }])),
});

declare module 'fastify' {
  interface FastifyContextConfig {
    /** The documented multipart/form-data body of a route that reads its parts itself (uploads). */
    multipartBody?: z.ZodObject;
  }
}

type ResponseMap = Record<string, unknown>;

/** The statuses the platform itself can answer on a route, from how the route is declared. */
function platformErrors(route: RouteOptions): number[] {
  const schema = (route.schema ?? {}) as FastifySchema;
  const access = route.config?.access;
  // Every route: malformed URL or query (400), NUL characters or over-deep input (422), rate limit, failure.
  const statuses = [400, 422, 429, 500];
  if (access !== 'public') statuses.push(401, 403);
  if (schema.body || route.config?.multipartBody) statuses.push(413, 415);
  if (schema.params) statuses.push(404);
  // Any write can meet a unique value already taken (the database's check maps to 409) or a state rule.
  const methods = ([] as string[]).concat(route.method);
  if (methods.some((m) => !['GET', 'HEAD', 'OPTIONS'].includes(m))) statuses.push(409);
  return statuses;
}

const isDocumentedApiRoute = (route: RouteOptions) =>
  route.url.startsWith('/api/') && !!route.config?.access && !(route.schema as { hide?: boolean } | undefined)?.hide;

/**
 * Adds the platform's error responses to every documented /api route and refuses, at start-up,
 * a route that documents no success response (so none ships without a response schema).
 */
export function registerResponseDocs(app: FastifyInstance) {
  app.addHook('onRoute', (route) => {
    if (!isDocumentedApiRoute(route)) return;
    const schema = (route.schema ??= {}) as FastifySchema & { response?: ResponseMap };
    const response: ResponseMap = (schema.response ??= {});
    if (!Object.keys(response).some((status) => /^2\d\d$/.test(status))) {
      throw new Error(`Route ${String(route.method)} ${route.url} documents no success response (schema.response)`);
    }
    for (const status of platformErrors(route)) response[status] ??= errorResponse(status);
    // The document's default is a bearer token; public routes say they need none.
    if (route.config?.access === 'public') (schema as { security?: unknown[] }).security ??= [];
  });
}

/** fastify-type-provider-zod's transform, plus the multipart bodies routes declare in config. */
export const openapiTransform: typeof jsonSchemaTransform = (document) => {
  const transformed = jsonSchemaTransform(document);
  const multipart = (document.route.config as { multipartBody?: z.ZodObject } | undefined)?.multipartBody;
  if (multipart && transformed.schema) {
    (transformed.schema as Record<string, unknown>).body = z.toJSONSchema(multipart, { target: 'openapi-3.0', io: 'input' });
  }
  return transformed;
};
