import type { Preferences } from '@plantops/contracts';
import type { MfaEnrolment, Profile } from '@plantops/contracts/responses/auth';
import { api } from '../../api/client';

/** The API's own response shape (types only: nothing of the schema reaches the bundle). */
export type { Profile };

export interface ProfileUpdate {
  firstName?: string;
  lastName?: string;
  phone?: string;
  preferences?: Partial<Preferences>;
}

export const profileApi = {
  get: () => api.get<Profile>('/api/v1/auth/profile'),
  update: (body: ProfileUpdate) => api.put<Profile>('/api/v1/auth/profile', body),
  enrollMfa: () => api.post<MfaEnrolment>('/api/v1/auth/mfa/enroll'),
  confirmMfa: (code: string) => api.post<unknown>('/api/v1/auth/mfa/confirm', { code }),
  disableMfa: (password: string) => api.post<unknown>('/api/v1/auth/mfa/disable', { password }),
};
