import { readFile } from 'node:fs/promises';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import type { IndexHtmlTransformContext, Plugin, Rolldown } from 'vite';
import { PRERENDER_MODE } from './preact.ts';
import { preloadHints } from './preloadHints.ts';

const here = path.dirname(fileURLToPath(import.meta.url));

/** Shows the sign-in copy unless the inline script found a stored session (then the blank frame). */
const BOOT_CSS = 'html:not([data-boot=frame]) #boot-frame,html[data-boot=frame] #boot-sign-in{display:none}';

/**
 * The first paint comes with index.html (decision 0014): the build renders the real sign-in page
 * (src/boot/prerender.tsx, through Vite's SSR loader so it compiles as the app does) into the body,
 * puts the stylesheet inline (6 KiB compressed: one request less before anything paints), and
 * replaces the entry's script tag with build/boot-script.js inline, which picks the screen, applies
 * the theme and loads the entry. The API sends a CSP hash for each inline script of index.html.
 */
export function prerender(): Plugin {
  let root = '';
  return {
    name: 'plantops-prerender',
        configResolved(config) {
      root = config.root;
    },
    transformIndexHtml: {
      order: 'post',
      async handler(html: string, ctx: IndexHtmlTransformContext) {
        const source = await readFile(path.join(here, 'boot-script.js'), 'utf8');
        const bundle = ctx.bundle;
        // the dev server: the theme before paint, no static copy (it loads /src/main.tsx itself)
        if (!bundle) return html.replace('<title>', `<script>${inlineScript(source, null, null)}</script>\n    <title>`);
        return withBoot(html, bundle, await renderMarkup(root), source);
      },
    },
  };
}

async function renderMarkup(root: string): Promise<string> {
  const { createServer } = await import('vite');
  const server = await createServer({
    root,
    configFile: path.join(root, 'vite.config.ts'),
    // React DOM's server renderer, not the browser's Preact (build/preact.ts)
    mode: PRERENDER_MODE,
    logLevel: 'error',
    server: { middlewareMode: true, hmr: false, ws: false },
    appType: 'custom',
    optimizeDeps: { noDiscovery: true, include: [] },
  });
  try {
    const mod = (await server.ssrLoadModule('/src/boot/prerender.tsx')) as { renderBootMarkup: () => string };
    return mod.renderBootMarkup();
  } finally {
    await server.close();
  }
}

/** The boot script as inlined: its file's first comment off, the entry's URL and the page hints (or null) in. */
export function inlineScript(source: string, entry: string | null, hints: Record<string, string[]> | null): string {
  for (const placeholder of ["'__ENTRY__'", "'__HINTS__'"]) {
    if (!source.includes(placeholder)) throw new Error(`build/boot-script.js must contain ${placeholder}`);
  }
  return source
    .replace(/^\/\/.*\n/, '')
    .replace("'__ENTRY__'", JSON.stringify(entry))
    .replace("'__HINTS__'", JSON.stringify(hints))
    .trim();
}

/** index.html with the markup, the inline stylesheet and the inline boot script in place of the entry's tags. */
export function withBoot(html: string, bundle: Rolldown.OutputBundle, markup: string, bootScript: string): string {
  const entry = /<script type="module" crossorigin src="(\/assets\/[^"]+\.js)"><\/script>\s*/.exec(html);
  if (!entry) throw new Error('prerender: the entry script tag is missing from index.html');
  let out = html.replace(entry[0], '');
  const css = [...out.matchAll(/<link rel="stylesheet" crossorigin href="\/(assets\/[^"]+\.css)">\s*/g)];
  let styles = '';
  for (const [tag, file] of css) {
    const asset = bundle[file!];
    if (!asset || asset.type !== 'asset') throw new Error(`prerender: ${file} is not in the bundle`);
    styles += String(asset.source);
    out = out.replace(tag, '');
  }
  // the stylesheet names no fonts or images by URL relative to itself: inline it as it is
  const script = inlineScript(bootScript, entry[1]!, preloadHints(bundle));
  // the script first: it starts the entry's download before the parser spends its time on the styles
  if (!out.includes('<title>')) throw new Error('prerender: <title> is missing from index.html');
  out = out.replace('<title>', `<script>${script}</script>\n    <title>`);
  out = out.replace('</head>', `<style>${styles}${BOOT_CSS}</style>\n  </head>`);
  if (!out.includes('<div id="root"></div>')) throw new Error('prerender: <div id="root"></div> is missing from index.html');
  return out.replace('<div id="root"></div>', `${markup}<div id="root"></div>`);
}
