import { FILE_BUCKETS, type FileBucket, type Permission } from '@plantops/contracts';

export const BUCKETS = FILE_BUCKETS;
export type Bucket = FileBucket;

export const IMAGE_TYPES = ['image/jpeg', 'image/png', 'image/webp'] as const;
const PDF = 'application/pdf';
const TEXT_TYPES = ['text/plain', 'text/csv'] as const;

export const DEFAULT_MAX_BYTES = 10 * 1024 * 1024;

export interface BucketRule {
  /** Content types (as detected from the bytes) this bucket accepts. */
  types: readonly string[];
  maxBytes: number;
  /** Any one of these lets a user upload here. */
  upload: readonly Permission[];
  /** Any one of these (or having uploaded the file) lets a user see files of records without a checker. */
  read: readonly Permission[];
  /** Any one of these lets a user delete someone else's file. */
  manage: readonly Permission[];
}

const rule = (r: Omit<BucketRule, 'maxBytes' | 'read'> & { maxBytes?: number; alsoRead?: readonly Permission[] }): BucketRule => ({
  types: r.types,
  maxBytes: r.maxBytes ?? DEFAULT_MAX_BYTES,
  upload: r.upload,
  read: [...new Set([...r.upload, ...r.manage, ...(r.alsoRead ?? [])])],
  manage: r.manage,
});

/** Per bucket: what may be stored, how large, and who may upload, read and delete. */
export const BUCKET_RULES: Record<Bucket, BucketRule> = {
  'wo-attachments': rule({
    types: [...IMAGE_TYPES, PDF, ...TEXT_TYPES],
    upload: ['workorder:execute', 'workorder:execute:assigned', 'workorder:update', 'workorder:request'],
    manage: ['workorder:update'],
    alsoRead: ['workorder:read'],
  }),
  'pm-attachments': rule({
    types: [...IMAGE_TYPES, PDF, ...TEXT_TYPES],
    upload: ['pm:manage', 'workorder:execute', 'workorder:execute:assigned'],
    manage: ['pm:manage'],
    alsoRead: ['pm:read'],
  }),
  'vendor-documents': rule({
    types: [PDF, ...IMAGE_TYPES],
    upload: ['vendor:manage'],
    manage: ['vendor:manage'],
    alsoRead: ['vendor:read'],
  }),
  'equipment-photos': rule({
    types: IMAGE_TYPES,
    upload: ['equipment:manage', 'equipment:status', 'workorder:request'],
    manage: ['equipment:manage'],
    alsoRead: ['equipment:read'],
  }),
  // Generated codes are PNG only: SVG can carry script, and nothing here needs users' SVGs.
  'qr-codes': rule({ types: ['image/png'], upload: ['equipment:manage'], manage: ['equipment:manage'], alsoRead: ['equipment:read'] }),
  'quality-photos': rule({
    types: IMAGE_TYPES,
    upload: ['quality:inspect', 'production:task:assigned'],
    manage: ['quality:complete'],
    alsoRead: ['quality:reports'],
  }),
  'order-documents': rule({
    types: [PDF, ...IMAGE_TYPES],
    upload: ['order:update', 'order:create'],
    manage: ['order:update'],
    alsoRead: ['order:read'],
  }),
};

/** The largest limit of any bucket: the multipart parser stops reading beyond it. */
export const MAX_UPLOAD_BYTES = Math.max(...Object.values(BUCKET_RULES).map((r) => r.maxBytes));

export const isImageType = (contentType: string) => (IMAGE_TYPES as readonly string[]).includes(contentType);
