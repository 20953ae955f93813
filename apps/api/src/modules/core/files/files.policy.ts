import type { Permission } from '@plantops/contracts';
import type { Actor } from '../../../platform/db/unit-of-work.js';
import { BUCKET_RULES, BUCKETS, type Bucket } from './buckets.js';

const holdsAny = (actor: Actor, perms: readonly Permission[]) => perms.some((p) => actor.permissions.includes(p));

export const mayUpload = (actor: Actor, bucket: Bucket) => holdsAny(actor, BUCKET_RULES[bucket].upload);

/** For files whose record type has no registered checker: the uploader, or a reader of the bucket. */
export const mayReadUnchecked = (actor: Actor, file: { bucket: Bucket; uploaded_by: string }) =>
  file.uploaded_by === actor.userId || holdsAny(actor, BUCKET_RULES[file.bucket].read);

export const readableBuckets = (actor: Actor): Bucket[] => BUCKETS.filter((b) => holdsAny(actor, BUCKET_RULES[b].read));

/** Deleting takes more than seeing: the uploader, or someone who manages the bucket. */
export const mayDelete = (actor: Actor, file: { bucket: Bucket; uploaded_by: string }) =>
  file.uploaded_by === actor.userId || holdsAny(actor, BUCKET_RULES[file.bucket].manage);
