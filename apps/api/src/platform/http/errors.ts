import type { ErrorCode } from '@plantops/contracts';

export interface ErrorDetail {
  field: string;
  message: string;
  code: string;
}

/** An error the client caused or may act on; the error plugin turns it into the spec's format. */
export class AppError extends Error {
  constructor(
    readonly status: number,
    readonly code: ErrorCode,
    message: string,
    readonly details?: ErrorDetail[],
    readonly extra?: { retryAfter?: number; headers?: Record<string, string> },
  ) {
    super(message);
    this.name = 'AppError';
  }
}

export const notFound = (what: string) => new AppError(404, 'RESOURCE_NOT_FOUND', `${what} not found`);
export const conflict = (message: string, details?: ErrorDetail[]) =>
  new AppError(409, 'RESOURCE_CONFLICT', message, details);
export const forbidden = (message = 'You do not have permission to perform this action') =>
  new AppError(403, 'AUTH_INSUFFICIENT_PERMISSIONS', message);
export const unauthorized = (message = 'Authentication required', code: ErrorCode = 'AUTH_REQUIRED') =>
  new AppError(401, code, message);
export const validation = (message: string, details: ErrorDetail[] = []) =>
  new AppError(422, 'VALIDATION_ERROR', message, details);
export const workflow = (message: string) => new AppError(409, 'BUSINESS_WORKFLOW_ERROR', message);

/** PostgreSQL error codes the client caused, mapped once so that no route answers 500 for them. */
export function fromDatabaseError(err: unknown): AppError | undefined {
  const code = (err as { code?: unknown })?.code;
  if (typeof code !== 'string') return undefined;
  switch (code) {
    case '23505':
      return conflict('A record with the same unique value already exists');
    case '23503':
      return validation('A referenced record does not exist', [
        { field: 'reference', message: 'Referenced record not found', code: 'INVALID_REFERENCE' },
      ]);
    case '22P02':
    case '22007':
    case '22008':
    case '22009': // a date-time out of the range the database takes
    case '22021': // a character the database cannot store (NUL)
    case '22P05': // the same inside JSON
      return validation('A value has an invalid format');
    case '22003':
      return validation('A quantity or amount is larger than can be stored');
    case '54000':
      return validation('A value is too long to be stored');
    case '42501':
      return forbidden('Row-level security refused this operation');
    default:
      return undefined;
  }
}
