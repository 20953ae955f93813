import { MDRD } from '../../../test/sink-configurations.js';
import { cycle, jsonRequest } from '../helpers.js';
import type { BenchContext, BenchRequest, ScenarioDefinition } from '../types.js';

/**
 * Issue 10's targets (at 20 concurrent clients: `npm run bench -- --connections 20 --only configurator`):
 * validating a configuration, and generating the BOM of a three-basin MDRD T2 build with accessories.
 */
const THREE_BASINS = (length: number, language: string) =>
  MDRD({ body: { model: 'T2-B3', length, width: 30, legs: { type: 'HEIGHT_ADJUSTABLE', model: 'DL27' }, feet: 'LEVELING_CASTERS' }, pegboard: { type: 'SOLID', color: 'BLUE', size: 'SAME_AS_SINK' }, documentLanguage: language });
const ACCESSORIES = [
  { partNumber: 'T-OA-SSSHELF-1812-BOLT-ON-KIT', quantity: 2 },
  { partNumber: 'T2-OA-SC-2420-SS', quantity: 1 },
  { partNumber: 'T-OA-MLIGHT-PB-KIT', quantity: 1 },
];
// A few lengths and languages, so that requests differ as a coordinator's would.
const VARIANTS = [90, 96, 100, 108].flatMap((length) => ['EN', 'FR', 'ES'].map((language) => THREE_BASINS(length, language)));

async function coordinator(ctx: BenchContext) {
  return ctx.signIn('production-coordinator@plantops.local');
}

function requests(auth: Record<string, string>, path: string, body: (configuration: unknown) => unknown): BenchRequest[] {
  return VARIANTS.map((configuration) => jsonRequest('POST', path, auth, body(configuration)));
}

export const scenarios: ScenarioDefinition[] = [
  {
    name: 'configurator validate (MDRD three basins)',
    target: { p95Ms: 10 },
    async prepare(ctx) {
      const auth = await coordinator(ctx);
      return { next: cycle(requests(auth, '/api/v1/configurations/validate', (configuration) => ({ sinkFamilyId: 'MDRD_T2', configuration, accessories: ACCESSORIES }))) };
    },
  },
  {
    name: 'configurator BOM generate (MDRD three basins + accessories)',
    target: { p95Ms: 25 },
    async prepare(ctx) {
      const auth = await coordinator(ctx);
      const body = (configuration: unknown) => ({ preview: true, sinkConfigurations: [{ sinkFamilyId: 'MDRD_T2', configuration, accessories: ACCESSORIES }] });
      return { next: cycle(requests(auth, '/api/v1/bom/generate', body)) };
    },
  },
];
