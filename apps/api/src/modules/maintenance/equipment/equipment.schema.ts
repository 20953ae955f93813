import { CRITICALITIES, EQUIPMENT_STATUSES, WO_PRIORITIES, WO_STATUSES, WO_TYPES } from '@plantops/contracts';
import { z } from 'zod';

/** Request and response shapes of /api/v1/equipment (tables and RLS: migration 0015). */

const day = z.iso.date({ message: 'Use YYYY-MM-DD' });
const text = (max: number) => z.string().trim().max(max);

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

export const workOrderBriefSchema = z.object({
  id: z.string(),
  foNumber: z.string(),
  title: z.string(),
  type: z.enum(WO_TYPES),
  status: z.enum(WO_STATUSES),
  priority: z.enum(WO_PRIORITIES),
  dueDate: z.string().nullable(),
  createdAt: z.string(),
});
export type WorkOrderBrief = z.infer<typeof workOrderBriefSchema>;

export const equipmentDetailSchema = equipmentSchema.extend({
  parentPath: z.array(z.object({ id: z.string(), assetTag: z.string(), name: z.string() })),
  openWorkOrders: z.array(workOrderBriefSchema),
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

const fields = {
  assetTag: text(60).min(1).regex(/^[A-Za-z0-9][A-Za-z0-9._/-]*$/, 'Letters, digits and . _ / - only'),
  name: text(200).optional(),
  model: text(120).nullable().optional(),
  manufacturer: text(120).nullable().optional(),
  serialNumber: text(120).nullable().optional(),
  description: text(4000).optional(),
  area: text(120).nullable().optional(),
  criticality: z.enum(CRITICALITIES).optional(),
  installationDate: day.nullable().optional(),
  warrantyExpiry: day.nullable().optional(),
};

export const createEquipmentBody = z.strictObject({
  ...fields,
  parentEquipmentId: z.uuid().nullable().optional(),
  status: z.enum(['ACTIVE', 'INACTIVE', 'MAINTENANCE']).optional(),
});
export type CreateEquipmentInput = z.infer<typeof createEquipmentBody>;

export const updateEquipmentBody = z.strictObject({ ...fields, assetTag: fields.assetTag.optional() });
export type EquipmentChanges = z.infer<typeof updateEquipmentBody>;

export const statusBody = z.strictObject({
  status: z.enum(EQUIPMENT_STATUSES),
  reason: text(1000).min(1).optional(),
  workOrderId: z.uuid().optional(),
});

export const retireBody = z.strictObject({ reason: text(1000).min(1, 'Say why') });

export const moveBody = z.strictObject({ parentEquipmentId: z.uuid().nullable() });

export const downtimeBody = z.strictObject({
  startedAt: z.iso.datetime({ offset: true }),
  endedAt: z.iso.datetime({ offset: true }).nullable().optional(),
  reason: text(1000).min(1),
  planned: z.boolean().default(false),
  workOrderId: z.uuid().nullable().optional(),
});
export const endDowntimeBody = z.strictObject({ endedAt: z.iso.datetime({ offset: true }) });

export const EQUIPMENT_SORTS = ['assetTag', 'name', 'criticality', 'updatedAt'] as const;

export const listQuery = z.strictObject({
  page: z.coerce.number().int().min(1).default(1),
  limit: z.coerce.number().int().min(1).max(100).default(20),
  status: z.enum(EQUIPMENT_STATUSES).optional(),
  criticality: z.enum(CRITICALITIES).optional(),
  area: text(120).min(1).optional(),
  model: text(120).min(1).optional(),
  parentId: z.uuid().optional(),
  search: text(100).min(1).optional(),
  sort: z.enum(EQUIPMENT_SORTS).default('assetTag'),
  warehouseId: z.uuid().optional(),
});
export type EquipmentListQuery = z.infer<typeof listQuery>;

export const labelsQuery = z.strictObject({
  ids: z
    .string()
    .transform((s) => [...new Set(s.split(',').map((x) => x.trim()).filter(Boolean))])
    .pipe(z.array(z.uuid()).min(1, 'Name at least one equipment id').max(200, 'At most 200 labels per sheet')),
});
