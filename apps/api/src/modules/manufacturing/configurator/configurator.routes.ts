import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { accessoryRefSchema } from '@plantops/contracts';
import { sinkFamilyListSchema, templateListSchema, validationSchema } from '@plantops/contracts/responses/configurator';
import { z } from 'zod';
import type { AppDeps } from '../../../app-deps.js';
import { envelope, ok, pageQuery, queryBoolean } from '../../../platform/http/envelope.js';
import { problemErrorBody } from '../../../platform/http/problem-schemas.js';
import { listTemplates, sinkFamilies, validateSink, type ConfiguratorStore } from './configurator.service.js';

const tags = ['configurations'];

const familyRefSchema = z.string().trim().min(1).max(100);

const validateBody = z.strictObject({
  sinkFamilyId: familyRefSchema.optional().describe('Family id, code (CSP, CSS, MDRD_T2) or name; when absent, the one family the configuration fits'),
  configuration: z.unknown().describe("The family's configuration (bom-rules.md shows MDRD T2's; the spec shows CleanStation's)"),
  accessories: z.array(accessoryRefSchema).max(100).default([]),
});

/** The CleanStation request of spec 4.1 carries accessories inside the configuration as `additionalOptions`. */
function splitAdditionalOptions(configuration: unknown) {
  if (!configuration || typeof configuration !== 'object' || Array.isArray(configuration)) return { configuration, extra: [] };
  const { additionalOptions, ...rest } = configuration as Record<string, unknown>;
  if (!Array.isArray(additionalOptions)) return { configuration, extra: [] };
  const extra = additionalOptions.map((o) => {
    const x = (o ?? {}) as { optionId?: unknown; accessoryId?: unknown; partNumber?: unknown; quantity?: unknown };
    const id = typeof x.optionId === 'string' ? x.optionId : typeof x.accessoryId === 'string' ? x.accessoryId : undefined;
    const uuid = id && /^[0-9a-f-]{36}$/i.test(id) ? id : undefined;
    return { accessoryId: uuid, partNumber: uuid ? undefined : (id ?? (typeof x.partNumber === 'string' ? x.partNumber : '?')), quantity: Number.isInteger(x.quantity) && (x.quantity as number) > 0 ? (x.quantity as number) : 1 };
  });
  return { configuration: rest, extra };
}

/** Manufacturing spec 4.1: sink families, configuration validation and templates. */
export function configuratorRoutes(store: ConfiguratorStore) {
  return async (app: FastifyInstance, deps: AppDeps) => {
    const r = app.withTypeProvider<ZodTypeProvider>();

    r.get('/api/v1/configurations/sink-families', {
      config: { access: { anyOf: ['configuration:read'] } },
      schema: {
        tags,
        summary: 'Sink families with their configurable options, option tree and accessory library',
        querystring: z.strictObject({ includeInactive: queryBoolean.default(false) }),
        response: { 200: envelope(sinkFamilyListSchema) },
      },
      handler: async (request) => ok(await deps.scoped(request, (ctx) => sinkFamilies(ctx, store, request.query.includeInactive), { lazy: true })),
    });

    r.post('/api/v1/configurations/validate', {
      config: { access: { anyOf: ['configuration:validate'] } },
      schema: {
        tags,
        summary: 'Validate a configuration: every problem at once (200 with isValid false), or its price, lead time and BOM lines',
        querystring: z.strictObject({
          include: z.enum(['availableOptions']).optional().describe('availableOptions: also the values each option field offers with the other choices (the configurator page asks; other callers save its cost)'),
        }),
        body: validateBody,
        response: { 200: envelope(validationSchema), 422: problemErrorBody },
      },
      handler: async (request) => {
        const { configuration, extra } = splitAdditionalOptions(request.body.configuration);
        const accessories = [...request.body.accessories, ...extra];
        // Lazy: a configuration whose families and items are all cached is validated without a round trip.
        return ok(await deps.scoped(request, (ctx) => validateSink(ctx, store, { sinkFamilyId: request.body.sinkFamilyId, configuration, accessories }, { withOptions: request.query.include === 'availableOptions' }), { lazy: true }));
      },
    });

    r.get('/api/v1/configurations/templates', {
      config: { access: { anyOf: ['configuration:read'] } },
      schema: {
        tags,
        summary: 'Predefined configurations, priced by the engine as the catalog stands',
        querystring: z.strictObject({ ...pageQuery, sinkFamilyId: familyRefSchema.optional(), category: z.enum(['STANDARD', 'CUSTOM', 'POPULAR']).optional() }),
        response: { 200: envelope(templateListSchema) },
      },
      handler: async (request) => ok(await deps.scoped(request, (ctx) => listTemplates(ctx, store, request.query))),
    });
  };
}
