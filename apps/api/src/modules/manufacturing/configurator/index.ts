import type { AppDeps } from '../../../app-deps.js';
import type { Ctx } from '../../../platform/db/unit-of-work.js';
import { configuratorRoutes } from './configurator.routes.js';
import { configureSink, familyStore, type SinkInput } from './configurator.service.js';

export { accessoryRefSchema } from './configurator.routes.js';

/**
 * The configurator: its routes, and `configureSink` for whoever turns configurations into BOMs
 * (app.ts hands it to the BOM module, which declares the shape it needs; decision 0012).
 */
export function createConfigurator(deps: Pick<AppDeps, 'caches'>) {
  const store = familyStore(deps.caches);
  return {
    routes: configuratorRoutes(store),
    configureSink: (ctx: Ctx, input: SinkInput) => configureSink(ctx, store, input),
  };
}
