import { z } from 'zod';
import { paginationSchema } from '../api.js';
import { ORDER_PRIORITIES, ORDER_STATUSES } from '../orders.js';

/**
 * Response shapes of the manufacturing spec's section 2 (orders): the API validates and documents
 * its responses with these, the web app takes its types from them with `import type`.
 */

const isoDateTime = z.iso.datetime({ offset: true });
const money = z.number();
const status = z.enum(ORDER_STATUSES);
const priority = z.enum(ORDER_PRIORITIES);

export const addressSchema = z.object({
  street: z.string(),
  city: z.string(),
  state: z.string(),
  zipCode: z.string(),
  country: z.string(),
});
export type Address = z.infer<typeof addressSchema>;

export const customerSchema = z.object({
  id: z.uuid(),
  companyName: z.string(),
  contactName: z.string(),
  email: z.string(),
  phone: z.string().nullable(),
  shippingAddress: addressSchema,
});
export type Customer = z.infer<typeof customerSchema>;

export const personSchema = z.object({ id: z.uuid(), name: z.string(), role: z.string() });
export type Person = z.infer<typeof personSchema>;

/** POST /orders/draft (step 1) and the header of every wizard answer. */
export const draftOrderSchema = z.object({
  orderId: z.uuid(),
  orderNumber: z.string(),
  status,
  step: z.number().int(),
  customer: customerSchema,
  priority,
  specialInstructions: z.string().nullable(),
  createdAt: isoDateTime,
  createdBy: z.uuid(),
});

const familyRef = z.object({ id: z.string(), name: z.string(), description: z.string() });

/** PUT /orders/{id}/sink-selection (step 2). */
export const sinkSelectionSchema = z.object({
  orderId: z.uuid(),
  orderNumber: z.string(),
  status,
  step: z.number().int(),
  sinks: z.array(z.object({ id: z.uuid(), sinkFamily: familyRef, quantity: z.number().int(), buildNumbers: z.array(z.string()) })),
  updatedAt: isoDateTime,
});

const customPartSchema = z.object({ partNumber: z.string(), description: z.string(), cost: money.nullable() });

/** PUT /orders/{id}/sink-configuration (step 3). */
export const sinkConfigurationSchema = z.object({
  orderId: z.uuid(),
  step: z.number().int(),
  sinkConfiguration: z.object({
    sinkId: z.uuid(),
    buildNumbers: z.array(z.string()),
    configuration: z.record(z.string(), z.unknown()),
    estimatedCost: money,
    customParts: z.array(customPartSchema),
    warnings: z.array(z.object({ field: z.string(), code: z.string(), message: z.string() })),
  }),
  updatedAt: isoDateTime,
});

export const accessoryLineSchema = z.object({
  id: z.uuid(),
  name: z.string(),
  partNumber: z.string(),
  quantity: z.number().int(),
  /** Null for readers who see no prices (assemblers and QC people: spec 12.2 keeps money to coordinators). */
  unitCost: money.nullable(),
  totalCost: money.nullable(),
});
export type AccessoryLine = z.infer<typeof accessoryLineSchema>;

/** PUT /orders/{id}/accessories (step 4). */
export const accessoriesSchema = z.object({
  orderId: z.uuid(),
  step: z.number().int(),
  buildNumbers: z.array(z.string()),
  accessories: z.array(accessoryLineSchema),
  accessoryTotal: money,
  updatedAt: isoDateTime,
});

/** POST /orders/{id}/submit (step 5). */
export const submittedOrderSchema = z.object({
  orderId: z.uuid(),
  orderNumber: z.string(),
  status,
  step: z.number().int(),
  orderSummary: z.object({
    customer: z.object({ companyName: z.string(), contactName: z.string() }),
    sinks: z.array(z.object({ name: z.string(), quantity: z.number().int(), configuredCost: money })),
    accessories: z.array(z.object({ name: z.string(), quantity: z.number().int(), cost: money })),
    subtotal: money,
    tax: money,
    taxRate: z.number(),
    shipping: money,
    total: money,
  }),
  boms: z.array(z.object({ buildNumber: z.string(), bomId: z.uuid(), version: z.number().int(), status: z.string() })),
  submittedAt: isoDateTime,
  estimatedDelivery: isoDateTime.nullable(),
});

/** One row of GET /orders. */
export const orderListItemSchema = z.object({
  id: z.uuid(),
  orderNumber: z.string(),
  status,
  priority,
  customer: z.object({ id: z.uuid(), companyName: z.string(), contactName: z.string() }),
  buildNumbers: z.array(z.string()),
  totalAmount: money.nullable(),
  createdAt: isoDateTime,
  updatedAt: isoDateTime,
  estimatedDelivery: isoDateTime.nullable(),
  assignedTo: personSchema.nullable(),
  step: z.number().int(),
});
export type OrderListItem = z.infer<typeof orderListItemSchema>;

export const orderListSchema = z.object({ orders: z.array(orderListItemSchema), pagination: paginationSchema });
export type OrderList = z.infer<typeof orderListSchema>;

export const buildSchema = z.object({
  id: z.uuid(),
  buildNumber: z.string(),
  configuration: z.record(z.string(), z.unknown()).nullable(),
  configuredPrice: money.nullable(),
  customParts: z.array(customPartSchema),
  accessories: z.array(accessoryLineSchema),
  bom: z.object({ id: z.uuid(), version: z.number().int(), status: z.string(), generatedAt: isoDateTime }).nullable(),
});
export type Build = z.infer<typeof buildSchema>;

export const timelineEntrySchema = z.object({ status, timestamp: isoDateTime, user: z.string(), notes: z.string().nullable() });

/** A status move the caller could make, or why not yet (the gate still open). */
export const nextStepSchema = z.object({
  status,
  allowed: z.boolean(),
  gate: z.string(),
  blockers: z.array(z.object({ gate: z.string(), message: z.string() })),
  needs: z.array(z.string()),
});
export type NextStep = z.infer<typeof nextStepSchema>;

export const reservationSchema = z.object({
  itemId: z.uuid(),
  partNumber: z.string(),
  name: z.string(),
  required: z.number().int(),
  reserved: z.number().int(),
  backordered: z.number().int(),
  shipped: z.number().int(),
});

/** GET /orders/{id}. */
export const orderDetailSchema = z.object({
  id: z.uuid(),
  orderNumber: z.string(),
  status,
  resumeStatus: status.nullable(),
  priority,
  step: z.number().int(),
  warehouseId: z.uuid(),
  customer: customerSchema,
  shippingAddress: addressSchema,
  sinks: z.array(z.object({
    id: z.uuid(),
    sinkFamily: z.object({ id: z.string(), name: z.string(), model: z.string(), description: z.string() }),
    quantity: z.number().int(),
    buildNumbers: z.array(z.string()),
    configuration: z.record(z.string(), z.unknown()).nullable(),
  })),
  builds: z.array(buildSchema),
  accessories: z.array(accessoryLineSchema),
  bom: z.object({ id: z.uuid(), version: z.number().int(), status: z.string(), generatedAt: isoDateTime }).nullable(),
  timeline: z.array(timelineEntrySchema),
  subtotal: money.nullable(),
  tax: money.nullable(),
  shippingCost: money.nullable(),
  totalAmount: money.nullable(),
  specialInstructions: z.string().nullable(),
  notes: z.string().nullable(),
  requestedDelivery: z.string().nullable(),
  estimatedDelivery: isoDateTime.nullable(),
  submittedAt: isoDateTime.nullable(),
  createdAt: isoDateTime,
  updatedAt: isoDateTime,
  createdBy: personSchema,
  assignedTo: personSchema.nullable(),
  assembler: personSchema.nullable(),
  qcPerson: personSchema.nullable(),
  shipment: z.object({ carrier: z.string(), trackingNumber: z.string(), shipDate: z.string(), shippedAt: isoDateTime }).nullable(),
  cancellation: z.object({ reason: z.string(), cancelledAt: isoDateTime, cancelledBy: personSchema.nullable() }).nullable(),
  reservations: z.array(reservationSchema),
  backordersAccepted: z.boolean(),
  /** Filled by later modules through the order-gate interface (production tasks, inspections). */
  production: z.object({ tasks: z.object({ total: z.number().int(), completed: z.number().int() }).nullable(), inspections: z.object({ total: z.number().int(), passed: z.number().int(), failed: z.number().int() }).nullable() }),
  /** Generated documents (BOM exports per build, the packing list once ready to ship) and files uploaded to the order. */
  documents: z.array(z.object({
    id: z.string().nullable().meta({ description: 'The stored file, for uploaded documents; null for generated ones' }),
    kind: z.enum(['BOM', 'PACKING_LIST', 'UPLOAD']),
    name: z.string(), type: z.string().meta({ description: 'PDF, CSV, XLSX, PNG, JPEG, WEBP' }), format: z.string(), url: z.string(), size: z.number().int().nullable(),
  })),
  nextPossibleStatuses: z.array(status),
  nextSteps: z.array(nextStepSchema),
  permissions: z.object({ edit: z.boolean(), editDraft: z.boolean(), cancel: z.boolean(), assign: z.boolean(), attach: z.boolean() }),
});
export type OrderDetail = z.infer<typeof orderDetailSchema>;

/** PUT /orders/{id}/status. */
export const statusChangeSchema = z.object({
  orderId: z.uuid(),
  previousStatus: status,
  currentStatus: status,
  statusChangedAt: isoDateTime,
  statusChangedBy: personSchema,
  notes: z.string().nullable(),
  nextPossibleStatuses: z.array(status),
  assignedTo: personSchema.nullable(),
  reservations: z.array(reservationSchema).optional(),
});

/** GET /orders/{id}/status-history. */
export const statusHistorySchema = z.object({
  orderId: z.uuid(),
  statusHistory: z.array(z.object({
    id: z.uuid(),
    fromStatus: status.nullable(),
    toStatus: status,
    timestamp: isoDateTime,
    user: personSchema.nullable(),
    notes: z.string().nullable(),
    /** Time spent in the previous status, HH:MM:SS (hours may exceed 24). */
    duration: z.string().nullable(),
  })),
  currentStatus: status,
  totalDuration: z.string().nullable(),
});

/** PUT /orders/{id}. */
export const orderUpdateSchema = z.object({
  orderId: z.uuid(),
  updatedFields: z.array(z.string()),
  previousValues: z.record(z.string(), z.unknown()),
  updatedAt: isoDateTime,
  updatedBy: personSchema,
});

/** DELETE /orders/{id}. */
export const cancelledOrderSchema = z.object({
  orderId: z.uuid(),
  status,
  cancelledAt: isoDateTime,
  cancelledBy: personSchema,
  reason: z.string(),
  releasedReservations: z.number().int(),
});

export const customerListSchema = z.object({ customers: z.array(customerSchema), pagination: paginationSchema });
