import { z } from 'zod';
import { paginationSchema } from '../api.js';

/**
 * Response shapes of the CMMS parts API: the API validates and documents its responses with
 * these, the web app takes its types from them with `import type`.
 */

export const ITEM_KINDS = ['PART', 'SUB_ASSEMBLY', 'ASSEMBLY', 'ACCESSORY', 'SERVICE_PART', 'KIT'] as const;
export type ItemKind = (typeof ITEM_KINDS)[number];
export const STOCK_STATES = ['OK', 'LOW', 'OUT'] as const;

/** The CMMS spec's `parts` row: an item seen through its stock in one warehouse. */
export const partSchema = z.object({
  id: z.string(),
  partNumber: z.string(),
  originalNumber: z.string().nullable(),
  name: z.string(),
  description: z.string(),
  kind: z.enum(ITEM_KINDS),
  vendorId: z.string().nullable(),
  vendor: z.object({ id: z.string(), name: z.string() }).nullable(),
  quantityOnHand: z.number().int(),
  quantityReserved: z.number().int(),
  quantityAvailable: z.number().int(),
  reorderPoint: z.number().int(),
  stockState: z.enum(STOCK_STATES),
  modelCompatibility: z.array(z.string()),
  defaultBin: z.string().nullable(),
  warehouseId: z.string(),
  cost: z.number(),
  createdAt: z.string(),
  updatedAt: z.string(),
});
export type Part = z.infer<typeof partSchema>;

/** GET /parts. */
export const partListSchema = z.object({ parts: z.array(partSchema), pagination: paginationSchema });
export type PartList = z.infer<typeof partListSchema>;
