import type { PermissionGroup, RolePermissions } from '@plantops/contracts/responses/auth';
import { api } from '../api/client';
import type { LoginResult } from '../api/types';
import { session } from './session';

export interface LoginInput {
  email: string;
  password: string;
  rememberMe: boolean;
  mfaToken?: string;
}

export async function login(input: LoginInput): Promise<LoginResult> {
  const result = await api.post<LoginResult>('/api/v1/auth/login', input, { anonymous: true });
  session.start(result, result.user, input.rememberMe);
  return result;
}

/** Tells the server to end the session; the local session ends whatever it answers. */
export async function logout(): Promise<void> {
  try {
    if (session.get()) await api.post('/api/v1/auth/logout');
  } catch {
    /* already signed out or offline */
  } finally {
    session.clear();
  }
}

export interface ChangePasswordInput {
  currentPassword: string;
  newPassword: string;
  confirmPassword: string;
}

export async function changePassword(input: ChangePasswordInput): Promise<void> {
  await api.post('/api/v1/auth/change-password', input);
  session.updateUser({ mustChangePassword: false });
}

export type { PermissionGroup };

/** Refreshes the permissions the session knows, and returns them grouped. */
export async function fetchPermissions(): Promise<RolePermissions> {
  const data = await api.get<RolePermissions>('/api/v1/auth/permissions');
  const flat = data.permissions.flatMap((g) =>
    g.actions.map((a) => (a ? `${g.resource}:${a}` : g.resource)),
  );
  const s = session.get();
  if (s && flat.join() !== s.user.permissions.join()) session.updateUser({ permissions: flat });
  return data;
}
