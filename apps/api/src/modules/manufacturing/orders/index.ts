// Customer orders: its routes (app.ts hands in the configurator), and the gate interface later modules implement.
export { orderRoutes } from './orders.routes.js';
export type { OrderConfigurator } from './wizard.service.js';
export { registerOrderGate, registerOrderProgress, type OrderGateCheck, type OrderProgressSource } from './order-gates.js';
