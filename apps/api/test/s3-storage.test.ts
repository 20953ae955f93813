import { mkdtemp, rm } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { text } from 'node:stream/consumers';
import S3rver from 's3rver';
import sharp from 'sharp';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { processPendingFiles } from '../src/modules/core/files/index.js';
import { createS3Storage } from '../src/platform/storage/s3-storage.js';
import { bearer, createTestApp, json, login, type TestContext } from './harness.js';
import { multipartBody } from './multipart.js';

/**
 * The S3-compatible storage option against a real S3 protocol server on loopback (s3rver), which
 * checks SigV4 signatures: objects round-trip, and the whole upload -> thumbnail -> download
 * path of the API works with STORAGE_DRIVER=s3.
 */
let server: S3rver;
let dir: string;
let endpoint: string;
const creds = { accessKeyId: 'S3RVER', secretAccessKey: 'S3RVER', region: 'us-east-1', bucket: 'plantops-files' };

beforeAll(async () => {
  dir = await mkdtemp(path.join(os.tmpdir(), 'plantops-s3-'));
  server = new S3rver({ address: '127.0.0.1', port: 0, silent: true, directory: dir, configureBuckets: [{ name: creds.bucket, configs: [] }] });
  const { port } = (await server.run()) as { port: number };
  endpoint = `http://127.0.0.1:${port}`;
});
afterAll(async () => {
  await server?.close();
  await rm(dir, { recursive: true, force: true });
});

describe('S3-compatible storage', () => {
  it('puts, reads, checks and removes objects with signed requests', async () => {
    const s3 = createS3Storage({ endpoint, ...creds });
    await s3.put('originals/0190a000-0000-7000-8000-00000000000a', Buffer.from('hello bytes'));
    expect(await s3.exists('originals/0190a000-0000-7000-8000-00000000000a')).toBe(true);
    expect(await text(s3.read('originals/0190a000-0000-7000-8000-00000000000a'))).toBe('hello bytes');
    await s3.remove('originals/0190a000-0000-7000-8000-00000000000a');
    expect(await s3.exists('originals/0190a000-0000-7000-8000-00000000000a')).toBe(false);
    await expect(text(s3.read('originals/missing'))).rejects.toThrow(/404/);
  });

  it('surfaces refused requests (unknown access key) as errors', async () => {
    const bad = createS3Storage({ endpoint, ...creds, accessKeyId: 'NOT-A-KEY' });
    await expect(bad.put('originals/x1', Buffer.from('x'))).rejects.toThrow(/403/);
  });

  it('serves the upload, thumbnail and download path of the API with STORAGE_DRIVER=s3', async () => {
    let t: TestContext | undefined;
    try {
      t = await createTestApp({
        env: { STORAGE_DRIVER: 's3', S3_ENDPOINT: endpoint, S3_BUCKET: creds.bucket, S3_ACCESS_KEY_ID: creds.accessKeyId, S3_SECRET_ACCESS_KEY: creds.secretAccessKey },
      });
      const tech = await login(t.app, 'technician@plantops.local');
      const png = await sharp({ create: { width: 400, height: 300, channels: 3, background: '#0ea5e9' } }).png().toBuffer();
      const { payload, headers } = multipartBody([{ name: 'file', filename: 'pump.png', content: png, contentType: 'image/png' }]);
      const up = await t.app.inject({ method: 'POST', url: '/api/v1/files?bucket=equipment-photos', headers: { ...bearer(tech), ...headers }, payload });
      expect(up.statusCode).toBe(201);
      const file = json(up).data;
      await processPendingFiles(t.db, t.app.plantops.storage, 10);
      const thumb = await t.app.inject({ url: `/api/v1/files/${file.id}/thumbnail`, headers: bearer(tech) });
      expect(thumb.statusCode).toBe(200);
      expect(thumb.headers['content-type']).toBe('image/webp');
      const download = await t.app.inject({ url: file.url, headers: bearer(tech) });
      expect(Buffer.compare(download.rawPayload, png)).toBe(0);
    } finally {
      await t?.close();
    }
  });
});
