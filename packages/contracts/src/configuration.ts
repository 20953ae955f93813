import { z } from 'zod';

/** An accessory chosen for a sink or an order: by catalog id or part number, with a quantity. */
export const accessoryRefSchema = z
  .strictObject({
    accessoryId: z.uuid().optional(),
    partNumber: z.string().trim().min(1).max(64).optional(),
    quantity: z.number().int().min(1).max(1000).default(1),
  })
  .refine((a) => !!a.accessoryId !== !!a.partNumber, { message: 'Give accessoryId or partNumber (one of them)' });
export type AccessoryRefInput = z.infer<typeof accessoryRefSchema>;
