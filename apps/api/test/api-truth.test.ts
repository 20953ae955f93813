import net from 'node:net';
import sharp from 'sharp';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { bearer, createTestApp, DEMO_PASSWORD, expectError, json, login, type Session, type TestContext } from './harness.js';
import { multipartBody } from './multipart.js';

/** Issue 8 item 7: caching of personal data, the 431 answer, and what the OpenAPI document says. */
let t: TestContext;
let admin: Session;
let tech: Session;
beforeAll(async () => {
  t = await createTestApp();
  admin = await login(t.app, 'admin@plantops.local');
  tech = await login(t.app, 'technician@plantops.local');
});
afterAll(async () => t?.close());

const get = (s: Session, url: string) => t.app.inject({ url, headers: bearer(s) });

describe('Cache-Control', () => {
  it('is no-store on every answer that carries tokens or personal data, in both auth dialects and on errors', async () => {
    const answers = [
      await t.app.inject({ method: 'POST', url: '/api/v1/auth/login', payload: { email: 'manager@plantops.local', password: DEMO_PASSWORD } }),
      await t.app.inject({ method: 'POST', url: '/api/auth/login', payload: { email: 'manager@plantops.local', password: DEMO_PASSWORD } }),
      await t.app.inject({ method: 'POST', url: '/api/v1/auth/refresh', payload: { refreshToken: admin.refreshToken } }),
      await t.app.inject({ method: 'POST', url: '/api/v1/auth/login', payload: { email: 'manager@plantops.local', password: 'wrong-password' } }),
      await get(tech, '/api/v1/auth/profile'),
      await get(tech, '/api/v1/auth/permissions'),
      await t.app.inject({ method: 'POST', url: '/api/v1/auth/mfa/enroll', headers: bearer(tech) }),
      await get(admin, '/api/v1/users'),
      await get(admin, `/api/v1/users/${tech.user.id}`),
      await get(admin, '/api/v1/audit-logs'),
      await get(admin, '/api/v1/users/export?format=csv'),
      await get(admin, '/api/v1/audit-logs/export?format=csv'),
      await get(tech, '/api/v1/notifications'),
      await get(tech, '/api/v1/inventory/search?query=pump'),
      await t.app.inject({ url: '/api/v1/users' }),
      await t.app.inject({ url: '/api/v1/nowhere' }),
    ];
    for (const res of answers) expect({ url: res.raw.req.url, status: res.statusCode, cacheControl: res.headers['cache-control'] }).toMatchObject({ cacheControl: 'no-store' });
  });

  it('keeps the caching a route chose for itself (QR codes)', async () => {
    const qr = await get(tech, '/api/v1/qr?data=hello');
    expect(qr.statusCode).toBe(200);
    expect(qr.headers['cache-control']).toBe('private, max-age=86400');
  });
});

describe('431 for an over-long URL or header block', () => {
  async function rawRequest(port: number, request: string): Promise<string> {
    return new Promise((resolve, reject) => {
      const socket = net.connect(port, '127.0.0.1', () => socket.write(request));
      let data = '';
      socket.on('data', (b) => (data += b.toString()));
      socket.on('end', () => resolve(data));
      socket.on('close', () => resolve(data));
      socket.on('error', reject);
    });
  }

  it('answers in the API error format with a request id', async () => {
    const address = await t.app.listen({ port: 0, host: '127.0.0.1' });
    const port = Number(new URL(address).port);
    for (const request of [
      `GET /api/v1/inventory/search?query=${'a'.repeat(20_000)} HTTP/1.1\r\nHost: x\r\n\r\n`,
      `GET /api/version HTTP/1.1\r\nHost: x\r\nX-Padding: ${'b'.repeat(20_000)}\r\n\r\n`,
    ]) {
      const answer = await rawRequest(port, request);
      expect(answer).toMatch(/^HTTP\/1\.1 431 Request Header Fields Too Large\r\n/);
      expect(answer).toMatch(/\r\ncache-control: no-store\r\n/i);
      const body = JSON.parse(answer.slice(answer.indexOf('\r\n\r\n') + 4));
      expect(body).toMatchObject({ success: false, error: { code: 'VALIDATION_ERROR', message: expect.stringMatching(/too long/) } });
      expect(body.error.requestId).toMatch(/^[0-9a-f-]{36}$/);
      expect(Date.parse(body.error.timestamp)).not.toBeNaN();
    }
  });
});

describe('the OpenAPI document tells the truth', () => {
  let doc: any;
  beforeAll(async () => {
    doc = json(await t.app.inject('/api/openapi.json'));
  });
  const params = (path: string, method = 'get') => Object.fromEntries((doc.paths[path][method].parameters as any[]).map((p) => [p.name, p.schema]));

  it('documents 201 where the route answers 201, and answers it', async () => {
    for (const path of ['/api/v1/users', '/api/v1/warehouses', '/api/v1/parts', '/api/v1/part-transactions', '/api/v1/receipts', '/api/v1/vendors', '/api/v1/files']) {
      expect(Object.keys(doc.paths[path].post.responses)).toContain('201');
      expect(Object.keys(doc.paths[path].post.responses)).not.toContain('200');
    }
  });

  it('types date filters, and a bad date gets a message that says what to send', async () => {
    for (const [path, name] of [['/api/v1/audit-logs', 'dateFrom'], ['/api/v1/receipts', 'dateTo'], ['/api/v1/part-transactions', 'dateFrom']] as const) {
      expect(params(path)[name].anyOf.map((s: any) => s.format)).toEqual(['date', 'date-time']);
    }
    for (const url of ['/api/v1/audit-logs?dateFrom=yesterday', '/api/v1/receipts?dateTo=2026-13-01', '/api/v1/part-transactions?dateFrom=31.03.2026']) {
      const err = expectError(await get(admin, url), 400, 'VALIDATION_ERROR');
      expect(err.details?.[0]?.message).toBe('Must be a date (2026-03-31) or a date-time with a time zone (2026-03-31T08:00:00Z)');
    }
    expectError(await get(admin, '/api/v1/audit-logs?dateFrom=0999-01-01'), 400, 'VALIDATION_ERROR');
    expect((await get(admin, '/api/v1/audit-logs?dateFrom=2026-01-01&dateTo=2026-12-31T23:59:59%2B01:00')).statusCode).toBe(200);
  });

  it('states the real bounds of numbers, and enforces them', async () => {
    expect(params('/api/v1/users').page).toMatchObject({ minimum: 1, maximum: 1_000_000 });
    expect(params('/api/v1/inventory/search/export').maxCost).toMatchObject({ minimum: 0, maximum: 10_000_000 });
    const qty = doc.paths['/api/v1/inventory/parts/{partId}/quantity'].put.requestBody.content['application/json'].schema.properties.quantityChange;
    expect(qty).toMatchObject({ minimum: -1_000_000, maximum: 1_000_000 });
    expectError(await get(admin, '/api/v1/users?page=1000001'), 400, 'VALIDATION_ERROR');
  });

  it('documents the multipart body of POST /api/v1/files', () => {
    const body = doc.paths['/api/v1/files'].post.requestBody.content['multipart/form-data'].schema;
    expect(body.properties.file).toMatchObject({ type: 'string', format: 'binary' });
    expect(body.properties.bucket.enum).toContain('equipment-photos');
  });

  it('documents files and exports as files, not as JSON', () => {
    expect(Object.keys(doc.paths['/api/v1/users/export'].get.responses['200'].content)).toEqual(['text/csv', 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet', 'application/pdf']);
    expect(doc.paths['/api/v1/files/{id}/download'].get.responses['200'].content['*/*'].schema).toMatchObject({ type: 'string', format: 'binary' });
  });

  it('an upload answers 201 with the documented file', async () => {
    const photo = await sharp({ create: { width: 8, height: 8, channels: 3, background: '#888' } }).png().toBuffer();
    const { payload, headers } = multipartBody([{ name: 'bucket', value: 'equipment-photos' }, { name: 'file', filename: 'p.png', contentType: 'image/png', content: photo }]);
    const res = await t.app.inject({ method: 'POST', url: '/api/v1/files', headers: { ...bearer(tech), ...headers }, payload });
    expect(res.statusCode).toBe(201);
  });
});

describe('the PWA manifest setting', () => {
  it('takes back what GET returns, changing only the editable fields', async () => {
    const got = json(await get(admin, '/api/v1/settings/pwa-manifest')).data;
    expect(got.icons.length).toBeGreaterThan(0);
    const put = await t.app.inject({ method: 'PUT', url: '/api/v1/settings/pwa-manifest', headers: bearer(admin), payload: { ...got, short_name: 'Plant' } });
    expect(put.statusCode).toBe(200);
    expect(json(put).data).toEqual({ ...got, short_name: 'Plant' });
    // Read-only fields are accepted as returned but never stored: the icons stay the server's.
    const tampered = await t.app.inject({ method: 'PUT', url: '/api/v1/settings/pwa-manifest', headers: bearer(admin), payload: { ...got, icons: [{ src: 'https://evil.example/x.png', sizes: '1x1', type: 'image/png' }] } });
    expect(json(tampered).data.icons).toEqual(got.icons);
    expectError(await t.app.inject({ method: 'PUT', url: '/api/v1/settings/pwa-manifest', headers: bearer(admin), payload: { unknownField: 1 } }), 422, 'VALIDATION_ERROR');
  });
});
