import type { FastifySerializerCompiler } from 'fastify/types/schema.js';
import fastJson from 'fast-json-stringify';
import { serializerCompiler as zodSerializerCompiler } from 'fastify-type-provider-zod';
import { z, type ZodType } from 'zod';

/**
 * Response bodies are written by serializers compiled once per route from its documented zod
 * schema (through its JSON Schema, by fast-json-stringify, Fastify's own serializer): only the
 * documented fields are written, as before, but without running a full zod validation of every
 * response on every request. Encoding a large response (a BOM, a validation, a search page) that
 * way was 10-15% of the server's CPU. What zod's encoding also checked (enum values, formats)
 * the OpenAPI contract check asserts on every response in the test suites (decision 0021).
 * A schema that has no JSON Schema form keeps zod's serializer (and is listed in `zodSerialized`).
 */
export const responseSerializerCompiler: FastifySerializerCompiler<ZodType> = (route) => {
  const schema = route.schema instanceof z.ZodType ? route.schema : undefined;
  try {
    if (!schema) throw new Error('not a zod schema');
    const json = z.toJSONSchema(schema, { io: 'output', target: 'draft-7', unrepresentable: 'throw', cycles: 'ref', reused: 'inline' });
    return fastJson(forFastJson(json) as Parameters<typeof fastJson>[0]) as (data: unknown) => string;
  } catch (err) {
    zodSerialized.push(`${route.method} ${route.url} ${route.httpStatus}: ${err instanceof Error ? err.message : String(err)}`);
    return zodSerializerCompiler(route as never);
  }
};

/** Routes whose responses kept zod's serializer, and why (a test keeps this empty). */
export const zodSerialized: string[] = [];

/**
 * Two rewrites of zod's JSON Schema for fast-json-stringify:
 * - a recursive reference comes as `{ allOf: [{ $ref }] }`, which it expands without end; a bare
 *   `$ref` means the same and compiles to a recursive function;
 * - `additionalProperties: false` goes: it writes only declared properties anyway, and with it a
 *   union branch would refuse a value that carries one field more (zod strips it and goes on).
 */
function forFastJson(node: unknown): unknown {
  if (Array.isArray(node)) return node.map(forFastJson);
  if (!node || typeof node !== 'object') return node;
  const o = node as Record<string, unknown>;
  const allOf = o.allOf;
  if (Array.isArray(allOf) && allOf.length === 1 && Object.keys(o).length === 1) {
    const only = allOf[0] as Record<string, unknown>;
    if (only && typeof only === 'object' && Object.keys(only).length === 1 && typeof only.$ref === 'string') return { $ref: only.$ref };
  }
  return Object.fromEntries(Object.entries(o).filter(([k, v]) => !(k === 'additionalProperties' && v === false)).map(([k, v]) => [k, forFastJson(v)]));
}
