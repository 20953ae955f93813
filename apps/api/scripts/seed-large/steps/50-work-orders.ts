import { hashPassword } from '../../../src/platform/crypto/passwords.js';
import { DEMO_PASSWORD } from '../../../src/seed/demo.js';
import type { LargeSeedStep } from '../types.js';

const TECHS_PER_SITE = 25;

/** `bench-tech-NN@plantops.local`: technicians the generated work is spread over (password as the demo users). */
export const benchTechEmail = (i: number) => `bench-tech-${String(i).padStart(2, '0')}@plantops.local`;

/**
 * Work orders over both sites and three years, in every status, each naming a generated machine;
 * assigned (with wo_assignees rows) over the site's technicians, the demo technician among them,
 * so that "assignee=me" lists are realistic. Generated fo_numbers carry a B (WO-MAIN-2025-B0000042),
 * so they never meet the numbers the API hands out.
 */
export const step: LargeSeedStep = {
  option: 'work-orders',
  default: 1_000_000,
  description: 'work orders "Bench work n" with assignees',
  async run(db, count, ctx) {
    const hash = await hashPassword(DEMO_PASSWORD);
    for (let i = 1; i <= TECHS_PER_SITE * 2; i++) {
      const { rows } = await db.query<{ id: string }>(
        `INSERT INTO profiles (email, first_name, last_name, role, warehouse_id, email_verified)
         SELECT $1, 'Bench', $2, 'TECHNICIAN', $3, true WHERE NOT EXISTS (SELECT 1 FROM profiles WHERE lower(email) = lower($1)) RETURNING id`,
        [benchTechEmail(i), `Tech ${i}`, i % 2 ? ctx.warehouses.MAIN : ctx.warehouses.NORTH],
      );
      if (rows[0]) await db.query(`INSERT INTO user_credentials (user_id, password_hash) VALUES ($1, $2)`, [rows[0].id, hash]);
    }
    const { rows: [have] } = await db.query<{ n: number }>(`SELECT count(*)::int AS n FROM work_orders WHERE title LIKE 'Bench work %'`);
    const from = (have?.n ?? 0) + 1;
    if (from > count) return ctx.log(`work orders ${count} (already there)`);
    const batch = 100_000;
    for (let start = from; start <= count; start += batch) {
      const end = Math.min(count, start + batch - 1);
      await db.query(
        `WITH techs AS (
           SELECT warehouse_id, array_agg(id ORDER BY email) AS ids FROM profiles
            WHERE role = 'TECHNICIAN' AND (email LIKE 'bench-tech-%' OR email LIKE 'technician%@plantops.local') GROUP BY warehouse_id),
         eq AS (SELECT warehouse_id, array_agg(id ORDER BY asset_tag) AS ids FROM equipment WHERE asset_tag LIKE 'GEN-EQ-%' GROUP BY warehouse_id),
         req AS (SELECT warehouse_id, (array_agg(id ORDER BY email))[1] AS id FROM profiles WHERE role IN ('SUPERVISOR', 'TECHNICIAN') GROUP BY warehouse_id),
         gen AS (
           SELECT g, CASE WHEN g % 2 = 0 THEN $3::uuid ELSE $4::uuid END AS wh,
                  (ARRAY['NEW','ASSIGNED','IN_PROGRESS','ON_HOLD','COMPLETED','VERIFIED','CLOSED','CLOSED','CLOSED','CANCELLED'])[1 + (g / 7) % 10] AS status,
                  now() - ((g % 1000) || ' days')::interval - ((g % 86400) || ' seconds')::interval AS created
             FROM generate_series($1::int, $2::int) AS g)
         INSERT INTO work_orders (id, warehouse_id, fo_number, type, title, description, area, asset_model, equipment_id, status, priority,
           requested_by, assigned_to, due_date, started_at, completed_at, created_at, last_updated, escalated, escalation_level)
         SELECT gen_random_uuid(), gen.wh,
                'WO-' || w.code || '-' || extract(year FROM gen.created)::int || '-B' || lpad(gen.g::text, 7, '0'),
                (ARRAY['PM','CORRECTIVE','EMERGENCY','CORRECTIVE'])[1 + gen.g % 4], 'Bench work ' || gen.g, 'Generated work order ' || gen.g,
                'Area ' || gen.g % 40, 'M-' || gen.g % 200, eq.ids[1 + gen.g % array_length(eq.ids, 1)], gen.status,
                (ARRAY['LOW','MEDIUM','HIGH','CRITICAL'])[1 + (gen.g / 3) % 4], req.id,
                CASE WHEN gen.status = 'NEW' THEN '{}'::uuid[] ELSE ARRAY[techs.ids[1 + gen.g % array_length(techs.ids, 1)]] END,
                (gen.created + ((gen.g % 30) || ' days')::interval)::date,
                CASE WHEN gen.status NOT IN ('NEW','ASSIGNED','CANCELLED') THEN gen.created + interval '1 hour' END,
                CASE WHEN gen.status IN ('COMPLETED','VERIFIED','CLOSED') THEN gen.created + interval '5 hours' END,
                gen.created, gen.created + interval '5 hours', gen.g % 211 = 0, CASE WHEN gen.g % 211 = 0 THEN 1 ELSE 0 END
           FROM gen JOIN warehouses w ON w.id = gen.wh JOIN techs ON techs.warehouse_id = gen.wh JOIN eq ON eq.warehouse_id = gen.wh JOIN req ON req.warehouse_id = gen.wh`,
        [start, end, ctx.warehouses.MAIN, ctx.warehouses.NORTH],
      );
      ctx.log(`work orders ${end}`);
    }
    await db.query(
      `INSERT INTO wo_assignees (work_order_id, user_id, warehouse_id, assigned_at)
       SELECT w.id, w.assigned_to[1], w.warehouse_id, w.created_at FROM work_orders w
        WHERE w.title LIKE 'Bench work %' AND cardinality(w.assigned_to) > 0
          AND NOT EXISTS (SELECT 1 FROM wo_assignees a WHERE a.work_order_id = w.id)`,
    );
    ctx.log(`work orders ${count}`);
  },
};
