import { EXPORT_ROW_CAP } from './columns.js';

export type PageFetcher<T> = (page: number, limit: number) => Promise<{ rows: T[]; total: number }>;

/**
 * Reads a paginated list page by page up to the cap, so an export reuses the list's filters and
 * scoping and never runs an unbounded query.
 */
export async function collectPages<T>(fetchPage: PageFetcher<T>, cap = EXPORT_ROW_CAP, pageSize = 500): Promise<{ rows: T[]; truncated: boolean }> {
  const rows: T[] = [];
  for (let page = 1; ; page += 1) {
    const { rows: batch, total } = await fetchPage(page, pageSize);
    rows.push(...batch);
    if (rows.length >= cap) return { rows: rows.slice(0, cap), truncated: total > cap };
    if (batch.length < pageSize) return { rows, truncated: false };
  }
}
