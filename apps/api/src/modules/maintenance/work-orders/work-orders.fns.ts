import type { CustomField, Permission, WoStatus } from '@plantops/contracts';

/** Pure work-order rules (state machine, custom fields, time overlap, cursors), unit-tested without a database. */

export interface WoActor {
  userId: string;
  permissions: readonly Permission[];
}

export interface WoState {
  status: WoStatus;
  assignees: readonly string[];
  requestedBy: string;
  resumeStatus: WoStatus | null;
}

/** Who may take a transition. */
type Who = 'assigner' | 'executor' | 'verifier' | 'closer' | 'canceller';

interface Transition {
  from: readonly WoStatus[];
  to: WoStatus;
  who: Who;
}

/** domain.md's work-order states: assign, start, hold, complete, verify (or send back), close, cancel. */
const TRANSITIONS: readonly Transition[] = [
  { from: ['NEW'], to: 'ASSIGNED', who: 'assigner' },
  { from: ['ASSIGNED', 'ON_HOLD'], to: 'IN_PROGRESS', who: 'executor' },
  { from: ['ASSIGNED', 'IN_PROGRESS'], to: 'ON_HOLD', who: 'executor' },
  { from: ['ON_HOLD'], to: 'ASSIGNED', who: 'executor' },
  { from: ['IN_PROGRESS'], to: 'COMPLETED', who: 'executor' },
  { from: ['COMPLETED'], to: 'VERIFIED', who: 'verifier' },
  // A verifier who finds the work unfinished sends it back.
  { from: ['COMPLETED'], to: 'IN_PROGRESS', who: 'verifier' },
  { from: ['VERIFIED'], to: 'CLOSED', who: 'closer' },
  { from: ['NEW', 'ASSIGNED', 'IN_PROGRESS', 'ON_HOLD'], to: 'CANCELLED', who: 'canceller' },
];

const holds = (a: WoActor, p: Permission) => a.permissions.includes(p);

export const isAssignee = (a: WoActor, wo: WoState) => wo.assignees.includes(a.userId);

/** Does the work: SUPERVISOR+ on any of the site's work, technicians and contractors on their own. */
export const mayExecute = (a: WoActor, wo: WoState) =>
  holds(a, 'workorder:execute') || (holds(a, 'workorder:execute:assigned') && isAssignee(a, wo));

function allowed(a: WoActor, wo: WoState, who: Who): boolean {
  switch (who) {
    case 'assigner':
      return holds(a, 'workorder:assign');
    case 'executor':
      return mayExecute(a, wo);
    case 'verifier':
      return holds(a, 'workorder:verify');
    case 'closer':
      return holds(a, 'workorder:close');
    case 'canceller':
      // Supervisors cancel; a requester may withdraw its own request while nobody has it yet.
      return holds(a, 'workorder:update') || (wo.status === 'NEW' && wo.requestedBy === a.userId && holds(a, 'workorder:request'));
  }
}

const ROLE_GATE: Record<Who, { gate: string; message: string }> = {
  assigner: { gate: 'ASSIGN_ROLE', message: 'only a supervisor or manager assigns work' },
  executor: { gate: 'ASSIGNEE_ONLY', message: 'only an assignee (or a supervisor) works on this work order' },
  verifier: { gate: 'VERIFY_ROLE', message: 'only a supervisor or manager verifies completed work' },
  closer: { gate: 'CLOSE_ROLE', message: 'only a manager closes work orders' },
  canceller: { gate: 'CANCEL_ROLE', message: 'only a supervisor or manager cancels work orders (a requester its own new request)' },
};

export interface GateInput {
  /** Checklist items still PENDING (completion needs none). */
  openChecklistItems: readonly { id: string; component: string; action: string }[];
  reason?: string;
}

export type TransitionCheck =
  | { ok: true }
  | { ok: false; status: 403 | 409 | 422; gate: string; message: string; details?: { field: string; message: string; code: string }[] };

/**
 * Whether `actor` may move `wo` to `to`: first whether the move exists at all (409 STATUS_FLOW),
 * then whether it is the actor's to make (403 naming the role gate), then the gate's conditions.
 */
export function checkTransition(actor: WoActor, wo: WoState, to: WoStatus, g: GateInput): TransitionCheck {
  const t = TRANSITIONS.find((x) => x.to === to && x.from.includes(wo.status));
  if (!t) {
    const next = TRANSITIONS.filter((x) => x.from.includes(wo.status)).map((x) => x.to);
    return { ok: false, status: 409, gate: 'STATUS_FLOW', message: `${wo.status} cannot move to ${to} (possible: ${next.join(', ') || 'none'})` };
  }
  if (!allowed(actor, wo, t.who)) return { ok: false, status: 403, ...ROLE_GATE[t.who] };
  if (to === 'ASSIGNED' && wo.assignees.length === 0) {
    return { ok: false, status: 409, gate: 'ASSIGNEES_REQUIRED', message: 'assign at least one person first (POST /work-orders/{id}/assign)' };
  }
  if (to === 'ON_HOLD' && !g.reason) {
    return { ok: false, status: 422, gate: 'HOLD_REASON', message: 'say why the work is on hold', details: [{ field: 'reason', message: 'Required for ON_HOLD', code: 'REQUIRED_FIELD' }] };
  }
  if (to === 'CANCELLED' && !g.reason) {
    return { ok: false, status: 422, gate: 'CANCEL_REASON', message: 'say why the work order is cancelled', details: [{ field: 'reason', message: 'Required for CANCELLED', code: 'REQUIRED_FIELD' }] };
  }
  if (wo.status === 'COMPLETED' && to === 'IN_PROGRESS' && !g.reason) {
    return { ok: false, status: 422, gate: 'REWORK_REASON', message: 'say what is still to be done', details: [{ field: 'reason', message: 'Required to send work back', code: 'REQUIRED_FIELD' }] };
  }
  if (wo.status === 'ON_HOLD' && wo.resumeStatus && to !== wo.resumeStatus) {
    return { ok: false, status: 409, gate: 'RESUME_STATUS', message: `the work order was ${wo.resumeStatus} before the hold and resumes there` };
  }
  if (to === 'COMPLETED' && g.openChecklistItems.length > 0) {
    return {
      ok: false,
      status: 409,
      gate: 'CHECKLIST_COMPLETE',
      message: `${g.openChecklistItems.length} checklist item(s) still need DONE, SKIPPED or ISSUE`,
      details: g.openChecklistItems.map((i) => ({ field: `checklist.${i.id}`, message: `${i.component}: ${i.action}`, code: 'CHECKLIST_OPEN' })),
    };
  }
  return { ok: true };
}

/** The statuses this actor could move the work order to now (the conditions aside). */
export function nextStatuses(actor: WoActor, wo: WoState): WoStatus[] {
  return TRANSITIONS.filter((t) => t.from.includes(wo.status) && allowed(actor, wo, t.who))
    .filter((t) => !(wo.status === 'ON_HOLD' && wo.resumeStatus && t.to !== 'CANCELLED' && t.to !== wo.resumeStatus))
    .map((t) => t.to);
}

export const TERMINAL: readonly WoStatus[] = ['VERIFIED', 'CLOSED', 'CANCELLED'];
/** Work may be recorded (checklist, time, parts) only while it is being done. */
export const WORKING: readonly WoStatus[] = ['IN_PROGRESS'];
/** The plan (details, checklist items, assignees) may change until the work is done. */
export const PLANNABLE: readonly WoStatus[] = ['NEW', 'ASSIGNED', 'IN_PROGRESS', 'ON_HOLD'];

// Custom fields ------------------------------------------------------------------------------------

export interface FieldProblem {
  field: string;
  message: string;
  code: string;
}

const DATE_RE = /^\d{4}-\d{2}-\d{2}$/;

function typeProblem(f: CustomField, v: unknown): string | null {
  switch (f.type) {
    case 'text':
      return typeof v === 'string' && v.length <= 2000 ? null : 'must be text of at most 2000 characters';
    case 'number':
      if (typeof v !== 'number' || !Number.isFinite(v)) return 'must be a number';
      if (f.min !== undefined && v < f.min) return `must be at least ${f.min}`;
      if (f.max !== undefined && v > f.max) return `must be at most ${f.max}`;
      return null;
    case 'boolean':
      return typeof v === 'boolean' ? null : 'must be true or false';
    case 'date':
      return typeof v === 'string' && DATE_RE.test(v) && !Number.isNaN(Date.parse(`${v}T00:00:00Z`)) ? null : 'must be a date (YYYY-MM-DD)';
    case 'select':
      return typeof v === 'string' && (f.options ?? []).includes(v) ? null : `must be one of ${(f.options ?? []).join(', ')}`;
  }
}

/**
 * Checks filled-in values against the item's field definitions: no unknown keys, each value of
 * its type; with `requireAll` (marking the item DONE) every required field must have a value.
 */
export function validateCustomData(fields: readonly CustomField[], data: Record<string, unknown>, requireAll: boolean): FieldProblem[] {
  const problems: FieldProblem[] = [];
  const byKey = new Map(fields.map((f) => [f.key, f]));
  for (const [key, value] of Object.entries(data)) {
    const f = byKey.get(key);
    if (!f) {
      problems.push({ field: `customFieldData.${key}`, message: 'Not a field of this checklist item', code: 'UNKNOWN_FIELD' });
      continue;
    }
    if (value === null) continue;
    const problem = typeProblem(f, value);
    if (problem) problems.push({ field: `customFieldData.${key}`, message: `${f.label} ${problem}`, code: 'INVALID_TYPE' });
  }
  if (requireAll) {
    for (const f of fields) {
      if (f.required && (data[f.key] === undefined || data[f.key] === null || data[f.key] === '')) {
        problems.push({ field: `customFieldData.${f.key}`, message: `${f.label} is required to mark the item done`, code: 'REQUIRED_FIELD' });
      }
    }
  }
  return problems;
}

/** Field definitions must have unique keys, and options exactly when the type is select. */
export function fieldDefinitionProblems(fields: readonly CustomField[]): FieldProblem[] {
  const problems: FieldProblem[] = [];
  const seen = new Set<string>();
  fields.forEach((f, i) => {
    if (seen.has(f.key)) problems.push({ field: `customFields.${i}.key`, message: `Duplicate key ${f.key}`, code: 'DUPLICATE' });
    seen.add(f.key);
    if ((f.type === 'select') !== (f.options !== undefined)) {
      problems.push({ field: `customFields.${i}.options`, message: 'Options go with type select, and only with it', code: 'INVALID_VALUE' });
    }
    if (f.min !== undefined && f.max !== undefined && f.min > f.max) problems.push({ field: `customFields.${i}.min`, message: 'min is above max', code: 'INVALID_RANGE' });
  });
  return problems;
}

// Time -------------------------------------------------------------------------------------------

export interface Span {
  start: Date;
  /** null: still running (counts up to now). */
  end: Date | null;
}

/** Half-open intervals [start, end) overlap when each starts before the other ends. */
export const overlaps = (a: Span, b: Span, now: Date) =>
  a.start < (b.end ?? now) && b.start < (a.end ?? now);

export const minutesBetween = (start: Date, end: Date) => Math.round((end.getTime() - start.getTime()) / 60_000);

// Cursors ----------------------------------------------------------------------------------------

/** Opaque keyset cursor: the sort it belongs to and the last row's sort values (as text). */
export function encodeCursor(sort: string, values: readonly string[]): string {
  return Buffer.from(JSON.stringify({ s: sort, v: values })).toString('base64url');
}

export function decodeCursor(cursor: string, sort: string, arity: number): string[] | null {
  try {
    const parsed = JSON.parse(Buffer.from(cursor, 'base64url').toString('utf8')) as { s?: unknown; v?: unknown };
    if (parsed.s !== sort || !Array.isArray(parsed.v) || parsed.v.length !== arity) return null;
    if (!parsed.v.every((x) => typeof x === 'string' && x.length <= 64)) return null;
    return parsed.v as string[];
  } catch {
    return null;
  }
}

/** fo_number: site code, year and the site's yearly sequence, e.g. WO-MAIN-2026-00042. */
export const foNumber = (warehouseCode: string, year: number, seq: number) => `WO-${warehouseCode}-${year}-${String(seq).padStart(5, '0')}`;
