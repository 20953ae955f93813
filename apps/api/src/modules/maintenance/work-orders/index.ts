// The work-orders module's public surface: app.ts registers its routes.
export { workOrderRoutes } from './work-orders.routes.js';
