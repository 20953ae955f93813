import type { Pagination } from '@plantops/contracts';
import { z } from 'zod';
import type { PageInfo } from '../db/paged-query.js';

/** `{ success: true, data }` as every manufacturing-spec response shows. */
export const ok = <T>(data: T) => ({ success: true as const, data });
export const okMessage = (message: string) => ({ success: true as const, message });

export const envelope = <T extends z.ZodType>(data: T) => z.object({ success: z.literal(true), data });
export const messageEnvelope = z.object({ success: z.literal(true), message: z.string() });

/** Pages beyond this are refused rather than scanned (100 million rows at the largest page size). */
export const MAX_PAGE = 1_000_000;

export const pageQuery = {
  page: z.coerce.number().int().min(1).max(MAX_PAGE).default(1),
  limit: z.coerce.number().int().min(1).max(100).default(20),
};

export function pagination(page: number, limit: number, totalItems: number): Pagination {
  const totalPages = Math.max(1, Math.ceil(totalItems / limit));
  return {
    currentPage: page,
    itemsPerPage: limit,
    totalItems,
    totalPages,
    hasNextPage: page < totalPages,
    hasPreviousPage: page > 1,
  };
}

/** `cursor` for lists with keyset paging (decision 0011): a previous page's nextCursor. */
export const cursorQuery = { cursor: z.string().min(1).max(2000).optional() };

/** The pagination of a keyset-paged list (platform/db/paged-query.ts), with its estimate flag and next cursor. */
export function keysetPagination(info: PageInfo): Pagination {
  const totalPages = Math.max(1, Math.ceil(info.total / info.limit), info.page + (info.hasNextPage ? 1 : 0));
  return {
    currentPage: info.page,
    itemsPerPage: info.limit,
    totalItems: info.total,
    totalPages,
    hasNextPage: info.hasNextPage,
    hasPreviousPage: info.page > 1,
    totalIsEstimate: info.totalIsEstimate,
    nextCursor: info.nextCursor,
  };
}

/** Query-string booleans: only the words true/false, not JavaScript truthiness. */
export const queryBoolean = z.enum(['true', 'false']).transform((v) => v === 'true');

export const uuidParam = z.uuid({ message: 'Must be a UUID' });

export function toIso(d: Date | string): string;
export function toIso(d: Date | string | null | undefined): string | null;
export function toIso(d: Date | string | null | undefined): string | null {
  return d == null ? null : new Date(d).toISOString();
}
