import { z } from 'zod';
import { paginationSchema } from '../api.js';

/**
 * Response shapes of the vendors API (/api/v1/vendors): the API validates and documents its
 * responses with these, the web app takes its types from them with `import type`.
 */

export const VENDOR_TYPES = ['SUPPLIER', 'CONTRACTOR'] as const;
export const vendorTypeSchema = z.enum(VENDOR_TYPES);
export type VendorType = z.infer<typeof vendorTypeSchema>;

export const vendorContactSchema = z.object({ name: z.string(), email: z.string().optional(), phone: z.string().optional(), role: z.string().optional() });
export type VendorContact = z.infer<typeof vendorContactSchema>;

export const vendorDocumentSchema = z.object({ id: z.string(), fileName: z.string(), contentType: z.string(), size: z.number(), url: z.string() });
export type VendorDocument = z.infer<typeof vendorDocumentSchema>;

export const vendorSchema = z.object({
  id: z.string(),
  name: z.string(),
  type: vendorTypeSchema,
  email: z.string().nullable(),
  phone: z.string().nullable(),
  address: z.string().nullable(),
  website: z.string().nullable(),
  notes: z.string().nullable(),
  contacts: z.array(vendorContactSchema),
  active: z.boolean(),
  archivedAt: z.string().nullable(),
  warehouseId: z.string(),
  createdAt: z.string(),
  updatedAt: z.string(),
});
export type Vendor = z.infer<typeof vendorSchema>;

/** GET /api/v1/vendors/:id. */
export const vendorDetailSchema = vendorSchema.extend({ documents: z.array(vendorDocumentSchema) });
export type VendorDetail = z.infer<typeof vendorDetailSchema>;

/** GET /api/v1/vendors. */
export const vendorListSchema = z.object({ vendors: z.array(vendorSchema), pagination: paginationSchema });
export type VendorList = z.infer<typeof vendorListSchema>;
