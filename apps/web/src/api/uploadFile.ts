import { session } from '../auth/session';
import { errorFromResponse, renewAfter401 } from './client';
import { ApiError } from './errors';
import type { Bucket, StoredFile } from './files';

export interface UploadTarget {
  bucket: Bucket;
  recordType?: string | undefined;
  recordId?: string | undefined;
}

export interface UploadOptions extends UploadTarget {
  /** 0…1 as the bytes leave the browser. */
  onProgress?: (fraction: number) => void;
  signal?: AbortSignal;
}

interface Answer {
  status: number;
  body: string;
  retryAfter: string | null;
}

/** One multipart POST through XMLHttpRequest, which (unlike fetch) reports upload progress. */
function post(file: File, opts: UploadOptions, token: string | undefined): Promise<Answer> {
  return new Promise((resolve, reject) => {
    const xhr = new XMLHttpRequest();
    xhr.open('POST', '/api/v1/files');
    xhr.setRequestHeader('Accept', 'application/json');
    if (token) xhr.setRequestHeader('Authorization', `Bearer ${token}`);
    xhr.upload.onprogress = (e) => {
      if (e.lengthComputable && e.total > 0) opts.onProgress?.(e.loaded / e.total);
    };
    xhr.onload = () => resolve({ status: xhr.status, body: xhr.responseText, retryAfter: xhr.getResponseHeader('retry-after') });
    xhr.onerror = () => reject(new ApiError({ status: 0, code: 'NETWORK_ERROR', message: 'Network error' }));
    xhr.onabort = () => reject(new DOMException('Upload cancelled', 'AbortError'));
    opts.signal?.addEventListener('abort', () => xhr.abort(), { once: true });

    const form = new FormData();
    form.append('bucket', opts.bucket);
    if (opts.recordType) form.append('recordType', opts.recordType);
    if (opts.recordId) form.append('recordId', opts.recordId);
    form.append('file', file, file.name);
    xhr.send(form);
  });
}

/** Uploads a file with the session token; on 401 renews the session once and sends it again. */
export async function uploadFile(file: File, opts: UploadOptions): Promise<StoredFile> {
  const tokenUsed = session.get()?.accessToken;
  let answer = await post(file, opts, tokenUsed);
  if (answer.status === 401 && tokenUsed && (await renewAfter401(tokenUsed))) {
    opts.onProgress?.(0);
    answer = await post(file, opts, session.get()?.accessToken);
  }
  if (answer.status < 200 || answer.status >= 300) throw errorFromResponse(answer.status, answer.body, answer.retryAfter);
  const env = JSON.parse(answer.body) as { data: StoredFile };
  return env.data;
}
