import type { FastifyInstance } from 'fastify';
import { bearer, createTestApp, json, login, type Session, type TestContext } from './harness.js';
import { warehouseIds } from './parts-fixtures.js';

/** Unique asset tags per call, so test files and cases never collide. */
export const uniqueTag = (prefix = 'EQ') => `${prefix}-${Date.now().toString(36)}-${Math.random().toString(36).slice(2, 7)}`.toUpperCase();

export interface MaintenanceWorld {
  t: TestContext;
  admin: Session;
  manager: Session;
  supervisor: Session;
  tech: Session;
  techNorth: Session;
  clerk: Session;
  contractor: Session;
  requester: Session;
  assembler: Session;
  ids: { main: string; north: string };
}

/** A fresh app with a session for every maintenance role and the two demo warehouses' ids. */
export async function maintenanceWorld(): Promise<MaintenanceWorld> {
  const t = await createTestApp();
  const who = ['admin', 'manager', 'supervisor', 'technician', 'technician-north', 'inventory-clerk', 'contractor', 'requester', 'assembler'];
  const s = await Promise.all(who.map((w) => login(t.app, `${w}@plantops.local`)));
  const [admin, manager, supervisor, tech, techNorth, clerk, contractor, requester, assembler] = s as Session[];
  return { t, admin: admin!, manager: manager!, supervisor: supervisor!, tech: tech!, techNorth: techNorth!, clerk: clerk!, contractor: contractor!, requester: requester!, assembler: assembler!, ids: await warehouseIds(t.app, admin!) };
}

export const api = (app: FastifyInstance) => ({
  get: (s: Session, url: string, headers: Record<string, string> = {}) => app.inject({ url, headers: { ...bearer(s), ...headers } }),
  send: (s: Session, method: 'POST' | 'PUT' | 'DELETE', url: string, payload?: object, headers: Record<string, string> = {}) =>
    app.inject({ method, url, headers: { ...bearer(s), ...headers }, ...(payload ? { payload } : {}) }),
});

export async function createEquipment(app: FastifyInstance, s: Session, over: Record<string, unknown> = {}, headers: Record<string, string> = {}) {
  const res = await api(app).send(s, 'POST', '/api/v1/equipment', { assetTag: uniqueTag(), name: 'Test pump', model: 'P-100', area: 'Line 1', ...over }, headers);
  if (res.statusCode !== 201) throw new Error(`create equipment failed: ${res.statusCode} ${res.body}`);
  return json(res).data as { id: string; assetTag: string; hierarchyLevel: number; [k: string]: unknown };
}

export async function createWorkOrder(app: FastifyInstance, s: Session, over: Record<string, unknown> = {}, headers: Record<string, string> = {}) {
  const res = await api(app).send(s, 'POST', '/api/v1/work-orders', { type: 'CORRECTIVE', title: 'Pump leaks', description: 'Seal drips', ...over }, headers);
  if (res.statusCode !== 201) throw new Error(`create work order failed: ${res.statusCode} ${res.body}`);
  return json(res).data as { id: string; foNumber: string; status: string; [k: string]: unknown };
}
