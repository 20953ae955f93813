import { z } from 'zod';
import { preferencesSchema, userSummarySchema } from '../api.js';
import { roleSchema } from '../roles.js';

/**
 * Response shapes of sign-in and the profile (manufacturing spec section 1, CMMS section 2): the
 * API validates and documents with them, the web app takes its types from them (`import type`).
 */

/** The fields the user list (userSummarySchema) and the signed-in user share: one definition of each. */
const accountFields = userSummarySchema.pick({ id: true, email: true, firstName: true, lastName: true, role: true, warehouseId: true, lastLogin: true, mfaEnabled: true });
/** What only the signed-in user learns about themselves. */
const ownFields = { permissions: z.array(z.string()), mustChangePassword: z.boolean() };

/** The signed-in user as login answers it (both dialects). */
export const loggedInUserSchema = accountFields.extend(ownFields);
export type LoggedInUser = z.infer<typeof loggedInUserSchema>;

/** GET/PUT /api/v1/auth/profile. */
export const profileSchema = accountFields.extend({
  ...userSummarySchema.pick({ phone: true, createdAt: true }).shape,
  ...ownFields,
  preferences: preferencesSchema,
});
export type Profile = z.infer<typeof profileSchema>;

export const tokenPairSchema = z.object({ accessToken: z.string(), refreshToken: z.string(), expiresIn: z.number().int().positive() });
export type TokenPair = z.infer<typeof tokenPairSchema>;

/** POST /api/v1/auth/login. */
export const loginResponseSchema = tokenPairSchema.extend({ sessionId: z.string(), user: loggedInUserSchema });
export type LoginResponse = z.infer<typeof loginResponseSchema>;

export const mfaEnrolmentSchema = z.object({ secret: z.string(), otpauthUrl: z.string() });
export type MfaEnrolment = z.infer<typeof mfaEnrolmentSchema>;

/** GET /api/v1/auth/permissions: the caller's role and permissions, grouped by resource. */
export const permissionGroupSchema = z.object({ resource: z.string(), actions: z.array(z.string()) });
export type PermissionGroup = z.infer<typeof permissionGroupSchema>;
export const rolePermissionsSchema = z.object({ role: roleSchema, permissions: z.array(permissionGroupSchema) });
export type RolePermissions = z.infer<typeof rolePermissionsSchema>;
