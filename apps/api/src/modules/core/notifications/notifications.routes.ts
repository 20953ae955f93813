import { isTimeZone } from '../../../platform/http/time-zone.js';
import { notificationPreferencesSchema, notificationSchema, notificationTypeSchema } from '@plantops/contracts';
import { markedReadSchema, notificationListSchema } from '@plantops/contracts/responses/notifications';
import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import type { AppDeps } from '../../../app-deps.js';
import { cursorQuery, envelope, keysetPagination, ok, pageQuery, queryBoolean, uuidParam } from '../../../platform/http/envelope.js';
import * as svc from './notifications.service.js';

const tags = ['notifications'];

export async function notificationRoutes(app: FastifyInstance, deps: AppDeps) {
  const r = app.withTypeProvider<ZodTypeProvider>();

  r.get('/api/v1/notifications', {
    config: { access: 'authenticated' },
    schema: {
      tags,
      summary: "The caller's notifications, newest first (pagination.nextCursor as cursor for the next page)",
      querystring: z.strictObject({ ...pageQuery, ...cursorQuery, unread: queryBoolean.optional(), type: notificationTypeSchema.optional() }),
      response: { 200: envelope(notificationListSchema) },
    },
    handler: async (request) => {
      const q = request.query;
      const { notifications, page, unreadCount } = await deps.scoped(request, (ctx) => svc.listNotifications(ctx, q));
      return ok({ notifications, unreadCount, pagination: keysetPagination(page) });
    },
  });

  r.put('/api/v1/notifications/:id/read', {
    config: { access: 'authenticated' },
    schema: { tags, params: z.strictObject({ id: uuidParam }), response: { 200: envelope(notificationSchema) } },
    handler: async (request) => ok(await deps.scoped(request, (ctx) => svc.markRead(ctx, request.params.id))),
  });

  r.put('/api/v1/notifications/read-all', {
    config: { access: 'authenticated' },
    schema: { tags, response: { 200: envelope(markedReadSchema) } },
    handler: async (request) => ok({ updated: await deps.scoped(request, svc.markAllRead) }),
  });

  r.get('/api/v1/notifications/preferences', {
    config: { access: 'authenticated' },
    schema: { tags, response: { 200: envelope(notificationPreferencesSchema) } },
    handler: async (request) => ok(await deps.scoped(request, svc.getPreferences)),
  });

  r.put('/api/v1/notifications/preferences', {
    config: { access: 'authenticated' },
    schema: {
      tags,
      summary: 'In-app and e-mail switches, per-type overrides, quiet hours for e-mail',
      body: notificationPreferencesSchema.partial().strict().refine((p) => p.timezone === undefined || isTimeZone(p.timezone), { message: 'Unknown time zone', path: ['timezone'] }),
      response: { 200: envelope(notificationPreferencesSchema) },
    },
    handler: async (request) => ok(await deps.scoped(request, (ctx) => svc.updatePreferences(ctx, request.body))),
  });
}
