import { describe, expect, it } from 'vitest';
import { decodeCursor, encodeCursor, keysetCondition, orderBy, type Sort } from './keyset.js';

const sort: Sort = { name: 'partNumber', keys: [{ expr: 'upper(i.part_number)', type: 'text' }, { expr: 's.id', type: 'uuid' }], dir: 'asc' };
const id = '01a23292-e623-737d-af92-14bbc6663c91';

describe('keyset paging', () => {
  it('round-trips a cursor', () => {
    expect(decodeCursor(sort, encodeCursor(sort, { values: ['ABC', id], offset: 40 }))).toEqual({ values: ['ABC', id], offset: 40 });
  });

  it('refuses cursors of another order, of the wrong shape or with values of the wrong type', () => {
    const desc: Sort = { ...sort, dir: 'desc' };
    expect(() => decodeCursor(desc, encodeCursor(sort, { values: ['ABC', id], offset: 0 }))).toThrow(/another sort order/);
    expect(() => decodeCursor(sort, 'bm90IGpzb24')).toThrow(/not one this list handed out/);
    expect(() => decodeCursor(sort, encodeCursor(sort, { values: ['ABC'], offset: 0 }))).toThrow();
    expect(() => decodeCursor(sort, encodeCursor(sort, { values: ['ABC', 'not-a-uuid'], offset: 0 }))).toThrow();
    expect(() => decodeCursor(sort, encodeCursor(sort, { values: ['ABC', id], offset: -1 }))).toThrow();
  });

  it('builds an index-friendly row comparison in the sort direction', () => {
    const params: unknown[] = [];
    const p = (v: unknown) => `$${params.push(v)}`;
    expect(keysetCondition(sort, ['ABC', id], p)).toBe('upper(i.part_number) >= $1::text AND (upper(i.part_number), s.id) > ($1::text, $2::uuid)');
    expect(params).toEqual(['ABC', id]);
    expect(keysetCondition({ ...sort, dir: 'desc' }, ['ABC', id], (v) => `$${params.push(v)}`)).toContain('<');
    expect(orderBy({ ...sort, dir: 'desc' })).toBe('upper(i.part_number) DESC, s.id DESC');
  });
});
