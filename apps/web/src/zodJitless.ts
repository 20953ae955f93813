/*
 * What `zod` resolves to in the web build (vite.config.ts). zod's fast path compiles parsers with
 * `new Function`; the CSP (script-src 'self') refuses that and reports a violation on every page
 * that parses. Switching the JIT off before any schema is defined keeps the console clean, and the
 * web app only parses small forms.
 */
import { config } from 'zod/v4';

config({ jitless: true });

export * from 'zod/v4';
export { default, default as z } from 'zod/v4';
