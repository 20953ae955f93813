import { timeZoneSchema } from '../../../platform/http/time-zone.js';
import { newPasswordSchema, preferencesSchema, roleSchema } from '@plantops/contracts';
import { z } from 'zod';
import { errorBodySchema } from '@plantops/contracts';

export const emailSchema = z.email({ message: 'Invalid email format' }).max(254);

export const loginBody = z.strictObject({
  email: emailSchema,
  password: z.string().min(1, 'Required').max(256),
  rememberMe: z.boolean().optional(),
  mfaToken: z.string().regex(/^\d{6}$/, 'Must be a 6-digit code').optional(),
  deviceFingerprint: z.string().max(128).optional(),
});

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

/** What a refused sign-in answers, the same for known and unknown addresses (decision 0007). */
export const loginErrors = {
  401: errorBodySchema.describe('Wrong e-mail or password (the same for an unknown address), a wrong two-factor code, or AUTH_MFA_REQUIRED: send mfaToken'),
  403: errorBodySchema.describe('AUTH_ACCOUNT_LOCKED: 5 failed attempts lock the address for 15 minutes, known or not; or the account is deactivated (only said when the password is right)'),
};

export const refreshBody = z.strictObject({ refreshToken: z.string().min(1).max(512) });

const confirmMatches = (v: { newPassword: string; confirmPassword: string }) => v.newPassword === v.confirmPassword;
const confirmIssue = { message: 'Passwords do not match', path: ['confirmPassword'] };

export const changePasswordBody = z
  .strictObject({ currentPassword: z.string().min(1).max(256), newPassword: newPasswordSchema, confirmPassword: z.string().max(256) })
  .refine(confirmMatches, confirmIssue);

export const forgotPasswordBody = z.strictObject({ email: emailSchema });

export const resetPasswordBody = z
  .strictObject({ token: z.string().min(16).max(256), newPassword: newPasswordSchema, confirmPassword: z.string().max(256) })
  .refine(confirmMatches, confirmIssue);

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

const name = z.string().trim().min(1).max(100);
export const profileUpdateBody = z.strictObject({
  firstName: name.optional(),
  lastName: name.optional(),
  phone: z.string().trim().max(40).nullable().optional(),
  preferences: z
    .strictObject({
      theme: z.enum(['light', 'dark', 'system']).optional(),
      timezone: timeZoneSchema.optional(),
      language: z.string().min(2).max(10).optional(),
      notifications: z.strictObject({ email: z.boolean().optional(), push: z.boolean().optional() }).optional(),
    })
    .optional(),
});

export const validatePermissionBody = z.strictObject({
  resource: z.string().min(1).max(64),
  action: z.string().min(1).max(64),
});

export const mfaConfirmBody = z.strictObject({ code: z.string().regex(/^\d{6}$/, 'Must be a 6-digit code') });
export const mfaDisableBody = z.strictObject({ password: z.string().min(1).max(256) });
