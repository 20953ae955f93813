import { z } from 'zod';

/** Maintenance vocabularies (CMMS spec enums, domain.md), shared by the API and the web app. */
export const EQUIPMENT_STATUSES = ['ACTIVE', 'INACTIVE', 'MAINTENANCE', 'RETIRED', 'DISPOSED'] as const;
export type EquipmentStatus = (typeof EQUIPMENT_STATUSES)[number];
export const CRITICALITIES = ['LOW', 'MEDIUM', 'HIGH', 'CRITICAL'] as const;
export type Criticality = (typeof CRITICALITIES)[number];

export const WO_TYPES = ['PM', 'CORRECTIVE', 'EMERGENCY'] as const;
export type WoType = (typeof WO_TYPES)[number];
export const WO_PRIORITIES = ['LOW', 'MEDIUM', 'HIGH', 'CRITICAL'] as const;
export type WoPriority = (typeof WO_PRIORITIES)[number];
export const WO_STATUSES = ['NEW', 'ASSIGNED', 'IN_PROGRESS', 'ON_HOLD', 'COMPLETED', 'VERIFIED', 'CLOSED', 'CANCELLED'] as const;
export type WoStatus = (typeof WO_STATUSES)[number];
/** Statuses in which work is still to be done (open work orders, overdue, backlog). */
export const WO_OPEN_STATUSES: readonly WoStatus[] = ['NEW', 'ASSIGNED', 'IN_PROGRESS', 'ON_HOLD'];
export const CHECKLIST_STATUSES = ['PENDING', 'DONE', 'SKIPPED', 'ISSUE'] as const;
export type ChecklistStatus = (typeof CHECKLIST_STATUSES)[number];

/** A typed custom field of a checklist item (PM templates carry the same shape). */
export const CUSTOM_FIELD_TYPES = ['text', 'number', 'boolean', 'date', 'select'] as const;
export const customFieldSchema = z.strictObject({
  key: z.string().trim().regex(/^[A-Za-z][A-Za-z0-9_]{0,39}$/, 'Letters, digits and _; starting with a letter'),
  label: z.string().trim().min(1).max(120),
  type: z.enum(CUSTOM_FIELD_TYPES),
  required: z.boolean().default(false),
  options: z.array(z.string().trim().min(1).max(80)).min(1).max(30).optional(),
  unit: z.string().trim().max(20).optional(),
  min: z.number().optional(),
  max: z.number().optional(),
});
export type CustomField = z.infer<typeof customFieldSchema>;
