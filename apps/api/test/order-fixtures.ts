import { expect } from 'vitest';
import { bearer, json, login, type Session, type TestContext } from './harness.js';
import { SPEC_CONFIGURATION } from './sink-configurations.js';

/** Driving customer orders over HTTP: the wizard's steps and the moves, for the orders tests. */

export const CUSTOMER = {
  companyName: 'Medical Center ABC',
  contactName: 'Dr. Jane Smith',
  email: 'jane.smith@medcenter.example',
  phone: '+1-555-0123',
  shippingAddress: { street: '123 Hospital Drive', city: 'Healthcare City', state: 'CA', zipCode: '90210', country: 'USA' },
};

/** The demo's manufacturing people, signed in: coordinator, admin, assembler, QC person, procurement, service tech. */
export async function manufacturingPeople(t: TestContext) {
  const who = ['production-coordinator', 'admin', 'assembler', 'qc-person', 'procurement', 'service-tech'];
  const [coordinator, admin, assembler, qc, procurement, serviceTech] = (await Promise.all(who.map((w) => login(t.app, `${w}@plantops.local`)))) as [Session, Session, Session, Session, Session, Session];
  return { coordinator, admin, assembler, qc, procurement, serviceTech };
}

export function orderApi(t: TestContext) {
  const send = (s: Session, method: 'POST' | 'PUT' | 'DELETE', url: string, payload?: unknown, headers: Record<string, string> = {}) =>
    t.app.inject({ method, url, headers: { ...bearer(s), ...headers }, ...(payload === undefined ? {} : { payload: payload as object }) });
  const get = (s: Session, url: string, headers: Record<string, string> = {}) => t.app.inject({ url, headers: { ...bearer(s), ...headers } });
  const data = async (res: Promise<Awaited<ReturnType<typeof get>>>, status = 200) => {
    const r = await res;
    expect(r.statusCode, r.body).toBe(status);
    return json(r).data;
  };
  const move = (s: Session, id: string, status: string, extra: Record<string, unknown> = {}) => send(s, 'PUT', `/api/v1/orders/${id}/status`, { status, ...extra });

  /** Steps 1-5 for one CleanStation Pro build (or what `sinks` says), returning the PENDING order's ids. */
  async function pendingOrder(s: Session, opts: { company?: string; quantity?: number; headers?: Record<string, string> } = {}) {
    const draft = await data(send(s, 'POST', '/api/v1/orders/draft', { customer: { ...CUSTOMER, companyName: opts.company ?? CUSTOMER.companyName } }, opts.headers), 201);
    const sel = await data(send(s, 'PUT', `/api/v1/orders/${draft.orderId}/sink-selection`, { sinks: [{ sinkFamilyId: 'CSP', quantity: opts.quantity ?? 1 }] }, opts.headers));
    await data(send(s, 'PUT', `/api/v1/orders/${draft.orderId}/sink-configuration`, { sinkId: sel.sinks[0].id, configuration: SPEC_CONFIGURATION }, opts.headers));
    const submitted = await data(send(s, 'POST', `/api/v1/orders/${draft.orderId}/submit`, { finalReview: true, customerApproval: true }, opts.headers));
    return { id: draft.orderId as string, orderNumber: draft.orderNumber as string, buildNumbers: sel.sinks[0].buildNumbers as string[], boms: submitted.boms as { bomId: string }[] };
  }

  /** A PENDING order made ready for production: BOMs approved, assembler and QC person named. */
  async function readyForProduction(coordinator: Session, assembler: Session, qc: Session, opts: Parameters<typeof pendingOrder>[1] = {}) {
    const o = await pendingOrder(coordinator, opts);
    for (const b of o.boms) await data(send(coordinator, 'POST', `/api/v1/bom/${b.bomId}/approve`, undefined, opts.headers));
    await data(send(coordinator, 'POST', `/api/v1/orders/${o.id}/assign`, { assemblerId: assembler.user.id, qcPersonId: qc.user.id }, opts.headers));
    return o;
  }

  return { send, get, data, move, pendingOrder, readyForProduction };
}
