import { permissionsOf, type Role } from '@plantops/contracts';
import { describe, expect, it } from 'vitest';
import type { Actor } from '../../../platform/db/unit-of-work.js';
import { checkTransition, editableFields, formatDuration, leafDemand, nextPossibleStatuses, orderNumber, orderTotals, reservationPlan, type OrderState } from './orders.fns.js';
import { DEFAULT_ORDER_SETTINGS } from './orders.settings.js';

const actor = (role: Role, userId = `${role.toLowerCase()}-1`): Actor => ({ userId, email: '', role, homeWarehouseId: 'w', warehouseId: 'w', allWarehouses: false, sessionId: 's', permissions: permissionsOf(role) });
const order = (status: OrderState['status'], over: Partial<OrderState> = {}): OrderState => ({ status, resumeStatus: null, assemblerId: 'assembler-1', qcPersonId: 'qc_person-1', ...over });

describe('order numbers and money', () => {
  it('numbers orders by prefix, year and a four-digit yearly sequence', () => {
    expect(orderNumber('TOR', 2026, 1)).toBe('TOR-2026-0001');
    expect(orderNumber('TOR', 2026, 12345)).toBe('TOR-2026-12345');
  });
  it('prices tax and shipping as the spec example does', () => {
    expect(orderTotals(8775, 'STANDARD', DEFAULT_ORDER_SETTINGS)).toEqual({ subtotal: 8775, tax: 702, shipping: 250, total: 9727 });
  });
  it('writes durations as HH:MM:SS with hours past 24', () => {
    expect(formatDuration(20 * 60_000)).toBe('00:20:00');
    expect(formatDuration((29 * 3600 + 15 * 60) * 1000)).toBe('29:15:00');
  });
});

describe('the state machine by role and gate', () => {
  it('lets the coordinator start production only when the gates are met', () => {
    const gates = new Map([['PENDING->IN_PRODUCTION', [{ gate: 'BOM_APPROVED', message: 'approve it' }]]]);
    expect(checkTransition(actor('PRODUCTION_COORDINATOR'), order('PENDING'), 'IN_PRODUCTION', {}, gates)).toMatchObject({ ok: false, status: 409, gate: 'BOM_APPROVED' });
    expect(checkTransition(actor('PRODUCTION_COORDINATOR'), order('PENDING'), 'IN_PRODUCTION', {}, new Map())).toMatchObject({ ok: true });
    expect(checkTransition(actor('ASSEMBLER'), order('PENDING'), 'IN_PRODUCTION', {}, new Map())).toMatchObject({ ok: false, status: 403, gate: 'ROLE' });
  });
  it('lets only the assigned assembler hand over to QC, and only the assigned QC person pass or fail it', () => {
    expect(checkTransition(actor('ASSEMBLER'), order('IN_PRODUCTION'), 'PRE_QC', {}, new Map()).ok).toBe(true);
    expect(checkTransition(actor('ASSEMBLER', 'someone-else'), order('IN_PRODUCTION'), 'PRE_QC', {}, new Map())).toMatchObject({ ok: false, status: 403 });
    expect(nextPossibleStatuses(actor('QC_PERSON'), order('PRE_QC'))).toEqual(['PRODUCTION_COMPLETE', 'IN_PRODUCTION']);
    expect(checkTransition(actor('QC_PERSON'), order('PRE_QC'), 'IN_PRODUCTION', {}, new Map())).toMatchObject({ ok: false, status: 422, gate: 'REASON_REQUIRED' });
  });
  it('asks to accept back-orders only when parts are short', async () => {
    const { nextSteps } = await import('./orders.fns.js');
    const start = (partsShort?: boolean) => nextSteps(actor('PRODUCTION_COORDINATOR'), order('PENDING'), new Map(), { partsShort }).find((s) => s.status === 'IN_PRODUCTION')!.needs;
    expect(start(true)).toEqual(['acceptBackorders']);
    expect(start(false)).toEqual([]);
    expect(start(undefined)).toEqual(['acceptBackorders']);
  });
  it('refuses a move the phase does not have, naming where it can go', () => {
    expect(checkTransition(actor('ADMIN'), order('PENDING'), 'SHIPPED', {}, new Map())).toMatchObject({ ok: false, status: 409, gate: 'STATUS_FLOW' });
  });
  it('parks an order with a reason and brings it back to where it was; cancels early by coordinator, late by ADMIN', () => {
    expect(nextPossibleStatuses(actor('PRODUCTION_COORDINATOR'), order('ON_HOLD', { resumeStatus: 'FINAL_QC' }))).toEqual(['FINAL_QC']);
    expect(nextPossibleStatuses(actor('ADMIN'), order('ON_HOLD', { resumeStatus: 'FINAL_QC' }))).toEqual(['FINAL_QC', 'CANCELLED']);
    expect(nextPossibleStatuses(actor('PRODUCTION_COORDINATOR'), order('ON_HOLD', { resumeStatus: 'PENDING' }))).toEqual(['PENDING', 'CANCELLED']);
    expect(nextPossibleStatuses(actor('PRODUCTION_COORDINATOR'), order('SHIPPED'))).toEqual([]);
  });
  it('keeps a submitted order to notes, dates, priority and shipping', () => {
    expect(editableFields('PENDING')!.has('customer.email')).toBe(true);
    expect(editableFields('IN_PRODUCTION')!.has('customer.email')).toBe(false);
    expect(editableFields('IN_PRODUCTION')!.has('priority')).toBe(true);
    expect(editableFields('SHIPPED')).toBeNull();
  });
});

describe('reservation', () => {
  interface N { item: { id: string }; quantity: number; subItems: N[]; parts: N[] }
  const node = (id: string, quantity: number, children: N[] = []): N => ({ item: { id }, quantity, subItems: children, parts: [] });
  it('reserves the leaves of the BOM (built items are made from them), whole units summed', () => {
    const tree = [node('sink', 1, [node('frame', 1, [node('bolt', 8)]), node('sheet', 0.25)]), node('bolt', 4)];
    expect(Object.fromEntries(leafDemand(tree))).toEqual({ bolt: 12, sheet: 1 });
  });
  it('reserves what there is and names the rest short', () => {
    expect(reservationPlan(new Map([['a', 5], ['b', 2]]), new Map([['a', 3]]))).toEqual([
      { itemId: 'a', required: 5, reserve: 3, short: 2 },
      { itemId: 'b', required: 2, reserve: 0, short: 2 },
    ]);
  });
});
