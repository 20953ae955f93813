import type { Permission } from '@plantops/contracts';
import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import type { AppDeps } from '../../app-deps.js';
import type { Ctx } from '../db/unit-of-work.js';
import { rowCapFor, type ExportColumn } from './columns.js';
import { collectPages } from './paging.js';
import { fileResponse } from '../http/openapi.js';
import { EXPORT_CONTENT_TYPES, exportFormatSchema, sendExport } from './send.js';

/**
 * A list that can be exported: its filters, its columns and how to read one page as an actor.
 * The same definition serves the immediate download and the background export job.
 */
export interface ExportableList<S extends z.ZodObject = z.ZodObject, T = unknown, F = z.infer<S>> {
  name: string;
  title: string;
  filename: string;
  access: readonly Permission[];
  /** Strict object schema of the list's filters (without format/page/limit). */
  filters: S;
  columns: readonly ExportColumn<T>[];
  fetchPage(ctx: Ctx, filters: F, page: number, limit: number): Promise<{ rows: T[]; total: number }>;
  /** Optional side effect in the same transaction (e.g. auditing a bulk read of personal data). */
  afterRead?(ctx: Ctx, rowCount: number, format: string): Promise<void>;
}

/** GET <url>?format=csv|xlsx|pdf&<filters>: the list as a file, capped and streamed in one response. */
export function exportRoute<S extends z.ZodObject, T>(app: FastifyInstance, deps: AppDeps, url: string, list: ExportableList<S, T>) {
  const querystring = list.filters.extend({ format: exportFormatSchema });
  app.withTypeProvider<ZodTypeProvider>().get(url, {
    config: { access: { anyOf: list.access } },
    schema: { tags: ['exports'], summary: `Export ${list.title.toLowerCase()} as CSV, XLSX or PDF (10,000 rows at most, PDF 1,000; X-Export-Truncated tells)`, querystring, response: { 200: fileResponse('The list as a file (attachment)', EXPORT_CONTENT_TYPES) } },
    handler: async (request, reply) => {
      const { format, ...filters } = request.query as { format: 'csv' | 'xlsx' | 'pdf' } & z.infer<S>;
      const { rows, truncated } = await deps.scoped(request, async (ctx) => {
        const result = await collectPages((page, limit) => list.fetchPage(ctx, filters as z.infer<S>, page, limit), rowCapFor(format));
        await list.afterRead?.(ctx, result.rows.length, format);
        return result;
      });
      return sendExport(reply, format, list.filename, { title: list.title, columns: list.columns, rows, truncated });
    },
  });
}
