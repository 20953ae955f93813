import { z } from 'zod';
import { VENDOR_TYPES } from '@plantops/contracts/responses/vendors';
import { emailSchema } from '../auth/auth.schema.js';

/*
 * Response shapes live in packages/contracts (the web app takes its types from them); this file
 * keeps the request bodies, whose rules (trimming, lengths, e-mail syntax) only the API applies.
 */
export { VENDOR_TYPES, vendorDetailSchema, vendorDocumentSchema, vendorListSchema, vendorSchema } from '@plantops/contracts/responses/vendors';
export type { Vendor, VendorDetail } from '@plantops/contracts/responses/vendors';

const contactSchema = z.strictObject({
  name: z.string().trim().min(1).max(120),
  email: emailSchema.optional(),
  phone: z.string().trim().max(40).optional(),
  role: z.string().trim().max(80).optional(),
});

const optionalText = (max: number) => z.string().trim().max(max).nullable().optional();
const fields = {
  name: z.string().trim().min(1).max(200),
  type: z.enum(VENDOR_TYPES),
  email: emailSchema.nullable().optional(),
  phone: optionalText(40),
  address: optionalText(500),
  website: z.url({ protocol: /^https?$/ }).max(300).nullable().optional(),
  notes: optionalText(4000),
  contacts: z.array(contactSchema).max(20).optional(),
  active: z.boolean().optional(),
};

export const createVendorBody = z.strictObject(fields);
export type CreateVendorInput = z.infer<typeof createVendorBody>;
export const updateVendorBody = z.strictObject({ ...fields, name: fields.name.optional(), type: fields.type.optional() });
export type VendorChanges = z.infer<typeof updateVendorBody>;
