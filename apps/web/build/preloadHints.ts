import type { Rolldown } from 'vite';

type OutputBundle = Rolldown.OutputBundle;
type OutputChunk = Rolldown.OutputChunk;

/**
 * The pages people land on, by the name of their lazily loaded module (app/router.tsx has the full
 * table). A path not listed (a record's own page) gets the signed-in frame only.
 */
const PAGES: Record<string, string> = {
  '/': 'DashboardPage',
  '/inventory': 'CatalogPage',
  '/inventory/search': 'SearchPage',
  '/inventory/low-stock': 'LowStockPage',
  '/inventory/receive': 'ReceivePage',
  '/work-orders': 'BoardPage',
  '/work-orders/my': 'MyWorkPage',
  '/equipment': 'EquipmentTreePage',
  '/notifications': 'NotificationsPage',
  '/configurator': 'ConfiguratorPage',
  '/orders': 'OrdersPage',
  '/orders/new': 'OrderWizardPage',
  '/vendors': 'VendorsPage',
  '/users': 'UsersPage',
  '/audit': 'AuditPage',
  '/profile': 'ProfilePage',
};

/** The signed-in frame's module (app/Layout.tsx): every signed-in page renders inside it. */
const FRAME = 'Layout';

/**
 * For every lazily loaded chunk (a page, the signed-in frame), by its name: its file and every
 * chunk it imports, minus the first bundle (already on its way). The names are the modules' file
 * names (DashboardPage, Layout).
 */
export function pageChunks(bundle: OutputBundle): Record<string, string[]> {
  const chunks = Object.values(bundle).filter((o): o is OutputChunk => o.type === 'chunk');
  const byFile = new Map(chunks.map((c) => [c.fileName, c]));
  const result: Record<string, string[]> = {};
  for (const chunk of chunks) {
    if (!chunk.isDynamicEntry || chunk.isEntry) continue;
    const files = new Set<string>();
    const visit = (c: OutputChunk) => {
      if (c.isEntry || files.has(c.fileName)) return;
      files.add(c.fileName);
      for (const f of c.imports) {
        const next = byFile.get(f);
        if (next) visit(next);
      }
    };
    visit(chunk);
    result[chunk.name] = [...files].map((f) => `/${f}`);
  }
  return result;
}

/**
 * What the inline boot script (build/boot-script.js) hints for a stored session, by path: the
 * signed-in frame's files, then the page's. `''` stands for any other path (the frame only).
 */
export function preloadHints(bundle: OutputBundle): Record<string, string[]> {
  const chunks = pageChunks(bundle);
  const frame = chunks[FRAME];
  if (!frame) throw new Error(`preload hints: no lazily loaded chunk named ${FRAME}`);
  const hints: Record<string, string[]> = { '': frame };
  for (const [path, name] of Object.entries(PAGES)) {
    const page = chunks[name];
    if (!page) throw new Error(`preload hints: no lazily loaded chunk named ${name} (for ${path})`);
    hints[path] = [...new Set([...frame, ...page])];
  }
  return hints;
}
