import { FILE_BUCKETS, type FileBucket } from '@plantops/contracts';
import type { StoredFile, StoredFileList } from '@plantops/contracts/responses/files';
import { api } from './client';
import { toQuery } from './types';

export const BUCKETS = FILE_BUCKETS;
export type Bucket = FileBucket;

/** A stored file as the API describes it (its schema: packages/contracts/src/responses/files.ts); `url` and `thumbnailUrl` need the Authorization header. */
export type { StoredFile };

export interface FileFilters {
  bucket?: Bucket;
  recordType?: string;
  recordId?: string;
  page?: number;
  limit?: number;
}

export const fileKeys = {
  all: ['files'] as const,
  list: (f: FileFilters) => ['files', 'list', f] as const,
  one: (id: string) => ['files', 'one', id] as const,
};

export const filesApi = {
  list: (f: FileFilters) => api.get<StoredFileList>(`/api/v1/files${toQuery({ ...f })}`),
  get: (id: string) => api.get<StoredFile>(`/api/v1/files/${encodeURIComponent(id)}`),
  remove: (id: string) => api.delete<{ message: string }>(`/api/v1/files/${encodeURIComponent(id)}`),
};
