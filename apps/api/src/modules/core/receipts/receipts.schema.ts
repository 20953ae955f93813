import { z } from 'zod';
import { MAX_QUANTITY } from '../parts/parts.schema.js';

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
export const receiptDetailSchema = receiptSchema.extend({ lines: z.array(receiptLineSchema) });
export type ReceiptDetail = z.infer<typeof receiptDetailSchema>;

const reference = z.string().trim().min(1).max(100);

export const createReceiptBody = z.strictObject({
  vendorId: z.uuid().optional(),
  asnNumber: reference.optional(),
  poNumber: reference.optional(),
  notes: z.string().trim().max(2000).optional(),
  lines: z
    .array(z.strictObject({ partId: z.uuid(), quantity: z.number().int().min(1).max(MAX_QUANTITY), bin: z.string().trim().min(1).max(50).optional() }))
    .min(1)
    .max(200),
});
export type CreateReceiptInput = z.infer<typeof createReceiptBody>;
