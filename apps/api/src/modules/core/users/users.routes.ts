import { newPasswordSchema, paginationSchema, roleSchema, userSummarySchema } from '@plantops/contracts';
import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import type { AppDeps } from '../../../app-deps.js';
import { envelope, ok, pageQuery, pagination, queryBoolean, uuidParam } from '../../../platform/http/envelope.js';
import { emailSchema } from '../auth/auth.schema.js';
import * as users from './users.service.js';

const tags = ['users'];
const access = { anyOf: ['user:manage', 'user:manage:warehouse'] as const };
const name = z.string().trim().min(1).max(100);
const phone = z.string().trim().max(40).nullable().optional();
const idParams = z.strictObject({ id: uuidParam });

export async function userRoutes(app: FastifyInstance, deps: AppDeps) {
  const r = app.withTypeProvider<ZodTypeProvider>();

  r.get('/api/v1/users', {
    config: { access },
    schema: {
      tags,
      summary: 'Users (ADMIN: all sites; MANAGER: own warehouse)',
      querystring: z.strictObject({
        ...pageQuery,
        search: z.string().trim().max(100).optional(),
        role: roleSchema.optional(),
        warehouseId: z.uuid().optional(),
        active: queryBoolean.optional(),
        sortBy: z.enum(['createdAt', 'email', 'lastName', 'role']).default('lastName'),
        sortOrder: z.enum(['asc', 'desc']).default('asc'),
      }),
      response: { 200: envelope(z.object({ users: z.array(userSummarySchema), pagination: paginationSchema })) },
    },
    handler: async (request) => {
      const q = request.query;
      const { users: list, total } = await deps.scoped(request, (ctx) => users.listUsers(ctx, q));
      return ok({ users: list, pagination: pagination(q.page, q.limit, total) });
    },
  });

  r.get('/api/v1/users/:id', {
    config: { access },
    schema: { tags, params: idParams, response: { 200: envelope(userSummarySchema) } },
    handler: async (request) => ok(await deps.scoped(request, (ctx) => users.getUser(ctx, request.params.id))),
  });

  r.post('/api/v1/users', {
    config: { access },
    schema: {
      tags,
      summary: 'Create a user with a temporary password (changed at first sign-in); only roles below your own',
      body: z.strictObject({ email: emailSchema, firstName: name, lastName: name, role: roleSchema, warehouseId: z.uuid().optional(), phone, password: newPasswordSchema }),
      response: { 201: envelope(userSummarySchema) },
    },
    handler: async (request, reply) => {
      const user = await deps.scoped(request, (ctx) => users.createUser(ctx, request.body));
      return reply.status(201).send(ok(user));
    },
  });

  r.put('/api/v1/users/:id', {
    config: { access },
    schema: {
      tags,
      summary: 'Change a user; role, site or deactivation changes end their sessions',
      params: idParams,
      body: z.strictObject({ firstName: name.optional(), lastName: name.optional(), phone, role: roleSchema.optional(), warehouseId: z.uuid().optional(), active: z.boolean().optional() }),
      response: { 200: envelope(userSummarySchema) },
    },
    handler: async (request) => ok(await deps.scoped(request, (ctx) => users.updateUser(ctx, request.params.id, request.body))),
  });

  r.delete('/api/v1/users/:id', {
    config: { access },
    schema: { tags, summary: 'Deactivate a user (users are never erased: the audit trail refers to them)', params: idParams, response: { 200: envelope(userSummarySchema) } },
    handler: async (request) => ok(await deps.scoped(request, (ctx) => users.deactivateUser(ctx, request.params.id))),
  });
}
