import type { FastifyInstance } from 'fastify';
import { validation } from './errors.js';

/** No request body of this API nests deeper; anything deeper is refused before it is walked further. */
const MAX_DEPTH = 32;

/**
 * What no route schema should have to repeat: text with NUL characters (PostgreSQL cannot store
 * them) and absurdly deep JSON (it would exhaust the stack later, in JSON.stringify). Walks
 * iteratively, so the check itself cannot overflow.
 */
export function findInputProblem(value: unknown): string | null {
  const stack: { v: unknown; depth: number }[] = [{ v: value, depth: 0 }];
  while (stack.length) {
    const { v, depth } = stack.pop()!;
    if (typeof v === 'string') {
      if (v.includes('\u0000')) return 'Text may not contain NUL characters';
    } else if (v && typeof v === 'object' && !ArrayBuffer.isView(v)) {
      if (depth >= MAX_DEPTH) return `Input is nested more than ${MAX_DEPTH} levels deep`;
      for (const [key, child] of Object.entries(v)) {
        if (key.includes('\u0000')) return 'Text may not contain NUL characters';
        stack.push({ v: child, depth: depth + 1 });
      }
    }
  }
  return null;
}

/** Refuses such input on every route, in the API's error format, before validation runs. */
export function registerInputGuard(app: FastifyInstance) {
  app.addHook('preValidation', async (request) => {
    for (const part of [request.params, request.query, request.body]) {
      const problem = findInputProblem(part);
      if (problem) throw validation(problem);
    }
  });
}
