import type { IncomingMessage, ServerResponse } from 'node:http';
import type { FastifyInstance } from 'fastify';
import helmet from 'helmet';

type HeaderValue = string | number | readonly string[];

/** What a helmet middleware does to a response: the headers it sets and the ones it removes. */
interface HeaderSet {
  set: [string, HeaderValue][];
  removed: string[];
}

/**
 * Helmet's security headers with the app's content security policy, on every response.
 * `bootScripts` gives index.html's inline boot script hashes (decision 0014), read per request so
 * a new build's hash is served. Helmet's headers depend on nothing of the request, only on that
 * hash, so they are worked out once per hash (helmet run against a recording response) and each
 * request only copies them: building them per request (every CSP directive joined and validated
 * again, a dozen middlewares chained) was about 5% of a request's CPU.
 */
export function registerSecurityHeaders(app: FastifyInstance, bootScripts: () => string[]) {
  let current: { scripts: string; headers: HeaderSet } | undefined;
  app.addHook('onRequest', (_request, reply, done) => {
    const scripts = bootScripts().join(' ');
    if (current?.scripts !== scripts) current = { scripts, headers: helmetHeaders(scripts) };
    const res = reply.raw;
    for (const name of current.headers.removed) res.removeHeader(name);
    for (const [name, value] of current.headers.set) res.setHeader(name, value);
    done();
  });
}

/** The headers helmet sets with the app's policy and these boot script sources. */
function helmetHeaders(bootScripts: string): HeaderSet {
  const middleware = helmet({
    contentSecurityPolicy: {
      directives: {
        defaultSrc: ["'self'"],
        scriptSrc: ["'self'", ...(bootScripts ? [bootScripts] : [])],
        styleSrc: ["'self'", "'unsafe-inline'"],
        imgSrc: ["'self'", 'data:', 'blob:'],
        connectSrc: ["'self'", 'ws:', 'wss:'],
        workerSrc: ["'self'"],
        manifestSrc: ["'self'"],
      },
    },
  });
  const headers: HeaderSet = { set: [], removed: [] };
  const recorder = {
    setHeader: (name: string, value: HeaderValue) => headers.set.push([name, value]),
    removeHeader: (name: string) => headers.removed.push(name),
  };
  let failure: unknown;
  middleware({ method: 'GET', url: '/', headers: {} } as IncomingMessage, recorder as unknown as ServerResponse, (err?: unknown) => (failure = err));
  if (failure) throw failure;
  return headers;
}
