import { z } from 'zod';
import { MAX_QUANTITY } from '../parts/parts.schema.js';

// Response shapes are shared with the web app (packages/contracts/src/responses/receipts.ts).
export { receiptDetailSchema, receiptLineSchema, receiptListSchema, receiptSchema, type Receipt, type ReceiptDetail } from '@plantops/contracts/responses/receipts';

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
