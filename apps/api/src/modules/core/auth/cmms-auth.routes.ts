import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import type { AppDeps } from '../../../app-deps.js';
import { actorOf } from '../../../platform/http/access.js';
import * as schema from './auth.schema.js';
import { errorResponses } from '../../../platform/http/openapi.js';
import * as auth from './auth.service.js';
import { authDeps, clientInfo, limitCredentialAttempts } from './auth.http.js';

const tags = ['auth (CMMS dialect)'];

/** The CMMS spec's section 2 auth flow: same service, the CMMS request and response shapes. */
export async function cmmsAuthRoutes(app: FastifyInstance, deps: AppDeps) {
  const r = app.withTypeProvider<ZodTypeProvider>();
  const svc = authDeps(deps);

  r.post('/api/auth/login', {
    config: { access: 'public' },
    schema: {
      tags,
      body: schema.loginBody,
      response: { 200: z.object({ success: z.literal(true), user: schema.loggedInUserSchema, token: z.string(), refreshToken: z.string(), sessionId: z.string() }), ...schema.loginErrors },
    },
    handler: async (request, reply) => {
      limitCredentialAttempts(deps, request, reply, request.body.email);
      const { user, tokens } = await auth.login(svc, request.body, clientInfo(request, request.body.deviceFingerprint));
      return { success: true as const, user: { ...user, permissions: [...user.permissions] }, token: tokens.accessToken, refreshToken: tokens.refreshToken, sessionId: tokens.sessionId };
    },
  });

  r.post('/api/auth/refresh', {
    config: { access: 'public' },
    schema: { tags, body: schema.refreshBody, response: { 200: z.object({ token: z.string(), refreshToken: z.string() }), ...errorResponses(401) } },
    handler: async (request, reply) => {
      limitCredentialAttempts(deps, request, reply);
      const t = await auth.refresh(svc, request.body.refreshToken, clientInfo(request));
      return { token: t.accessToken, refreshToken: t.refreshToken };
    },
  });

  r.post('/api/auth/logout', {
    config: { access: 'authenticated', allowDuringPasswordChange: true },
    schema: { tags, body: z.strictObject({ sessionId: z.string().min(1).max(128) }), response: { 200: z.object({ success: z.literal(true) }), ...errorResponses(404) } },
    handler: async (request) => {
      const actor = actorOf(request);
      await auth.logout(svc, actor.userId, actor.homeWarehouseId, request.body.sessionId, clientInfo(request));
      return { success: true as const };
    },
  });
}
