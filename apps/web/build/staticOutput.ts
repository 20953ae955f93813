import { readFile, writeFile } from 'node:fs/promises';
import path from 'node:path';
import type { Plugin } from 'vite';
import { precacheAssets, withPrecacheList } from './precache.ts';
import { pageChunks, withPageChunks } from './preloadHints.ts';
import { precompressDir } from './precompress.ts';

/**
 * After the build is written (decision 0009): the service worker learns this build's hashed assets,
 * the preload hints learn each page's chunks (decision 0014), then every text file gets brotli and
 * gzip copies for the API's static serving.
 */
export function staticOutput(): Plugin {
  let outDir = 'dist';
  return {
    name: 'plantops-static-output',
    apply: 'build',
    configResolved(config) {
      outDir = path.resolve(config.root, config.build.outDir);
    },
    writeBundle: {
      sequential: true,
      order: 'post',
      async handler(_options, bundle) {
        const sw = path.join(outDir, 'sw.js');
        await writeFile(sw, withPrecacheList(await readFile(sw, 'utf8'), precacheAssets(Object.keys(bundle))));
        const hints = path.join(outDir, 'preload-hints.js');
        await writeFile(hints, withPageChunks(await readFile(hints, 'utf8'), pageChunks(bundle)));
        await precompressDir(outDir);
      },
    },
  };
}
