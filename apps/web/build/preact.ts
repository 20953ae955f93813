import { fileURLToPath } from 'node:url';
import type { Alias } from 'vite';

/** A file of the installed preact package (hoisted to the repository's node_modules). */
const preact = (file: string) => fileURLToPath(new URL(`../../../node_modules/preact/${file}`, import.meta.url));

/**
 * The browser runs the app on Preact through preact/compat (decision 0020): React DOM was most of
 * the first bundle (323 KB raw, 89 KiB brotli), and evaluating it under a phone's CPU held up the
 * signed-in pages' first paint. The app, the router and the query client keep importing `react`.
 *
 * Preact is built from its published source (`src/`), not its minified `dist/`: the build marks
 * calls to `z` pure (`treeshake.manualPureFunctions`, so unused zod schemas drop out), and Preact's
 * minified render calls its diff function `z` without using the result, so that call was dropped
 * and nothing ever rendered. Every Preact entry must come from the same form (the minified files
 * rename internal properties, `_children` to `__k`), so `preact` and `preact/hooks` are pointed at
 * the sources too.
 *
 * Only the browser build and the dev server use it: the build-time prerender of the sign-in page
 * (build/prerender.ts, mode `prerender`) keeps React DOM's server renderer and its id prefix.
 */
export const PREACT_ALIASES: Alias[] = [
  { find: /^react$/, replacement: preact('compat/src/index.js') },
  { find: /^react-dom$/, replacement: preact('compat/src/index.js') },
  { find: /^react-dom\/client$/, replacement: preact('compat/client.mjs') },
  { find: /^react\/jsx-runtime$/, replacement: preact('compat/jsx-runtime.mjs') },
  { find: /^react\/jsx-dev-runtime$/, replacement: preact('compat/jsx-dev-runtime.mjs') },
  { find: /^preact$/, replacement: preact('src/index.js') },
  { find: /^preact\/hooks$/, replacement: preact('hooks/src/index.js') },
  { find: /^preact\/compat$/, replacement: preact('compat/src/index.js') },
  { find: /^preact\/jsx-runtime$/, replacement: preact('jsx-runtime/src/index.js') },
];

/** The mode build/prerender.ts loads the config in: React, for its server renderer. */
export const PRERENDER_MODE = 'prerender';
