import { z } from 'zod';
import { emailSchema } from '../auth/auth.schema.js';

export const VENDOR_TYPES = ['SUPPLIER', 'CONTRACTOR'] as const;

const contactSchema = z.strictObject({
  name: z.string().trim().min(1).max(120),
  email: emailSchema.optional(),
  phone: z.string().trim().max(40).optional(),
  role: z.string().trim().max(80).optional(),
});

export const vendorDocumentSchema = z.object({ id: z.string(), fileName: z.string(), contentType: z.string(), size: z.number(), url: z.string() });

export const vendorSchema = z.object({
  id: z.string(),
  name: z.string(),
  type: z.enum(VENDOR_TYPES),
  email: z.string().nullable(),
  phone: z.string().nullable(),
  address: z.string().nullable(),
  website: z.string().nullable(),
  notes: z.string().nullable(),
  contacts: z.array(z.object({ name: z.string(), email: z.string().optional(), phone: z.string().optional(), role: z.string().optional() })),
  active: z.boolean(),
  archivedAt: z.string().nullable(),
  warehouseId: z.string(),
  createdAt: z.string(),
  updatedAt: z.string(),
});
export type Vendor = z.infer<typeof vendorSchema>;
export const vendorDetailSchema = vendorSchema.extend({ documents: z.array(vendorDocumentSchema) });
export type VendorDetail = z.infer<typeof vendorDetailSchema>;

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
