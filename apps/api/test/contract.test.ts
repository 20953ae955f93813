import Fastify, { type FastifyInstance, type FastifyReply } from 'fastify';
import { serializerCompiler, validatorCompiler, type ZodTypeProvider } from 'fastify-type-provider-zod';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { z } from 'zod';
import { envelope } from '../src/platform/http/envelope.js';
import { registerResponseDocs } from '../src/platform/http/openapi.js';
import { zodSerialized } from '../src/platform/http/response-serializer.js';
import { createTestApp, type TestContext } from './harness.js';
import { installContractCheck } from './contract.js';

/** The contract check itself must catch what it promises to catch. */
describe('the OpenAPI contract check', () => {
  async function appWith(register: (app: FastifyInstance) => void) {
    const app = Fastify();
    app.setValidatorCompiler(validatorCompiler);
    app.setSerializerCompiler(serializerCompiler);
    registerResponseDocs(app);
    register(app);
    const contract = installContractCheck(app);
    await app.ready();
    return { app, contract };
  }

  it('names route, status and the mismatch for an undocumented status and a body off its schema', async () => {
    const { app, contract } = await appWith((app) => {
      const r = app.withTypeProvider<ZodTypeProvider>();
      r.get('/api/teapot', { config: { access: 'public' }, schema: { response: { 200: envelope(z.object({ n: z.number() })) } } }, async (_q, reply) =>
        (reply as FastifyReply).status(418).send({ success: true, data: { n: 1 } } as never),
      );
      // Sent as a string, the serializer never sees it: only the contract check can.
      app.get('/api/shape', { config: { access: 'public' }, schema: { response: { 200: envelope(z.object({ n: z.number() })) } } }, async (_q, reply) =>
        reply.type('application/json').send(JSON.stringify({ success: true, data: { n: 'one' } })),
      );
      app.get('/api/ok', { config: { access: 'public' }, schema: { response: { 200: envelope(z.object({ n: z.number() })) } } }, async () => ({ success: true, data: { n: 2 } }));
    });
    await app.inject('/api/teapot');
    await app.inject('/api/shape');
    await app.inject('/api/ok');
    await app.inject('/api/nowhere');
    expect(contract.violations).toHaveLength(2);
    expect(contract.violations[0]).toMatch(/^GET \/api\/teapot -> 418: status 418 is not documented \(documented: 200, 400, 422, 429, 500\)/);
    expect(contract.violations[1]).toMatch(/^GET \/api\/shape -> 200: body does not match the documented schema:[\s\S]*data\.n/);
    expect(() => contract.assertClean()).toThrow(/2 response\(s\) differ/);
    await app.close();
  });

  it('refuses at start-up an /api route that documents no success response', async () => {
    await expect(
      appWith((app) => {
        app.get('/api/undocumented', { config: { access: 'public' } }, async () => ({ ok: true }));
      }),
    ).rejects.toThrow(/GET \/api\/undocumented documents no success response/);
  });
});

describe('the OpenAPI document', () => {
  let t: TestContext;
  let doc: any;
  beforeAll(async () => {
    t = await createTestApp();
    doc = (await t.app.inject('/api/openapi.json')).json();
  });
  afterAll(async () => t?.close());

  it('documents a success response with a schema and the error envelope on every /api operation', () => {
    const problems: string[] = [];
    for (const [path, ops] of Object.entries<any>(doc.paths)) {
      if (!path.startsWith('/api/')) continue;
      for (const [method, op] of Object.entries<any>(ops)) {
        const codes = Object.keys(op.responses);
        const success = codes.filter((c) => /^2\d\d$/.test(c));
        if (!success.length) problems.push(`${method} ${path}: no success status`);
        for (const c of success) if (!op.responses[c].content) problems.push(`${method} ${path} ${c}: no response schema`);
        for (const c of ['400', '429', '500']) if (!op.responses[c]?.content?.['application/json']?.schema?.properties?.error) problems.push(`${method} ${path}: ${c} not documented`);
        // Public operations say they need no token; the others document 401 and 403.
        const isPublic = Array.isArray(op.security) && op.security.length === 0;
        if (!isPublic && (!op.responses['401'] || !op.responses['403'])) problems.push(`${method} ${path}: 401/403 not documented`);
      }
    }
    expect(problems).toEqual([]);
  });

  it('writes every response through a serializer compiled from its schema', () => {
    expect(zodSerialized).toEqual([]);
  });

  it('documents the nine inventory routes with their response schemas and 201 for a created part', () => {
    const inv = Object.entries<any>(doc.paths).filter(([p]) => p.startsWith('/api/v1/inventory/') && !p.endsWith('/export'));
    expect(inv.flatMap(([, ops]) => Object.keys(ops))).toHaveLength(9);
    const create = doc.paths['/api/v1/inventory/parts'].post.responses;
    expect(Object.keys(create)).toEqual(expect.arrayContaining(['200', '201', '409', '422']));
    const part = doc.paths['/api/v1/inventory/parts/{partId}'].get.responses['200'].content['application/json'].schema;
    expect(part.properties.data.properties.stockByWarehouse.items.properties.stockState.enum).toEqual(['OK', 'LOW', 'OUT']);
  });
});
