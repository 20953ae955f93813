import { z } from 'zod';
import { paginationSchema } from '../api.js';
import { CHECKLIST_STATUSES, CRITICALITIES, customFieldSchema, EQUIPMENT_STATUSES, WO_PRIORITIES, WO_STATUSES, WO_TYPES } from '../maintenance.js';

/**
 * Response shapes of the maintenance API (/api/v1/work-orders, /api/v1/equipment; CMMS spec): the
 * API validates and documents its responses with these, the web app takes its types from them with
 * `import type`. Request bodies stay with the API's routes.
 */

// ---- work orders

export const personSchema = z.object({ id: z.string(), name: z.string(), role: z.string() });

export const workOrderSchema = z.object({
  id: z.string(),
  foNumber: z.string(),
  type: z.enum(WO_TYPES),
  title: z.string(),
  description: z.string(),
  area: z.string().nullable(),
  assetModel: z.string().nullable(),
  equipment: z.object({ id: z.string(), assetTag: z.string(), name: z.string(), status: z.enum(EQUIPMENT_STATUSES) }).nullable(),
  status: z.enum(WO_STATUSES),
  priority: z.enum(WO_PRIORITIES),
  requestedBy: personSchema,
  assignees: z.array(personSchema),
  dueDate: z.string().nullable(),
  overdue: z.boolean(),
  startedAt: z.string().nullable(),
  completedAt: z.string().nullable(),
  verifiedBy: z.string().nullable(),
  verifiedAt: z.string().nullable(),
  closedAt: z.string().nullable(),
  onHoldReason: z.string().nullable(),
  cancelReason: z.string().nullable(),
  escalated: z.boolean(),
  escalationLevel: z.number().int(),
  followUp: z.boolean(),
  parentWorkOrderId: z.string().nullable(),
  warehouseId: z.string(),
  createdAt: z.string(),
  lastUpdated: z.string(),
});
export type WorkOrder = z.infer<typeof workOrderSchema>;

export const checklistItemSchema = z.object({
  id: z.string(),
  position: z.number().int(),
  component: z.string(),
  action: z.string(),
  status: z.enum(CHECKLIST_STATUSES),
  notes: z.string().nullable(),
  customFields: z.array(customFieldSchema),
  customFieldData: z.record(z.string(), z.unknown()),
  templateId: z.string().nullable(),
  followUpWorkOrderId: z.string().nullable(),
  createdAt: z.string(),
  completedAt: z.string().nullable(),
  completedBy: z.string().nullable(),
});
export type ChecklistItem = z.infer<typeof checklistItemSchema>;

export const timeLogSchema = z.object({
  id: z.string(),
  userId: z.string(),
  userName: z.string(),
  startTime: z.string(),
  endTime: z.string().nullable(),
  minutes: z.number().int().nullable(),
  running: z.boolean(),
  description: z.string().nullable(),
  source: z.enum(['TIMER', 'MANUAL']),
  createdAt: z.string(),
});
export type TimeLog = z.infer<typeof timeLogSchema>;

export const partUsageSchema = z.object({
  partId: z.string(),
  partNumber: z.string(),
  name: z.string(),
  used: z.number().int(),
  returned: z.number().int(),
  net: z.number().int(),
});
export type PartUsage = z.infer<typeof partUsageSchema>;

export const partMovementSchema = z.object({
  transactionId: z.string(),
  partId: z.string(),
  partNumber: z.string(),
  type: z.enum(['USED', 'RETURNED']),
  quantity: z.number().int(),
  onHandAfter: z.number().int(),
  performedBy: z.string().nullable(),
  notes: z.string().nullable(),
  createdAt: z.string(),
});
export type PartMovement = z.infer<typeof partMovementSchema>;

export const attachmentSchema = z.object({
  id: z.string(),
  fileId: z.string(),
  checklistItemId: z.string().nullable(),
  fileName: z.string(),
  contentType: z.string(),
  size: z.number(),
  url: z.string(),
  thumbnailUrl: z.string().nullable(),
  uploadedBy: z.string(),
  createdAt: z.string(),
});
export type Attachment = z.infer<typeof attachmentSchema>;

export const commentSchema = z.object({ id: z.string(), userId: z.string(), userName: z.string(), body: z.string(), createdAt: z.string() });
export type Comment = z.infer<typeof commentSchema>;

export const historyEntrySchema = z.object({
  id: z.string(),
  action: z.string(),
  userId: z.string().nullable(),
  userName: z.string().nullable(),
  description: z.string().nullable(),
  before: z.unknown(),
  after: z.unknown(),
  timestamp: z.string(),
});
export type HistoryEntry = z.infer<typeof historyEntrySchema>;

/** Another work order named from this one (follow-ups, parent). */
export const workOrderBriefSchema = z.object({ id: z.string(), foNumber: z.string(), title: z.string(), status: z.enum(WO_STATUSES), priority: z.enum(WO_PRIORITIES) });
export type WorkOrderBrief = z.infer<typeof workOrderBriefSchema>;

export const workOrderDetailSchema = workOrderSchema.extend({
  checklist: z.array(checklistItemSchema),
  timeLogs: z.array(timeLogSchema),
  totalMinutes: z.number().int(),
  parts: z.array(partUsageSchema),
  partMovements: z.array(partMovementSchema),
  attachments: z.array(attachmentSchema),
  comments: z.array(commentSchema),
  history: z.array(historyEntrySchema),
  followUps: z.array(workOrderBriefSchema),
  parentWorkOrder: workOrderBriefSchema.nullable(),
  nextStatuses: z.array(z.enum(WO_STATUSES)),
  /** What still stands between this work order and COMPLETED (empty when it may complete). */
  completionBlockers: z.array(z.object({ gate: z.string(), message: z.string() })),
  permissions: z.object({ execute: z.boolean(), edit: z.boolean(), assign: z.boolean() }),
});
export type WorkOrderDetail = z.infer<typeof workOrderDetailSchema>;

export const templateSchema = z.object({
  id: z.string(),
  name: z.string(),
  items: z.array(z.object({ component: z.string(), action: z.string(), customFields: z.array(customFieldSchema) })),
  active: z.boolean(),
  warehouseId: z.string(),
  createdAt: z.string(),
});
export type ChecklistTemplate = z.infer<typeof templateSchema>;

/** Keyset paging of the work-order list (decision 0011). */
export const cursorPageSchema = z.object({ limit: z.number().int(), nextCursor: z.string().nullable(), hasMore: z.boolean() });

/** GET /api/v1/work-orders. */
export const workOrderListSchema = z.object({ workOrders: z.array(workOrderSchema), page: cursorPageSchema });
export type WorkOrderList = z.infer<typeof workOrderListSchema>;

/** GET /api/v1/work-orders/assignable-people. */
export const assignablePeopleSchema = z.object({ people: z.array(personSchema) });
export type AssignablePeople = z.infer<typeof assignablePeopleSchema>;
export type Person = z.infer<typeof personSchema>;

/** GET /api/v1/work-orders/templates. */
export const templateListSchema = z.object({ templates: z.array(templateSchema), pagination: paginationSchema });

// ---- equipment

export const equipmentSchema = z.object({
  id: z.string(),
  assetTag: z.string(),
  name: z.string(),
  model: z.string().nullable(),
  manufacturer: z.string().nullable(),
  serialNumber: z.string().nullable(),
  description: z.string(),
  area: z.string().nullable(),
  status: z.enum(EQUIPMENT_STATUSES),
  criticality: z.enum(CRITICALITIES),
  installationDate: z.string().nullable(),
  warrantyExpiry: z.string().nullable(),
  parentEquipmentId: z.string().nullable(),
  hierarchyLevel: z.number().int(),
  qrCodeUrl: z.string(),
  warehouseId: z.string(),
  childrenCount: z.number().int(),
  createdAt: z.string(),
  updatedAt: z.string(),
  retiredAt: z.string().nullable(),
  disposedAt: z.string().nullable(),
});
export type Equipment = z.infer<typeof equipmentSchema>;

const documentSchema = z.object({ id: z.string(), fileName: z.string(), contentType: z.string(), size: z.number(), url: z.string() });

export const downtimeSchema = z.object({
  id: z.string(),
  equipmentId: z.string(),
  startedAt: z.string(),
  endedAt: z.string().nullable(),
  durationHours: z.number().nullable(),
  reason: z.string(),
  planned: z.boolean(),
  workOrderId: z.string().nullable(),
  createdBy: z.string().nullable(),
  createdAt: z.string(),
});
export type Downtime = z.infer<typeof downtimeSchema>;

export const statusChangeSchema = z.object({
  id: z.string(),
  fromStatus: z.enum(EQUIPMENT_STATUSES).nullable(),
  toStatus: z.enum(EQUIPMENT_STATUSES),
  reason: z.string().nullable(),
  workOrderId: z.string().nullable(),
  changedBy: z.string().nullable(),
  changedByName: z.string().nullable(),
  changedAt: z.string(),
});
export type StatusChange = z.infer<typeof statusChangeSchema>;

/** A work order as the equipment page lists it. */
export const equipmentWorkOrderSchema = z.object({
  id: z.string(),
  foNumber: z.string(),
  title: z.string(),
  type: z.enum(WO_TYPES),
  status: z.enum(WO_STATUSES),
  priority: z.enum(WO_PRIORITIES),
  dueDate: z.string().nullable(),
  createdAt: z.string(),
});
export type EquipmentWorkOrder = z.infer<typeof equipmentWorkOrderSchema>;

export const equipmentDetailSchema = equipmentSchema.extend({
  parentPath: z.array(z.object({ id: z.string(), assetTag: z.string(), name: z.string() })),
  openWorkOrders: z.array(equipmentWorkOrderSchema),
  lastPm: z.object({ workOrderId: z.string(), foNumber: z.string(), completedAt: z.string() }).nullable(),
  nextPm: z.object({ workOrderId: z.string(), foNumber: z.string(), dueDate: z.string().nullable() }).nullable(),
  photos: z.array(documentSchema),
  documents: z.array(documentSchema),
  downtime: z.array(downtimeSchema),
  kpis: z.object({
    windowDays: z.number(),
    failures: z.number(),
    downtimeHours: z.number(),
    mtbfHours: z.number().nullable(),
    mttrHours: z.number().nullable(),
    availability: z.number(),
    formulas: z.object({ mtbf: z.string(), mttr: z.string(), availability: z.string() }),
  }),
  nextStatuses: z.array(z.enum(EQUIPMENT_STATUSES)),
});
export type EquipmentDetail = z.infer<typeof equipmentDetailSchema>;

export const treeNodeSchema = z.object({
  id: z.string(),
  assetTag: z.string(),
  name: z.string(),
  status: z.enum(EQUIPMENT_STATUSES),
  criticality: z.enum(CRITICALITIES),
  hierarchyLevel: z.number().int(),
  childrenCount: z.number().int(),
});
export type TreeNode = z.infer<typeof treeNodeSchema>;

/** GET /api/v1/equipment. */
export const equipmentListSchema = z.object({ equipment: z.array(equipmentSchema), pagination: paginationSchema });

/** GET /api/v1/equipment/tree. */
export const equipmentTreeSchema = z.object({ parentId: z.string().nullable(), nodes: z.array(treeNodeSchema), pagination: paginationSchema });
export type EquipmentTree = z.infer<typeof equipmentTreeSchema>;

/** GET /api/v1/equipment/:id/history. */
export const statusHistorySchema = z.object({ history: z.array(statusChangeSchema), pagination: paginationSchema });
