import { readdir } from 'node:fs/promises';
import path from 'node:path';
import sharp from 'sharp';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { processPendingFiles, registerRecordAccess } from '../src/modules/core/files/index.js';
import { createLocalDiskStorage } from '../src/platform/storage/local-disk-storage.js';
import type { FileStorage } from '../src/platform/storage/file-storage.js';
import { bearer, createTestApp, expectError, json, login, type Session, type TestContext } from './harness.js';
import { multipartBody, type FormPart } from './multipart.js';

let t: TestContext;
let storage: FileStorage;
let tech: Session;
let techNorth: Session;
let assembler: Session;
let admin: Session;
let photo: Buffer;

const ALLOWED_RECORD = '0190a000-0000-7000-8000-000000000001';
const HIDDEN_RECORD = '0190a000-0000-7000-8000-000000000002';
// A domain module would look its record up; this one lets the test decide.
registerRecordAccess('test-record', async (_ctx, recordId) => recordId === ALLOWED_RECORD);

beforeAll(async () => {
  t = await createTestApp();
  storage = createLocalDiskStorage(path.join(t.dataDir, 'uploads'));
  tech = await login(t.app, 'technician@plantops.local');
  techNorth = await login(t.app, 'technician-north@plantops.local');
  assembler = await login(t.app, 'assembler@plantops.local');
  admin = await login(t.app, 'admin@plantops.local');
  // 640x480 stored pixels with EXIF orientation 6 (rotate 90°): displayed 480 wide, 640 high.
  photo = await sharp({ create: { width: 640, height: 480, channels: 3, background: { r: 200, g: 60, b: 20 } } })
    .jpeg()
    .withMetadata({ orientation: 6 })
    .toBuffer();
});
afterAll(async () => t?.close());

const upload = (s: Session, parts: FormPart[], query = 'bucket=equipment-photos') => {
  const { payload, headers } = multipartBody(parts);
  return t.app.inject({ method: 'POST', url: `/api/v1/files${query ? `?${query}` : ''}`, headers: { ...bearer(s), ...headers }, payload });
};
const get = (s: Session, url: string) => t.app.inject({ url, headers: bearer(s) });
const filePart = (filename: string, content: Buffer | string, contentType?: string): FormPart => ({ name: 'file', filename, content, contentType });

async function filesOnDisk(): Promise<number> {
  const entries = await readdir(path.join(t.dataDir, 'uploads'), { recursive: true, withFileTypes: true }).catch(() => []);
  return entries.filter((e) => e.isFile()).length;
}
async function fileRows(): Promise<number> {
  return (await t.db.query<{ n: number }>('SELECT count(*)::int AS n FROM files')).rows[0]!.n;
}
/** Asserts a refused upload left neither a row nor bytes behind. */
async function expectNothingStored(attempt: () => Promise<unknown>) {
  const [rows, disk] = [await fileRows(), await filesOnDisk()];
  await attempt();
  expect(await fileRows()).toBe(rows);
  expect(await filesOnDisk()).toBe(disk);
}

describe('uploading and processing an equipment photo', () => {
  let id: string;

  it('stores the photo as PENDING, with its type detected from the content, and audits it', async () => {
    const res = await upload(tech, [filePart('pump.jpg', photo, 'image/jpeg')]);
    expect(res.statusCode).toBe(201);
    const file = json(res).data;
    expect(file).toMatchObject({
      bucket: 'equipment-photos',
      fileName: 'pump.jpg',
      contentType: 'image/jpeg',
      size: photo.length,
      status: 'PENDING',
      width: null,
      thumbnailUrl: null,
      recordType: null,
      uploadedBy: tech.user.id,
    });
    expect(file.url).toBe(`/api/v1/files/${file.id}/download`);
    id = file.id;
    const logged = await t.db.query(`SELECT 1 FROM system_logs WHERE action = 'UPLOAD' AND record_id = $1 AND user_id = $2`, [id, tech.user.id]);
    expect(logged.rows).toHaveLength(1);
    expectError(await get(tech, `/api/v1/files/${id}/thumbnail`), 404, 'RESOURCE_NOT_FOUND');
  });

  it('makes an upright 320px WebP thumbnail without metadata, and records the dimensions', async () => {
    const result = await processPendingFiles(t.db, storage, 10);
    expect(result).toEqual({ processed: 1, failed: 0 });
    const file = json(await get(tech, `/api/v1/files/${id}`)).data;
    expect(file).toMatchObject({ status: 'PROCESSED', width: 480, height: 640, thumbnailUrl: `/api/v1/files/${id}/thumbnail` });
    const thumb = await get(tech, `/api/v1/files/${id}/thumbnail`);
    expect(thumb.statusCode).toBe(200);
    expect(thumb.headers['content-type']).toBe('image/webp');
    const meta = await sharp(thumb.rawPayload).metadata();
    expect(meta).toMatchObject({ format: 'webp', width: 320, height: 427 });
    expect(meta.orientation).toBeUndefined();
    const row = (await t.db.query<{ metadata: Record<string, unknown> }>('SELECT metadata FROM files WHERE id = $1', [id])).rows[0]!;
    expect(row.metadata).toMatchObject({ format: 'jpeg', orientation: 6, width: 480, height: 640 });
    expect(await processPendingFiles(t.db, storage, 10)).toEqual({ processed: 0, failed: 0 });
  });

  it('downloads the very same bytes as an attachment that browsers must not sniff', async () => {
    const res = await get(tech, `/api/v1/files/${id}/download`);
    expect(res.statusCode).toBe(200);
    expect(res.headers['content-type']).toBe('image/jpeg');
    expect(res.headers['content-disposition']).toBe(`attachment; filename="pump.jpg"; filename*=UTF-8''pump.jpg`);
    expect(res.headers['x-content-type-options']).toBe('nosniff');
    expect(Buffer.compare(res.rawPayload, photo)).toBe(0);
  });

  it('hides the file from another warehouse (404, not 403) and from roles that may not read the bucket', async () => {
    for (const url of [`/api/v1/files/${id}`, `/api/v1/files/${id}/download`, `/api/v1/files/${id}/thumbnail`]) {
      expectError(await get(techNorth, url), 404, 'RESOURCE_NOT_FOUND');
      expectError(await get(assembler, url), 404, 'RESOURCE_NOT_FOUND');
    }
    const northList = json(await get(techNorth, '/api/v1/files')).data;
    expect(northList.files.map((f: { id: string }) => f.id)).not.toContain(id);
    const mainList = json(await get(tech, '/api/v1/files?bucket=equipment-photos')).data;
    expect(mainList.files.map((f: { id: string }) => f.id)).toContain(id);
    expect(mainList.pagination).toMatchObject({ currentPage: 1, itemsPerPage: 20 });
  });

  it('soft-deletes: the row stays with who deleted it, and the file is gone for everyone', async () => {
    expectError(await t.app.inject({ method: 'DELETE', url: `/api/v1/files/${id}`, headers: bearer(techNorth) }), 404);
    const res = await t.app.inject({ method: 'DELETE', url: `/api/v1/files/${id}`, headers: bearer(tech) });
    expect(res.statusCode).toBe(200);
    for (const url of [`/api/v1/files/${id}`, `/api/v1/files/${id}/download`, `/api/v1/files/${id}/thumbnail`]) {
      expectError(await get(tech, url), 404, 'RESOURCE_NOT_FOUND');
      expectError(await get(admin, url), 404, 'RESOURCE_NOT_FOUND');
    }
    const row = (await t.db.query<{ deleted_by: string }>('SELECT deleted_by FROM files WHERE id = $1 AND deleted_at IS NOT NULL', [id])).rows[0];
    expect(row?.deleted_by).toBe(tech.user.id);
    const logged = await t.db.query(`SELECT 1 FROM system_logs WHERE action = 'DELETE' AND table_name = 'files' AND record_id = $1`, [id]);
    expect(logged.rows).toHaveLength(1);
    expectError(await t.app.inject({ method: 'DELETE', url: `/api/v1/files/${id}`, headers: bearer(tech) }), 404);
  });
});

describe('refused uploads store nothing', () => {
  const png = () => sharp({ create: { width: 8, height: 8, channels: 3, background: '#000' } }).png().toBuffer();

  it('refuses text dressed up as a PNG with 415', async () => {
    await expectNothingStored(async () => {
      expectError(await upload(tech, [filePart('photo.png', '<script>alert(1)</script>', 'image/png')]), 415, 'UNSUPPORTED_MEDIA_TYPE');
    });
  });

  it('refuses a real image whose name or declared type says otherwise, and types the bucket does not take', async () => {
    const image = await png();
    await expectNothingStored(async () => {
      expectError(await upload(tech, [filePart('photo.jpg', image, 'image/png')]), 415, 'UNSUPPORTED_MEDIA_TYPE');
      expectError(await upload(tech, [filePart('photo.png', image, 'image/jpeg')]), 415, 'UNSUPPORTED_MEDIA_TYPE');
      expectError(await upload(tech, [filePart('photo.html', image, 'image/png')]), 415, 'UNSUPPORTED_MEDIA_TYPE');
      expectError(await upload(tech, [filePart('notes.txt', 'hello', 'text/plain')]), 415, 'UNSUPPORTED_MEDIA_TYPE');
    });
  });

  it('refuses an oversized file with 413', async () => {
    const big = Buffer.concat([await png(), Buffer.alloc(10 * 1024 * 1024)]);
    await expectNothingStored(async () => {
      expectError(await upload(tech, [filePart('big.png', big, 'image/png')]), 413, 'PAYLOAD_TOO_LARGE');
    });
  });

  it('refuses an empty file, a missing file and a missing or unknown bucket with 422', async () => {
    const image = await png();
    await expectNothingStored(async () => {
      expectError(await upload(tech, [filePart('empty.png', Buffer.alloc(0), 'image/png')]), 422, 'VALIDATION_ERROR');
      expectError(await upload(tech, [{ name: 'note', value: 'no file' }]), 422, 'VALIDATION_ERROR');
      const noBucket = expectError(await upload(tech, [filePart('a.png', image, 'image/png')], ''), 422, 'VALIDATION_ERROR');
      expect(noBucket.details).toContainEqual({ field: 'bucket', message: 'Required', code: 'REQUIRED_FIELD' });
      expectError(await upload(tech, [filePart('a.png', image, 'image/png')], 'bucket=tmp'), 422, 'VALIDATION_ERROR');
    });
  });

  it('refuses a role without the bucket permission with 403', async () => {
    await expectNothingStored(async () => {
      expectError(await upload(assembler, [filePart('a.png', await png(), 'image/png')]), 403, 'AUTH_INSUFFICIENT_PERMISSIONS');
      expectError(await upload(tech, [filePart('a.pdf', '%PDF-1.4\n%%EOF\n', 'application/pdf')], 'bucket=vendor-documents'), 403);
    });
  });

  it('takes multipart only on this route: JSON elsewhere is unaffected, multipart elsewhere is refused', async () => {
    const { payload, headers } = multipartBody([{ name: 'email', value: 'x@plantops.local' }]);
    const res = await t.app.inject({ method: 'POST', url: '/api/v1/users', headers: { ...bearer(admin), ...headers }, payload });
    expectError(res, 415, 'UNSUPPORTED_MEDIA_TYPE');
    const json415 = await t.app.inject({ method: 'POST', url: '/api/v1/files?bucket=equipment-photos', headers: bearer(tech), payload: { file: 'x' } });
    expectError(json415, 415, 'UNSUPPORTED_MEDIA_TYPE');
  });
});

describe('other content and buckets', () => {
  it('takes CSV text where the bucket allows it (form fields in any order) but not text with NUL bytes', async () => {
    const res = await upload(tech, [filePart('readings.csv', 'tag,value\r\nP-101,"4,2"\r\n', 'text/csv'), { name: 'bucket', value: 'wo-attachments' }], '');
    expect(res.statusCode).toBe(201);
    expect(json(res).data).toMatchObject({ contentType: 'text/csv', bucket: 'wo-attachments' });
    const download = await get(tech, json(res).data.url);
    expect(download.headers['content-type']).toBe('text/csv; charset=utf-8');
    expectError(await upload(tech, [filePart('log.txt', Buffer.from('ab\u0000cd'), 'text/plain')], 'bucket=wo-attachments'), 415);
  });

  it('marks a PDF processed without a thumbnail, and an unreadable image FAILED with the reason', async () => {
    const pdf = await upload(admin, [filePart('manual.pdf', '%PDF-1.4\n1 0 obj<<>>endobj\n%%EOF\n', 'application/pdf')], 'bucket=vendor-documents');
    expect(pdf.statusCode).toBe(201);
    const header = Buffer.from('89504e470d0a1a0a0000000d49484452', 'hex');
    const broken = await upload(tech, [filePart('broken.png', Buffer.concat([header, Buffer.alloc(64, 1)]), 'image/png')]);
    expect(broken.statusCode).toBe(201);
    const result = await processPendingFiles(t.db, storage, 10);
    expect(result.failed).toBe(1);
    expect(json(await get(admin, `/api/v1/files/${json(pdf).data.id}`)).data).toMatchObject({ status: 'PROCESSED', thumbnailUrl: null });
    const failed = (await t.db.query<{ status: string; metadata: { error?: string } }>('SELECT status, metadata FROM files WHERE id = $1', [json(broken).data.id])).rows[0]!;
    expect(failed.status).toBe('FAILED');
    expect(failed.metadata.error).toEqual(expect.any(String));
  });

  it('lets a registered checker decide who sees files of its records', async () => {
    const image = await sharp({ create: { width: 4, height: 4, channels: 3, background: '#fff' } }).png().toBuffer();
    await expectNothingStored(async () => {
      expectError(await upload(tech, [filePart('a.png', image, 'image/png')], `bucket=equipment-photos&recordType=test-record&recordId=${HIDDEN_RECORD}`), 404);
      expectError(await upload(tech, [filePart('a.png', image, 'image/png')], `bucket=equipment-photos&recordType=test-record`), 422);
    });
    const res = await upload(tech, [filePart('a.png', image, 'image/png')], `bucket=equipment-photos&recordType=test-record&recordId=${ALLOWED_RECORD}`);
    expect(res.statusCode).toBe(201);
    const id = json(res).data.id;
    // The checker, not the bucket permission, decides: the assembler may see this record's files.
    expect((await get(assembler, `/api/v1/files/${id}`)).statusCode).toBe(200);
    const list = json(await get(assembler, `/api/v1/files?recordType=test-record&recordId=${ALLOWED_RECORD}`)).data;
    expect(list.files.map((f: { id: string }) => f.id)).toEqual([id]);
    expectError(await get(assembler, `/api/v1/files?recordType=test-record&recordId=${HIDDEN_RECORD}`), 404);
    // Without naming the record, checked files are left out of general lists.
    expect(json(await get(tech, '/api/v1/files?limit=100')).data.files.map((f: { id: string }) => f.id)).not.toContain(id);
  });
});

describe('QR codes', () => {
  it('renders PNG and SVG', async () => {
    const png = await get(tech, `/api/v1/qr?data=${encodeURIComponent('https://plantops.local/equipment/P-101')}&format=png&size=128`);
    expect(png.statusCode).toBe(200);
    expect(png.headers['content-type']).toBe('image/png');
    expect(png.rawPayload.subarray(0, 8).toString('hex')).toBe('89504e470d0a1a0a');
    expect((await sharp(png.rawPayload).metadata()).width).toBe(128);
    const svg = await get(tech, '/api/v1/qr?data=P-101&format=svg');
    expect(svg.headers['content-type']).toBe('image/svg+xml');
    expect(svg.body).toContain('<svg');
  });

  it('validates its input and needs a signed-in user', async () => {
    expectError(await get(tech, `/api/v1/qr?data=${'x'.repeat(513)}`), 400, 'VALIDATION_ERROR');
    expectError(await get(tech, '/api/v1/qr?data=x&size=2000'), 400, 'VALIDATION_ERROR');
    expectError(await t.app.inject({ url: '/api/v1/qr?data=x' }), 401, 'AUTH_REQUIRED');
  });
});
