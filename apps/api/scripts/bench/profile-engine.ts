import { performance } from 'node:perf_hooks';
import { DEMO_ITEMS } from '../../src/seed/catalog/index.js';
import { readFamilyDocuments } from '../../src/seed/configurator/families.js';
import { completeEvaluation, partNumbersOf, planConfiguration } from '../../src/modules/manufacturing/configurator/configurator.fns.js';
import type { CatalogItem, FamilyDoc } from '../../src/modules/manufacturing/configurator/family.types.js';
import { MDRD } from '../../test/sink-configurations.js';

/**
 * The configurator engine alone, in process, no HTTP and no database: one three-basin MDRD T2
 * configuration (the bench's) validated, expanded and priced, with and without the option tree.
 *   npx tsx scripts/bench/profile-engine.ts      (add `node --cpu-prof` to see where the time goes)
 */
const doc = (readFamilyDocuments() as FamilyDoc[]).find((f) => f.code === 'MDRD_T2')!;
const catalog = new Map<string, CatalogItem>(
  DEMO_ITEMS.map((i, n) => [i.pn.toUpperCase(), { id: `id-${n}`, partNumber: i.pn, catalogNumber: i.catalog ?? null, name: i.name, kind: i.kind, cost: i.cost, listPrice: i.listPrice ?? null, leadTimeDays: i.leadDays ?? null, isCustom: false }]),
);
const configuration = MDRD({ body: { model: 'T2-B3', length: 96, width: 30, legs: { type: 'HEIGHT_ADJUSTABLE', model: 'DL27' }, feet: 'LEVELING_CASTERS' }, pegboard: { type: 'SOLID', color: 'BLUE', size: 'SAME_AS_SINK' } });
const accessories = ['T-OA-SSSHELF-1812-BOLT-ON-KIT', 'T2-OA-SC-2420-SS', 'T-OA-MLIGHT-PB-KIT'].map((pn, i) => ({ field: `accessories[${i}]`, ref: pn, item: catalog.get(pn) ?? null, quantity: 1 }));

const run = (withOptions: boolean) => {
  const plan = planConfiguration(doc, configuration, accessories);
  partNumbersOf(plan);
  return completeEvaluation(doc, plan, catalog, { withOptions });
};

for (const withOptions of [true, false]) {
  const errors = run(withOptions).errors;
  if (errors.length) throw new Error(`the configuration is invalid: ${JSON.stringify(errors)}`);
  for (let i = 0; i < 2000; i++) run(withOptions);
  // The best of six rounds: the machine's noise only ever adds time.
  let best = Infinity;
  for (let round = 0; round < 6; round++) {
    const t0 = performance.now();
    for (let i = 0; i < 5000; i++) run(withOptions);
    best = Math.min(best, (performance.now() - t0) / 5000);
  }
  console.log(`${withOptions ? 'validate (with the option tree)' : 'BOM lines (no option tree)'}: ${(best * 1000).toFixed(1)} µs per evaluation`);
}
