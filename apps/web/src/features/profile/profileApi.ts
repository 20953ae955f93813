import type { Preferences, Role } from '@plantops/contracts';
import { api } from '../../api/client';

export interface Profile {
  id: string;
  email: string;
  firstName: string;
  lastName: string;
  phone?: string | null;
  role: Role;
  warehouseId: string;
  permissions: string[];
  preferences: Preferences;
  lastLogin: string | null;
  createdAt: string;
  mfaEnabled: boolean;
  mustChangePassword: boolean;
}

export interface ProfileUpdate {
  firstName?: string;
  lastName?: string;
  phone?: string;
  preferences?: Partial<Preferences>;
}

export const profileApi = {
  get: () => api.get<Profile>('/api/v1/auth/profile'),
  update: (body: ProfileUpdate) => api.put<Profile>('/api/v1/auth/profile', body),
  enrollMfa: () => api.post<{ secret: string; otpauthUrl: string }>('/api/v1/auth/mfa/enroll'),
  confirmMfa: (code: string) => api.post<unknown>('/api/v1/auth/mfa/confirm', { code }),
  disableMfa: (password: string) => api.post<unknown>('/api/v1/auth/mfa/disable', { password }),
};
