import { CRITICALITIES, EQUIPMENT_STATUSES } from '@plantops/contracts';
import { z } from 'zod';

/** Request and response shapes of /api/v1/equipment (tables and RLS: migration 0015). */

const day = z.iso.date({ message: 'Use YYYY-MM-DD' });
const text = (max: number) => z.string().trim().max(max);

/*
 * Response shapes live in packages/contracts/src/responses/maintenance.ts (the web app takes its
 * types from them); this file keeps the request bodies and queries.
 */
export {
  downtimeSchema,
  equipmentDetailSchema,
  equipmentListSchema,
  equipmentSchema,
  equipmentTreeSchema,
  statusChangeSchema,
  statusHistorySchema,
  treeNodeSchema,
  equipmentWorkOrderSchema as workOrderBriefSchema,
} from '@plantops/contracts/responses/maintenance';
export type { Downtime, Equipment, EquipmentDetail, StatusChange, TreeNode, EquipmentWorkOrder as WorkOrderBrief } from '@plantops/contracts/responses/maintenance';

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
