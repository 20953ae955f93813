import type { AuditLog } from '@plantops/contracts';

/** Record kinds people filter by, keyed by the table the API logs (the audit filter's `tableName`). */
export const RECORD_KINDS: Record<string, string> = {
  items: 'part',
  stock: 'stock level',
  receipts: 'receipt',
  vendors: 'vendor',
  profiles: 'user',
  user_sessions: 'session',
  user_credentials: 'sign-in',
  password_reset_tokens: 'password reset',
  warehouses: 'warehouse',
  files: 'file',
  settings: 'setting',
  job_runs: 'job run',
  system_logs: 'security summary',
};

/** Actions people filter by, in human words (past tense, as the entries read). */
export const ACTIONS: Record<string, string> = {
  CREATE: 'created',
  UPDATE: 'updated',
  DELETE: 'deleted',
  ARCHIVE: 'archived',
  RESTORE: 'restored',
  UPLOAD: 'uploaded',
  EXPORT: 'exported',
  LOGIN: 'signed in',
  LOGOUT: 'signed out',
  PASSWORD_CHANGED: 'changed the password',
  PASSWORD_RESET_REQUESTED: 'asked for a password reset',
  PASSWORD_RESET: 'reset the password',
  MFA_ENABLED: 'turned on two-factor sign-in',
  MFA_DISABLED: 'turned off two-factor sign-in',
  JOB_TRIGGERED: 'started a job',
  STOCK_INBOUND: 'received stock',
  STOCK_USED: 'used stock',
  STOCK_ADJUSTMENT: 'adjusted stock',
  STOCK_RESERVED: 'reserved stock',
  STOCK_RELEASED: 'released reserved stock',
  STOCK_SHIPPED: 'shipped stock',
  STOCK_RETURNED: 'returned stock',
  SECURITY_LOGIN_FAILED: 'failed to sign in',
  SECURITY_ACCOUNT_LOCKED: 'locked an account after failed sign-ins',
  SECURITY_REFRESH_TOKEN_REUSE: 'reused a refresh token (session ended)',
  SECURITY_DAILY_SUMMARY: 'summarised security events',
};

export const kindLabel = (table: string) => RECORD_KINDS[table] ?? table.replace(/_/g, ' ');
export const actionLabel = (action: string) => ACTIONS[action] ?? action.toLowerCase().replace(/_/g, ' ');

/** Verbs that take the record as object ("updated part X"); the rest read on their own. */
const TRANSITIVE = new Set(['CREATE', 'UPDATE', 'DELETE', 'ARCHIVE', 'RESTORE', 'UPLOAD', 'EXPORT']);

type Data = Record<string, unknown>;
const asData = (v: unknown): Data | null => (v && typeof v === 'object' && !Array.isArray(v) ? (v as Data) : null);

/** The name a person knows a record by: part number, e-mail, name, code, file name, PO. */
function recordName(d: Data | null): string | null {
  if (!d) return null;
  for (const k of ['partNumber', 'email', 'name', 'code', 'fileName', 'poNumber', 'asnNumber']) {
    const v = d[k];
    if (typeof v === 'string' && v) return v;
  }
  const first = typeof d.firstName === 'string' ? d.firstName : '';
  const last = typeof d.lastName === 'string' ? d.lastName : '';
  return `${first} ${last}`.trim() || null;
}

/** reorderPoint -> "reorder point". */
export const fieldLabel = (key: string) => key.replace(/([a-z0-9])([A-Z])/g, '$1 $2').replace(/_/g, ' ').toLowerCase();

const IGNORED = new Set(['updatedAt', 'createdAt', 'id', 'transactionId']);

function show(v: unknown): string {
  if (v === null || v === undefined || v === '') return '—';
  if (typeof v === 'string') return v.length > 40 ? `${v.slice(0, 39)}…` : v;
  if (typeof v === 'number' || typeof v === 'boolean') return String(v);
  return '…';
}

/** Top-level fields whose plain values differ: "reorder point 5 → 10". Nested values are left to the details. */
export function changedFields(before: unknown, after: unknown, max = 3): string[] {
  const b = asData(before);
  const a = asData(after);
  if (!b || !a) return [];
  const keys = Object.keys(a).filter((k) => k in b && !IGNORED.has(k));
  const changes = keys
    .filter((k) => JSON.stringify(b[k]) !== JSON.stringify(a[k]))
    .map((k) => `${fieldLabel(k)} ${show(b[k])} → ${show(a[k])}`);
  return changes.length > max ? [...changes.slice(0, max), `${changes.length - max} more`] : changes;
}

/** An entry as a sentence: "Ana Lopez updated part GEN-00123: reorder point 5 → 10". */
export function auditSentence(l: AuditLog): string {
  const who = l.userName ?? l.userEmail ?? 'The system';
  const data = asData(l.afterData) ?? asData(l.beforeData);
  const name = recordName(data);
  const verb = actionLabel(l.action);
  const text = TRANSITIVE.has(l.action)
    ? `${who} ${verb} ${kindLabel(l.tableName)}${name ? ` ${name}` : ''}`
    : `${who} ${verb}${l.action.startsWith('STOCK_') && name ? ` of ${name}` : ''}`;
  const changes = changedFields(l.beforeData, l.afterData);
  const said = [changes.join(', '), l.description ?? ''].filter(Boolean).join(' · ');
  return said ? `${text}: ${said}` : text;
}
