import { performance } from 'node:perf_hooks';
import type { Database, PreparedSql, Queryable } from '../../src/platform/db/database.js';

/**
 * Times every SQL round trip the app makes through a wrapped Database (decision 0010), so a
 * profiling script can print one request's statements in order with their mean time.
 */
export const timings = new Map<string, { n: number; ms: number; order: number }>();
let order = 0;
const label = (sql: string | PreparedSql) => (typeof sql === 'string' ? sql : sql.text).replace(/\s+/g, ' ').trim().slice(0, 110);
function record(sql: string | PreparedSql, ms: number) {
  const key = label(sql);
  const t = timings.get(key) ?? { n: 0, ms: 0, order: order++ };
  t.n += 1;
  t.ms += ms;
  timings.set(key, t);
}
const timed = (q: Queryable): Queryable => ({
  async query(sql, params) {
    const start = performance.now();
    try {
      return await q.query(sql, params);
    } finally {
      record(sql, performance.now() - start);
    }
  },
  exec: (sql) => q.exec(sql),
});
export function profiled(db: Database): Database {
  return {
    ...db,
    ...timed(db),
    transaction: (fn, prelude) => {
      const start = performance.now();
      return db.transaction((tx) => {
        record(`BEGIN + RLS settings (${prelude ? 'prelude' : 'none'})`, performance.now() - start);
        return fn(timed(tx));
      }, prelude);
    },
  } as Database;
}

/** Prints the statements recorded since the last clear, in first-seen order, per request; returns the SQL ms per request. */
export function printTimings(requests: number, what: string): number {
  let sqlMs = 0;
  console.log(`\n${requests} ${what}: statements in order, mean ms per request\n`);
  for (const [sql, t] of [...timings].sort((a, b) => a[1].order - b[1].order)) {
    sqlMs += t.ms;
    console.log(`${(t.ms / requests).toFixed(3).padStart(7)} ms  x${(t.n / requests).toFixed(1)}  ${sql}`);
  }
  return sqlMs / requests;
}
