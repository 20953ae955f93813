// The equipment module's public surface: app.ts registers its routes.
export { equipmentRoutes } from './equipment.routes.js';
