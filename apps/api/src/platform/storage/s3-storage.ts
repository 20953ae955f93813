import { PassThrough, Readable } from 'node:stream';
import { buffer } from 'node:stream/consumers';
import { AwsClient } from 'aws4fetch';
import { assertSafeKey, type FileStorage } from './file-storage.js';

export interface S3Options {
  /** e.g. https://s3.eu-central-1.amazonaws.com or http://minio:9000 (path-style addressing). */
  endpoint: string;
  bucket: string;
  region: string;
  accessKeyId: string;
  secretAccessKey: string;
}

/**
 * An S3-compatible object store (AWS S3, MinIO, Ceph, R2...) over its REST API with SigV4
 * signing (aws4fetch), path-style addressing. Objects are at most the bucket limit (10 MB), so a
 * stream is buffered before the PUT to send a Content-Length.
 */
export function createS3Storage(o: S3Options): FileStorage {
  const client = new AwsClient({ accessKeyId: o.accessKeyId, secretAccessKey: o.secretAccessKey, region: o.region, service: 's3' });
  const urlOf = (key: string) => {
    assertSafeKey(key);
    return `${o.endpoint.replace(/\/$/, '')}/${encodeURIComponent(o.bucket)}/${key}`;
  };
  const fail = async (res: Response, what: string) => {
    const body = (await res.text().catch(() => '')).slice(0, 300);
    return new Error(`S3 ${what} failed: HTTP ${res.status} ${body}`);
  };

  return {
    async put(key, content) {
      const body = Buffer.isBuffer(content) ? content : await buffer(content);
      const res = await client.fetch(urlOf(key), { method: 'PUT', body: new Uint8Array(body), headers: { 'content-length': String(body.length) } });
      if (!res.ok) throw await fail(res, `PUT ${key}`);
    },
    read(key) {
      const out = new PassThrough();
      client
        .fetch(urlOf(key), { method: 'GET' })
        .then(async (res) => {
          if (!res.ok || !res.body) throw await fail(res, `GET ${key}`);
          Readable.fromWeb(res.body as import('node:stream/web').ReadableStream).pipe(out);
        })
        .catch((err) => out.destroy(err));
      return out;
    },
    async exists(key) {
      const res = await client.fetch(urlOf(key), { method: 'HEAD' });
      if (res.status === 404) return false;
      if (!res.ok) throw await fail(res, `HEAD ${key}`);
      return true;
    },
    async remove(key) {
      const res = await client.fetch(urlOf(key), { method: 'DELETE' });
      if (!res.ok && res.status !== 404) throw await fail(res, `DELETE ${key}`);
    },
  };
}
