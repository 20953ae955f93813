import { fileURLToPath } from 'node:url';
import { defineConfig } from 'vite';
import react from '@vitejs/plugin-react';
import tailwindcss from '@tailwindcss/vite';
import { staticOutput } from './build/staticOutput';

const api = 'http://localhost:3000';

export default defineConfig({
  plugins: [react(), tailwindcss(), staticOutput()],
  resolve: {
    // zod with its eval-based fast path off, so the CSP has nothing to report (src/zodJitless.ts).
    alias: [{ find: /^zod$/, replacement: fileURLToPath(new URL('./src/zodJitless.ts', import.meta.url)) }],
  },
  build: { outDir: 'dist', emptyOutDir: true },
  server: {
    proxy: {
      '/api': { target: api, changeOrigin: true, ws: true },
      '/health': api,
      '/ready': api,
      '/manifest.webmanifest': api,
    },
  },
});
