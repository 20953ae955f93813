import type { FastifyReply } from 'fastify';
import { z } from 'zod';
import { EXPORT_FORMATS, type ExportColumn, type ExportFormat } from './columns.js';
import { toCsv } from './csv.js';
import { toPdf } from './pdf.js';
import { toXlsx } from './xlsx.js';

/** Every content type an export can answer with (for the OpenAPI document). */
export const EXPORT_CONTENT_TYPES = ['text/csv', 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet', 'application/pdf'] as const;

export const exportFormatSchema = z.enum(EXPORT_FORMATS).default('csv');

const CONTENT_TYPES: Record<ExportFormat, string> = {
  csv: 'text/csv; charset=utf-8',
  xlsx: 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet',
  pdf: 'application/pdf',
};

export interface ExportData<T> {
  title: string;
  columns: readonly ExportColumn<T>[];
  rows: readonly T[];
  /** True when the row cap cut the data short; told to the client in X-Export-Truncated. */
  truncated?: boolean;
  /** Header lines under the title (PDF): what the document is about (order, build, revision). */
  subtitle?: readonly string[];
}

/**
 * Renders rows in the asked format and sends them as a download named `<filename>-<date>.<ext>`
 * (filename is ours, never the client's). Exports hold personal data: not cached.
 */
export async function renderExport<T>(format: ExportFormat, data: ExportData<T>): Promise<string | Buffer> {
  return format === 'csv' ? toCsv(data.columns, data.rows) : format === 'xlsx' ? toXlsx(data.columns, data.rows) : toPdf(data.title, data.columns, data.rows, data.subtitle);
}

export const exportFileName = (filename: string, format: ExportFormat, at = new Date()) =>
  `${filename.replace(/[^A-Za-z0-9._-]/g, '_')}-${at.toISOString().slice(0, 10)}.${format}`;

export const exportContentType = (format: ExportFormat) => CONTENT_TYPES[format];

export async function sendExport<T>(reply: FastifyReply, format: ExportFormat, filename: string, data: ExportData<T>) {
  const body = await renderExport(format, data);
  const name = exportFileName(filename, format);
  return reply
    .type(CONTENT_TYPES[format])
    .header('content-disposition', `attachment; filename="${name}"`)
    .header('cache-control', 'no-store')
    .header('x-content-type-options', 'nosniff')
    .header('x-export-truncated', data.truncated ? 'true' : 'false')
    .send(body);
}
