import { performance } from 'node:perf_hooks';
import type { Database, PreparedSql, Queryable } from '../../src/platform/db/database.js';

/**
 * Wraps a database so that every SQL statement's round trip is timed (on loopback that is
 * PostgreSQL's time plus ~0.05 ms), keyed by its first 110 characters, in first-seen order.
 */
export function statementTimer(db: Database) {
  const timings = new Map<string, { n: number; ms: number; order: number }>();
  let order = 0;
  const label = (sql: string | PreparedSql) => (typeof sql === 'string' ? sql : sql.text).replace(/\s+/g, ' ').trim().slice(0, 110);
  const record = (sql: string | PreparedSql, ms: number) => {
    const key = label(sql);
    const t = timings.get(key) ?? { n: 0, ms: 0, order: order++ };
    t.n += 1;
    t.ms += ms;
    timings.set(key, t);
  };
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
  const profiled = {
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
  /** Prints each statement's mean time and count per operation; returns the SQL ms per operation. */
  const report = (operations: number): number => {
    let sqlMs = 0;
    for (const [sql, t] of [...timings].sort((a, b) => a[1].order - b[1].order)) {
      sqlMs += t.ms;
      console.log(`${(t.ms / operations).toFixed(3).padStart(7)} ms  x${(t.n / operations).toFixed(1)}  ${sql}`);
    }
    return sqlMs / operations;
  };
  return { db: profiled, timings, report };
}
