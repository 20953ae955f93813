import { z } from 'zod';
import { paginationSchema } from '../api.js';
import { notificationSchema } from '../notifications.js';

/**
 * Response shapes of the notifications API (the notification and preferences schemas themselves
 * live beside the notification types in ../notifications.ts): the API documents its responses
 * with these, the web app takes its types from them with `import type`.
 */

/** GET /notifications. */
export const notificationListSchema = z.object({ notifications: z.array(notificationSchema), unreadCount: z.number(), pagination: paginationSchema });
export type NotificationList = z.infer<typeof notificationListSchema>;

/** PUT /notifications/read-all. */
export const markedReadSchema = z.object({ updated: z.number() });
export type MarkedRead = z.infer<typeof markedReadSchema>;
