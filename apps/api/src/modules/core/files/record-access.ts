import type { Ctx } from '../../../platform/db/unit-of-work.js';

/** Answers whether the actor may see the record (and so the files attached to it). */
export type RecordAccessCheck = (ctx: Ctx, recordId: string) => Promise<boolean>;

// Filled at import time by domain modules (work orders, equipment, ...); core never imports them.
const checks = new Map<string, RecordAccessCheck>();

export const RECORD_TYPE_RE = /^[a-z][a-z0-9_-]{0,63}$/;

/** Lets a domain module decide who sees files attached to its records. */
export function registerRecordAccess(recordType: string, check: RecordAccessCheck): void {
  if (!RECORD_TYPE_RE.test(recordType)) throw new Error(`Invalid record type: ${recordType}`);
  if (checks.has(recordType)) throw new Error(`Record access for ${recordType} is already registered`);
  checks.set(recordType, check);
}

export const recordAccessFor = (recordType: string | null): RecordAccessCheck | undefined =>
  recordType ? checks.get(recordType) : undefined;

export const checkedRecordTypes = (): string[] => [...checks.keys()];
