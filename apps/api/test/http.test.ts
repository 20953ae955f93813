import { existsSync } from 'node:fs';
import { SignJWT } from 'jose';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { DEFAULT_RATE_LIMITS } from '../src/platform/http/rate-limits.js';
import { bearer, createTestApp, DEMO_PASSWORD, expectError, json, login, type TestContext } from './harness.js';

let t: TestContext;
beforeAll(async () => {
  t = await createTestApp();
});
afterAll(async () => t?.close());

describe('system endpoints', () => {
  it('reports the version as spec 9.2 shows', async () => {
    const res = await t.app.inject({ url: '/api/version' });
    expect(json(res)).toMatchObject({ success: true, data: { currentVersion: 'v1', supportedVersions: ['v1'], deprecatedVersions: [], status: 'ACTIVE' } });
  });

  it('answers health and readiness', async () => {
    expect(json(await t.app.inject({ url: '/health' }))).toEqual({ status: 'ok' });
    expect(json(await t.app.inject({ url: '/ready' })).status).toBe('ready');
  });

  it('publishes OpenAPI 3 with the auth routes, and a docs page', async () => {
    const spec = json(await t.app.inject({ url: '/api/openapi.json' }));
    expect(spec.openapi).toMatch(/^3\./);
    expect(Object.keys(spec.paths)).toEqual(expect.arrayContaining(['/api/v1/auth/login', '/api/v1/users', '/api/v1/audit-logs', '/api/auth/login']));
    const docs = await t.app.inject({ url: '/api/docs/' });
    expect(docs.statusCode).toBe(200);
    expect(docs.headers['content-type']).toMatch(/html/);
  });

  it('serves the PWA manifest from settings (PlantOps, with the CMMS spec\'s colours and display), and admins may rebrand it', async () => {
    const manifest = json(await t.app.inject({ url: '/manifest.webmanifest' }));
    expect(manifest).toMatchObject({ id: '/', name: 'PlantOps', short_name: 'PlantOps', theme_color: '#0ea5e9', background_color: '#ffffff', display: 'standalone', start_url: '/', categories: ['productivity', 'utilities'] });
    expect(manifest.icons).toContainEqual({ src: '/icons/icon-maskable-512.png', sizes: '512x512', type: 'image/png', purpose: 'maskable' });
    // the icons it names are files of the web build
    for (const icon of manifest.icons) expect(existsSync(new URL(`../../web/public${icon.src}`, import.meta.url)), icon.src).toBe(true);
    const admin = await login(t.app, 'admin@plantops.local');
    const put = await t.app.inject({ method: 'PUT', url: '/api/v1/settings/pwa-manifest', headers: bearer(admin), payload: { name: 'Acme Plant', theme_color: '#112233' } });
    expect(put.statusCode).toBe(200);
    expect(json(await t.app.inject({ url: '/manifest.webmanifest' }))).toMatchObject({ id: '/', name: 'Acme Plant', theme_color: '#112233', short_name: 'PlantOps' });
    const tech = await login(t.app, 'technician@plantops.local');
    expectError(await t.app.inject({ method: 'PUT', url: '/api/v1/settings/pwa-manifest', headers: bearer(tech), payload: { name: 'x' } }), 403);
  });

  it('sets security headers and echoes a request id', async () => {
    const res = await t.app.inject({ url: '/api/version', headers: { 'x-request-id': 'trace-12345678' } });
    expect(res.headers['x-content-type-options']).toBe('nosniff');
    expect(res.headers['content-security-policy']).toContain("default-src 'self'");
    expect(res.headers['x-request-id']).toBe('trace-12345678');
  });
});

describe('bad input never gets a 500', () => {
  const login = (payload: string, contentType = 'application/json') =>
    t.app.inject({ method: 'POST', url: '/api/v1/auth/login', payload, headers: { 'content-type': contentType } });

  it('malformed JSON is 400', async () => {
    expectError(await login('{"email": '), 400, 'VALIDATION_INVALID_FORMAT');
  });

  it('wrong types and missing fields are 422 with field details', async () => {
    const err = expectError(await login(JSON.stringify({ email: 'not-an-email', password: 5 })), 422, 'VALIDATION_ERROR');
    expect(err.details).toEqual(
      expect.arrayContaining([
        expect.objectContaining({ field: 'email', code: 'INVALID_FORMAT' }),
        expect.objectContaining({ field: 'password', code: 'INVALID_TYPE' }),
      ]),
    );
    const missing = expectError(await login(JSON.stringify({ email: 'a@b.co' })), 422);
    expect(missing.details).toContainEqual({ field: 'password', message: 'Required', code: 'REQUIRED_FIELD' });
  });

  it('unknown fields on writes are refused', async () => {
    const err = expectError(await login(JSON.stringify({ email: 'a@b.co', password: 'x', isAdmin: true })), 422);
    expect(err.details).toContainEqual({ field: 'isAdmin', message: 'Unknown field', code: 'UNKNOWN_FIELD' });
  });

  it('oversized bodies are 413 and unsupported content types 415', async () => {
    expectError(await login(JSON.stringify({ email: 'a@b.co', password: 'x'.repeat(2 * 1024 * 1024) })), 413, 'PAYLOAD_TOO_LARGE');
    expectError(await login('email=a', 'text/csv'), 415, 'UNSUPPORTED_MEDIA_TYPE');
  });

  it('bad query parameters are 400', async () => {
    const admin = await loginAdmin();
    expectError(await t.app.inject({ url: '/api/v1/users?limit=1000', headers: bearer(admin) }), 400, 'VALIDATION_ERROR');
    expectError(await t.app.inject({ url: '/api/v1/users/not-a-uuid', headers: bearer(admin) }), 400, 'VALIDATION_ERROR');
  });

  it('unknown routes are 404 in the error format', async () => {
    expectError(await t.app.inject({ url: '/api/v1/nothing-here' }), 404, 'RESOURCE_NOT_FOUND');
  });
});

const loginAdmin = () => login(t.app, 'admin@plantops.local');

describe('tokens', () => {
  it('a missing token is 401 AUTH_REQUIRED', async () => {
    expectError(await t.app.inject({ url: '/api/v1/auth/profile' }), 401, 'AUTH_REQUIRED');
  });

  it('a tampered token is 401 AUTH_INVALID_TOKEN', async () => {
    const s = await loginAdmin();
    const [h, p, sig] = s.token.split('.');
    const claims = JSON.parse(Buffer.from(p!, 'base64url').toString());
    const forged = `${h}.${Buffer.from(JSON.stringify({ ...claims, role: 'ADMIN', sub: claims.sub })).toString('base64url').replace(/.$/, 'A')}.${sig}`;
    expectError(await t.app.inject({ url: '/api/v1/auth/profile', headers: bearer(forged) }), 401, 'AUTH_INVALID_TOKEN');
    expectError(await t.app.inject({ url: '/api/v1/auth/profile', headers: bearer('garbage') }), 401, 'AUTH_INVALID_TOKEN');
    const none = `${Buffer.from('{"alg":"none"}').toString('base64url')}.${p}.`;
    expectError(await t.app.inject({ url: '/api/v1/auth/profile', headers: bearer(none) }), 401, 'AUTH_INVALID_TOKEN');
  });

  it('an expired token is 401 AUTH_INVALID_TOKEN', async () => {
    const s = await loginAdmin();
    const claims = JSON.parse(Buffer.from(s.token.split('.')[1]!, 'base64url').toString());
    const expired = await new SignJWT({ role: claims.role, wid: claims.wid, sid: claims.sid })
      .setProtectedHeader({ alg: 'HS256' })
      .setSubject(claims.sub)
      .setIssuer('plantops')
      .setAudience('plantops-api')
      .setIssuedAt(Math.floor(Date.now() / 1000) - 3600)
      .setExpirationTime(Math.floor(Date.now() / 1000) - 60)
      .sign(new TextEncoder().encode(t.jwtSecret));
    const err = expectError(await t.app.inject({ url: '/api/v1/auth/profile', headers: bearer(expired) }), 401, 'AUTH_INVALID_TOKEN');
    expect(err.message).toMatch(/expired/);
  });
});

describe('rate limits', () => {
  it('limits by role with the spec headers and 429 body', async () => {
    const tight = await createTestApp({
      rateLimits: { ...DEFAULT_RATE_LIMITS, roles: { ...DEFAULT_RATE_LIMITS.roles, PROCUREMENT: { limit: 3, windowSeconds: 60 } } },
    });
    try {
      const s = await login(tight.app, 'procurement@plantops.local');
      const call = () => tight.app.inject({ url: '/api/v1/auth/permissions', headers: bearer(s) });
      const first = await call();
      expect(first.headers['x-ratelimit-limit']).toBe('3');
      expect(first.headers['x-ratelimit-remaining']).toBe('2');
      expect(first.headers['x-ratelimit-window']).toBe('60');
      expect(Number(first.headers['x-ratelimit-reset'])).toBeGreaterThan(Date.now() / 1000);
      await call();
      await call();
      const limited = await call();
      const err = expectError(limited, 429, 'RATE_LIMIT_EXCEEDED');
      expect(err.message).toBe('Rate limit exceeded. Maximum 3 requests per minute allowed.');
      expect(err.retryAfter).toBeGreaterThan(0);
      expect(limited.headers['retry-after']).toBeDefined();
      // Another user keeps its own budget.
      const other = await login(tight.app, 'assembler@plantops.local');
      expect((await tight.app.inject({ url: '/api/v1/auth/permissions', headers: bearer(other) })).statusCode).toBe(200);
    } finally {
      await tight.close();
    }
  });

  it('a 429 from the burst limit reports the burst limit in its headers and message', async () => {
    const tight = await createTestApp({
      rateLimits: { ...DEFAULT_RATE_LIMITS, roles: { ...DEFAULT_RATE_LIMITS.roles, PROCUREMENT: { limit: 100, burst: 2, burstWindowSeconds: 10, windowSeconds: 60 } } },
    });
    try {
      const s = await login(tight.app, 'procurement@plantops.local');
      const call = () => tight.app.inject({ url: '/api/v1/auth/permissions', headers: bearer(s) });
      const first = await call();
      expect(first.headers['x-ratelimit-limit']).toBe('100');
      await call();
      const limited = await call();
      const err = expectError(limited, 429, 'RATE_LIMIT_EXCEEDED');
      expect(err.message).toBe('Rate limit exceeded. Maximum 2 requests per 10 seconds allowed.');
      expect(limited.headers['x-ratelimit-limit']).toBe('2');
      expect(limited.headers['x-ratelimit-remaining']).toBe('0');
      expect(limited.headers['x-ratelimit-window']).toBe('10');
      const reset = Number(limited.headers['x-ratelimit-reset']);
      expect(reset).toBeGreaterThan(Date.now() / 1000);
      expect(reset).toBeLessThanOrEqual(Math.ceil(Date.now() / 1000) + 10);
      expect(Number(limited.headers['retry-after'])).toBeLessThanOrEqual(10);
    } finally {
      await tight.close();
    }
  });

  it('limits login attempts per account and per IP', async () => {
    const tight = await createTestApp({
      rateLimits: { ...DEFAULT_RATE_LIMITS, loginPerAccount: { limit: 2, windowSeconds: 60 }, loginPerIp: { limit: 4, windowSeconds: 60 } },
    });
    try {
      const attempt = (email: string) => tight.app.inject({ method: 'POST', url: '/api/v1/auth/login', payload: { email, password: DEMO_PASSWORD } });
      expect((await attempt('assembler@plantops.local')).statusCode).toBe(200);
      expect((await attempt('assembler@plantops.local')).statusCode).toBe(200);
      expectError(await attempt('assembler@plantops.local'), 429, 'RATE_LIMIT_EXCEEDED');
      expect((await attempt('qc-person@plantops.local')).statusCode).toBe(200);
      expectError(await attempt('service-tech@plantops.local'), 429, 'RATE_LIMIT_EXCEEDED');
    } finally {
      await tight.close();
    }
  });
});
