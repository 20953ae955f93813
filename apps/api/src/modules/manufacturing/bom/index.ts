// BOMs: generation from configurations (through the SinkConfigurator app.ts hands in), versions, approval, comparison, exports.
export { bomRoutes } from './bom.routes.js';
export { generate as generateBom, type BomSources, type SinkConfigurator, type ConfiguredSink, type GenerateInput } from './bom.service.js';
export { orderBomHeads, type OrderBomHead } from './bom.repo.js';
export type { BomNode } from './bom.fns.js';
export { registerBomChangeGuard, type BomChangeGuard, type BomChange } from './bom-guards.js';
