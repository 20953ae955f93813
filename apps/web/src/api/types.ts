import type { Pagination, Role } from '@plantops/contracts';

export interface SessionUser {
  id: string;
  email: string;
  firstName: string;
  lastName: string;
  role: Role;
  warehouseId: string;
  permissions: string[];
  lastLogin: string | null;
  mustChangePassword: boolean;
  mfaEnabled: boolean;
}

export interface TokenPair {
  accessToken: string;
  refreshToken: string;
  expiresIn: number;
}

export interface LoginResult extends TokenPair {
  user: SessionUser;
}

export interface Paged {
  pagination: Pagination;
}

/** Drops empty values so they are not sent as query parameters. */
export function toQuery(params: Record<string, string | number | boolean | undefined | null>): string {
  const q = new URLSearchParams();
  for (const [k, v] of Object.entries(params)) {
    if (v === undefined || v === null || v === '') continue;
    q.set(k, String(v));
  }
  const s = q.toString();
  return s ? `?${s}` : '';
}
