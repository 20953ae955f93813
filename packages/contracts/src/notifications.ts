import { z } from 'zod';
import { ROLES, type Role } from './roles.js';

/** Notification types of both domains (the CMMS spec's notification_type_enum, widened). */
export const NOTIFICATION_TYPES = [
  'WO_ASSIGNED',
  'WO_STATUS_CHANGED',
  'WO_ESCALATED',
  'WO_COMPLETED',
  'WO_NEEDS_VERIFICATION',
  'WO_OVERDUE',
  'PM_DUE',
  'PM_MISSED',
  'PART_LOW_STOCK',
  'PART_OUT_OF_STOCK',
  'ORDER_SUBMITTED',
  'ORDER_STATUS_CHANGED',
  'ORDER_ASSIGNED',
  'BOM_APPROVED',
  'TASK_ASSIGNED',
  'PRODUCTION_ISSUE',
  'QC_FAILED',
  'QC_PASSED',
  'SERVICE_ORDER_UPDATED',
  'EXPORT_READY',
  'SECURITY_ALERT',
  'SYSTEM',
] as const;
export const notificationTypeSchema = z.enum(NOTIFICATION_TYPES);
export type NotificationType = z.infer<typeof notificationTypeSchema>;

export const notificationSchema = z.object({
  id: z.string(),
  type: notificationTypeSchema,
  title: z.string(),
  message: z.string(),
  link: z.string().nullable(),
  read: z.boolean(),
  readAt: z.string().nullable(),
  workOrderId: z.string().nullable(),
  partId: z.string().nullable(),
  data: z.record(z.string(), z.unknown()),
  createdAt: z.string(),
});
export type Notification = z.infer<typeof notificationSchema>;

const hhmm = z.string().regex(/^([01]\d|2[0-3]):[0-5]\d$/, 'Use HH:MM (24-hour)');

export const notificationPreferencesSchema = z.object({
  inApp: z.boolean(),
  email: z.boolean(),
  types: z.partialRecord(notificationTypeSchema, z.strictObject({ inApp: z.boolean().optional(), email: z.boolean().optional() })),
  quietHours: z.strictObject({ start: hhmm, end: hhmm }).nullable(),
  timezone: z.string(),
});
export type NotificationPreferences = z.infer<typeof notificationPreferencesSchema>;

/**
 * Who can receive each notification type, by role (domain.md: low stock goes to clerks,
 * procurement and supervisors; missed PMs to supervisors; escalations to supervisors, then
 * managers). `'everyone'`: any signed-in user (their own exports, system messages).
 * The API picks recipients from this table and refuses preferences for types a role never gets;
 * the preferences page lists only the role's types.
 */
export const NOTIFICATION_RECIPIENTS: Record<NotificationType, readonly Role[] | 'everyone'> = {
  WO_ASSIGNED: ['TECHNICIAN', 'CONTRACTOR', 'SUPERVISOR', 'MANAGER', 'ADMIN'],
  WO_STATUS_CHANGED: ['REQUESTER', 'TECHNICIAN', 'CONTRACTOR', 'SUPERVISOR', 'MANAGER', 'ADMIN'],
  WO_ESCALATED: ['SUPERVISOR', 'MANAGER', 'ADMIN'],
  WO_COMPLETED: ['REQUESTER', 'SUPERVISOR', 'MANAGER', 'ADMIN'],
  WO_NEEDS_VERIFICATION: ['SUPERVISOR', 'MANAGER', 'ADMIN'],
  WO_OVERDUE: ['TECHNICIAN', 'CONTRACTOR', 'SUPERVISOR', 'MANAGER', 'ADMIN'],
  PM_DUE: ['TECHNICIAN', 'SUPERVISOR', 'MANAGER', 'ADMIN'],
  PM_MISSED: ['SUPERVISOR', 'MANAGER', 'ADMIN'],
  PART_LOW_STOCK: ['INVENTORY_CLERK', 'PROCUREMENT', 'SUPERVISOR'],
  PART_OUT_OF_STOCK: ['INVENTORY_CLERK', 'PROCUREMENT', 'SUPERVISOR'],
  ORDER_SUBMITTED: ['PRODUCTION_COORDINATOR', 'ADMIN'],
  ORDER_STATUS_CHANGED: ['PRODUCTION_COORDINATOR', 'ASSEMBLER', 'QC_PERSON', 'SERVICE_TECH', 'ADMIN'],
  ORDER_ASSIGNED: ['ASSEMBLER', 'QC_PERSON', 'PRODUCTION_COORDINATOR', 'ADMIN'],
  BOM_APPROVED: ['PRODUCTION_COORDINATOR', 'PROCUREMENT', 'ADMIN'],
  TASK_ASSIGNED: ['ASSEMBLER'],
  PRODUCTION_ISSUE: ['PRODUCTION_COORDINATOR', 'ADMIN'],
  QC_FAILED: ['PRODUCTION_COORDINATOR', 'QC_PERSON', 'ASSEMBLER', 'ADMIN'],
  QC_PASSED: ['PRODUCTION_COORDINATOR', 'QC_PERSON', 'ADMIN'],
  SERVICE_ORDER_UPDATED: ['SERVICE_TECH', 'PRODUCTION_COORDINATOR', 'ADMIN'],
  EXPORT_READY: 'everyone',
  SECURITY_ALERT: ['ADMIN'],
  SYSTEM: 'everyone',
};

export function receivesNotification(role: Role, type: NotificationType): boolean {
  const who = NOTIFICATION_RECIPIENTS[type];
  return who === 'everyone' || who.includes(role);
}

/** The types a role can receive, in NOTIFICATION_TYPES order. */
export function notificationTypesFor(role: Role): NotificationType[] {
  return NOTIFICATION_TYPES.filter((t) => receivesNotification(role, t));
}

/** The roles notified of a type (for picking recipients); every role for 'everyone' types. */
export function rolesNotifiedOf(type: NotificationType): readonly Role[] {
  const who = NOTIFICATION_RECIPIENTS[type];
  return who === 'everyone' ? ROLES : who;
}
