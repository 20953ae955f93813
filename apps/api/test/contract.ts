import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import { z } from 'zod';

/**
 * The OpenAPI contract test: every response an API test receives from a documented /api route is
 * checked against that route's documented responses. An undocumented status, a JSON body that does
 * not match the status's schema, or a content type the route does not document is a violation;
 * the harness fails the test file with all of them when it closes the app.
 */
export interface ContractCheck {
  violations: string[];
  /** Throws with every violation recorded so far (route, status, what did not match). */
  assertClean(): void;
}

type Declared = z.ZodType | { content: Record<string, unknown> };

const isContentMap = (d: Declared): d is { content: Record<string, unknown> } => !(d instanceof z.ZodType) && typeof d === 'object' && 'content' in d;

function documentedResponse(request: FastifyRequest, status: number): { declared?: Declared; statuses: string[] } {
  const responses = ((request.routeOptions.schema as { response?: Record<string, Declared> } | undefined)?.response ?? {}) as Record<string, Declared>;
  const declared = responses[status] ?? responses[`${Math.floor(status / 100)}xx`] ?? responses[`${Math.floor(status / 100)}XX`] ?? responses.default;
  return { declared, statuses: Object.keys(responses) };
}

function checkResponse(request: FastifyRequest, reply: FastifyReply, payload: unknown): string | null {
  const status = reply.statusCode;
  const { declared, statuses } = documentedResponse(request, status);
  if (!declared) return `status ${status} is not documented (documented: ${statuses.join(', ') || 'none'})`;
  const contentType = (String(reply.getHeader('content-type') ?? '').split(';')[0] ?? '').trim();
  if (isContentMap(declared)) {
    const types = Object.keys(declared.content);
    return types.some((t) => t === contentType || t === '*/*') ? null : `content type ${contentType || '(none)'} is not documented (documented: ${types.join(', ')})`;
  }
  if (!contentType.includes('json')) return `sent ${contentType || 'no content type'} where JSON is documented`;
  if (typeof payload !== 'string') return 'sent a stream or buffer where JSON is documented';
  let body: unknown;
  try {
    body = JSON.parse(payload);
  } catch {
    return 'body is not valid JSON';
  }
  const result = declared.safeParse(body);
  return result.success ? null : `body does not match the documented schema:\n${z.prettifyError(result.error)}\nbody: ${payload.slice(0, 500)}`;
}

export function installContractCheck(app: FastifyInstance): ContractCheck {
  const violations: string[] = [];
  app.addHook('onSend', async (request, reply, payload) => {
    const route = request.routeOptions;
    const hidden = (route.schema as { hide?: boolean } | undefined)?.hide;
    if (!route.url?.startsWith('/api/') || !route.config?.access || hidden) return payload;
    const problem = checkResponse(request, reply, payload);
    if (problem) violations.push(`${request.method} ${route.url} -> ${reply.statusCode}: ${problem}`);
    return payload;
  });
  return {
    violations,
    assertClean() {
      if (violations.length) {
        throw new Error(`OpenAPI contract: ${violations.length} response(s) differ from the documented ones:\n\n${[...new Set(violations)].join('\n\n')}`);
      }
    },
  };
}
