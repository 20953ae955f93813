import { z } from 'zod';
import { MOVEMENT_TYPES } from '../inventory/index.js';
import { MAX_QUANTITY } from './parts.schema.js';

/** The CMMS spec's `part_transactions` row, read from the shared stock ledger. */
export const partTransactionSchema = z.object({
  id: z.string(),
  partId: z.string(),
  partNumber: z.string(),
  partName: z.string(),
  warehouseId: z.string(),
  workOrderId: z.string().nullable(),
  receiptId: z.string().nullable(),
  vendorId: z.string().nullable(),
  type: z.enum(MOVEMENT_TYPES),
  /** Signed change to on-hand (to reserved for RESERVED/RELEASED). */
  quantity: z.number().int(),
  quantityAfter: z.number().int(),
  quantityReservedAfter: z.number().int(),
  performedBy: z.object({ id: z.string(), name: z.string() }).nullable(),
  timestamp: z.string(),
  notes: z.string().nullable(),
  reason: z.string().nullable(),
});
export type PartTransaction = z.infer<typeof partTransactionSchema>;

/** What the CMMS side may book; reservations and shipments belong to manufacturing orders. */
export const CMMS_TRANSACTION_TYPES = ['INBOUND', 'USED', 'ADJUSTMENT'] as const;

export const recordTransactionBody = z
  .strictObject({
    partId: z.uuid(),
    type: z.enum(CMMS_TRANSACTION_TYPES),
    quantity: z.number().int().min(-MAX_QUANTITY).max(MAX_QUANTITY),
    workOrderId: z.uuid().optional(),
    notes: z.string().trim().max(2000).optional(),
    reason: z.string().trim().max(500).optional(),
    allowNegative: z.boolean().optional(),
  })
  .superRefine((b, ctx) => {
    const issue = (path: string, message: string) => ctx.addIssue({ code: 'custom', path: [path], message });
    if (b.type === 'ADJUSTMENT' && b.quantity === 0) issue('quantity', 'An adjustment changes stock by a non-zero amount');
    if (b.type !== 'ADJUSTMENT' && b.quantity <= 0) issue('quantity', `${b.type} takes a positive quantity`);
    if (b.type === 'ADJUSTMENT' && !b.reason) issue('reason', 'An adjustment needs a reason');
    if (b.allowNegative && b.type !== 'ADJUSTMENT') issue('allowNegative', 'Only an adjustment may take stock below zero');
  });
export type RecordTransactionInput = z.infer<typeof recordTransactionBody>;
