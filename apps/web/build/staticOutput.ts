import { readFile, writeFile } from 'node:fs/promises';
import path from 'node:path';
import type { Plugin } from 'vite';
import { precacheAssets, withPrecacheList } from './precache.ts';
import { precompressDir } from './precompress.ts';

/**
 * After the build is written (decision 0009): the service worker learns this build's hashed assets,
 * then every text file gets brotli and gzip copies for the API's static serving. (Each page's chunks
 * go into index.html's inline boot script: build/prerender.ts.)
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
        await precompressDir(outDir);
      },
    },
  };
}
