import { readFileSync } from 'node:fs';
import { defineConfig } from 'vite';
import react from '@vitejs/plugin-react';
import tailwindcss from '@tailwindcss/vite';
import { PREACT_ALIASES, PRERENDER_MODE } from './build/preact.ts';
import { prerender } from './build/prerender.ts';
import { staticOutput } from './build/staticOutput.ts';

const api = 'http://localhost:3000';

const ZOD = /[\\/]node_modules[\\/]zod[\\/]/;
const CONTRACTS = /[\\/]packages[\\/]contracts[\\/]/;

/** A web module that imports values, not only types, from the contracts package. */
function takesContractValues(id: string): boolean {
  return /[\\/]apps[\\/]web[\\/]src[\\/].+\.tsx?$/.test(id) && /^import (?!type )[^;]*from '@plantops\/contracts'/m.test(readFileSync(id, 'utf8'));
}

export default defineConfig(({ mode }) => ({
  // Preact in the browser (build/preact.ts); the build-time prerender renders with React DOM
  resolve: { alias: mode === PRERENDER_MODE ? [] : PREACT_ALIASES },
  // no fast refresh: React's refresh runtime cannot reach Preact's components, an edit reloads the page
  plugins: [react({ refreshExclude: /./ }), tailwindcss(), prerender(), staticOutput()],
  build: {
    outDir: 'dist',
    emptyOutDir: true,
    rolldownOptions: {
      // Building a zod schema has no effect the web app relies on: a schema no page uses is dropped
      // with the zod it would need (the contracts files mix plain constants and schemas).
      treeshake: { manualPureFunctions: ['z'] },
      output: {
        // A few chunks instead of dozens of tiny ones: each request costs a round trip on a phone.
        codeSplitting: {
          groups: [
            // zod, only for the pages that parse with it
            { name: 'zod', test: ZOD, priority: 3 },
            // what the sign-in page needs (React, the router, the sign-in form)
            { name: 'boot', tags: ['$initial'], priority: 2 },
            // what signed-in pages share (the frame's queries, tables, cards), but not the contracts
            // or code that takes values from them (the password form): those may bring zod along
            { name: 'signed-in', test: (id) => !CONTRACTS.test(id) && !takesContractValues(id), minShareCount: 2, priority: 1 },
          ],
        },
      },
    },
  },
  server: {
    proxy: {
      '/api': { target: api, changeOrigin: true, ws: true },
      '/health': api,
      '/ready': api,
      '/manifest.webmanifest': api,
    },
  },
}));
