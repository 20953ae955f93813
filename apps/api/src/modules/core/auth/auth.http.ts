import type { FastifyReply, FastifyRequest } from 'fastify';
import type { AppDeps } from '../../../app-deps.js';
import { applyRateLimit } from '../../../platform/http/access.js';
import { deviceFingerprint, type AuthDeps, type ClientInfo } from './auth.service.js';

/** Helpers shared by the two auth dialects (/api/v1/auth and the CMMS /api/auth). */

export function authDeps(deps: AppDeps): AuthDeps {
  return {
    db: deps.db,
    jwt: deps.jwt,
    accessTtlSeconds: deps.config.ACCESS_TOKEN_TTL_SECONDS,
    publicUrl: deps.config.PUBLIC_URL,
    afterMailQueued: () => {
      deps.mail.deliverPending().catch(() => undefined);
    },
  };
}

export function clientInfo(request: FastifyRequest, explicitFingerprint?: string): ClientInfo {
  const ua = request.headers['user-agent'];
  const lang = request.headers['accept-language'];
  return {
    ip: request.ip,
    userAgent: ua ? ua.slice(0, 512) : null,
    deviceFingerprint: deviceFingerprint(
      explicitFingerprint ?? (request.headers['x-device-fingerprint'] as string | undefined),
      ua,
      typeof lang === 'string' ? lang : undefined,
    ),
    requestId: request.id,
  };
}

/** Login-type endpoints are limited per client IP and, when an e-mail is given, per account. */
export function limitCredentialAttempts(deps: AppDeps, request: FastifyRequest, reply: FastifyReply, email?: string) {
  reply.headers(applyRateLimit(request, deps.limiter.consume(`login-ip:${request.ip}`, deps.limits.loginPerIp), 'attempts'));
  if (email) {
    applyRateLimit(request, deps.limiter.consume(`login-account:${email.toLowerCase()}`, deps.limits.loginPerAccount), 'attempts');
  }
}
