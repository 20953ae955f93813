import { accessoryRefSchema, ORDER_PRIORITIES, ORDER_STATUSES } from '@plantops/contracts';
import { z } from 'zod';
import { cursorQuery, MAX_PAGE } from '../../../platform/http/envelope.js';
import { queryDate } from '../../../platform/http/date-range.js';

/** Request shapes of /api/v1/orders (responses: packages/contracts/src/responses/orders.ts; tables: migration 0016). */

const text = (max: number) => z.string().trim().max(max);
const required = (max: number) => z.string().trim().min(1, 'Required').max(max);
const day = z.iso.date({ message: 'Use YYYY-MM-DD' });

export const addressBody = z.strictObject({
  street: required(200),
  city: required(100),
  state: required(100),
  zipCode: required(20),
  country: required(100),
});

const customerBody = z.strictObject({
  /** An existing customer of the site to reuse (its stored details are kept; the rest may update it). */
  id: z.uuid().optional(),
  companyName: required(200),
  contactName: required(200),
  email: z.email({ message: 'Must be an e-mail address' }).max(254),
  phone: text(40).optional(),
  shippingAddress: addressBody,
});

export const draftBody = z.strictObject({
  customer: customerBody,
  priority: z.enum(ORDER_PRIORITIES).default('STANDARD'),
  specialInstructions: text(2000).optional(),
  requestedDelivery: day.optional(),
});
export type DraftInput = z.infer<typeof draftBody>;

const buildNumberValue = z.string().trim().regex(/^[A-Za-z0-9][A-Za-z0-9._/-]{0,39}$/, 'Letters, digits and . _ / - (at most 40)');

export const sinkSelectionBody = z.strictObject({
  sinks: z
    .array(
      z.strictObject({
        sinkFamilyId: z.string().trim().min(1).max(100),
        quantity: z.number().int().min(1).max(100),
        buildNumbers: z.array(buildNumberValue).max(100).optional(),
      }).refine((s) => !s.buildNumbers || s.buildNumbers.length === s.quantity, { message: 'Give one build number per unit (as many as the quantity), or none to have them offered', path: ['buildNumbers'] }),
    )
    .min(1, 'Choose at least one sink')
    .max(20),
});
export type SinkSelectionInput = z.infer<typeof sinkSelectionBody>;

/** A build is named by its number, or a selection line (sinkId) configures all of its builds. */
const buildRef = {
  sinkId: z.uuid().optional(),
  buildNumber: buildNumberValue.optional(),
};

export const sinkConfigurationBody = z
  .strictObject({ ...buildRef, configuration: z.record(z.string(), z.unknown()) })
  .refine((b) => !!b.sinkId !== !!b.buildNumber, { message: 'Name the sink (sinkId) or one build (buildNumber)', path: ['sinkId'] });
export type SinkConfigurationInput = z.infer<typeof sinkConfigurationBody>;

export const accessoriesBody = z
  .strictObject({ ...buildRef, accessories: z.array(accessoryRefSchema).max(100) })
  .refine((b) => !(b.sinkId && b.buildNumber), { message: 'Name the sink or one build, not both', path: ['sinkId'] });
export type AccessoriesInput = z.infer<typeof accessoriesBody>;

export const submitBody = z.strictObject({
  finalReview: z.literal(true, { message: 'Review the order first (finalReview: true)' }),
  customerApproval: z.literal(true, { message: 'The customer must approve the order (customerApproval: true)' }),
});

const statusList = z
  .string()
  .transform((s) => s.split(',').map((x) => x.trim().toUpperCase()).filter(Boolean))
  .pipe(z.array(z.enum(ORDER_STATUSES)).min(1));

export const listQuery = z.strictObject({
  status: statusList.optional(),
  priority: z.enum(ORDER_PRIORITIES).optional(),
  customerId: z.uuid().optional(),
  createdBy: z.uuid().optional(),
  assignedTo: z.union([z.uuid(), z.literal('me')]).optional(),
  dateFrom: queryDate.optional(),
  dateTo: queryDate.optional(),
  search: z.string().trim().min(1).max(100).optional(),
  warehouseId: z.uuid().optional(),
  page: z.coerce.number().int().min(1).max(MAX_PAGE).default(1),
  limit: z.coerce.number().int().min(1).max(100).default(20),
  sortBy: z.enum(['createdAt', 'updatedAt', 'orderNumber']).default('createdAt'),
  sortOrder: z.enum(['asc', 'desc']).default('desc'),
  ...cursorQuery,
});
export type OrderListQuery = z.infer<typeof listQuery>;

export const statusBody = z.strictObject({
  status: z.enum(ORDER_STATUSES),
  notes: text(2000).optional(),
  /** Spec 2.2: the tasks the mover completed (the production module checks them once it exists). */
  completedTasks: z.array(z.uuid()).max(200).optional(),
  /** IN_PRODUCTION with parts short: reserve what there is and record the rest as back-orders. */
  acceptBackorders: z.boolean().optional(),
  carrier: text(100).optional(),
  trackingNumber: text(100).optional(),
  shipDate: day.optional(),
  adminOverride: z.boolean().optional(),
});
export type StatusInput = z.infer<typeof statusBody>;

export const assignBody = z
  .strictObject({ assemblerId: z.uuid().nullable().optional(), qcPersonId: z.uuid().nullable().optional() })
  .refine((b) => b.assemblerId !== undefined || b.qcPersonId !== undefined, { message: 'Name an assembler or a QC person (null unassigns)' });

export const updateBody = z.strictObject({
  customer: z.strictObject({ contactName: required(200).optional(), email: z.email().max(254).optional(), phone: text(40).nullable().optional() }).optional(),
  priority: z.enum(ORDER_PRIORITIES).optional(),
  specialInstructions: text(2000).nullable().optional(),
  notes: text(4000).nullable().optional(),
  requestedDelivery: day.nullable().optional(),
  estimatedDelivery: day.nullable().optional(),
  shippingAddress: addressBody.optional(),
  adminOverride: z.boolean().optional(),
});
export type UpdateInput = z.infer<typeof updateBody>;

export const cancelBody = z.strictObject({
  reason: required(1000),
  adminOverride: z.boolean().optional(),
});

export const customerQuery = z.strictObject({
  search: z.string().trim().min(1).max(100).optional(),
  page: z.coerce.number().int().min(1).max(MAX_PAGE).default(1),
  limit: z.coerce.number().int().min(1).max(100).default(20),
});
