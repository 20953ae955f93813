import { z } from 'zod';
import { roleSchema } from './roles.js';

/** Error codes of manufacturing spec section 10.3 plus the few the platform adds. */
export const ERROR_CODES = [
  'AUTH_REQUIRED',
  'AUTH_INVALID_CREDENTIALS',
  'AUTH_INVALID_TOKEN',
  'AUTH_INSUFFICIENT_PERMISSIONS',
  'AUTH_ACCOUNT_LOCKED',
  'AUTH_MFA_REQUIRED',
  'AUTH_PASSWORD_CHANGE_REQUIRED',
  'VALIDATION_ERROR',
  'VALIDATION_REQUIRED_FIELD',
  'VALIDATION_INVALID_FORMAT',
  'VALIDATION_CONSTRAINT_VIOLATION',
  'RESOURCE_NOT_FOUND',
  'RESOURCE_CONFLICT',
  'RESOURCE_LOCKED',
  'RESOURCE_DELETED',
  'BUSINESS_RULE_VIOLATION',
  'BUSINESS_WORKFLOW_ERROR',
  'BUSINESS_INSUFFICIENT_INVENTORY',
  'BUSINESS_ORDER_IMMUTABLE',
  'RATE_LIMIT_EXCEEDED',
  'PAYLOAD_TOO_LARGE',
  'UNSUPPORTED_MEDIA_TYPE',
  'SYSTEM_ERROR',
  'SYSTEM_MAINTENANCE',
  'SYSTEM_OVERLOADED',
] as const;
export type ErrorCode = (typeof ERROR_CODES)[number];

export const errorDetailSchema = z.object({
  field: z.string(),
  message: z.string(),
  code: z.string(),
});

export const errorBodySchema = z.object({
  success: z.literal(false),
  error: z.object({
    code: z.enum(ERROR_CODES),
    message: z.string(),
    details: z.array(errorDetailSchema).optional(),
    timestamp: z.string(),
    requestId: z.string(),
    retryAfter: z.number().optional(),
  }),
});
export type ErrorBody = z.infer<typeof errorBodySchema>;

export const preferencesSchema = z.strictObject({
  theme: z.enum(['light', 'dark', 'system']).default('system'),
  timezone: z.string().min(1).max(64).default('UTC'),
  language: z.string().min(2).max(10).default('en'),
  notifications: z
    .strictObject({ email: z.boolean().default(true), push: z.boolean().default(false) })
    .default({ email: true, push: false }),
});
export type Preferences = z.infer<typeof preferencesSchema>;

export const passwordPolicy = {
  minLength: 12,
  historySize: 5,
  describe: 'At least 12 characters with upper- and lower-case letters and a digit.',
};
export const newPasswordSchema = z
  .string()
  .min(passwordPolicy.minLength, `Must be at least ${passwordPolicy.minLength} characters`)
  .max(256)
  .regex(/[a-z]/, 'Must contain a lower-case letter')
  .regex(/[A-Z]/, 'Must contain an upper-case letter')
  .regex(/[0-9]/, 'Must contain a digit');

export const userSummarySchema = z.object({
  id: z.string(),
  email: z.string(),
  firstName: z.string(),
  lastName: z.string(),
  role: roleSchema,
  warehouseId: z.string(),
  phone: z.string().nullable(),
  active: z.boolean(),
  emailVerified: z.boolean(),
  mfaEnabled: z.boolean(),
  lastLogin: z.string().nullable(),
  createdAt: z.string(),
  updatedAt: z.string(),
});
export type UserSummary = z.infer<typeof userSummarySchema>;

export const warehouseSchema = z.object({
  id: z.string(),
  code: z.string(),
  name: z.string(),
  address: z.string().nullable(),
  timezone: z.string(),
  active: z.boolean(),
  createdAt: z.string(),
  updatedAt: z.string(),
});
export type Warehouse = z.infer<typeof warehouseSchema>;

/** Pagination metadata as the manufacturing spec's list responses show it. */
export const paginationSchema = z.object({
  currentPage: z.number(),
  itemsPerPage: z.number(),
  totalItems: z.number(),
  totalPages: z.number(),
  hasNextPage: z.boolean(),
  hasPreviousPage: z.boolean(),
  /**
   * Lists with keyset paging (decision 0011): true when totalItems (and totalPages) are the
   * database's estimate, because counting every match would cost more than the page itself.
   */
  totalIsEstimate: z.boolean().optional(),
  /** Lists with keyset paging: pass as `cursor` to get the page after this one; null on the last page. */
  nextCursor: z.string().nullable().optional(),
});
export type Pagination = z.infer<typeof paginationSchema>;

export const auditLogSchema = z.object({
  id: z.string(),
  action: z.string(),
  tableName: z.string(),
  recordId: z.string().nullable(),
  userId: z.string().nullable(),
  userEmail: z.string().nullable(),
  /** "First Last" of the acting user, for entries that read as sentences. */
  userName: z.string().nullable(),
  warehouseId: z.string().nullable(),
  description: z.string().nullable(),
  beforeData: z.unknown().nullable(),
  afterData: z.unknown().nullable(),
  requestId: z.string().nullable(),
  timestamp: z.string(),
});
export type AuditLog = z.infer<typeof auditLogSchema>;
