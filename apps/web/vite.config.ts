import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { defineConfig } from 'vite';
import react from '@vitejs/plugin-react';
import tailwindcss from '@tailwindcss/vite';
import { staticOutput } from './build/staticOutput';

const api = 'http://localhost:3000';

/** zod itself, and the contracts files that build schemas with it when they load. */
function needsZod(id: string): boolean {
  if (/[\\/]node_modules[\\/]zod[\\/]|[\\/]src[\\/]zodJitless\.ts$/.test(id)) return true;
  return /[\\/]packages[\\/]contracts[\\/]src[\\/].+\.ts$/.test(id) && /from 'zod'/.test(readFileSync(id, 'utf8'));
}

/** A web module that imports values, not only types, from the contracts package. */
function takesContractValues(id: string): boolean {
  return /[\\/]apps[\\/]web[\\/]src[\\/].+\.tsx?$/.test(id) && /^import (?!type )[^;]*from '@plantops\/contracts'/m.test(readFileSync(id, 'utf8'));
}

export default defineConfig({
  plugins: [react(), tailwindcss(), staticOutput()],
  resolve: {
    // zod with its eval-based fast path off, so the CSP has nothing to report (src/zodJitless.ts).
    alias: [{ find: /^zod$/, replacement: fileURLToPath(new URL('./src/zodJitless.ts', import.meta.url)) }],
  },
  build: {
    outDir: 'dist',
    emptyOutDir: true,
    rolldownOptions: {
      output: {
        // A few chunks instead of dozens of tiny ones: each request costs a round trip on a phone.
        codeSplitting: {
          groups: [
            // zod, and the shared schemas that call it, only for the pages that need them
            { name: 'zod', test: needsZod, priority: 3 },
            // what the sign-in page needs (React, the router, the sign-in form)
            { name: 'boot', tags: ['$initial'], priority: 2 },
            // what signed-in pages share (the frame's queries, tables, cards), but not code that takes
            // values from the contracts (the password form): that may bring zod to every page
            { name: 'signed-in', test: (id) => !takesContractValues(id), minShareCount: 2, priority: 1 },
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
});
