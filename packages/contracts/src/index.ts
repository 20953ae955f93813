export * from './roles.js';
export * from './permissions.js';
export * from './api.js';
export * from './notifications.js';
export * from './files.js';
export * from './maintenance.js';
export * from './lead-time.js';
export * from './orders.js';
