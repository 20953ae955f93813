import type { AppDeps } from '../../../app-deps.js';
import type { Ctx } from '../../../platform/db/unit-of-work.js';
import { configuratorRoutes } from './configurator.routes.js';
import { configureSink, configuratorStore, type SinkInput } from './configurator.service.js';


/**
 * The configurator: its routes, and `configureSink` for whoever turns configurations into BOMs
 * (app.ts hands it to the BOM and orders modules, which declare the shape they need; decision 0012).
 */
export function createConfigurator(deps: Pick<AppDeps, 'caches'>) {
  const store = configuratorStore(deps.caches);
  return {
    routes: configuratorRoutes(store),
    configureSink: (ctx: Ctx, input: SinkInput) => configureSink(ctx, store, input),
    /** The families on offer (the order wizard's sink selection). */
    families: async (ctx: Ctx) =>
      (await store.all(ctx)).map(({ doc, isActive }) => ({ id: doc.id, code: doc.code, name: doc.name, description: doc.description, baseModel: doc.baseModel, isActive })),
  };
}
