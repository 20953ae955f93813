import { z } from 'zod';

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
