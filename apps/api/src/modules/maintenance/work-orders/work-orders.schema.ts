import { CHECKLIST_STATUSES, customFieldSchema, WO_PRIORITIES, WO_STATUSES, WO_TYPES } from '@plantops/contracts';
import { z } from 'zod';
import { queryBoolean } from '../../../platform/http/envelope.js';

/** Request and response shapes of /api/v1/work-orders (tables and RLS: migration 0015). */

const text = (max: number) => z.string().trim().max(max);
const day = z.iso.date({ message: 'Use YYYY-MM-DD' });
const instant = z.iso.datetime({ offset: true });

/*
 * Response shapes live in packages/contracts/src/responses/maintenance.ts (the web app takes its
 * types from them); this file keeps the request bodies and queries.
 */
export {
  assignablePeopleSchema,
  attachmentSchema,
  checklistItemSchema,
  commentSchema,
  cursorPageSchema,
  historyEntrySchema,
  partMovementSchema,
  partUsageSchema,
  templateListSchema,
  templateSchema,
  timeLogSchema,
  workOrderBriefSchema,
  workOrderDetailSchema,
  workOrderListSchema,
  workOrderSchema,
} from '@plantops/contracts/responses/maintenance';
export type {
  Attachment,
  ChecklistItem,
  ChecklistTemplate,
  Comment,
  HistoryEntry,
  PartMovement,
  PartUsage,
  TimeLog,
  WorkOrder,
  WorkOrderDetail,
} from '@plantops/contracts/responses/maintenance';

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
