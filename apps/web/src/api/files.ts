import { FILE_BUCKETS, type FileBucket, type Pagination } from '@plantops/contracts';
import { api } from './client';
import { toQuery } from './types';

export const BUCKETS = FILE_BUCKETS;
export type Bucket = FileBucket;

/** A stored file as the API describes it; `url` and `thumbnailUrl` need the Authorization header. */
export interface StoredFile {
  id: string;
  bucket: Bucket;
  fileName: string;
  contentType: string;
  size: number;
  width: number | null;
  height: number | null;
  status: 'PENDING' | 'PROCESSED' | 'FAILED';
  url: string;
  thumbnailUrl: string | null;
  recordType: string | null;
  recordId: string | null;
  uploadedBy: string;
  createdAt: string;
}

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
  list: (f: FileFilters) => api.get<{ files: StoredFile[]; pagination: Pagination }>(`/api/v1/files${toQuery({ ...f })}`),
  get: (id: string) => api.get<StoredFile>(`/api/v1/files/${encodeURIComponent(id)}`),
  remove: (id: string) => api.delete<{ message: string }>(`/api/v1/files/${encodeURIComponent(id)}`),
};
