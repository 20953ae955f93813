import { permissionsOf, type Role } from '@plantops/contracts';
import { describe, expect, it } from 'vitest';
import { checkTransition, decodeCursor, encodeCursor, foNumber, nextStatuses, overlaps, validateCustomData, type WoState } from './work-orders.fns.js';

const actor = (role: Role, userId = 'u-' + role) => ({ userId, permissions: permissionsOf(role) });
const wo = (over: Partial<WoState> = {}): WoState => ({ status: 'NEW', assignees: [], requestedBy: 'u-REQUESTER', resumeStatus: null, ...over });
const none = { openChecklistItems: [] };

describe('work-order state machine', () => {
  it('lets each role take only its own transitions, naming the gate otherwise', () => {
    const assigned = wo({ status: 'ASSIGNED', assignees: ['u-TECHNICIAN'] });
    expect(checkTransition(actor('TECHNICIAN'), assigned, 'IN_PROGRESS', none)).toEqual({ ok: true });
    expect(checkTransition(actor('TECHNICIAN', 'someone-else'), assigned, 'IN_PROGRESS', none)).toMatchObject({ ok: false, status: 403, gate: 'ASSIGNEE_ONLY' });
    expect(checkTransition(actor('SUPERVISOR'), assigned, 'IN_PROGRESS', none)).toEqual({ ok: true });
    expect(checkTransition(actor('CONTRACTOR'), wo({ status: 'COMPLETED', assignees: ['u-CONTRACTOR'] }), 'VERIFIED', none)).toMatchObject({ status: 403, gate: 'VERIFY_ROLE' });
    expect(checkTransition(actor('SUPERVISOR'), wo({ status: 'VERIFIED' }), 'CLOSED', none)).toMatchObject({ status: 403, gate: 'CLOSE_ROLE' });
    expect(checkTransition(actor('MANAGER'), wo({ status: 'VERIFIED' }), 'CLOSED', none)).toEqual({ ok: true });
    expect(checkTransition(actor('MANAGER'), wo(), 'COMPLETED', none)).toMatchObject({ status: 409, gate: 'STATUS_FLOW' });
  });

  it('checks the gates: assignees, reasons, checklist, resume status', () => {
    expect(checkTransition(actor('SUPERVISOR'), wo(), 'ASSIGNED', none)).toMatchObject({ status: 409, gate: 'ASSIGNEES_REQUIRED' });
    const working = wo({ status: 'IN_PROGRESS', assignees: ['u-TECHNICIAN'] });
    expect(checkTransition(actor('TECHNICIAN'), working, 'ON_HOLD', none)).toMatchObject({ status: 422, gate: 'HOLD_REASON' });
    const blocked = checkTransition(actor('TECHNICIAN'), working, 'COMPLETED', { openChecklistItems: [{ id: 'i1', component: 'Belt', action: 'Check' }] });
    expect(blocked).toMatchObject({ status: 409, gate: 'CHECKLIST_COMPLETE', details: [{ field: 'checklist.i1', message: 'Belt: Check', code: 'CHECKLIST_OPEN' }] });
    const held = wo({ status: 'ON_HOLD', assignees: ['u-TECHNICIAN'], resumeStatus: 'ASSIGNED' });
    expect(checkTransition(actor('TECHNICIAN'), held, 'IN_PROGRESS', none)).toMatchObject({ gate: 'RESUME_STATUS' });
    expect(nextStatuses(actor('TECHNICIAN'), held)).toEqual(['ASSIGNED']);
    expect(checkTransition(actor('REQUESTER'), wo(), 'CANCELLED', { ...none, reason: 'No longer needed' })).toEqual({ ok: true });
    expect(checkTransition(actor('REQUESTER', 'other'), wo(), 'CANCELLED', { ...none, reason: 'x' })).toMatchObject({ status: 403, gate: 'CANCEL_ROLE' });
  });

  it('lists what a role may do next', () => {
    expect(nextStatuses(actor('SUPERVISOR'), wo())).toEqual(['ASSIGNED', 'CANCELLED']);
    expect(nextStatuses(actor('INVENTORY_CLERK'), wo({ status: 'ASSIGNED', assignees: ['x'] }))).toEqual([]);
    expect(nextStatuses(actor('MANAGER'), wo({ status: 'COMPLETED' }))).toEqual(['VERIFIED', 'IN_PROGRESS']);
  });
});

describe('custom fields', () => {
  const fields = [
    { key: 'p', label: 'P', type: 'number' as const, required: true, min: 0 },
    { key: 'ok', label: 'OK', type: 'boolean' as const, required: false },
    { key: 's', label: 'S', type: 'select' as const, required: false, options: ['a', 'b'] },
  ];
  it('checks types, ranges, options, unknown keys and required values', () => {
    expect(validateCustomData(fields, { p: 1, ok: true, s: 'a' }, true)).toEqual([]);
    expect(validateCustomData(fields, { p: '1' }, false).map((p) => p.code)).toEqual(['INVALID_TYPE']);
    expect(validateCustomData(fields, { p: -1 }, false)[0]?.message).toMatch(/at least 0/);
    expect(validateCustomData(fields, { s: 'c', x: 1 }, false).map((p) => p.code)).toEqual(['INVALID_TYPE', 'UNKNOWN_FIELD']);
    expect(validateCustomData(fields, {}, true).map((p) => p.code)).toEqual(['REQUIRED_FIELD']);
    expect(validateCustomData(fields, {}, false)).toEqual([]);
  });
});

describe('time and cursors', () => {
  it('finds overlaps of half-open spans, a running one counting to now', () => {
    const t = (h: number) => new Date(Date.UTC(2026, 0, 1, h));
    expect(overlaps({ start: t(1), end: t(2) }, { start: t(2), end: t(3) }, t(5))).toBe(false);
    expect(overlaps({ start: t(1), end: t(3) }, { start: t(2), end: t(4) }, t(5))).toBe(true);
    expect(overlaps({ start: t(4), end: t(6) }, { start: t(3), end: null }, t(5))).toBe(true);
  });

  it('round-trips cursors and refuses one of another sort', () => {
    const c = encodeCursor('createdAt:d', ['2026-01-01 00:00:00+00', 'abc']);
    expect(decodeCursor(c, 'createdAt:d', 2)).toEqual(['2026-01-01 00:00:00+00', 'abc']);
    expect(decodeCursor(c, 'priority:d', 3)).toBeNull();
    expect(decodeCursor('not json', 'createdAt:d', 2)).toBeNull();
  });

  it('numbers work orders per site and year', () => {
    expect(foNumber('MAIN', 2026, 42)).toBe('WO-MAIN-2026-00042');
  });
});

describe("which lists walk a person's assignment rows", () => {
  it('walks newest-first always, priority and due date over open work only, never updatedAt or unassigned', async () => {
    const { assigneeWalk } = await import('./work-orders.repo.js');
    const me = '0190a000-0000-7000-8000-000000000001';
    expect(assigneeWalk({ assignee: me, sort: 'createdAt' })).toMatchObject({ open: false });
    expect(assigneeWalk({ assignee: me, sort: 'createdAt', status: ['ASSIGNED', 'ON_HOLD'] })).toMatchObject({ open: true });
    expect(assigneeWalk({ assignee: me, sort: 'priority', status: ['ASSIGNED', 'IN_PROGRESS', 'ON_HOLD'] })).toMatchObject({ open: true });
    expect(assigneeWalk({ assignee: me, sort: 'dueDate', overdue: true })).toMatchObject({ open: true });
    expect(assigneeWalk({ assignee: me, sort: 'priority' })).toBeNull();
    expect(assigneeWalk({ assignee: me, sort: 'dueDate', status: ['ASSIGNED', 'CLOSED'] })).toBeNull();
    expect(assigneeWalk({ assignee: me, sort: 'updatedAt', status: ['ASSIGNED'] })).toBeNull();
    expect(assigneeWalk({ assignee: 'none', sort: 'createdAt' })).toBeNull();
    expect(assigneeWalk({ sort: 'createdAt' })).toBeNull();
  });
});
