import type { FastifyInstance } from 'fastify';
import { bearer, createTestApp, json, login, type Session, type TestContext } from './harness.js';

/** Unique part numbers per call, so test files and cases never collide. */
export const uniquePartNumber = (prefix = 'TP') => `${prefix}-${Date.now().toString(36)}-${Math.random().toString(36).slice(2, 7)}`.toUpperCase();

/** Creates a part through the API (the demo catalog may not exist) and returns its body. */
export async function createPart(app: FastifyInstance, s: Session, over: Record<string, unknown> = {}, headers: Record<string, string> = {}) {
  const res = await app.inject({
    method: 'POST',
    url: '/api/v1/parts',
    headers: { ...bearer(s), ...headers },
    payload: { partNumber: uniquePartNumber(), name: 'Test bearing', description: 'Deep groove ball bearing', ...over },
  });
  if (res.statusCode !== 201) throw new Error(`create part failed: ${res.statusCode} ${res.body}`);
  return json(res).data as { id: string; partNumber: string; quantityOnHand: number; warehouseId: string; [k: string]: unknown };
}

export async function warehouseIds(app: FastifyInstance, admin: Session): Promise<{ main: string; north: string }> {
  const whs = json(await app.inject({ url: '/api/v1/warehouses', headers: bearer(admin) })).data.warehouses as { id: string; code: string }[];
  return { main: whs.find((w) => w.code === 'MAIN')!.id, north: whs.find((w) => w.code === 'NORTH')!.id };
}

export interface InventoryWorld {
  t: TestContext;
  admin: Session;
  clerk: Session;
  tech: Session;
  techNorth: Session;
  ids: { main: string; north: string };
}

/** A fresh app with the sessions the inventory tests act as, and the two demo warehouses' ids. */
export async function inventoryWorld(): Promise<InventoryWorld> {
  const t = await createTestApp();
  const [admin, clerk, tech, techNorth] = await Promise.all(
    ['admin', 'inventory-clerk', 'technician', 'technician-north'].map((who) => login(t.app, `${who}@plantops.local`)),
  );
  return { t, admin: admin!, clerk: clerk!, tech: tech!, techNorth: techNorth!, ids: await warehouseIds(t.app, admin!) };
}
