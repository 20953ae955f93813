import { describe, expect, it } from 'vitest';
import { z } from 'zod';
import { responseSerializerCompiler } from './response-serializer.js';

const compile = (schema: z.ZodType) => responseSerializerCompiler({ schema, method: 'GET', url: '/x', httpStatus: '200' } as never) as (data: unknown) => string;

interface Node {
  id: string;
  children: Node[];
}
const node: z.ZodType<Node> = z.object({ id: z.string(), children: z.array(z.lazy(() => node)) });

describe('the compiled response serializer', () => {
  it('writes only documented fields, at every depth', () => {
    const write = compile(z.object({ id: z.string(), owner: z.object({ name: z.string() }), tags: z.array(z.object({ k: z.string() })) }));
    const out = JSON.parse(write({ id: 'a', passwordHash: 'x', owner: { name: 'n', email: 'e' }, tags: [{ k: '1', secret: true }] }));
    expect(out).toEqual({ id: 'a', owner: { name: 'n' }, tags: [{ k: '1' }] });
  });

  it('keeps nulls, optional fields, records, unknown values and recursive trees', () => {
    const write = compile(z.object({ a: z.string().nullable(), b: z.number().optional(), r: z.record(z.string(), z.number()), u: z.unknown(), tree: node }));
    const value = { a: null, r: { x: 1, y: 2 }, u: { any: ['thing', 1] }, tree: { id: '1', children: [{ id: '2', children: [{ id: '3', children: [], extra: 1 }] }] } };
    expect(JSON.parse(write(value))).toEqual({ ...value, tree: { id: '1', children: [{ id: '2', children: [{ id: '3', children: [] }] }] } });
  });

  it('refuses a response that lacks a required field (a server fault, not a partial answer)', () => {
    const write = compile(z.object({ id: z.string(), name: z.string() }));
    expect(() => write({ id: 'a' })).toThrow(/name/);
  });

  it('chooses the branch of a union the value matches', () => {
    const write = compile(z.object({ v: z.union([z.object({ kind: z.literal('a'), a: z.number() }), z.object({ kind: z.literal('b'), b: z.string() })]) }));
    expect(JSON.parse(write({ v: { kind: 'b', b: 'x', a: 1 } }))).toEqual({ v: { kind: 'b', b: 'x' } });
  });
});
