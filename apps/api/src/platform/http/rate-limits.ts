import type { Role } from '@plantops/contracts';
import type { RateLimitRule } from './rate-limiter.js';

/** Requests per minute and burst (per 10 s) by role: spec 11.1, maintenance roles per domain.md. */
export const ROLE_RATE_LIMITS: Record<Role, RateLimitRule> = {
  ADMIN: { limit: 1000, burst: 200, windowSeconds: 60 },
  PRODUCTION_COORDINATOR: { limit: 500, burst: 100, windowSeconds: 60 },
  ASSEMBLER: { limit: 300, burst: 60, windowSeconds: 60 },
  QC_PERSON: { limit: 300, burst: 60, windowSeconds: 60 },
  PROCUREMENT: { limit: 200, burst: 40, windowSeconds: 60 },
  SERVICE_TECH: { limit: 200, burst: 40, windowSeconds: 60 },
  MANAGER: { limit: 500, burst: 100, windowSeconds: 60 },
  SUPERVISOR: { limit: 500, burst: 100, windowSeconds: 60 },
  TECHNICIAN: { limit: 300, burst: 60, windowSeconds: 60 },
  INVENTORY_CLERK: { limit: 300, burst: 60, windowSeconds: 60 },
  CONTRACTOR: { limit: 300, burst: 60, windowSeconds: 60 },
  REQUESTER: { limit: 300, burst: 60, windowSeconds: 60 },
};

export interface RateLimitConfig {
  roles: Record<Role, RateLimitRule>;
  /** Unauthenticated requests, per client IP. */
  anonymous: RateLimitRule;
  /** Login, refresh, forgot/reset password: per client IP and per account e-mail. */
  loginPerIp: RateLimitRule;
  loginPerAccount: RateLimitRule;
}

export const DEFAULT_RATE_LIMITS: RateLimitConfig = {
  roles: ROLE_RATE_LIMITS,
  anonymous: { limit: 300, burst: 60, windowSeconds: 60 },
  loginPerIp: { limit: 30, windowSeconds: 60 },
  loginPerAccount: { limit: 10, windowSeconds: 60 },
};

/** Every limit and burst multiplied by a factor (RATE_LIMIT_MULTIPLIER). */
export function scaleRateLimits(c: RateLimitConfig, factor: number): RateLimitConfig {
  if (factor === 1) return c;
  const scale = (r: RateLimitRule): RateLimitRule => ({ ...r, limit: Math.ceil(r.limit * factor), ...(r.burst !== undefined ? { burst: Math.ceil(r.burst * factor) } : {}) });
  return {
    roles: Object.fromEntries(Object.entries(c.roles).map(([role, r]) => [role, scale(r)])) as RateLimitConfig['roles'],
    anonymous: scale(c.anonymous),
    loginPerIp: scale(c.loginPerIp),
    loginPerAccount: scale(c.loginPerAccount),
  };
}
