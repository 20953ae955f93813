import { describe, expect, it } from 'vitest';
import { loadConfig } from './config.js';
import { defaultPoolSize } from './platform/db/database.js';

describe('configuration: the PostgreSQL pool size', () => {
  it('takes DATABASE_POOL_SIZE, else leaves it to the one-per-core default (at least two)', () => {
    expect(loadConfig({ DATABASE_POOL_SIZE: '8' }).DATABASE_POOL_SIZE).toBe(8);
    expect(loadConfig({}).DATABASE_POOL_SIZE).toBeUndefined();
    expect(defaultPoolSize()).toBeGreaterThanOrEqual(2);
  });

  it('refuses a size that is not a positive whole number, naming the setting', () => {
    for (const bad of ['0', '-3', '2.5', 'ten']) expect(() => loadConfig({ DATABASE_POOL_SIZE: bad })).toThrow(/DATABASE_POOL_SIZE/);
  });
});
