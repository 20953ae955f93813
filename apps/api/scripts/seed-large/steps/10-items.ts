import type { LargeSeedStep } from '../types.js';

/** Vocabulary of generated item names (the bench's search query mix is built from it too). */
export const ADJECTIVES = ['Heavy-Duty', 'Compact', 'Sanitary', 'Precision', 'Replacement', 'Standard', 'High-Flow', 'Low-Profile', 'Reinforced', 'Sealed', 'Adjustable', 'Insulated'];
export const MATERIALS = ['316L Stainless', '304 Stainless', 'EPDM', 'Silicone', 'Brass', 'Aluminum', 'PTFE', 'Nylon', 'Polypropylene', 'Carbon Steel'];
export const NOUNS = ['Gasket', 'Bracket', 'Valve', 'Fitting', 'Hose', 'Drain', 'Basin', 'Panel', 'Bearing', 'Seal', 'Clamp', 'Nozzle', 'Sensor', 'Hinge', 'Shelf', 'Faucet', 'Strainer', 'Coupling', 'Filter', 'Bolt'];
export const SUPPLIERS = ['Stainless Supply Co', 'Drain Systems Inc', 'Seal Tech Inc', 'Fastener Supply Co', 'Midwest Electrical Supply', 'Bearing Distributors'];

/** Generated catalog items GEN-0000001..: names from the vocabulary above. Set-based, in batches. */
export const step: LargeSeedStep = {
  option: 'items',
  default: 100_000,
  description: 'generated catalog items (GEN-0000001...)',
  async run(db, count, ctx) {
    const { rows: [existing] } = await db.query<{ n: number }>(`SELECT count(*)::int AS n FROM items WHERE part_number ~ '^GEN-[0-9]{7}$'`);
    const have = existing?.n ?? 0;
    if (have >= count) return;
    await db.exec('ALTER TABLE items DISABLE TRIGGER items_vocabulary');
    const batch = 20_000;
    for (let start = have + 1; start <= count; start += batch) {
      const end = Math.min(count, start + batch - 1);
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
        [start, end, ctx.categoryIds, ADJECTIVES, MATERIALS, NOUNS, SUPPLIERS, ctx.adminId],
      );
      ctx.log(`items ${end}/${count}`);
    }
    await db.exec('ALTER TABLE items ENABLE TRIGGER items_vocabulary');
    await db.exec(`INSERT INTO search_vocabulary (word)
      SELECT DISTINCT w FROM items, regexp_split_to_table(lower(name || ' ' || description), '[^a-z0-9]+') AS w
       WHERE part_number ~ '^GEN-[0-9]{7}$' AND length(w) BETWEEN 3 AND 40 AND w ~ '[a-z]' ON CONFLICT DO NOTHING`);
  },
};
