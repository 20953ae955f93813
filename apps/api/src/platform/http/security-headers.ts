import type { FastifyInstance } from 'fastify';
import helmet from 'helmet';

/**
 * Helmet's security headers with the app's content security policy, on every response.
 * The middleware is built once: @fastify/helmet built a new one per request (parsing every
 * directive again), about 4% of a cheap request's CPU. `bootScripts` gives index.html's inline
 * boot script hashes (decision 0014), read per request so a new build's hash is served.
 */
export function registerSecurityHeaders(app: FastifyInstance, bootScripts: () => string[]) {
  const apply = helmet({
    contentSecurityPolicy: {
      directives: {
        defaultSrc: ["'self'"],
        scriptSrc: ["'self'", () => bootScripts().join(' ')],
        styleSrc: ["'self'", "'unsafe-inline'"],
        imgSrc: ["'self'", 'data:', 'blob:'],
        connectSrc: ["'self'", 'ws:', 'wss:'],
        workerSrc: ["'self'"],
        manifestSrc: ["'self'"],
      },
    },
  });
  app.addHook('onRequest', (request, reply, done) => apply(request.raw, reply.raw, (err) => done(err as Error | undefined)));
}
