import { parseArgs } from 'node:util';
import type { Database } from '../src/platform/db/database.js';
import { createPostgresDatabase } from '../src/platform/db/database.js';
import { migrate } from '../src/platform/db/migrator.js';
import { seedDemoData } from '../src/seed/demo.js';

/**
 * Fills a PostgreSQL database with realistic volumes for benchmarks: generated items with
 * names from a parts vocabulary, stock in both warehouses, and ledger rows whose running
 * balances are the stock on hand. Set-based SQL (generate_series), in batches; idempotent.
 */
const ADJECTIVES = ['Heavy-Duty', 'Compact', 'Sanitary', 'Precision', 'Replacement', 'Standard', 'High-Flow', 'Low-Profile', 'Reinforced', 'Sealed', 'Adjustable', 'Insulated'];
const MATERIALS = ['316L Stainless', '304 Stainless', 'EPDM', 'Silicone', 'Brass', 'Aluminum', 'PTFE', 'Nylon', 'Polypropylene', 'Carbon Steel'];
const NOUNS = ['Gasket', 'Bracket', 'Valve', 'Fitting', 'Hose', 'Drain', 'Basin', 'Panel', 'Bearing', 'Seal', 'Clamp', 'Nozzle', 'Sensor', 'Hinge', 'Shelf', 'Faucet', 'Strainer', 'Coupling', 'Filter', 'Bolt'];
const SUPPLIERS = ['Stainless Supply Co', 'Drain Systems Inc', 'Seal Tech Inc', 'Fastener Supply Co', 'Midwest Electrical Supply', 'Bearing Distributors'];

export interface LargeSeedOptions {
  items: number;
  transactions: number;
  log?: (msg: string) => void;
}

export async function seedLarge(db: Database, opts: LargeSeedOptions): Promise<void> {
  const log = opts.log ?? console.log;
  await migrate(db);
  await seedDemoData(db);
  const { rows: [existing] } = await db.query<{ n: number }>(`SELECT count(*)::int AS n FROM items WHERE part_number LIKE 'GEN-%'`);
  const have = existing?.n ?? 0;
  const { rows: [meta] } = await db.query<{ admin: string; main: string; north: string; cats: string[] }>(
    `SELECT (SELECT id FROM profiles WHERE role = 'ADMIN' ORDER BY created_at LIMIT 1) AS admin,
            (SELECT id FROM warehouses WHERE code = 'MAIN') AS main, (SELECT id FROM warehouses WHERE code = 'NORTH') AS north,
            (SELECT array_agg(id ORDER BY name) FROM inventory_categories WHERE parent_id IS NOT NULL) AS cats`,
  );
  if (!meta) throw new Error('demo data missing');

  if (have < opts.items) {
    await db.exec('ALTER TABLE items DISABLE TRIGGER items_vocabulary');
    const batch = 20_000;
    for (let start = have + 1; start <= opts.items; start += batch) {
      const end = Math.min(opts.items, start + batch - 1);
      await db.query(
        `INSERT INTO items (part_number, kind, category_id, name, description, cost, specifications, supplier_name, supplier_part_number, lead_time_days, created_by)
         SELECT 'GEN-' || lpad(g::text, 7, '0'),
                (ARRAY['PART','PART','PART','PART','SUB_ASSEMBLY','ACCESSORY','SERVICE_PART','KIT'])[1 + g % 8],
                ($3::uuid[])[1 + g % array_length($3::uuid[], 1)],
                ($4::text[])[1 + g % array_length($4::text[], 1)] || ' ' || ($5::text[])[1 + (g / 7) % array_length($5::text[], 1)] || ' '
                  || ($6::text[])[1 + (g / 3) % array_length($6::text[], 1)] || ' ' || (6 + g % 90) || ' mm',
                'Generated catalog item ' || g || ' for load testing; ' || ($5::text[])[1 + (g / 11) % array_length($5::text[], 1)] || ' construction',
                round((0.5 + ((g::bigint * 7919) % 250000) / 100.0)::numeric, 2),
                jsonb_build_object('material', ($5::text[])[1 + (g / 7) % array_length($5::text[], 1)], 'size', (6 + g % 90) || ' mm'),
                ($7::text[])[1 + g % array_length($7::text[], 1)], 'SUP-' || g, 3 + g % 40, $8
           FROM generate_series($1::int, $2::int) AS g`,
        [start, end, meta.cats, ADJECTIVES, MATERIALS, NOUNS, SUPPLIERS, meta.admin],
      );
      log(`items ${end}/${opts.items}`);
    }
    await db.exec('ALTER TABLE items ENABLE TRIGGER items_vocabulary');
    await db.exec(`INSERT INTO search_vocabulary (word)
      SELECT DISTINCT w FROM items, regexp_split_to_table(lower(name || ' ' || description), '[^a-z0-9]+') AS w
       WHERE part_number LIKE 'GEN-%' AND length(w) BETWEEN 3 AND 40 AND w ~ '[a-z]' ON CONFLICT DO NOTHING`);
  }

  const { rows: [tx] } = await db.query<{ n: number }>(`SELECT count(*)::int AS n FROM stock_transactions`);
  if ((tx?.n ?? 0) < opts.transactions) {
    await db.exec(`CREATE TEMP TABLE gen_items AS SELECT id, row_number() OVER (ORDER BY part_number) AS rn FROM items WHERE part_number LIKE 'GEN-%';
                   CREATE INDEX ON gen_items (rn);`);
    const { rows: [cnt] } = await db.query<{ n: number }>(`SELECT count(*)::int AS n FROM gen_items`);
    const n = cnt?.n ?? 0;
    const batch = 200_000;
    const todo = opts.transactions - (tx?.n ?? 0);
    for (let start = 0; start < todo; start += batch) {
      const size = Math.min(batch, todo - start);
      // Every item gets an opening INBOUND first, then a mix of receipts and usage spread over a year.
      await db.query(
        `INSERT INTO stock_transactions (item_id, warehouse_id, type, quantity, on_hand_after, reserved_after, reason, performed_by, created_at)
         SELECT gi.id, CASE WHEN g % 3 = 0 THEN $4::uuid ELSE $3::uuid END,
                CASE WHEN g % 4 = 0 THEN 'USED' ELSE 'INBOUND' END,
                CASE WHEN g % 4 = 0 THEN -(1 + g % 3) ELSE 1 + g % 12 END,
                0, 0, CASE WHEN g % 4 = 0 THEN 'Used in production' ELSE 'Receipt' END, $5,
                now() - make_interval(secs => ($6::int - g) * 30)
           FROM generate_series($1::int, $2::int) AS g JOIN gen_items gi ON gi.rn = 1 + (g::bigint * 7919) % $7`,
        [start + 1, start + size, meta.main, meta.north, meta.admin, opts.transactions, n],
      );
      log(`ledger ${start + size}/${todo}`);
    }
    // Stock is what the ledger says it is (never negative: the mix above nets upwards per item).
    await db.query(
      `INSERT INTO stock (item_id, warehouse_id, quantity_on_hand, reorder_point, default_bin, last_movement_at)
       SELECT t.item_id, t.warehouse_id, greatest(0, sum(t.quantity))::int, 5 + abs(hashtext(t.item_id::text)) % 20, 'G-' || abs(hashtext(t.item_id::text)) % 500, max(t.created_at)
         FROM stock_transactions t JOIN items i ON i.id = t.item_id WHERE i.part_number LIKE 'GEN-%'
        GROUP BY t.item_id, t.warehouse_id
       ON CONFLICT (item_id, warehouse_id) DO UPDATE SET quantity_on_hand = EXCLUDED.quantity_on_hand, last_movement_at = EXCLUDED.last_movement_at`,
    );
  }
  await db.exec('ANALYZE');
  log('large seed complete');
}

async function main() {
  const { values } = parseArgs({
    options: { items: { type: 'string', default: '100000' }, transactions: { type: 'string', default: '1000000' }, 'database-url': { type: 'string' } },
  });
  const url = values['database-url'] ?? process.env.DATABASE_URL;
  if (!url) throw new Error('Give --database-url or DATABASE_URL (a PostgreSQL database)');
  const db = createPostgresDatabase(url, 2);
  try {
    await seedLarge(db, { items: Number(values.items), transactions: Number(values.transactions) });
  } finally {
    await db.close();
  }
}

if (import.meta.url === `file://${process.argv[1]}`) {
  main().catch((err) => {
    console.error(err);
    process.exit(1);
  });
}
