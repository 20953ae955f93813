import { groupPermissions, hasPermission } from '@plantops/contracts';
import { loginResponseSchema, mfaEnrolmentSchema, rolePermissionsSchema, tokenPairSchema } from '@plantops/contracts/responses/auth';
import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import type { AppDeps } from '../../../app-deps.js';
import { actorOf } from '../../../platform/http/access.js';
import { envelope, messageEnvelope, ok, okMessage } from '../../../platform/http/envelope.js';
import { errorResponses } from '../../../platform/http/openapi.js';
import * as repo from './auth.repo.js';
import * as schema from './auth.schema.js';
import * as auth from './auth.service.js';
import { authDeps, clientInfo, limitCredentialAttempts } from './auth.http.js';
import * as mfa from './mfa.service.js';
import { getProfile, updateProfile } from './profile.service.js';

const tags = ['auth'];

/** Manufacturing spec section 1: /api/v1/auth/* with the `{ success, data }` envelope. */
export async function authRoutes(app: FastifyInstance, deps: AppDeps) {
  const r = app.withTypeProvider<ZodTypeProvider>();
  const svc = authDeps(deps);

  r.post('/api/v1/auth/login', {
    config: { access: 'public' },
    schema: {
      tags,
      summary: 'Sign in; returns a 15-minute access token and a rotating refresh token',
      body: schema.loginBody,
      response: {
        200: envelope(loginResponseSchema),
        ...schema.loginErrors,
      },
    },
    handler: async (request, reply) => {
      limitCredentialAttempts(deps, request, reply, request.body.email);
      const { user, tokens } = await auth.login(svc, request.body, clientInfo(request, request.body.deviceFingerprint));
      return ok({ ...tokens, user: { ...user, permissions: [...user.permissions] } });
    },
  });

  r.post('/api/v1/auth/refresh', {
    config: { access: 'public' },
    schema: {
      tags,
      summary: 'Exchange a refresh token for a new access token and a new refresh token (the old one becomes invalid)',
      body: schema.refreshBody,
      response: { 200: envelope(tokenPairSchema), ...errorResponses(401) },
    },
    handler: async (request, reply) => {
      limitCredentialAttempts(deps, request, reply);
      const t = await auth.refresh(svc, request.body.refreshToken, clientInfo(request));
      return ok({ accessToken: t.accessToken, refreshToken: t.refreshToken, expiresIn: t.expiresIn });
    },
  });

  r.post('/api/v1/auth/logout', {
    config: { access: 'authenticated', allowDuringPasswordChange: true },
    schema: { tags, summary: 'End the current session', response: { 200: messageEnvelope } },
    handler: async (request) => {
      const actor = actorOf(request);
      await auth.logout(svc, actor.userId, actor.homeWarehouseId, actor.sessionId, clientInfo(request));
      return okMessage('Logged out successfully');
    },
  });

  r.post('/api/v1/auth/forgot-password', {
    config: { access: 'public' },
    schema: { tags, summary: 'Send a password reset e-mail if the account exists', body: schema.forgotPasswordBody, response: { 200: messageEnvelope } },
    handler: async (request, reply) => {
      limitCredentialAttempts(deps, request, reply, request.body.email);
      await auth.forgotPassword(svc, request.body.email, clientInfo(request));
      return okMessage('Password reset email sent if account exists');
    },
  });

  r.post('/api/v1/auth/reset-password', {
    config: { access: 'public' },
    schema: { tags, summary: 'Set a new password with a reset token; ends every session', body: schema.resetPasswordBody, response: { 200: messageEnvelope } },
    handler: async (request, reply) => {
      limitCredentialAttempts(deps, request, reply);
      await auth.resetPassword(svc, request.body.token, request.body.newPassword, clientInfo(request));
      return okMessage('Password reset successfully');
    },
  });

  r.get('/api/v1/auth/profile', {
    config: { access: 'authenticated', allowDuringPasswordChange: true },
    schema: { tags, summary: 'The signed-in user', response: { 200: envelope(schema.profileSchema), ...errorResponses(404) } },
    handler: async (request) => {
      const profile = await deps.scoped(request, getProfile);
      return ok({ ...profile, ...(await repo.credentialFlags(deps.db, profile.id)) });
    },
  });

  r.put('/api/v1/auth/profile', {
    config: { access: 'authenticated' },
    schema: { tags, summary: 'Update name, phone and preferences', body: schema.profileUpdateBody, response: { 200: envelope(schema.profileSchema) } },
    handler: async (request) => {
      const profile = await deps.scoped(request, (ctx) => updateProfile(ctx, request.body));
      return ok({ ...profile, ...(await repo.credentialFlags(deps.db, profile.id)) });
    },
  });

  r.post('/api/v1/auth/change-password', {
    config: { access: 'authenticated', allowDuringPasswordChange: true },
    schema: { tags, summary: 'Change password; other sessions end', body: schema.changePasswordBody, response: { 200: messageEnvelope } },
    handler: async (request) => {
      const actor = actorOf(request);
      await auth.changePassword(svc, actor.userId, actor.sessionId, request.body, clientInfo(request));
      return okMessage('Password changed successfully');
    },
  });

  r.get('/api/v1/auth/permissions', {
    config: { access: 'authenticated', allowDuringPasswordChange: true },
    schema: {
      tags,
      summary: "The caller's role and permissions, grouped by resource",
      response: { 200: envelope(rolePermissionsSchema) },
    },
    handler: async (request) => {
      const actor = actorOf(request);
      return ok({ role: actor.role, permissions: groupPermissions(actor.permissions) });
    },
  });

  r.post('/api/v1/auth/validate-permission', {
    config: { access: 'authenticated' },
    schema: { tags, summary: 'Does the caller hold resource:action?', body: schema.validatePermissionBody, response: { 200: envelope(z.object({ hasPermission: z.boolean() })) } },
    handler: async (request) => {
      const { resource, action } = request.body;
      return ok({ hasPermission: hasPermission(actorOf(request).role, `${resource}:${action}`) });
    },
  });

  r.post('/api/v1/auth/mfa/enroll', {
    config: { access: 'authenticated' },
    schema: { tags, summary: 'Start TOTP enrolment; returns the secret and an otpauth:// URL', response: { 200: envelope(mfaEnrolmentSchema), ...errorResponses(409) } },
    handler: async (request) => ok(await mfa.enrollTotp(deps.db, actorOf(request).userId)),
  });

  r.post('/api/v1/auth/mfa/confirm', {
    config: { access: 'authenticated' },
    schema: { tags, summary: 'Confirm enrolment with a current code; enables TOTP', body: schema.mfaConfirmBody, response: { 200: messageEnvelope, ...errorResponses(409) } },
    handler: async (request) => {
      await mfa.confirmTotp(deps.db, actorOf(request).userId, request.body.code, clientInfo(request));
      return okMessage('Two-factor authentication enabled');
    },
  });

  r.post('/api/v1/auth/mfa/disable', {
    config: { access: 'authenticated' },
    schema: { tags, summary: 'Disable TOTP (requires the password)', body: schema.mfaDisableBody, response: { 200: messageEnvelope, ...errorResponses(409) } },
    handler: async (request) => {
      await mfa.disableTotp(deps.db, actorOf(request).userId, request.body.password, clientInfo(request));
      return okMessage('Two-factor authentication disabled');
    },
  });
}
