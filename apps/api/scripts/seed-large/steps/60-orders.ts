import type { LargeSeedStep } from '../types.js';

/**
 * Customer orders over both sites and three years, in every status, one to three builds each,
 * assigned to the demo assembler and QC person on Main. Generated numbers carry a B
 * (TOR-2025-B0000042, BN-B0000042-1), so they never meet the numbers the API hands out. One
 * generated customer per 50 orders, so that customer filters and search have realistic spread.
 */
export const step: LargeSeedStep = {
  option: 'orders',
  default: 100_000,
  description: 'customer orders "TOR-YYYY-Bnnnnnnn" with builds and status history',
  async run(db, count, ctx) {
    const { rows: [have] } = await db.query<{ n: number }>(`SELECT count(*)::int AS n FROM orders WHERE order_number LIKE 'TOR-%-B%'`);
    const from = (have?.n ?? 0) + 1;
    if (from > count) return ctx.log(`orders ${count} (already there)`);
    const customers = Math.ceil(count / 50);
    await db.query(
      `INSERT INTO customers (id, warehouse_id, company_name, contact_name, email, phone, shipping_address)
       SELECT gen_random_uuid(), CASE WHEN g % 2 = 0 THEN $2::uuid ELSE $3::uuid END, 'Bench Hospital ' || g, 'Contact ' || g, 'buyer' || g || '@bench-hospital.example', '+1-555-' || lpad((g % 10000)::text, 4, '0'),
              jsonb_build_object('street', g || ' Bench Road', 'city', 'Springfield', 'state', 'IL', 'zipCode', '62701', 'country', 'USA')
         FROM generate_series(1, $1::int) g
       ON CONFLICT DO NOTHING`,
      [customers, ctx.warehouses.MAIN, ctx.warehouses.NORTH],
    );
    const batch = 25_000;
    for (let start = from; start <= count; start += batch) {
      const end = Math.min(count, start + batch - 1);
      await db.query(
        `WITH people AS (
           SELECT (SELECT id FROM profiles WHERE email = 'production-coordinator@plantops.local') AS coord,
                  (SELECT id FROM profiles WHERE email = 'assembler@plantops.local') AS asm,
                  (SELECT id FROM profiles WHERE email = 'qc-person@plantops.local') AS qc),
         cust AS (SELECT warehouse_id, array_agg(id ORDER BY company_name) AS ids FROM customers WHERE company_name LIKE 'Bench Hospital %' GROUP BY warehouse_id),
         gen AS (
           SELECT g, CASE WHEN g % 2 = 0 THEN $3::uuid ELSE $4::uuid END AS wh,
                  (ARRAY['DRAFT','PENDING','IN_PRODUCTION','PRE_QC','PRODUCTION_COMPLETE','END_OF_LINE','FINAL_QC','READY_TO_SHIP','SHIPPED','SHIPPED','SHIPPED','SHIPPED','ON_HOLD','CANCELLED'])[1 + (g / 7) % 14] AS status,
                  now() - ((g % 1095) || ' days')::interval - ((g % 86400) || ' seconds')::interval AS created
             FROM generate_series($1::int, $2::int) AS g)
         INSERT INTO orders (id, warehouse_id, order_number, customer_id, status, priority, step, shipping_address, subtotal, tax, shipping_cost, total_amount,
           estimated_delivery, assembler_id, qc_person_id, created_by, submitted_at, created_at, updated_at)
         SELECT gen_random_uuid(), gen.wh, 'TOR-' || extract(year FROM gen.created)::int || '-B' || lpad(gen.g::text, 7, '0'),
                cust.ids[1 + gen.g % array_length(cust.ids, 1)], gen.status, (ARRAY['STANDARD','STANDARD','STANDARD','RUSH','EMERGENCY'])[1 + gen.g % 5],
                CASE WHEN gen.status = 'DRAFT' THEN 1 + gen.g % 4 ELSE 5 END,
                jsonb_build_object('street', gen.g || ' Bench Road', 'city', 'Springfield', 'state', 'IL', 'zipCode', '62701', 'country', 'USA'),
                4000 + gen.g % 9000, (4000 + gen.g % 9000) * 0.08, 250, (4000 + gen.g % 9000) * 1.08 + 250,
                (gen.created + interval '30 days')::date,
                CASE WHEN gen.wh = $3::uuid AND gen.status NOT IN ('DRAFT','PENDING') THEN people.asm END,
                CASE WHEN gen.wh = $3::uuid AND gen.status NOT IN ('DRAFT','PENDING') THEN people.qc END,
                people.coord, CASE WHEN gen.status <> 'DRAFT' THEN gen.created + interval '1 hour' END, gen.created, gen.created + interval '2 days'
           FROM gen CROSS JOIN people JOIN cust ON cust.warehouse_id = gen.wh`,
        [start, end, ctx.warehouses.MAIN, ctx.warehouses.NORTH],
      );
      await db.query(
        `INSERT INTO order_sinks (id, order_id, warehouse_id, position, family_id, family_code, family_name, base_model, quantity)
         SELECT gen_random_uuid(), o.id, o.warehouse_id, 1, f.id::text, f.code, f.name, f.document->>'baseModel', 1 + (substring(o.order_number from 11)::int % 3)
           FROM orders o CROSS JOIN LATERAL (SELECT * FROM configurator_families ORDER BY code OFFSET (substring(o.order_number from 11)::int % 3) LIMIT 1) f
          WHERE o.order_number LIKE 'TOR-%-B%' AND substring(o.order_number from 11)::int BETWEEN $1 AND $2`,
        [start, end],
      );
      await db.query(
        `INSERT INTO order_builds (id, order_id, sink_id, warehouse_id, position, build_number, configured_price)
         SELECT gen_random_uuid(), s.order_id, s.id, s.warehouse_id, n, 'BN-B' || substring(o.order_number from 11) || '-' || n, 4000
           FROM order_sinks s JOIN orders o ON o.id = s.order_id CROSS JOIN generate_series(1, s.quantity) n
          WHERE o.order_number LIKE 'TOR-%-B%' AND substring(o.order_number from 11)::int BETWEEN $1 AND $2`,
        [start, end],
      );
      await db.query(
        `INSERT INTO order_status_history (id, order_id, warehouse_id, from_status, to_status, user_id, notes, changed_at)
         SELECT gen_random_uuid(), o.id, o.warehouse_id, NULL, 'DRAFT', o.created_by, 'Order created', o.created_at FROM orders o
          WHERE o.order_number LIKE 'TOR-%-B%' AND substring(o.order_number from 11)::int BETWEEN $1 AND $2
         UNION ALL
         SELECT gen_random_uuid(), o.id, o.warehouse_id, 'DRAFT', o.status, o.created_by, 'Generated', o.updated_at FROM orders o
          WHERE o.order_number LIKE 'TOR-%-B%' AND substring(o.order_number from 11)::int BETWEEN $1 AND $2 AND o.status <> 'DRAFT'`,
        [start, end],
      );
      ctx.log(`orders ${end}`);
    }
  },
};
