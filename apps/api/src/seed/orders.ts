import type { FastifyInstance } from 'fastify';
import type { Database } from '../platform/db/database.js';
import { DEMO_PASSWORD } from './demo.js';

/**
 * Demo customer orders, made through the API itself (the wizard, BOM approval, assignment and
 * every move), so that they carry real BOMs, ledger reservations and status history: two drafts
 * and one order in every phase after them, spread over the last weeks. Runs once, right after the
 * demo data is first seeded (main.ts).
 */

const CUSTOMERS = [
  { companyName: 'St. Mary Medical Center', contactName: 'Dr. Jane Smith', email: 'jane.smith@stmary.example', phone: '+1-555-0123', shippingAddress: { street: '123 Hospital Drive', city: 'Springfield', state: 'IL', zipCode: '62701', country: 'USA' } },
  { companyName: 'Lakeside Surgical Institute', contactName: 'Marcus Lee', email: 'm.lee@lakeside.example', phone: '+1-555-0188', shippingAddress: { street: '9 Shore Road', city: 'Duluth', state: 'MN', zipCode: '55802', country: 'USA' } },
  { companyName: 'Riverside Sterile Processing', contactName: 'Ana Ortiz', email: 'aortiz@riverside.example', phone: '+1-555-0142', shippingAddress: { street: '400 River Ave', city: 'Peoria', state: 'IL', zipCode: '61602', country: 'USA' } },
];

/** The phases to reach, in lifecycle order; each demo order stops at one of them. */
const PATH = ['PENDING', 'IN_PRODUCTION', 'PRE_QC', 'PRODUCTION_COMPLETE', 'END_OF_LINE', 'FINAL_QC', 'READY_TO_SHIP', 'SHIPPED'] as const;

interface Plan {
  stopAt: 'DRAFT' | (typeof PATH)[number] | 'ON_HOLD' | 'CANCELLED';
  family: string;
  quantity: number;
  priority: 'STANDARD' | 'RUSH' | 'EMERGENCY';
  step?: number;
}

const PLANS: Plan[] = [
  { stopAt: 'SHIPPED', family: 'CSP', quantity: 2, priority: 'STANDARD' },
  { stopAt: 'CANCELLED', family: 'CSS', quantity: 1, priority: 'STANDARD' },
  { stopAt: 'READY_TO_SHIP', family: 'MDRD_T2', quantity: 1, priority: 'RUSH' },
  { stopAt: 'FINAL_QC', family: 'CSP', quantity: 1, priority: 'STANDARD' },
  { stopAt: 'END_OF_LINE', family: 'CSS', quantity: 2, priority: 'STANDARD' },
  { stopAt: 'PRODUCTION_COMPLETE', family: 'CSP', quantity: 1, priority: 'EMERGENCY' },
  { stopAt: 'PRE_QC', family: 'MDRD_T2', quantity: 1, priority: 'STANDARD' },
  { stopAt: 'IN_PRODUCTION', family: 'CSP', quantity: 1, priority: 'RUSH' },
  { stopAt: 'ON_HOLD', family: 'CSS', quantity: 1, priority: 'STANDARD' },
  { stopAt: 'PENDING', family: 'MDRD_T2', quantity: 1, priority: 'STANDARD' },
  { stopAt: 'DRAFT', family: 'CSP', quantity: 1, priority: 'STANDARD', step: 3 },
  { stopAt: 'DRAFT', family: 'CSS', quantity: 1, priority: 'RUSH', step: 1 },
];

export async function seedDemoOrders(app: FastifyInstance, db: Database, log: (msg: string) => void = () => undefined): Promise<void> {
  const tokens = new Map<string, string>();
  for (const who of ['production-coordinator', 'assembler', 'qc-person', 'admin']) {
    const res = await app.inject({ method: 'POST', url: '/api/v1/auth/login', payload: { email: `${who}@plantops.local`, password: DEMO_PASSWORD } });
    tokens.set(who, (res.json() as { data: { accessToken: string } }).data.accessToken);
  }
  const call = async (who: string, method: 'GET' | 'POST' | 'PUT' | 'DELETE', url: string, payload?: unknown) => {
    const res = await app.inject({ method, url, headers: { authorization: `Bearer ${tokens.get(who)}` }, ...(payload === undefined ? {} : { payload: payload as object }) });
    if (res.statusCode >= 300) throw new Error(`demo orders: ${method} ${url} answered ${res.statusCode}: ${res.body}`);
    return (res.json() as { data: Record<string, unknown> }).data;
  };
  const as = (who: string) => ({ move: (id: string, status: string, extra: Record<string, unknown> = {}) => call(who, 'PUT', `/api/v1/orders/${id}/status`, { status, ...extra }) });
  const people = (await call('production-coordinator', 'GET', '/api/v1/orders/assignable-people')).people as { id: string; role: string }[];
  const templates = (await call('production-coordinator', 'GET', '/api/v1/configurations/templates?limit=100')).templates as { sinkFamily: { id: string; name: string }; configuration: unknown; isValid: boolean }[];
  const families = (await call('production-coordinator', 'GET', '/api/v1/configurations/sink-families')).sinkFamilies as { id: string; code: string }[];
  const configurationOf = (code: string) => {
    const family = families.find((f) => f.code === code)!;
    return templates.find((t) => t.sinkFamily.id === family.id && t.isValid)?.configuration;
  };

  const coordinator = as('production-coordinator');
  const made: string[] = [];
  for (const [i, plan] of PLANS.entries()) {
    const configuration = configurationOf(plan.family);
    if (!configuration) continue;
    const draft = await call('production-coordinator', 'POST', '/api/v1/orders/draft', {
      customer: CUSTOMERS[i % CUSTOMERS.length], priority: plan.priority, specialInstructions: i % 3 === 0 ? 'Deliver to the loading dock; sterile processing department' : undefined,
    });
    const id = draft.orderId as string;
    made.push(id);
    if (plan.step === 1) continue;
    const sel = await call('production-coordinator', 'PUT', `/api/v1/orders/${id}/sink-selection`, { sinks: [{ sinkFamilyId: plan.family, quantity: plan.quantity }] });
    await call('production-coordinator', 'PUT', `/api/v1/orders/${id}/sink-configuration`, { sinkId: (sel.sinks as { id: string }[])[0]!.id, configuration });
    if (plan.stopAt === 'DRAFT') continue;
    await call('production-coordinator', 'PUT', `/api/v1/orders/${id}/accessories`, { accessories: [{ partNumber: 'ACC-1001', quantity: plan.quantity }] });
    const submitted = await call('production-coordinator', 'POST', `/api/v1/orders/${id}/submit`, { finalReview: true, customerApproval: true });
    if (plan.stopAt === 'PENDING' || plan.stopAt === 'CANCELLED') {
      if (plan.stopAt === 'CANCELLED') await call('production-coordinator', 'DELETE', `/api/v1/orders/${id}`, { reason: 'Customer chose a different room layout' });
      continue;
    }
    for (const b of submitted.boms as { bomId: string }[]) await call('production-coordinator', 'POST', `/api/v1/bom/${b.bomId}/approve`);
    await call('production-coordinator', 'POST', `/api/v1/orders/${id}/assign`, { assemblerId: people.find((p) => p.role === 'ASSEMBLER')?.id, qcPersonId: people.find((p) => p.role === 'QC_PERSON')?.id });
    if (plan.stopAt === 'ON_HOLD') {
      await coordinator.move(id, 'ON_HOLD', { notes: 'Waiting for the customer to confirm the drain position' });
      continue;
    }
    const stop = PATH.indexOf(plan.stopAt as (typeof PATH)[number]);
    const moves: [string, string, Record<string, unknown>][] = [
      ['production-coordinator', 'IN_PRODUCTION', { acceptBackorders: true, notes: 'Released to the floor' }],
      ['assembler', 'PRE_QC', { notes: 'Assembly complete' }],
      ['qc-person', 'PRODUCTION_COMPLETE', { notes: 'Pre-QC passed' }],
      ['assembler', 'END_OF_LINE', {}],
      ['qc-person', 'FINAL_QC', { notes: 'Flow and leak tests passed' }],
      ['qc-person', 'READY_TO_SHIP', { notes: 'Final inspection signed off' }],
      ['production-coordinator', 'SHIPPED', { carrier: 'UPS Freight', trackingNumber: `1Z${String(100000 + i)}DEMO`, notes: 'Picked up at dock 2' }],
    ];
    for (const [who, status, extra] of moves.slice(0, stop)) await as(who).move(id, status, extra);
  }

  // Spread the orders over the last weeks: order n is n+1 days older, and its moves hours apart.
  await db.transaction(async (tx) => {
    for (const [n, id] of made.entries()) {
      const days = (made.length - n) * 2;
      await tx.query(
        `UPDATE order_status_history h SET changed_at = h.changed_at - make_interval(days => $2) + make_interval(hours => (x.rn * 9)::int)
           FROM (SELECT id, row_number() OVER (ORDER BY changed_at, id) - 1 AS rn FROM order_status_history WHERE order_id = $1) x
          WHERE h.id = x.id`,
        [id, days],
      );
      await tx.query(
        `UPDATE orders SET created_at = created_at - make_interval(days => $2),
            updated_at = (SELECT max(changed_at) FROM order_status_history WHERE order_id = $1),
            submitted_at = submitted_at - make_interval(days => $2) + interval '9 hours'
          WHERE id = $1`,
        [id, days],
      );
    }
  });
  log(`demo orders: ${made.length}`);
}
