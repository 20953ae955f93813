import { z } from 'zod';
import { preferencesSchema } from '../api.js';
import { roleSchema } from '../roles.js';

/**
 * Response shapes of sign-in and the profile (manufacturing spec section 1, CMMS section 2): the
 * API validates and documents with them, the web app takes its types from them (`import type`).
 */

/** The signed-in user as login answers it (both dialects). */
export const loggedInUserSchema = z.object({
  id: z.string(),
  email: z.string(),
  firstName: z.string(),
  lastName: z.string(),
  role: roleSchema,
  warehouseId: z.string(),
  permissions: z.array(z.string()),
  lastLogin: z.string().nullable(),
  mustChangePassword: z.boolean(),
  mfaEnabled: z.boolean(),
});
export type LoggedInUser = z.infer<typeof loggedInUserSchema>;

/** GET/PUT /api/v1/auth/profile. */
export const profileSchema = z.object({
  id: z.string(),
  email: z.string(),
  firstName: z.string(),
  lastName: z.string(),
  phone: z.string().nullable(),
  role: roleSchema,
  warehouseId: z.string(),
  permissions: z.array(z.string()),
  preferences: preferencesSchema,
  lastLogin: z.string().nullable(),
  createdAt: z.string(),
  mfaEnabled: z.boolean(),
  mustChangePassword: z.boolean(),
});
export type Profile = z.infer<typeof profileSchema>;

export const tokenPairSchema = z.object({ accessToken: z.string(), refreshToken: z.string(), expiresIn: z.number().int().positive() });
export type TokenPair = z.infer<typeof tokenPairSchema>;

/** POST /api/v1/auth/login. */
export const loginResponseSchema = tokenPairSchema.extend({ sessionId: z.string(), user: loggedInUserSchema });
export type LoginResponse = z.infer<typeof loginResponseSchema>;

export const mfaEnrolmentSchema = z.object({ secret: z.string(), otpauthUrl: z.string() });
export type MfaEnrolment = z.infer<typeof mfaEnrolmentSchema>;
