import { describe, expect, it } from 'vitest';
import type { Database, Queryable } from './database.js';
import { inLazyActorScope, type Actor } from './unit-of-work.js';

const actor: Actor = {
  userId: '0190a0a0-0000-7000-8000-000000000001', email: 'a@x', role: 'PRODUCTION_COORDINATOR', homeWarehouseId: '0190a0a0-0000-7000-8000-000000000002',
  warehouseId: '0190a0a0-0000-7000-8000-000000000002', allWarehouses: false, sessionId: 's', permissions: [],
};
const meta = { requestId: 'r', ip: '127.0.0.1' };

/** A database that records what it was asked: transactions opened, statements, and how each ended. */
function recordingDb(opts: { failCommit?: boolean } = {}) {
  const log: string[] = [];
  const tx: Queryable = {
    query: async <T>(sql: unknown) => {
      log.push(`query ${String(sql)}`);
      return { rows: [] as T[], rowCount: 0 } as never;
    },
    exec: async () => undefined,
  };
  const db = {
    transaction: async <T>(fn: (q: Queryable) => Promise<T>, prelude?: string) => {
      log.push(prelude?.includes('app.current_user_id') ? 'begin with RLS settings' : 'begin');
      try {
        const result = await fn(tx);
        if (opts.failCommit) throw new Error('could not serialize access');
        log.push('commit');
        return result;
      } catch (err) {
        log.push('rollback');
        throw err;
      }
    },
  } as unknown as Database;
  return { db, log };
}

describe('inLazyActorScope', () => {
  it('opens no transaction for a use case that makes no statement', async () => {
    const { db, log } = recordingDb();
    expect(await inLazyActorScope(db, actor, meta, async () => 42)).toBe(42);
    expect(log).toEqual([]);
  });

  it('opens one RLS-scoped transaction at the first statement, shared by statements sent together, and commits after the use case', async () => {
    const { db, log } = recordingDb();
    const result = await inLazyActorScope(db, actor, meta, async (ctx) => {
      await Promise.all([ctx.tx.query('SELECT 1'), ctx.tx.query('SELECT 2')]);
      await ctx.tx.query('SELECT 3');
      return 'done';
    });
    expect(result).toBe('done');
    expect(log).toEqual(['begin with RLS settings', 'query SELECT 1', 'query SELECT 2', 'query SELECT 3', 'commit']);
  });

  it('rolls back and rethrows the use case\'s error', async () => {
    const { db, log } = recordingDb();
    await expect(inLazyActorScope(db, actor, meta, async (ctx) => {
      await ctx.tx.query('INSERT 1');
      throw new Error('refused');
    })).rejects.toThrow('refused');
    expect(log).toEqual(['begin with RLS settings', 'query INSERT 1', 'rollback']);
  });

  it('fails the request when the commit fails', async () => {
    const { db } = recordingDb({ failCommit: true });
    await expect(inLazyActorScope(db, actor, meta, async (ctx) => ctx.tx.query('INSERT 1'))).rejects.toThrow('could not serialize access');
  });
});
