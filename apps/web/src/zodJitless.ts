/*
 * zod's fast path compiles parsers with `new Function`; the CSP (script-src 'self') refuses that and
 * reports a violation on every page that parses. zod keeps its settings in one global object
 * (`globalThis.__zod_globalConfig`, what `z.config()` writes), so the entry sets `jitless` there
 * before any zod code can run, without importing zod: a module that imports zod only for schemas
 * a page drops (contracts/roles.ts beside its constants) then brings no zod chunk with it, which a
 * side-effecting `z.config()` wrapper did (decision 0014). The web app only parses small forms.
 */
const g = globalThis as { __zod_globalConfig?: { jitless?: boolean } };
(g.__zod_globalConfig ??= {}).jitless = true;

export {};
