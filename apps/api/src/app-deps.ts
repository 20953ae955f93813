import type { FastifyRequest } from 'fastify';
import type { Config } from './config.js';
import type { JwtSigner } from './platform/crypto/tokens.js';
import type { Database } from './platform/db/database.js';
import { inActorScope, inLazyActorScope, type Ctx, type RequestMeta } from './platform/db/unit-of-work.js';
import { actorOf } from './platform/http/access.js';
import type { RateLimiter } from './platform/http/rate-limiter.js';
import type { RateLimitConfig } from './platform/http/rate-limits.js';
import type { FileStorage } from './platform/storage/file-storage.js';
import type { MailDispatcher } from './modules/core/mail/mail.dispatcher.js';
import type { JobRunner } from './platform/jobs/job-runner.js';
import type { RealtimeHub } from './platform/realtime/hub.js';
import type { CacheInvalidation } from './platform/cache/cache-invalidation.js';

/** Everything route modules need, built once in buildApp and passed explicitly. */
export interface AppDeps {
  config: Config;
  db: Database;
  jwt: JwtSigner;
  limiter: RateLimiter;
  limits: RateLimitConfig;
  mail: MailDispatcher;
  /** Uploaded files' bytes (local disk under dataDir/uploads unless buildApp is given another). */
  storage: FileStorage;
  jobs: JobRunner;
  realtime: RealtimeHub;
  /** Creates read caches that the database's change tags keep fresh (decision 0006). */
  caches: CacheInvalidation;
  /**
   * Runs a use case as the request's actor inside one RLS-scoped transaction. `lazy`: BEGIN waits
   * for the first statement, for reads that read caches may answer whole.
   */
  scoped<T>(request: FastifyRequest, fn: (ctx: Ctx) => Promise<T>, opts?: { lazy?: boolean }): Promise<T>;
}

export const requestMeta = (request: FastifyRequest): RequestMeta => ({ requestId: request.id, ip: request.ip });

export function makeScoped(db: Database): AppDeps['scoped'] {
  return (request, fn, opts) => (opts?.lazy ? inLazyActorScope : inActorScope)(db, actorOf(request), requestMeta(request), fn);
}

declare module 'fastify' {
  interface FastifyInstance {
    plantops: AppDeps;
  }
}
