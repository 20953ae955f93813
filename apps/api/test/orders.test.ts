import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { bearer, createTestApp, expectError, json, type Session, type TestContext } from './harness.js';
import { multipartBody } from './multipart.js';
import { CUSTOMER, manufacturingPeople, orderApi } from './order-fixtures.js';
import { warehouseIds } from './parts-fixtures.js';
import { MDRD, SPEC_CONFIGURATION } from './sink-configurations.js';

/** Spec section 2 over HTTP: the 5-step wizard on a DRAFT, then the lifecycle by role and gate. */
let t: TestContext;
let coordinator: Session;
let admin: Session;
let assembler: Session;
let qc: Session;
let procurement: Session;
let serviceTech: Session;
let sites: { main: string; north: string };
let api: ReturnType<typeof orderApi>;

beforeAll(async () => {
  t = await createTestApp();
  ({ coordinator, admin, assembler, qc, procurement, serviceTech } = await manufacturingPeople(t));
  sites = await warehouseIds(t.app, admin);
  api = orderApi(t);
});
afterAll(async () => t?.close());

const count = async (sql: string, params: unknown[] = []) => (await t.db.query<{ n: number }>(`SELECT count(*)::int AS n FROM ${sql}`, params)).rows[0]!.n;
const notified = async (s: Session, type: string, orderId: string) => count(`notifications WHERE user_id = $1 AND type = $2 AND data->>'orderId' = $3`, [s.user.id, type, orderId]);

describe('the 5-step wizard (spec 2.1)', () => {
  it('takes a customer, sinks with build numbers, configurations, accessories, and submits to PENDING with BOMs and a price', async () => {
    const { send, get, data } = api;
    const draft = await data(send(coordinator, 'POST', '/api/v1/orders/draft', { customer: CUSTOMER, priority: 'STANDARD', specialInstructions: 'Sterile environment' }), 201);
    expect(draft).toMatchObject({ status: 'DRAFT', step: 1, priority: 'STANDARD', customer: { ...CUSTOMER, id: expect.any(String) }, createdBy: coordinator.user.id });
    expect(draft.orderNumber).toMatch(new RegExp(`^TOR-${new Date().getUTCFullYear()}-\\d{4}$`));
    const id = draft.orderId;

    // Steps out of order are refused and write nothing.
    expect(expectError(await send(coordinator, 'PUT', `/api/v1/orders/${id}/sink-configuration`, { buildNumber: 'BN-X', configuration: SPEC_CONFIGURATION }), 409, 'BUSINESS_WORKFLOW_ERROR').message).toMatch(/WIZARD_ORDER/);
    expect(expectError(await send(coordinator, 'POST', `/api/v1/orders/${id}/submit`, { finalReview: true, customerApproval: true }), 409).message).toMatch(/WIZARD_ORDER/);

    // Step 2: an unknown family and a repeated build number are named; numbers are offered when not given.
    const bad = expectError(await send(coordinator, 'PUT', `/api/v1/orders/${id}/sink-selection`, { sinks: [{ sinkFamilyId: 'NOPE', quantity: 1 }, { sinkFamilyId: 'MDRD_T2', quantity: 2, buildNumbers: ['BN-T-1', 'bn-t-1'] }] }), 422);
    expect(bad.details!.map((d: { code: string }) => d.code).sort()).toEqual(['BUILD_NUMBER_DUPLICATE', 'UNKNOWN_FAMILY']);
    const sel = await data(send(coordinator, 'PUT', `/api/v1/orders/${id}/sink-selection`, { sinks: [{ sinkFamilyId: 'CSP', quantity: 2 }, { sinkFamilyId: 'MDRD_T2', quantity: 1, buildNumbers: ['BN-WIZ-MDRD-1'] }] }));
    expect(sel).toMatchObject({ step: 2, sinks: [{ sinkFamily: { name: 'CleanStation Pro' }, quantity: 2 }, { sinkFamily: { name: 'MDRD T2' }, quantity: 1, buildNumbers: ['BN-WIZ-MDRD-1'] }] });
    const [csp] = sel.sinks;
    expect(csp.buildNumbers).toHaveLength(2);
    for (const n of csp.buildNumbers) expect(n).toMatch(/^BN-\d{4}-\d{4}$/);

    // A build number another order holds is refused across the plant.
    const other = await data(send(coordinator, 'POST', '/api/v1/orders/draft', { customer: CUSTOMER }), 201);
    const taken = expectError(await send(coordinator, 'PUT', `/api/v1/orders/${other.orderId}/sink-selection`, { sinks: [{ sinkFamilyId: 'CSP', quantity: 1, buildNumbers: ['bn-wiz-mdrd-1'] }] }), 409, 'RESOURCE_CONFLICT');
    expect(taken.details![0]).toMatchObject({ code: 'BUILD_NUMBER_TAKEN' });
    expect(await count('order_builds WHERE order_id = $1', [other.orderId])).toBe(0);

    // Step 3: the engine's problems come back with their paths; nothing is saved.
    const refused = expectError(await send(coordinator, 'PUT', `/api/v1/orders/${id}/sink-configuration`, { sinkId: csp.id, configuration: { ...SPEC_CONFIGURATION, body: { ...SPEC_CONFIGURATION.body, material: 'WOOD' } } }), 422, 'VALIDATION_ERROR');
    expect(refused.details!.some((d: { field: string }) => d.field.startsWith('configuration.body'))).toBe(true);
    const configured = await data(send(coordinator, 'PUT', `/api/v1/orders/${id}/sink-configuration`, { sinkId: csp.id, configuration: SPEC_CONFIGURATION }));
    expect(configured).toMatchObject({ step: 3, sinkConfiguration: { sinkId: csp.id, buildNumbers: csp.buildNumbers } });
    expect(configured.sinkConfiguration.estimatedCost).toBeGreaterThan(0);

    // Submitting with a build not configured names it.
    const unconfigured = expectError(await send(coordinator, 'POST', `/api/v1/orders/${id}/submit`, { finalReview: true, customerApproval: true }), 422);
    expect(unconfigured.details).toEqual([expect.objectContaining({ field: 'builds.BN-WIZ-MDRD-1.configuration', code: 'BUILD_NOT_CONFIGURED' })]);
    const mdrdConfigured = await data(send(coordinator, 'PUT', `/api/v1/orders/${id}/sink-configuration`, { buildNumber: 'BN-WIZ-MDRD-1', configuration: MDRD() }));
    expect(mdrdConfigured.sinkConfiguration.customParts.length).toBeGreaterThan(0);

    // Step 4: order-level and per-build accessories, priced from the catalog.
    expectError(await send(coordinator, 'PUT', `/api/v1/orders/${id}/accessories`, { accessories: [{ partNumber: 'NO-SUCH-PART', quantity: 1 }] }), 422);
    const acc = await data(send(coordinator, 'PUT', `/api/v1/orders/${id}/accessories`, { accessories: [{ partNumber: 'ACC-1001', quantity: 2 }, { partNumber: 'ACC-2001', quantity: 1 }] }));
    expect(acc).toMatchObject({ step: 4, buildNumbers: [], accessories: [{ partNumber: 'ACC-1001', quantity: 2, unitCost: 110, totalCost: 220 }, { partNumber: 'ACC-2001', quantity: 1, unitCost: 180, totalCost: 180 }], accessoryTotal: 400 });
    await data(send(coordinator, 'PUT', `/api/v1/orders/${id}/accessories`, { buildNumber: csp.buildNumbers[0], accessories: [{ partNumber: 'ACC-1001', quantity: 1 }] }));

    // Resume: the draft remembers where it was.
    const resumed = await data(get(coordinator, `/api/v1/orders/${id}`));
    expect(resumed).toMatchObject({ status: 'DRAFT', step: 4, permissions: { editDraft: true } });
    expect(resumed.builds.map((b: { buildNumber: string }) => b.buildNumber)).toEqual([...csp.buildNumbers, 'BN-WIZ-MDRD-1']);

    expectError(await send(coordinator, 'POST', `/api/v1/orders/${id}/submit`, { finalReview: false, customerApproval: true }), 422);
    const submitted = await data(send(coordinator, 'POST', `/api/v1/orders/${id}/submit`, { finalReview: true, customerApproval: true }));
    expect(submitted).toMatchObject({ status: 'PENDING', step: 5, orderSummary: { customer: { companyName: CUSTOMER.companyName }, taxRate: 0.08, shipping: 250 } });
    const s = submitted.orderSummary;
    const configuredTotal = resumed.builds.reduce((sum: number, b: { configuredPrice: number }) => sum + b.configuredPrice, 0);
    expect(s.subtotal).toBeCloseTo(configuredTotal + 400 + 110, 2);
    expect(s.tax).toBeCloseTo(s.subtotal * 0.08, 2);
    expect(s.total).toBeCloseTo(s.subtotal + s.tax + s.shipping, 2);
    expect(submitted.boms).toHaveLength(3);
    expect(submitted.boms.every((b: { version: number; status: string }) => b.version === 1 && b.status === 'DRAFT')).toBe(true);
    expect(await notified(admin, 'ORDER_SUBMITTED', id)).toBe(1);

    // After submit the configuration is fixed; the edit that is still allowed records what it replaced.
    expect(expectError(await send(coordinator, 'PUT', `/api/v1/orders/${id}/sink-configuration`, { sinkId: csp.id, configuration: SPEC_CONFIGURATION }), 409).message).toMatch(/ORDER_SUBMITTED/);
    const edited = await data(send(coordinator, 'PUT', `/api/v1/orders/${id}`, { customer: { contactName: 'Dr. John Smith' }, priority: 'RUSH' }));
    expect(edited).toMatchObject({ updatedFields: ['customer.contactName', 'priority'], previousValues: { 'customer.contactName': 'Dr. Jane Smith', priority: 'STANDARD' }, updatedBy: { id: coordinator.user.id } });

    // The customer is one record, reused and searchable.
    const customers = await data(get(coordinator, '/api/v1/orders/customers?search=medical%20center'));
    expect(customers.customers.filter((c: { email: string }) => c.email === CUSTOMER.email)).toHaveLength(1);
    const found = await data(get(coordinator, `/api/v1/orders?search=${encodeURIComponent('bn-wiz-mdrd')}`));
    expect(found.orders.map((o: { id: string }) => o.id)).toEqual([id]);
  });
});

describe('the lifecycle (spec 2.2, domain.md)', () => {
  it('goes PENDING to SHIPPED, each move by its role and gate, with stock reserved, reworked once, shipped and packed', async () => {
    const { send, get, data, move } = api;
    const o = await api.pendingOrder(coordinator, { company: 'Lifecycle Hospital' });

    // Nobody else reads it; the gates say what is missing.
    expectError(await get(assembler, `/api/v1/orders/${o.id}`), 404);
    expectError(await get(procurement, '/api/v1/orders'), 403);
    expectError(await get(serviceTech, `/api/v1/orders/${o.id}`), 403);
    expect(expectError(await move(coordinator, o.id, 'SHIPPED', { carrier: 'UPS', trackingNumber: '1Z' }), 409, 'BUSINESS_WORKFLOW_ERROR').message).toMatch(/STATUS_FLOW/);
    const pending = await data(get(coordinator, `/api/v1/orders/${o.id}`));
    const step = pending.nextSteps.find((x: { status: string }) => x.status === 'IN_PRODUCTION');
    expect(step.allowed).toBe(false);
    expect(step.blockers.map((b: { gate: string }) => b.gate).sort()).toEqual(['ASSEMBLER_ASSIGNED', 'BOM_APPROVED']);
    expect(pending.nextPossibleStatuses).toEqual(['ON_HOLD', 'CANCELLED']);
    expect(expectError(await move(coordinator, o.id, 'IN_PRODUCTION'), 409).message).toMatch(/BOM_APPROVED/);

    await data(send(coordinator, 'POST', `/api/v1/bom/${o.boms[0]!.bomId}/approve`));
    expectError(await send(coordinator, 'POST', `/api/v1/orders/${o.id}/assign`, { assemblerId: qc.user.id }), 422);
    await data(send(coordinator, 'POST', `/api/v1/orders/${o.id}/assign`, { assemblerId: assembler.user.id, qcPersonId: qc.user.id }));
    expect(await notified(assembler, 'ORDER_ASSIGNED', o.id)).toBe(1);
    const seen = await data(get(assembler, `/api/v1/orders/${o.id}`));
    expect(seen).toMatchObject({ orderNumber: o.orderNumber, totalAmount: null, subtotal: null, builds: [{ configuredPrice: null }] });
    expect((await data(get(coordinator, `/api/v1/orders/${o.id}`))).totalAmount).toBeGreaterThan(0);
    expectError(await move(assembler, o.id, 'IN_PRODUCTION'), 403, 'AUTH_INSUFFICIENT_PERMISSIONS');

    // One part made short: the move is refused naming it, nothing reserved; accepted as a back-order, the rest is reserved.
    const { rows: [part] } = await t.db.query<{ item_id: string; part_number: string }>(
      `SELECT s.item_id, i.part_number FROM stock s JOIN items i ON i.id = s.item_id WHERE s.warehouse_id = $1 AND i.part_number = 'HW-M6-SS-KIT'`, [sites.main]);
    const before = (await t.db.query<{ on_hand: number; reserved: number }>(`SELECT quantity_on_hand AS on_hand, quantity_reserved AS reserved FROM stock WHERE item_id = $1 AND warehouse_id = $2`, [part!.item_id, sites.main])).rows[0]!;
    await t.db.query(`UPDATE stock SET quantity_reserved = quantity_on_hand WHERE item_id = $1 AND warehouse_id = $2`, [part!.item_id, sites.main]);
    const startStep = (await data(get(coordinator, `/api/v1/orders/${o.id}`))).nextSteps.find((x: { status: string }) => x.status === 'IN_PRODUCTION');
    expect(startStep).toMatchObject({ allowed: true, blockers: [], needs: ['acceptBackorders'] });
    const short = expectError(await move(coordinator, o.id, 'IN_PRODUCTION'), 409, 'BUSINESS_INSUFFICIENT_INVENTORY');
    expect(short.details!.map((d: { field: string }) => d.field)).toContain('parts.HW-M6-SS-KIT');
    expect(await count(`stock_transactions WHERE customer_order_id = $1`, [o.id])).toBe(0);
    const started = await data(move(coordinator, o.id, 'IN_PRODUCTION', { acceptBackorders: true, notes: 'Released to the floor' }));
    await t.db.query(`UPDATE stock SET quantity_reserved = $3 WHERE item_id = $1 AND warehouse_id = $2`, [part!.item_id, sites.main, before.reserved]);
    expect(started).toMatchObject({ previousStatus: 'PENDING', currentStatus: 'IN_PRODUCTION', assignedTo: { id: assembler.user.id } });
    const kit = started.reservations.find((r: { partNumber: string }) => r.partNumber === 'HW-M6-SS-KIT');
    expect(kit).toMatchObject({ reserved: 0 });
    expect(kit.backordered).toBe(kit.required);
    const reservedLines = started.reservations.filter((r: { reserved: number }) => r.reserved > 0);
    expect(reservedLines.length).toBeGreaterThan(0);
    expect(await count(`stock_transactions WHERE customer_order_id = $1 AND type = 'RESERVED'`, [o.id])).toBe(reservedLines.length);

    // The assembler hands over to QC; QC sends it back once (the failure must be written down), then passes it.
    expect((await data(move(assembler, o.id, 'PRE_QC', { notes: 'Assembly completed' }))).assignedTo).toMatchObject({ id: qc.user.id });
    expectError(await move(assembler, o.id, 'PRODUCTION_COMPLETE'), 403);
    expect(expectError(await move(qc, o.id, 'IN_PRODUCTION'), 422).message).toMatch(/REASON_REQUIRED/);
    await data(move(qc, o.id, 'IN_PRODUCTION', { notes: 'Weld seam porous at basin corner' }));
    await data(move(assembler, o.id, 'PRE_QC', { notes: 'Seam re-welded' }));
    await data(move(qc, o.id, 'PRODUCTION_COMPLETE'));
    await data(move(assembler, o.id, 'END_OF_LINE'));
    await data(move(qc, o.id, 'FINAL_QC', { notes: 'Flow and leak tests passed' }));
    const ready = await data(move(qc, o.id, 'READY_TO_SHIP', { notes: 'Signed off' }));
    expect(ready.nextPossibleStatuses).toEqual([]);
    expect((await data(get(coordinator, `/api/v1/orders/${o.id}`))).nextPossibleStatuses).toEqual(['SHIPPED', 'ON_HOLD']);
    expect((await data(get(admin, `/api/v1/orders/${o.id}`))).nextPossibleStatuses).toEqual(['SHIPPED', 'ON_HOLD', 'CANCELLED']);

    // Shipping needs the carrier and tracking; the reservation leaves as SHIPPED ledger rows.
    expectError(await move(assembler, o.id, 'SHIPPED', { carrier: 'UPS', trackingNumber: '1Z999' }), 403);
    expect(expectError(await move(coordinator, o.id, 'SHIPPED', { carrier: 'UPS' }), 422).message).toMatch(/SHIPMENT_DETAILS/);
    const shipped = await data(move(coordinator, o.id, 'SHIPPED', { carrier: 'UPS', trackingNumber: '1Z999AA10123456784', shipDate: '2026-12-01' }));
    expect(shipped.currentStatus).toBe('SHIPPED');
    expect(await count(`stock_transactions WHERE customer_order_id = $1 AND type = 'SHIPPED'`, [o.id])).toBe(reservedLines.length);
    const detail = await data(get(coordinator, `/api/v1/orders/${o.id}`));
    expect(detail.shipment).toMatchObject({ carrier: 'UPS', trackingNumber: '1Z999AA10123456784', shipDate: '2026-12-01' });
    expect(detail.reservations.every((r: { reserved: number }) => r.reserved === 0)).toBe(true);
    expect(detail.documents.map((d: { kind: string }) => d.kind)).toContain('PACKING_LIST');
    const pdf = await get(coordinator, `/api/v1/orders/${o.id}/packing-list`);
    expect(pdf.statusCode).toBe(200);
    expect(pdf.headers['content-type']).toBe('application/pdf');
    expect(pdf.rawPayload.subarray(0, 4).toString()).toBe('%PDF');
    expect(await notified(coordinator, 'ORDER_STATUS_CHANGED', o.id)).toBeGreaterThan(0);

    const history = await data(get(assembler, `/api/v1/orders/${o.id}/status-history`));
    expect(history.statusHistory.map((h: { toStatus: string }) => h.toStatus)).toEqual(
      ['DRAFT', 'PENDING', 'IN_PRODUCTION', 'PRE_QC', 'IN_PRODUCTION', 'PRE_QC', 'PRODUCTION_COMPLETE', 'END_OF_LINE', 'FINAL_QC', 'READY_TO_SHIP', 'SHIPPED']);
    expect(history.statusHistory[0].duration).toBeNull();
    expect(history.statusHistory[4]).toMatchObject({ fromStatus: 'PRE_QC', notes: 'Weld seam porous at basin corner', user: { id: qc.user.id } });
    expect(history.statusHistory[1].duration).toMatch(/^\d{2,}:\d{2}:\d{2}$/);
    expect(history.currentStatus).toBe('SHIPPED');
    expect(expectError(await send(coordinator, 'PUT', `/api/v1/orders/${o.id}`, { priority: 'RUSH' }), 409).message).toMatch(/ORDER_CLOSED/);
  });

  it('goes ON_HOLD with a reason and back to where it was', async () => {
    const o = await api.pendingOrder(coordinator, { company: 'Hold Clinic' });
    expect(expectError(await api.move(coordinator, o.id, 'ON_HOLD'), 422).message).toMatch(/REASON_REQUIRED/);
    const held = await api.data(api.move(coordinator, o.id, 'ON_HOLD', { notes: 'Customer is re-checking room dimensions' }));
    expect(held.nextPossibleStatuses).toEqual(['PENDING', 'CANCELLED']);
    expect((await api.data(api.move(coordinator, o.id, 'PENDING'))).currentStatus).toBe('PENDING');
  });

  it('cancels with a reason: the coordinator early, later only an ADMIN with adminOverride, releasing the reservation', async () => {
    const early = await api.pendingOrder(coordinator, { company: 'Cancel Early' });
    expectError(await api.send(coordinator, 'DELETE', `/api/v1/orders/${early.id}`, {}), 422);
    expectError(await api.send(assembler, 'DELETE', `/api/v1/orders/${early.id}`, { reason: 'x' }), 403);
    const cancelled = await api.data(api.send(coordinator, 'DELETE', `/api/v1/orders/${early.id}`, { reason: 'Customer requested cancellation' }));
    expect(cancelled).toMatchObject({ status: 'CANCELLED', reason: 'Customer requested cancellation', cancelledBy: { id: coordinator.user.id } });
    expect(expectError(await api.move(coordinator, early.id, 'PENDING'), 409).message).toMatch(/STATUS_FLOW/);

    const late = await api.readyForProduction(coordinator, assembler, qc, { company: 'Cancel Late' });
    await api.data(api.move(coordinator, late.id, 'IN_PRODUCTION', { acceptBackorders: true }));
    const held = await count(`stock_transactions WHERE customer_order_id = $1 AND type = 'RESERVED'`, [late.id]);
    expect(held).toBeGreaterThan(0);
    expect(expectError(await api.send(coordinator, 'DELETE', `/api/v1/orders/${late.id}`, { reason: 'Budget cut' }), 403).message).toMatch(/ADMIN_OVERRIDE/);
    expect(expectError(await api.send(admin, 'DELETE', `/api/v1/orders/${late.id}`, { reason: 'Budget cut' }), 409).message).toMatch(/ADMIN_OVERRIDE/);
    const overridden = await api.data(api.send(admin, 'DELETE', `/api/v1/orders/${late.id}`, { reason: 'Budget cut', adminOverride: true }));
    expect(overridden.releasedReservations).toBe(held);
    expect(await count(`stock_transactions WHERE customer_order_id = $1 AND type = 'RELEASED'`, [late.id])).toBe(held);
  });

  it("freezes a build's BOM once the order leaves PENDING; regenerating before that makes a new version", async () => {
    const { send, get, data, move } = api;
    const o = await api.pendingOrder(coordinator, { company: 'Frozen BOM Clinic' });
    const v2 = await data(send(coordinator, 'POST', `/api/v1/bom/${o.boms[0]!.bomId}/regenerate`, {}), 201);
    expect(v2).toMatchObject({ version: 2, status: 'DRAFT', orderId: o.id });
    await data(send(coordinator, 'POST', `/api/v1/bom/${v2.bomId}/approve`));
    await data(send(coordinator, 'POST', `/api/v1/orders/${o.id}/assign`, { assemblerId: assembler.user.id, qcPersonId: qc.user.id }));
    await data(move(coordinator, o.id, 'IN_PRODUCTION', { acceptBackorders: true }));
    const versions = await count(`boms WHERE order_id = $1`, [o.id]);

    expect(expectError(await send(coordinator, 'POST', `/api/v1/bom/${v2.bomId}/regenerate`, {}), 409, 'BUSINESS_WORKFLOW_ERROR').message).toMatch(/BOM_FROZEN/);
    const saved = await send(coordinator, 'POST', '/api/v1/bom/generate', { orderId: o.id, buildNumber: o.buildNumbers[0], sinkConfigurations: [{ sinkFamilyId: 'CSP', quantity: 1, configuration: SPEC_CONFIGURATION }], preview: false });
    expect(expectError(saved, 409).message).toMatch(/BOM_FROZEN/);
    expect(await count(`boms WHERE order_id = $1`, [o.id])).toBe(versions);
    // Held from production it is still frozen; the current version is what the floor builds.
    await data(move(coordinator, o.id, 'ON_HOLD', { notes: 'Waiting on the customer' }));
    expectError(await send(coordinator, 'POST', `/api/v1/bom/${v2.bomId}/regenerate`, {}), 409);
    expect((await data(get(coordinator, `/api/v1/orders/${o.id}`))).builds[0].bom).toMatchObject({ id: v2.bomId, version: 2, status: 'APPROVED' });

    // A BOM cannot be saved against another site's order.
    const north = await api.pendingOrder(admin, { company: 'North BOM', headers: { 'x-warehouse-id': sites.north } });
    expectError(await send(coordinator, 'POST', '/api/v1/bom/generate', { orderId: north.id, sinkConfigurations: [{ sinkFamilyId: 'CSP', quantity: 1, configuration: SPEC_CONFIGURATION }], preview: false }), 404);
    expect(await count(`boms WHERE order_id = $1`, [north.id])).toBe(1);
  });

  it('keeps files attached to an order beside its generated documents, readable by whoever reads the order', async () => {
    const { get, data } = api;
    const o = await api.readyForProduction(coordinator, assembler, qc, { company: 'Documents Hospital' });
    const pdf = Buffer.from('%PDF-1.4\n1 0 obj<<>>endobj\ntrailer<<>>\n%%EOF\n');
    const upload = (s: Session, id: string, file = { filename: 'purchase-order.pdf', contentType: 'application/pdf', content: pdf }) => {
      const { payload, headers } = multipartBody([{ name: 'file', ...file }]);
      return t.app.inject({ method: 'POST', url: `/api/v1/files?bucket=order-documents&recordType=order&recordId=${id}`, headers: { ...bearer(s), ...headers }, payload });
    };
    const up = await upload(coordinator, o.id);
    expect(up.statusCode, up.body).toBe(201);
    const fileId = json(up).data.id;

    const detail = await data(get(coordinator, `/api/v1/orders/${o.id}`));
    expect(detail.permissions.attach).toBe(true);
    expect(detail.documents).toContainEqual({ id: fileId, kind: 'UPLOAD', name: 'purchase-order.pdf', type: 'PDF', format: 'pdf', url: `/api/v1/files/${fileId}/download`, size: pdf.length });
    expect(detail.documents.filter((d: { kind: string }) => d.kind === 'BOM').map((d: { type: string }) => d.type).sort()).toEqual(['CSV', 'PDF', 'XLSX']);
    // The assigned assembler reads it (and may not attach); a file that is not what it claims is refused.
    const seen = await data(get(assembler, `/api/v1/orders/${o.id}`));
    expect(seen.permissions.attach).toBe(false);
    expect((await get(assembler, `/api/v1/files/${fileId}/download`)).statusCode).toBe(200);
    expectError(await upload(assembler, o.id), 403);
    expectError(await upload(coordinator, o.id, { filename: 'po.pdf', contentType: 'application/pdf', content: Buffer.from('MZ not a pdf') }), 415);

    // Another site's order takes no files from here, and its files stay hidden.
    const north = await api.pendingOrder(admin, { company: 'North Documents', headers: { 'x-warehouse-id': sites.north } });
    expect([403, 404]).toContain((await upload(coordinator, north.id)).statusCode);
    const northUp = await upload(admin, north.id);
    expect(northUp.statusCode, northUp.body).toBe(201);
    expect([403, 404]).toContain((await get(coordinator, `/api/v1/files/${json(northUp).data.id}/download`)).statusCode);
  });

  it('never over-reserves when two orders race for the last units', async () => {
    const a = await api.readyForProduction(coordinator, assembler, qc, { company: 'Race A' });
    const b = await api.readyForProduction(coordinator, assembler, qc, { company: 'Race B' });
    // Leave exactly one unit of the 316L basin free (each order needs one): one order gets it, the other back-orders it.
    const { rows: [kit] } = await t.db.query<{ item_id: string; on_hand: number; reserved: number }>(
      `SELECT s.item_id, s.quantity_on_hand AS on_hand, s.quantity_reserved AS reserved FROM stock s JOIN items i ON i.id = s.item_id WHERE s.warehouse_id = $1 AND i.part_number = 'BASIN-48-316L'`, [sites.main]);
    await t.db.query(`UPDATE stock SET quantity_on_hand = quantity_reserved + 1 WHERE item_id = $1 AND warehouse_id = $2`, [kit!.item_id, sites.main]);
    const results = await Promise.all([a, b].map((o) => api.move(coordinator, o.id, 'IN_PRODUCTION', { acceptBackorders: true })));
    const basins = results.map((r) => json(r).data.reservations.find((x: { partNumber: string }) => x.partNumber === 'BASIN-48-316L'));
    const after = (await t.db.query<{ on_hand: number; reserved: number }>(`SELECT quantity_on_hand AS on_hand, quantity_reserved AS reserved FROM stock WHERE item_id = $1 AND warehouse_id = $2`, [kit!.item_id, sites.main])).rows[0]!;
    await t.db.query(`UPDATE stock SET quantity_on_hand = $3 WHERE item_id = $1 AND warehouse_id = $2`, [kit!.item_id, sites.main, kit!.on_hand]);
    expect(after.reserved).toBeLessThanOrEqual(after.on_hand);
    expect(results.map((r) => r.statusCode)).toEqual([200, 200]);
    expect(basins.map((x: { reserved: number }) => x.reserved).sort()).toEqual([0, 1]);
    expect(basins.map((x: { backordered: number }) => x.backordered).sort()).toEqual([0, 1]);
    expect(after.reserved).toBe(kit!.reserved + 1);
  });
});

describe('sites and lists', () => {
  it("hides another site's orders from ids and lists, in the application and in row-level security", async () => {
    const north = await api.pendingOrder(admin, { company: 'North Hospital', headers: { 'x-warehouse-id': sites.north } });
    expectError(await api.get(coordinator, `/api/v1/orders/${north.id}`), 404);
    const mine = await api.data(api.get(coordinator, '/api/v1/orders?limit=100'));
    expect(mine.orders.some((o: { id: string }) => o.id === north.id)).toBe(false);
    // The search lookup runs past row-level security (for its indexes) and must still keep to the site.
    expect((await api.data(api.get(coordinator, '/api/v1/orders?search=north%20hospital'))).orders).toEqual([]);
    expect((await api.data(api.get(coordinator, `/api/v1/orders?search=${north.buildNumbers[0]}`))).orders).toEqual([]);
    expect((await api.data(api.get(admin, `/api/v1/orders?search=${north.buildNumbers[0]}`, { 'x-warehouse-id': sites.north }))).orders.map((o: { id: string }) => o.id)).toEqual([north.id]);
    expectError(await api.move(coordinator, north.id, 'ON_HOLD', { notes: 'x' }), 404);
    const { inActorScope } = await import('../src/platform/db/unit-of-work.js');
    const { permissionsOf } = await import('@plantops/contracts');
    const actor = { userId: coordinator.user.id, email: coordinator.user.email, role: 'PRODUCTION_COORDINATOR' as const, homeWarehouseId: sites.main, warehouseId: sites.main, allWarehouses: false, sessionId: coordinator.sessionId, permissions: permissionsOf('PRODUCTION_COORDINATOR') };
    const seen = await inActorScope(t.db, actor, { requestId: 'rls', ip: '127.0.0.1' }, async (ctx) => ({
      orders: (await ctx.tx.query<{ n: number }>(`SELECT count(*)::int AS n FROM orders WHERE id = $1`, [north.id])).rows[0]!.n,
      builds: (await ctx.tx.query<{ n: number }>(`SELECT count(*)::int AS n FROM order_builds WHERE order_id = $1`, [north.id])).rows[0]!.n,
      history: (await ctx.tx.query<{ n: number }>(`SELECT count(*)::int AS n FROM order_status_history WHERE order_id = $1`, [north.id])).rows[0]!.n,
      customers: (await ctx.tx.query<{ n: number }>(`SELECT count(*)::int AS n FROM customers WHERE warehouse_id = $1`, [sites.north])).rows[0]!.n,
    }));
    expect(seen).toEqual({ orders: 0, builds: 0, history: 0, customers: 0 });
  });

  it('serves repeat reads from the read cache and drops them as soon as the order, its files or the list change', async () => {
    const { send, get, data } = api;
    const o = await api.pendingOrder(coordinator, { company: 'Cache Clinic' });
    const page = () => get(coordinator, `/api/v1/orders/${o.id}`);
    expect((await page()).headers['x-cache']).toBe('miss');
    // On PostgreSQL the submission's NOTIFY may still be on its way and drop the first entry again.
    await expect.poll(async () => (await page()).headers['x-cache']).toBe('hit');
    expect(json(await page()).data.priority).toBe('STANDARD');
    await data(send(coordinator, 'PUT', `/api/v1/orders/${o.id}`, { priority: 'RUSH' }));
    const changed = await page();
    expect([changed.headers['x-cache'], json(changed).data.priority]).toEqual(['miss', 'RUSH']);
    // another person's change (approving the BOM) and a file attached to the order drop it too
    await page();
    await data(send(admin, 'POST', `/api/v1/bom/${o.boms[0]!.bomId}/approve`));
    expect(json(await page()).data.builds[0].bom.status).toBe('APPROVED');
    const { payload, headers } = multipartBody([{ name: 'file', filename: 'drawing.pdf', contentType: 'application/pdf', content: Buffer.from('%PDF-1.4\n%%EOF\n') }]);
    expect((await t.app.inject({ method: 'POST', url: `/api/v1/files?bucket=order-documents&recordType=order&recordId=${o.id}`, headers: { ...bearer(coordinator), ...headers }, payload })).statusCode).toBe(201);
    expect(json(await page()).data.documents.map((d: { name: string }) => d.name)).toContain('drawing.pdf');
    // a reload (no-cache) always reads again
    expect((await get(coordinator, `/api/v1/orders/${o.id}`, { 'cache-control': 'no-cache' })).headers['x-cache']).toBe('miss');

    const list = () => get(coordinator, '/api/v1/orders?search=cache%20clinic');
    await expect.poll(async () => (await list()).headers['x-cache']).toBe('hit');
    const second = await api.pendingOrder(coordinator, { company: 'Cache Clinic' });
    const fresh = await list();
    expect(fresh.headers['x-cache']).toBe('miss');
    expect(json(fresh).data.orders.map((x: { id: string }) => x.id)).toContain(second.id);
    // each reader has their own entries: the assembler sees none of these orders
    expect(json(await get(assembler, '/api/v1/orders?search=cache%20clinic')).data.orders).toEqual([]);
  });

  it('filters, sorts and pages the list as the spec says', async () => {
    const page = await api.data(api.get(coordinator, '/api/v1/orders?status=PENDING,SHIPPED&sortBy=orderNumber&sortOrder=asc&limit=2'));
    expect(page.pagination).toMatchObject({ currentPage: 1, itemsPerPage: 2 });
    expect(page.orders.every((o: { status: string }) => ['PENDING', 'SHIPPED'].includes(o.status))).toBe(true);
    const numbers = page.orders.map((o: { orderNumber: string }) => o.orderNumber);
    expect(numbers).toEqual([...numbers].sort());
    if (page.pagination.hasNextPage) {
      const next = await api.data(api.get(coordinator, `/api/v1/orders?status=PENDING,SHIPPED&sortBy=orderNumber&sortOrder=asc&limit=2&cursor=${encodeURIComponent(page.pagination.nextCursor)}`));
      expect(next.orders[0].orderNumber > numbers[1]).toBe(true);
    }
    expectError(await api.get(coordinator, '/api/v1/orders?status=NOPE'), 400);
    expectError(await api.get(coordinator, '/api/v1/orders/00000000-0000-4000-8000-000000000000'), 404);
    const assigned = await api.data(api.get(assembler, '/api/v1/orders?limit=100'));
    expect(assigned.orders.length).toBeGreaterThan(0);
    expect(assigned.orders.every((o: { assignedTo: { id: string } | null }) => o.assignedTo)).toBe(true);
    expect(json(await api.get(coordinator, '/api/v1/orders/assignable-people')).data.people.map((p: { role: string }) => p.role).sort()).toEqual(['ASSEMBLER', 'QC_PERSON']);
  });
});
