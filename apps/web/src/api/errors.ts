export interface ErrorDetail {
  field: string;
  message: string;
  code?: string;
}

/** An error answered by the API (or a network failure, status 0). */
export class ApiError extends Error {
  readonly status: number;
  readonly code: string;
  readonly details: ErrorDetail[];
  readonly requestId: string | undefined;
  readonly retryAfter: number | undefined;

  constructor(init: {
    status: number;
    code: string;
    message: string;
    details?: ErrorDetail[];
    requestId?: string;
    retryAfter?: number;
  }) {
    super(init.message);
    this.name = 'ApiError';
    this.status = init.status;
    this.code = init.code;
    this.details = init.details ?? [];
    this.requestId = init.requestId;
    this.retryAfter = init.retryAfter;
  }

  /** Field -> message, with paths such as `body.email` reduced to `email`. */
  fieldErrors(): Record<string, string> {
    const out: Record<string, string> = {};
    for (const d of this.details) {
      const key = d.field.split(/[./]/).filter(Boolean).pop() ?? d.field;
      out[key] ??= d.message;
    }
    return out;
  }
}

export function isApiError(e: unknown, code?: string): e is ApiError {
  return e instanceof ApiError && (code === undefined || e.code === code);
}

/** A sentence a user can act on. */
export function describeError(e: unknown): string {
  if (!(e instanceof ApiError)) return e instanceof Error ? e.message : 'Something went wrong.';
  switch (e.code) {
    case 'NETWORK_ERROR':
      return 'Cannot reach the server. Check your connection and try again.';
    case 'AUTH_INVALID_CREDENTIALS':
      return 'Wrong e-mail or password.';
    case 'AUTH_ACCOUNT_LOCKED':
      return 'This account is locked. Wait a while and try again, or ask an administrator to unlock it.';
    case 'RATE_LIMIT_EXCEEDED':
      return e.retryAfter
        ? `Too many attempts. Try again in ${Math.ceil(e.retryAfter)} seconds.`
        : 'Too many attempts. Wait a minute and try again.';
    case 'VALIDATION_ERROR':
      return e.details.length
        ? `Please correct: ${e.details.map((d) => d.message).join('; ')}`
        : e.message || 'Some fields are not valid.';
    case 'AUTH_INSUFFICIENT_PERMISSIONS':
      return 'You do not have permission to do that.';
    case 'SYSTEM_ERROR':
      return `The server failed${e.requestId ? ` (request ${e.requestId})` : ''}. Try again later.`;
    default:
      return e.message || 'Something went wrong.';
  }
}
