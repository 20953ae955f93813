import type { PGlite } from '@electric-sql/pglite';
import { availableParallelism } from 'node:os';
import pg from 'pg';
import { listenWithReconnect, type ListenHooks } from './pg-listener.js';

export interface QueryResult<T> {
  rows: T[];
  rowCount: number;
}

/**
 * A fixed SQL text that PostgreSQL parses and plans once per connection and then reuses: for the
 * hot paths (every request's session check, the part page), where planning costs more than running.
 */
export interface PreparedSql {
  readonly name: string;
  readonly text: string;
}

export const prepared = (name: string, text: string): PreparedSql => ({ name, text });

/** Anything that runs SQL: the database itself or an open transaction. */
export interface Queryable {
  query<T = Record<string, unknown>>(sql: string | PreparedSql, params?: unknown[]): Promise<QueryResult<T>>;
  /** Runs a multi-statement script without parameters (migrations). */
  exec(sql: string): Promise<void>;
}

export interface Database extends Queryable {
  readonly engine: 'pglite' | 'postgres';
  /**
   * Runs fn in a transaction. `prelude` (parameterless SQL) runs first, in the same round trip as
   * BEGIN on PostgreSQL: request transactions apply their row-level-security settings with it.
   */
  transaction<T>(fn: (tx: Queryable) => Promise<T>, prelude?: string): Promise<T>;
  /**
   * LISTENs on a channel (its own connection on PostgreSQL, re-established when it drops);
   * resolves to an unlisten function. `hooks` hear when notifications may have been missed.
   */
  listen(channel: string, onPayload: (payload: string) => void, hooks?: ListenHooks): Promise<() => Promise<void>>;
  /**
   * Observes the cache tags each committed transaction's triggers collected in `app.cache_tags`
   * (migration 0008); called after COMMIT and before the transaction's caller continues.
   */
  onCommitTags(observer: (tags: string) => void): () => void;
  close(): Promise<void>;
}

// node-postgres returns bigint/numeric as strings; counts are small, so parse int8 as number.
pg.types.setTypeParser(20, (v) => Number.parseInt(v, 10));

const READ_CACHE_TAGS = `SELECT current_setting('app.cache_tags', true) AS tags`;

/** The observers of committed cache tags (see Database.onCommitTags). */
function commitTagObservers() {
  const observers = new Set<(tags: string) => void>();
  return {
    add: (o: (tags: string) => void) => {
      observers.add(o);
      return () => void observers.delete(o);
    },
    notify: (tags: string) => observers.forEach((o) => o(tags)),
  };
}

/**
 * Connections per process when DATABASE_POOL_SIZE does not say (decision 0022): one per core of
 * this machine, at least two. PostgreSQL spends a connection's time on the CPU, so more backends
 * at work than cores only queue on locks: on the 2-core bench machine a pool of 10 cost a part
 * create 2.7 ms of database CPU at 50 clients, a pool of 2 cost it 1.6-2.2 ms.
 */
export const defaultPoolSize = () => Math.max(2, availableParallelism());

export function createPostgresDatabase(connectionString: string, max = defaultPoolSize()): Database {
  const commitObservers = commitTagObservers();
  // JIT off: short OLTP statements never win back its compile time, and a plan whose cost looks
  // large (the search's capped scan with sequential scans disabled, a list's estimate) paid ~1 s of
  // LLVM compilation per execution for a 57 ms query (measured on the bench database, decision 0010).
  const pool = new pg.Pool({ connectionString, max, options: '-c jit=off' });
  // An idle pooled connection that the server ends (restart, failover, a dropped test database)
  // emits 'error' on the pool; pg discards that client, and an unhandled event would crash the process.
  pool.on('error', () => undefined);
  const wrap = (client: pg.PoolClient | pg.Pool): Queryable => ({
    async query<T>(sql: string | PreparedSql, params?: unknown[]) {
      const r = await (typeof sql === 'string' ? client.query(sql, params as unknown[]) : client.query({ name: sql.name, text: sql.text, values: params as unknown[] }));
      return { rows: r.rows as T[], rowCount: r.rowCount ?? 0 };
    },
    async exec(sql: string) {
      await client.query(sql);
    },
  });
  return {
    engine: 'postgres',
    ...wrap(pool),
    async transaction<T>(fn: (tx: Queryable) => Promise<T>, prelude?: string) {
      const client = await pool.connect();
      let tags: string | null = null;
      try {
        await client.query(prelude ? `BEGIN; ${prelude}` : 'BEGIN');
        const result = await fn(wrap(client));
        // The tags travel back with COMMIT in the same round trip.
        const [collected] = (await client.query(`${READ_CACHE_TAGS}; COMMIT`)) as unknown as pg.QueryResult<{ tags: string | null }>[];
        tags = collected?.rows[0]?.tags ?? null;
        return result;
      } catch (err) {
        await client.query('ROLLBACK').catch(() => undefined);
        throw err;
      } finally {
        client.release();
        if (tags) commitObservers.notify(tags);
      }
    },
    listen: (channel, onPayload, hooks) => listenWithReconnect(connectionString, channel, onPayload, hooks),
    onCommitTags: (observer) => commitObservers.add(observer),
    close: () => pool.end(),
  };
}

type PgliteLike = Pick<PGlite, 'query' | 'exec' | 'transaction' | 'close' | 'listen'>;

export async function createPgliteDatabase(dataDir?: string): Promise<Database> {
  const { PGlite } = await import('@electric-sql/pglite');
  // pg_trgm and fuzzystrmatch ship with PGlite as loadable extensions; PostgreSQL has them in contrib.
  const { pg_trgm } = await import('@electric-sql/pglite/contrib/pg_trgm');
  const { fuzzystrmatch } = await import('@electric-sql/pglite/contrib/fuzzystrmatch');
  const commitObservers = commitTagObservers();
  const db: PgliteLike = await PGlite.create({ ...(dataDir ? { dataDir } : {}), extensions: { pg_trgm, fuzzystrmatch } });
  const wrap = (q: Pick<PGlite, 'query' | 'exec'>): Queryable => ({
    async query<T>(sql: string | PreparedSql, params?: unknown[]) {
      // PGlite runs in process with one connection: there is no network round trip to save.
      const r = await q.query<T>(typeof sql === 'string' ? sql : sql.text, params);
      // As node-postgres: rows affected by a write, rows returned by a SELECT (PGlite reports 0 affected there).
      return { rows: r.rows, rowCount: r.affectedRows || r.rows.length };
    },
    async exec(sql: string) {
      await q.exec(sql);
    },
  });
  return {
    engine: 'pglite',
    ...wrap(db),
    async transaction(fn, prelude) {
      let tags: string | null = null;
      const result = await db.transaction(async (tx) => {
        if (prelude) await tx.exec(prelude);
        const value = await fn(wrap(tx));
        tags = (await tx.query<{ tags: string | null }>(READ_CACHE_TAGS)).rows[0]?.tags ?? null;
        return value;
      });
      if (tags) commitObservers.notify(tags);
      return result;
    },
    // In process: there is no connection to lose.
    listen: (channel, onPayload) => db.listen(channel, onPayload),
    onCommitTags: (observer) => commitObservers.add(observer),
    close: () => db.close(),
  };
}
