import { session } from '../auth/session';
import { ApiError, type ErrorDetail } from './errors';
import type { TokenPair } from './types';

type Method = 'GET' | 'POST' | 'PUT' | 'PATCH' | 'DELETE';

interface Hooks {
  /** The session is gone (refresh failed): show the login page. */
  onSignedOut: () => void;
  /** The server demands a new password before anything else. */
  onPasswordChangeRequired: () => void;
}
let hooks: Hooks = { onSignedOut: () => {}, onPasswordChangeRequired: () => {} };
export function setApiHooks(h: Hooks): void {
  hooks = h;
}

interface Envelope {
  success: boolean;
  data?: unknown;
  message?: string;
  error?: {
    code?: string;
    message?: string;
    details?: ErrorDetail[];
    requestId?: string;
    retryAfter?: number;
  };
}

async function send(method: Method, path: string, body: unknown, token: string | undefined, accept = 'application/json') {
  const headers: Record<string, string> = { Accept: accept };
  if (body !== undefined) headers['Content-Type'] = 'application/json';
  if (token) headers.Authorization = `Bearer ${token}`;
  try {
    return await fetch(path, {
      method,
      headers,
      body: body === undefined ? undefined : JSON.stringify(body),
    });
  } catch {
    throw new ApiError({ status: 0, code: 'NETWORK_ERROR', message: 'Network error' });
  }
}

async function parse(res: Response): Promise<Envelope> {
  const text = await res.text();
  if (!text) return { success: res.ok };
  try {
    return JSON.parse(text) as Envelope;
  } catch {
    return { success: false, error: { code: 'SYSTEM_ERROR', message: `Unexpected response (${res.status})` } };
  }
}

function toError(res: Response, env: Envelope): ApiError {
  const e = env.error ?? {};
  const retryHeader = Number(res.headers.get('retry-after'));
  return new ApiError({
    status: res.status,
    code: e.code ?? (res.status === 429 ? 'RATE_LIMIT_EXCEEDED' : 'SYSTEM_ERROR'),
    message: e.message ?? res.statusText,
    details: e.details,
    requestId: e.requestId,
    retryAfter: e.retryAfter ?? (Number.isFinite(retryHeader) && retryHeader > 0 ? retryHeader : undefined),
  });
}

let refreshing: Promise<boolean> | null = null;

/** Single-flight: concurrent 401s wait for the same refresh call. */
function refreshOnce(): Promise<boolean> {
  refreshing ??= (async () => {
    const s = session.get();
    if (!s) return false;
    try {
      const res = await send('POST', '/api/v1/auth/refresh', { refreshToken: s.refreshToken }, undefined);
      const env = await parse(res);
      if (!res.ok || !env.success) return false;
      session.rotate(env.data as TokenPair);
      return true;
    } catch {
      return false;
    }
  })().finally(() => {
    refreshing = null;
  });
  return refreshing;
}

/** Refreshes the tokens (shared with concurrent callers); false when the session could not be renewed. */
export function refreshTokens(): Promise<boolean> {
  return refreshOnce();
}

/**
 * After a 401 answered to a call made with `tokenUsed`: true when a newer token is ready to retry
 * with (another call rotated it, or a refresh worked); otherwise the session is ended.
 */
export async function renewAfter401(tokenUsed: string): Promise<boolean> {
  const latest = session.get()?.accessToken;
  const ok = latest && latest !== tokenUsed ? true : await refreshOnce();
  if (!ok) {
    session.clear();
    hooks.onSignedOut();
  }
  return ok;
}

export interface RequestOptions {
  /** Send without the session token and never try to refresh (login, refresh). */
  anonymous?: boolean;
}

/** Calls the API and returns the envelope's `data`; throws ApiError on failure. */
export async function request<T>(method: Method, path: string, body?: unknown, opts: RequestOptions = {}): Promise<T> {
  const tokenUsed = opts.anonymous ? undefined : session.get()?.accessToken;
  let res = await send(method, path, body, tokenUsed);
  let env = await parse(res);

  if (res.status === 401 && tokenUsed && !opts.anonymous) {
    // Another call may already have rotated the token while this one was in flight.
    if (!(await renewAfter401(tokenUsed))) throw toError(res, env);
    res = await send(method, path, body, session.get()?.accessToken);
    env = await parse(res);
    if (res.status === 401) {
      session.clear();
      hooks.onSignedOut();
    }
  }

  if (!res.ok || env.success === false) {
    const err = toError(res, env);
    if (err.code === 'AUTH_PASSWORD_CHANGE_REQUIRED') {
      session.updateUser({ mustChangePassword: true });
      hooks.onPasswordChangeRequired();
    }
    throw err;
  }
  return (env.data ?? { message: env.message }) as T;
}

/** GETs binary content (downloads, thumbnails) with the session token, refreshing once on 401. */
export async function requestBlob(path: string): Promise<Blob> {
  const tokenUsed = session.get()?.accessToken;
  let res = await send('GET', path, undefined, tokenUsed, '*/*');
  if (res.status === 401 && tokenUsed && (await renewAfter401(tokenUsed))) {
    res = await send('GET', path, undefined, session.get()?.accessToken, '*/*');
  }
  if (!res.ok) throw toError(res, await parse(res));
  return res.blob();
}

/** Turns a non-JSON-client response (XHR uploads) into the same ApiError the client throws. */
export function errorFromResponse(status: number, bodyText: string, retryAfter: string | null): ApiError {
  let env: Envelope = { success: false };
  try {
    if (bodyText) env = JSON.parse(bodyText) as Envelope;
  } catch {
    env = { success: false, error: { code: 'SYSTEM_ERROR', message: `Unexpected response (${status})` } };
  }
  const headers = new Headers(retryAfter ? { 'retry-after': retryAfter } : {});
  return toError({ status, statusText: '', headers } as Response, env);
}

export const api = {
  get: <T>(path: string) => request<T>('GET', path),
  post: <T>(path: string, body?: unknown, opts?: RequestOptions) => request<T>('POST', path, body ?? {}, opts),
  put: <T>(path: string, body: unknown) => request<T>('PUT', path, body),
  patch: <T>(path: string, body: unknown) => request<T>('PATCH', path, body),
  delete: <T>(path: string) => request<T>('DELETE', path),
};
