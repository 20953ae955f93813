import { ITEM_KINDS } from '@plantops/contracts/responses/parts';
import { z } from 'zod';

// The response shape is shared with the web app (packages/contracts/src/responses/parts.ts).
export { ITEM_KINDS, STOCK_STATES, partSchema, partListSchema, type ItemKind, type Part } from '@plantops/contracts/responses/parts';

// Quantities are integers in PostgreSQL's int range with room to add receipts on top.
export const MAX_QUANTITY = 1_000_000_000;
const text = (max: number) => z.string().trim().max(max);

/** Fields of a part a manager may change; quantities change only through transactions. */
export const partChangesSchema = {
  name: text(200).min(1).optional(),
  description: text(4000).optional(),
  originalNumber: text(100).nullable().optional(),
  vendorId: z.uuid().nullable().optional(),
  modelCompatibility: z.array(text(100).min(1)).max(200).optional(),
  reorderPoint: z.number().int().min(0).max(MAX_QUANTITY).optional(),
  defaultBin: text(50).nullable().optional(),
  cost: z.number().min(0).max(9_999_999_999).optional(),
};

export const createPartBody = z.strictObject({
  partNumber: text(64).min(1),
  kind: z.enum(ITEM_KINDS).default('PART'),
  ...partChangesSchema,
  /** Opening balance, booked as an INBOUND transaction with reason 'Initial stock'. */
  quantityOnHand: z.number().int().min(0).max(MAX_QUANTITY).optional(),
});
export type CreatePartInput = z.infer<typeof createPartBody>;

export const updatePartBody = z.strictObject(partChangesSchema);
export type PartChanges = z.infer<typeof updatePartBody>;
