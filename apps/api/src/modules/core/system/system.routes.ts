import { readFileSync } from 'node:fs';
import path from 'node:path';
import { API_ROOT } from '../../../paths.js';
import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import type { AppDeps } from '../../../app-deps.js';
import { envelope, ok } from '../../../platform/http/envelope.js';

const packageJson = JSON.parse(
  readFileSync(path.join(API_ROOT, 'package.json'), 'utf8'),
) as { version: string };
// BUILD_DATE is stamped by a release build; a source checkout reports when this process started.
const buildDate = process.env.BUILD_DATE ?? new Date().toISOString();

export async function systemRoutes(app: FastifyInstance, deps: AppDeps) {
  const r = app.withTypeProvider<ZodTypeProvider>();

  r.get('/api/version', {
    config: { access: 'public' },
    schema: {
      tags: ['system'],
      summary: 'API version information (spec 9.2)',
      response: {
        200: envelope(
          z.object({
            currentVersion: z.string(),
            supportedVersions: z.array(z.string()),
            deprecatedVersions: z.array(z.string()),
            serverVersion: z.string(),
            buildDate: z.string(),
            status: z.enum(['ACTIVE', 'MAINTENANCE']),
            maintenance: z.object({ scheduled: z.boolean(), nextWindow: z.string().nullable() }),
          }),
        ),
      },
    },
    handler: async () =>
      ok({
        currentVersion: 'v1',
        supportedVersions: ['v1'],
        deprecatedVersions: [],
        serverVersion: packageJson.version,
        buildDate,
        status: 'ACTIVE' as const,
        maintenance: { scheduled: false, nextWindow: null },
      }),
  });

  // Liveness: the process answers. Readiness: the database answers and migrations are applied.
  app.get('/health', async () => ({ status: 'ok' }));
  app.get('/ready', async (_request, reply) => {
    try {
      await deps.db.query('SELECT 1 FROM schema_migrations LIMIT 1');
      return { status: 'ready', database: deps.db.engine };
    } catch {
      return reply.status(503).send({ status: 'unavailable' });
    }
  });
}
