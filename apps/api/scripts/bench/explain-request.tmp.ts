import { parseArgs } from 'node:util';
import { buildApp } from '../../src/app.js';
import { loadConfig } from '../../src/config.js';
import { randomToken } from '../../src/platform/crypto/tokens.js';
import { createPostgresDatabase, type Database, type Queryable } from '../../src/platform/db/database.js';
import { DEMO_PASSWORD } from '../../src/seed/demo.js';
const { values } = parseArgs({ options: { email: { type: 'string' }, path: { type: 'string' }, filter: { type: 'string', default: 'SELECT w.id' } } });
const raw = createPostgresDatabase(process.env.BENCH_DATABASE_URL!, 4);
let explain = false;
const wrap = (q: Queryable): Queryable => ({
  async query(sql: any, params?: unknown[]) {
    const text = typeof sql === 'string' ? sql : sql.text;
    if (explain && text.startsWith(values.filter!)) {
      await q.query(`PREPARE xp AS ${text}`);
      const lit = (v: unknown) => v === null || v === undefined ? 'NULL' : Array.isArray(v) ? `'{${v.join(',')}}'` : v instanceof Date ? `'${v.toISOString()}'` : `'${String(v).replace(/'/g, "''")}'`;
      const ex = `EXECUTE xp(${(params ?? []).map(lit).join(', ')})`;
      for (let i = 0; i < 7; i++) await q.query(ex);
      const r = await q.query(`EXPLAIN (ANALYZE, BUFFERS, COSTS OFF) ${ex}`);
      console.log(r.rows.map((x: any) => x['QUERY PLAN']).join('\n'));
      const t1 = performance.now();
      for (let i = 0; i < 20; i++) await q.query(ex);
      console.log('20 prepared runs mean ms', ((performance.now() - t1) / 20).toFixed(2));
      await q.query('DEALLOCATE xp');
      const t0 = performance.now();
      for (let i = 0; i < 20; i++) await q.query(text, params);
      console.log('20 runs mean ms', ((performance.now() - t0) / 20).toFixed(2));
    }
    return q.query(sql, params);
  },
  exec: (s) => q.exec(s),
});
const db = { ...raw, ...wrap(raw), transaction: (fn: any, prelude: any) => raw.transaction((tx) => fn(wrap(tx)), prelude) } as Database;
const config = loadConfig({ DATA_DIR: '/tmp/plantops-profile', LOG_LEVEL: 'silent', SEED_DEMO: 'never', RATE_LIMIT_MULTIPLIER: '100000' });
const app = await buildApp({ config, db, jwtSecret: randomToken(48), webDist: null });
await app.ready();
const login = await app.inject({ method: 'POST', url: '/api/v1/auth/login', payload: { email: values.email, password: DEMO_PASSWORD } });
const headers = { authorization: `Bearer ${login.json().data.accessToken}`, 'cache-control': 'no-cache' };
for (let i = 0; i < 5; i++) await app.inject({ url: values.path!, headers });
explain = true;
const res = await app.inject({ url: values.path!, headers });
console.log(res.statusCode);
await app.close(); await raw.close();
