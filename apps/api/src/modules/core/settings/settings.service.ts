import type { Queryable } from '../../../platform/db/database.js';

/** PWA manifest defaults: the CMMS spec's section 7, with PlantOps' own icons. */
export const DEFAULT_MANIFEST = {
  name: 'MaintAInPro CMMS',
  short_name: 'MaintAInPro',
  theme_color: '#0ea5e9',
  background_color: '#ffffff',
  display: 'standalone',
  start_url: '/',
  icons: [
    { src: '/icons/icon.svg', sizes: 'any', type: 'image/svg+xml', purpose: 'any' },
    { src: '/icons/icon-192.png', sizes: '192x192', type: 'image/png' },
    { src: '/icons/icon-512.png', sizes: '512x512', type: 'image/png' },
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
