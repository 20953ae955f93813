import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import type { AppDeps } from '../../../app-deps.js';
import { envelope, ok } from '../../../platform/http/envelope.js';
import { DEFAULT_MANIFEST, pwaManifest, updatePwaManifest } from './settings.service.js';

/** The manifest fields an admin may change (branding). */
const editable = {
  name: z.string().min(1).max(80),
  short_name: z.string().min(1).max(30),
  theme_color: z.string().regex(/^#[0-9a-fA-F]{6}$/),
  background_color: z.string().regex(/^#[0-9a-fA-F]{6}$/),
  display: z.enum(['standalone', 'fullscreen', 'minimal-ui', 'browser']),
  // A path on this site: "//host" or "/\\host" would send an installed app elsewhere.
  start_url: z.string().regex(/^\/(?![/\\])/, 'Use a path on this site, such as /').max(200),
  categories: z.array(z.string().max(30)).max(10),
};

/** What GET answers: the editable fields, the icons, and any other field the defaults carry. */
const manifestSchema = z
  .object({
    ...editable,
    icons: z.array(z.object({ src: z.string(), sizes: z.string(), type: z.string(), purpose: z.string().optional() })),
  })
  .catchall(z.unknown());

/**
 * What PUT takes: any editable field, and, so that a client may send back what GET returned,
 * the fields the server keeps itself (icons and the like), which are accepted and ignored.
 */
const readOnlyKeys = Object.keys(DEFAULT_MANIFEST).filter((key) => !(key in editable));
const manifestUpdate = z.strictObject({
  ...Object.fromEntries(Object.entries(editable).map(([key, schema]) => [key, schema.optional()])),
  ...Object.fromEntries(readOnlyKeys.map((key) => [key, z.unknown().optional().describe('Read-only: accepted as GET returns it, and ignored')])),
}) as z.ZodType<Partial<{ [K in keyof typeof editable]: z.infer<(typeof editable)[K]> }> & Record<string, unknown>>;

/** Stored values passed the PUT schema and the defaults are literals: the manifest has the documented shape. */
const asManifest = (m: Awaited<ReturnType<typeof pwaManifest>>) => m as z.input<typeof manifestSchema>;

const pickEditable = (body: Record<string, unknown>) => Object.fromEntries(Object.entries(body).filter(([key]) => key in editable));

export async function settingsRoutes(app: FastifyInstance, deps: AppDeps) {
  const r = app.withTypeProvider<ZodTypeProvider>();

  // Served from settings so that branding changes need no rebuild.
  app.get('/manifest.webmanifest', async (_request, reply) => {
    reply.type('application/manifest+json').header('cache-control', 'no-cache');
    return JSON.stringify(await pwaManifest(deps.db));
  });

  r.get('/api/v1/settings/pwa-manifest', {
    config: { access: { anyOf: ['settings:manage'] } },
    schema: { tags: ['settings'], summary: 'The PWA manifest as installed (stored branding over the defaults)', response: { 200: envelope(manifestSchema) } },
    handler: async () => ok(asManifest(await pwaManifest(deps.db))),
  });

  r.put('/api/v1/settings/pwa-manifest', {
    config: { access: { anyOf: ['settings:manage'] } },
    schema: { tags: ['settings'], summary: 'Override PWA manifest fields (branding); takes back what GET returns', body: manifestUpdate, response: { 200: envelope(manifestSchema) } },
    handler: async (request) => ok(asManifest(await deps.scoped(request, (ctx) => updatePwaManifest(ctx, pickEditable(request.body))))),
  });
}
