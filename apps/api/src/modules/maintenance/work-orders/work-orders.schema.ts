import { CHECKLIST_STATUSES, customFieldSchema, EQUIPMENT_STATUSES, WO_PRIORITIES, WO_STATUSES, WO_TYPES } from '@plantops/contracts';
import { z } from 'zod';
import { queryBoolean } from '../../../platform/http/envelope.js';

/** Request and response shapes of /api/v1/work-orders (tables and RLS: migration 0015). */

const text = (max: number) => z.string().trim().max(max);
const day = z.iso.date({ message: 'Use YYYY-MM-DD' });
const instant = z.iso.datetime({ offset: true });

const personSchema = z.object({ id: z.string(), name: z.string(), role: z.string() });

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

export const workOrderBriefSchema = z.object({ id: z.string(), foNumber: z.string(), title: z.string(), status: z.enum(WO_STATUSES), priority: z.enum(WO_PRIORITIES) });

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

const checklistInput = z.strictObject({
  component: text(200).min(1),
  action: text(500).min(1),
  customFields: z.array(customFieldSchema).max(30).default([]),
});
export type ChecklistInput = z.infer<typeof checklistInput>;

export const createWorkOrderBody = z.strictObject({
  type: z.enum(WO_TYPES).optional(),
  title: text(200).min(1),
  description: text(8000).default(''),
  priority: z.enum(WO_PRIORITIES).default('MEDIUM'),
  equipmentId: z.uuid().optional(),
  area: text(120).min(1).optional(),
  assetModel: text(120).min(1).optional(),
  dueDate: day.optional(),
  assigneeIds: z.array(z.uuid()).max(10).optional(),
  checklist: z.array(checklistInput).max(100).optional(),
  checklistTemplateId: z.uuid().optional(),
});
export type CreateWorkOrderInput = z.infer<typeof createWorkOrderBody>;

export const updateWorkOrderBody = z.strictObject({
  type: z.enum(WO_TYPES).optional(),
  title: text(200).min(1).optional(),
  description: text(8000).optional(),
  priority: z.enum(WO_PRIORITIES).optional(),
  equipmentId: z.uuid().nullable().optional(),
  area: text(120).nullable().optional(),
  assetModel: text(120).nullable().optional(),
  dueDate: day.nullable().optional(),
});
export type WorkOrderChanges = z.infer<typeof updateWorkOrderBody>;

export const statusBody = z.strictObject({ status: z.enum(WO_STATUSES), reason: text(2000).min(1).optional() });
export const assignBody = z.strictObject({
  userIds: z.array(z.uuid()).min(1, 'Name at least one person').max(10),
  /** Replace the current assignees (default) or add to them. */
  mode: z.enum(['replace', 'add']).default('replace'),
});

export const WO_SORTS = ['createdAt', 'updatedAt', 'dueDate', 'priority'] as const;
export type WoSort = (typeof WO_SORTS)[number];

const csv = <T extends readonly [string, ...string[]]>(values: T) =>
  z.string().transform((s) => [...new Set(s.split(',').map((x) => x.trim()).filter(Boolean))]).pipe(z.array(z.enum(values)).min(1).max(values.length));

export const listQuery = z.strictObject({
  status: csv(WO_STATUSES).optional(),
  type: csv(WO_TYPES).optional(),
  priority: csv(WO_PRIORITIES).optional(),
  assignee: z.union([z.literal('me'), z.literal('none'), z.uuid()]).optional(),
  requestedBy: z.union([z.literal('me'), z.uuid()]).optional(),
  equipmentId: z.uuid().optional(),
  area: text(120).min(1).optional(),
  dueBefore: day.optional(),
  overdue: queryBoolean.optional(),
  escalated: queryBoolean.optional(),
  search: text(100).min(1).optional(),
  sort: z.enum(WO_SORTS).default('createdAt'),
  order: z.enum(['asc', 'desc']).optional(),
  cursor: z.string().max(400).optional(),
  limit: z.coerce.number().int().min(1).max(100).default(20),
  warehouseId: z.uuid().optional(),
});
export type WoListQuery = z.infer<typeof listQuery>;

export const cursorPageSchema = z.object({ limit: z.number().int(), nextCursor: z.string().nullable(), hasMore: z.boolean() });

export const addChecklistBody = z.union([
  z.strictObject({ templateId: z.uuid() }),
  z.strictObject({ items: z.array(checklistInput).min(1).max(100) }),
  checklistInput,
]);
export const updateChecklistItemBody = z.strictObject({
  status: z.enum(CHECKLIST_STATUSES).optional(),
  notes: text(4000).nullable().optional(),
  customFieldData: z.record(z.string().max(40), z.union([z.string().max(2000), z.number(), z.boolean(), z.null()])).optional(),
});
export type ChecklistItemChanges = z.infer<typeof updateChecklistItemBody>;

export const templateSchema = z.object({
  id: z.string(),
  name: z.string(),
  items: z.array(z.object({ component: z.string(), action: z.string(), customFields: z.array(customFieldSchema) })),
  active: z.boolean(),
  warehouseId: z.string(),
  createdAt: z.string(),
});
export type ChecklistTemplate = z.infer<typeof templateSchema>;
export const createTemplateBody = z.strictObject({ name: text(200).min(1), items: z.array(checklistInput).min(1).max(100) });

export const startTimerBody = z.strictObject({ description: text(1000).min(1).optional() });
export const manualTimeBody = z.strictObject({ startTime: instant, endTime: instant, description: text(1000).min(1).optional() });

export const partsBody = z.strictObject({
  partId: z.uuid(),
  quantity: z.number().int().min(1).max(100_000),
  action: z.enum(['USE', 'RETURN']).default('USE'),
  notes: text(1000).min(1).optional(),
});

export const commentBody = z.strictObject({ body: text(4000).min(1) });
