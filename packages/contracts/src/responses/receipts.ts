import { z } from 'zod';
import { paginationSchema } from '../api.js';

/**
 * Response shapes of goods receipts: the API validates and documents its responses with these,
 * the web app takes its types from them with `import type`.
 */

const ref = z.object({ id: z.string(), name: z.string() });

export const receiptLineSchema = z.object({
  id: z.string(),
  partId: z.string(),
  partNumber: z.string(),
  partName: z.string(),
  quantity: z.number().int(),
  bin: z.string().nullable(),
  transactionId: z.string(),
});

export const receiptSchema = z.object({
  id: z.string(),
  warehouseId: z.string(),
  vendorId: z.string().nullable(),
  vendor: ref.nullable(),
  asnNumber: z.string().nullable(),
  poNumber: z.string().nullable(),
  notes: z.string().nullable(),
  receivedBy: ref,
  receivedAt: z.string(),
  lineCount: z.number().int(),
  totalQuantity: z.number().int(),
});
export type Receipt = z.infer<typeof receiptSchema>;

/** GET /receipts/{id}, POST /receipts. */
export const receiptDetailSchema = receiptSchema.extend({ lines: z.array(receiptLineSchema) });
export type ReceiptDetail = z.infer<typeof receiptDetailSchema>;

/** GET /receipts. */
export const receiptListSchema = z.object({ receipts: z.array(receiptSchema), pagination: paginationSchema });
export type ReceiptList = z.infer<typeof receiptListSchema>;
