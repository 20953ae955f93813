import type { Queryable } from '../../../platform/db/database.js';
import type { Ctx } from '../../../platform/db/unit-of-work.js';
import { audit } from '../audit/audit.writer.js';

/**
 * PWA manifest defaults: the product's own name and icons, with the CMMS spec's section 7 values
 * for colours, display, start page and categories. The name stays a setting (branding).
 */
export const DEFAULT_MANIFEST = {
  // A fixed identity, so an installed app stays the same app if the start page is rebranded.
  id: '/',
  name: 'PlantOps',
  short_name: 'PlantOps',
  theme_color: '#0ea5e9',
  background_color: '#ffffff',
  display: 'standalone',
  start_url: '/',
  icons: [
    { src: '/icons/icon.svg', sizes: 'any', type: 'image/svg+xml', purpose: 'any' },
    { src: '/icons/icon-192.png', sizes: '192x192', type: 'image/png' },
    { src: '/icons/icon-512.png', sizes: '512x512', type: 'image/png' },
    // Full-bleed, for launchers that cut their own shape (circle, squircle).
    { src: '/icons/icon-maskable-512.png', sizes: '512x512', type: 'image/png', purpose: 'maskable' },
  ],
  categories: ['productivity', 'utilities'],
};

export async function readSetting<T>(q: Queryable, key: string): Promise<T | undefined> {
  const { rows } = await q.query<{ value: T }>(`SELECT value FROM settings WHERE key = $1`, [key]);
  return rows[0]?.value;
}

/** The manifest the app installs with: stored overrides (branding) over the defaults. */
export async function pwaManifest(q: Queryable) {
  const stored = (await readSetting<Partial<typeof DEFAULT_MANIFEST>>(q, 'pwa.manifest')) ?? {};
  return { ...DEFAULT_MANIFEST, ...stored };
}

/** Merges branding overrides into the stored manifest (ADMIN; row-level security checks the role too). */
export async function updatePwaManifest(ctx: Ctx, overrides: Record<string, unknown>) {
  const before = await pwaManifest(ctx.tx);
  await ctx.tx.query(
    `INSERT INTO settings (key, value, updated_by) VALUES ('pwa.manifest', $1::jsonb, $2)
     ON CONFLICT (key) DO UPDATE SET value = settings.value || EXCLUDED.value, updated_by = EXCLUDED.updated_by, updated_at = now()`,
    [JSON.stringify(overrides), ctx.actor.userId],
  );
  const after = await pwaManifest(ctx.tx);
  await audit(ctx, { action: 'UPDATE', tableName: 'settings', recordId: null, warehouseId: null, before, after, description: 'pwa.manifest' });
  return after;
}
