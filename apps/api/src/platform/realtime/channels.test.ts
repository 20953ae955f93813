import { permissionsOf, type Role } from '@plantops/contracts';
import { describe, expect, it } from 'vitest';
import { shouldDeliver, type StoredEvent, type Subscriber } from './channels.js';

const who = (role: Role, userId = `${role}-1`, warehouseId = 'main'): Subscriber => ({ userId, role, warehouseId, permissions: permissionsOf(role) });
const orderEvent = (payload: Record<string, unknown>, warehouse = 'main'): StoredEvent => ({ id: 1, channel: 'orders', warehouse_id: warehouse, user_id: null, payload, created_at: new Date() });

describe('the orders channel', () => {
  it("gives coordinators their site's order events and assigned readers only their orders'", () => {
    const e = orderEvent({ id: 'o1', assemblerId: 'ASSEMBLER-1', qcPersonId: null });
    expect(shouldDeliver(who('PRODUCTION_COORDINATOR'), e)).toBe(true);
    expect(shouldDeliver(who('PRODUCTION_COORDINATOR', 'c', 'north'), e)).toBe(false);
    expect(shouldDeliver(who('ASSEMBLER'), e)).toBe(true);
    expect(shouldDeliver(who('ASSEMBLER', 'someone-else'), e)).toBe(false);
    expect(shouldDeliver(who('QC_PERSON'), e)).toBe(false);
    expect(shouldDeliver(who('PROCUREMENT'), e)).toBe(false);
  });
});
