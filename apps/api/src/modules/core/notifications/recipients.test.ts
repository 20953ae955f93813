import { notificationTypesFor, NOTIFICATION_TYPES, receivesNotification, ROLES, rolesNotifiedOf } from '@plantops/contracts';
import { describe, expect, it } from 'vitest';

// The recipient table in packages/contracts: the API picks recipients from it, the web lists preferences from it.
describe('notification recipients', () => {
  it('sends low stock to the stock keepers of domain.md and security alerts to admins', () => {
    expect([...rolesNotifiedOf('PART_LOW_STOCK')].sort()).toEqual(['INVENTORY_CLERK', 'PROCUREMENT', 'SUPERVISOR']);
    expect(rolesNotifiedOf('SECURITY_ALERT')).toEqual(['ADMIN']);
    expect(rolesNotifiedOf('EXPORT_READY')).toEqual(ROLES);
  });

  it('lists per role only what the role receives', () => {
    expect(notificationTypesFor('TECHNICIAN')).toEqual(expect.arrayContaining(['WO_ASSIGNED', 'PM_DUE', 'EXPORT_READY', 'SYSTEM']));
    expect(notificationTypesFor('TECHNICIAN')).not.toContain('TASK_ASSIGNED');
    expect(notificationTypesFor('ASSEMBLER')).toEqual(expect.arrayContaining(['TASK_ASSIGNED', 'QC_FAILED']));
    expect(notificationTypesFor('ASSEMBLER')).not.toContain('PART_LOW_STOCK');
    expect(notificationTypesFor('REQUESTER')).toEqual(['WO_STATUS_CHANGED', 'WO_COMPLETED', 'EXPORT_READY', 'SYSTEM']);
  });

  it('gives every type a recipient and every role something', () => {
    for (const t of NOTIFICATION_TYPES) expect(ROLES.some((r) => receivesNotification(r, t))).toBe(true);
    for (const r of ROLES) expect(notificationTypesFor(r).length).toBeGreaterThan(2);
  });
});
