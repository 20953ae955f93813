// Customer orders: its routes (app.ts hands in the configurator), and the gate interface later modules implement.
export { orderRoutes } from './orders.routes.js';
export type { OrderConfigurator } from './wizard.service.js';
export { registerOrderGate, registerOrderProgress, type OrderGateCheck, type OrderProgressSource } from './order-gates.js';
// Register, once at import: the rule that freezes a build's BOM after PENDING, and who reads an order's files.
import './orders.bom-guard.js';
import './orders.access.js';
