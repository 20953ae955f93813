// BOMs: generation from configurations (through the SinkConfigurator app.ts hands in), versions, approval, comparison, exports.
export { bomRoutes } from './bom.routes.js';
export type { SinkConfigurator } from './bom.service.js';
