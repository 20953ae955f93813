import type { LargeSeedStep } from '../types.js';

/**
 * `GEN-EQ-000001`...: equipment over both sites, one line (level 0) per 50 machines and the rest
 * under it (level 1), with areas, models and criticalities spread for the list filters.
 */
export const step: LargeSeedStep = {
  option: 'equipment',
  default: 100_000,
  description: 'equipment rows GEN-EQ-nnnnnn (lines and their machines)',
  async run(db, count, ctx) {
    const { rows: [have] } = await db.query<{ n: number }>(`SELECT count(*)::int AS n FROM equipment WHERE asset_tag LIKE 'GEN-EQ-%'`);
    const from = (have?.n ?? 0) + 1;
    if (from > count) return ctx.log(`equipment ${count} (already there)`);
    // Roots first (every 50th number), so that children can point at them.
    for (const roots of [true, false]) {
      await db.query(
        `INSERT INTO equipment (id, warehouse_id, asset_tag, name, model, manufacturer, serial_number, description, area, status, criticality,
           installation_date, parent_equipment_id, hierarchy_level, qr_code_url, created_by)
         SELECT gen_random_uuid(), CASE WHEN (g / 50) % 2 = 0 THEN $3::uuid ELSE $4::uuid END, tag,
                CASE WHEN g % 50 = 1 THEN 'Line ' || (g / 50) ELSE 'Machine ' || g END,
                'M-' || (g % 200), 'Maker ' || (g % 17), 'SN' || g, 'Generated equipment ' || g, 'Area ' || (g / 50) % 40,
                CASE WHEN g % 97 = 0 THEN 'MAINTENANCE' WHEN g % 89 = 0 THEN 'INACTIVE' ELSE 'ACTIVE' END,
                (ARRAY['LOW','MEDIUM','HIGH','CRITICAL'])[1 + g % 4], date '2015-01-01' + (g % 3000),
                CASE WHEN g % 50 = 1 THEN NULL ELSE (SELECT id FROM equipment r WHERE lower(r.asset_tag) = lower('GEN-EQ-' || lpad((g - (g - 1) % 50)::text, 6, '0'))) END,
                CASE WHEN g % 50 = 1 THEN 0 ELSE 1 END, 'http://localhost:3000/scan?code=' || tag, $5::uuid
           FROM generate_series($1::int, $2::int) AS g, LATERAL (SELECT 'GEN-EQ-' || lpad(g::text, 6, '0') AS tag) t
          WHERE (g % 50 = 1) = $6`,
        [from, count, ctx.warehouses.MAIN, ctx.warehouses.NORTH, ctx.adminId, roots],
      );
    }
    ctx.log(`equipment ${count}`);
  },
};
