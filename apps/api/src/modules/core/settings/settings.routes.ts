import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import type { AppDeps } from '../../../app-deps.js';
import { envelope, ok } from '../../../platform/http/envelope.js';
import { pwaManifest, updatePwaManifest } from './settings.service.js';

const manifestOverrides = z.strictObject({
  name: z.string().min(1).max(80).optional(),
  short_name: z.string().min(1).max(30).optional(),
  theme_color: z.string().regex(/^#[0-9a-fA-F]{6}$/).optional(),
  background_color: z.string().regex(/^#[0-9a-fA-F]{6}$/).optional(),
  display: z.enum(['standalone', 'fullscreen', 'minimal-ui', 'browser']).optional(),
  // A path on this site: "//host" or "/\\host" would send an installed app elsewhere.
  start_url: z.string().regex(/^\/(?![/\\])/, 'Use a path on this site, such as /').max(200).optional(),
  categories: z.array(z.string().max(30)).max(10).optional(),
});

export async function settingsRoutes(app: FastifyInstance, deps: AppDeps) {
  const r = app.withTypeProvider<ZodTypeProvider>();

  // Served from settings so that branding changes need no rebuild.
  app.get('/manifest.webmanifest', async (_request, reply) => {
    reply.type('application/manifest+json').header('cache-control', 'no-cache');
    return JSON.stringify(await pwaManifest(deps.db));
  });

  r.get('/api/v1/settings/pwa-manifest', {
    config: { access: { anyOf: ['settings:manage'] } },
    schema: { tags: ['settings'], response: { 200: envelope(z.record(z.string(), z.unknown())) } },
    handler: async () => ok(await pwaManifest(deps.db)),
  });

  r.put('/api/v1/settings/pwa-manifest', {
    config: { access: { anyOf: ['settings:manage'] } },
    schema: { tags: ['settings'], summary: 'Override PWA manifest fields (branding)', body: manifestOverrides, response: { 200: envelope(z.record(z.string(), z.unknown())) } },
    handler: async (request) => ok(await deps.scoped(request, (ctx) => updatePwaManifest(ctx, request.body))),
  });
}
