import type { Pagination } from '@plantops/contracts';
import type { LoggedInUser, LoginResponse, TokenPair } from '@plantops/contracts/responses/auth';

/** Sign-in shapes come from the API's own schemas (types only: nothing reaches the bundle). */
export type SessionUser = LoggedInUser;
export type { TokenPair };
export type LoginResult = LoginResponse;

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
