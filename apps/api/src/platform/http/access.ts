import { CROSS_WAREHOUSE_ROLES, type Permission, type Role } from '@plantops/contracts';
import type { FastifyInstance, FastifyRequest } from 'fastify';
import type { JwtSigner } from '../crypto/tokens.js';
import type { Actor } from '../db/unit-of-work.js';
import { AppError, forbidden, unauthorized } from './errors.js';
import type { RateLimitDecision, RateLimiter } from './rate-limiter.js';
import type { RateLimitConfig } from './rate-limits.js';

/** Who may call a route: anyone, any signed-in user, or holders of at least one permission. */
export type Access = 'public' | 'authenticated' | { anyOf: readonly Permission[] };

declare module 'fastify' {
  interface FastifyContextConfig {
    access?: Access;
    /** Reachable while the user must still change their password (profile, logout, change). */
    allowDuringPasswordChange?: boolean;
  }
  interface FastifyRequest {
    actor?: Actor;
  }
}

/** What the session store tells about a live session; null when it has ended. */
export interface SessionPrincipal {
  userId: string;
  email: string;
  /** First and last name, as records show who acted. */
  name: string;
  role: Role;
  warehouseId: string;
  mustChangePassword: boolean;
  permissions: readonly Permission[];
  /** When the session itself expires (ms since the epoch). */
  expiresAt: number;
}

export interface AccessDeps {
  jwt: JwtSigner;
  loadSession(sessionId: string, userId: string): Promise<SessionPrincipal | null>;
  limiter: RateLimiter;
  limits: RateLimitConfig;
}

const WAREHOUSE_HEADER = 'x-warehouse-id';
const UUID_RE = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

export function bearerToken(request: FastifyRequest): string | undefined {
  const header = request.headers.authorization;
  if (!header) return undefined;
  const match = /^Bearer\s+(\S+)$/i.exec(header);
  return match?.[1];
}

export function applyRateLimit(request: FastifyRequest, decision: RateLimitDecision, what: string) {
  const headers = {
    'x-ratelimit-limit': String(decision.limit),
    'x-ratelimit-remaining': String(decision.remaining),
    'x-ratelimit-reset': String(decision.resetAt),
    'x-ratelimit-window': String(decision.windowSeconds),
  };
  if (!decision.allowed) {
    throw new AppError(
      429,
      'RATE_LIMIT_EXCEEDED',
      `Rate limit exceeded. Maximum ${decision.limit} ${what} per ${decision.windowSeconds === 60 ? 'minute' : `${decision.windowSeconds} seconds`} allowed.`,
      undefined,
      { retryAfter: decision.retryAfterSeconds, headers: { ...headers, 'retry-after': String(decision.retryAfterSeconds) } },
    );
  }
  return headers;
}

/** The warehouse a request acts in: home, or for ADMIN/MANAGER an explicit pick or all sites. */
function resolveWarehouse(request: FastifyRequest, principal: SessionPrincipal) {
  const picked = request.headers[WAREHOUSE_HEADER];
  const crossSite = CROSS_WAREHOUSE_ROLES.includes(principal.role);
  if (typeof picked === 'string' && picked !== '') {
    if (!UUID_RE.test(picked)) throw new AppError(400, 'VALIDATION_ERROR', 'X-Warehouse-Id must be a UUID');
    if (!crossSite && picked !== principal.warehouseId) throw forbidden('You may only act in your own warehouse');
    return { warehouseId: picked, allWarehouses: false };
  }
  return { warehouseId: principal.warehouseId, allWarehouses: crossSite };
}

async function authenticate(request: FastifyRequest, deps: AccessDeps): Promise<Actor & { mustChangePassword: boolean }> {
  const token = bearerToken(request);
  if (!token) throw unauthorized('Authentication required');
  const claims = await deps.jwt.verify(token);
  if (claims === 'expired') throw unauthorized('Access token has expired', 'AUTH_INVALID_TOKEN');
  if (claims === 'invalid') throw unauthorized('Access token is invalid', 'AUTH_INVALID_TOKEN');
  const principal = await deps.loadSession(claims.sid, claims.sub);
  if (!principal) throw unauthorized('Session has ended', 'AUTH_INVALID_TOKEN');
  return {
    userId: principal.userId,
    email: principal.email,
    name: principal.name,
    role: principal.role,
    homeWarehouseId: principal.warehouseId,
    ...resolveWarehouse(request, principal),
    sessionId: claims.sid,
    permissions: principal.permissions,
    mustChangePassword: principal.mustChangePassword,
  };
}

/**
 * One onRequest hook guards every route: rate limit, authentication (JWT + live session),
 * forced password change, and the route's declared permission. Routes under /api must declare
 * `config.access`; registering one without it fails at start-up.
 */
export function registerAccessControl(app: FastifyInstance, deps: AccessDeps) {
  app.addHook('onRoute', (route) => {
    if (route.url.startsWith('/api/') && !route.config?.access && !route.url.startsWith('/api/docs')) {
      throw new Error(`Route ${route.method} ${route.url} declares no config.access`);
    }
  });

  app.addHook('onRequest', async (request, reply) => {
    const access = request.routeOptions.config?.access ?? 'public';
    if (access === 'public') {
      // The web app's own files and pages are not API traffic: a page load must not spend the budget.
      if (!request.url.startsWith('/api/')) return;
      reply.headers(applyRateLimit(request, deps.limiter.consume(`ip:${request.ip}`, deps.limits.anonymous), 'requests'));
      return;
    }
    let actor;
    try {
      actor = await authenticate(request, deps);
    } catch (err) {
      // Failed authentication counts against the caller's IP so token guessing is throttled too.
      applyRateLimit(request, deps.limiter.consume(`ip:${request.ip}`, deps.limits.anonymous), 'requests');
      throw err;
    }
    reply.headers(applyRateLimit(request, deps.limiter.consume(`user:${actor.userId}`, deps.limits.roles[actor.role]), 'requests'));
    if (actor.mustChangePassword && !request.routeOptions.config?.allowDuringPasswordChange) {
      throw new AppError(403, 'AUTH_PASSWORD_CHANGE_REQUIRED', 'You must change your password before continuing');
    }
    if (typeof access === 'object' && !access.anyOf.some((p) => actor.permissions.includes(p))) {
      throw forbidden();
    }
    const { mustChangePassword: _ignored, ...rest } = actor;
    request.actor = rest;
  });
}

/** The actor of an authenticated route (the hook guarantees it is set). */
export function actorOf(request: FastifyRequest): Actor {
  if (!request.actor) throw unauthorized();
  return request.actor;
}
