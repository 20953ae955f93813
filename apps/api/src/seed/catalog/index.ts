import { CATEGORIES } from './categories.js';
import { CLEANSTATION_ITEMS } from './cleanstation.js';
import { COMPONENT_PARTS } from './components.js';
import { MDRD_T2_ITEMS } from './mdrd-t2.js';
import { MAINTENANCE_SPARES, SERVICE_PARTS } from './service-and-spares.js';
import type { ItemSeed } from './types.js';

export { CATEGORIES };
export type { ItemSeed };

/** Every demo item, leaves first so that children exist before the kits that hold them. */
export const DEMO_ITEMS: ItemSeed[] = [...COMPONENT_PARTS, ...MAINTENANCE_SPARES, ...SERVICE_PARTS, ...MDRD_T2_ITEMS, ...CLEANSTATION_ITEMS];

/** Suppliers and one contractor, created in each warehouse (vendors belong to a site). */
export const DEMO_VENDORS: { name: string; type: 'SUPPLIER' | 'CONTRACTOR'; email: string; phone: string }[] = [
  { name: 'Stainless Supply Co', type: 'SUPPLIER', email: 'orders@stainlesssupply.example', phone: '+1-800-555-0199' },
  { name: 'Drain Systems Inc', type: 'SUPPLIER', email: 'sales@drainsystems.example', phone: '+1-800-555-0166' },
  { name: 'Seal Tech Inc', type: 'SUPPLIER', email: 'orders@sealtech.example', phone: '+1-800-555-0188' },
  { name: 'Fastener Supply Co', type: 'SUPPLIER', email: 'orders@fastenersupply.example', phone: '+1-800-555-0177' },
  { name: 'Midwest Electrical Supply', type: 'SUPPLIER', email: 'counter@midwestelectric.example', phone: '+1-800-555-0144' },
  { name: 'Bearing Distributors', type: 'SUPPLIER', email: 'sales@bearingdist.example', phone: '+1-800-555-0133' },
  { name: 'Compressed Air Parts', type: 'SUPPLIER', email: 'parts@compressedair.example', phone: '+1-800-555-0122' },
  { name: 'Weld Supply Co', type: 'SUPPLIER', email: 'orders@weldsupply.example', phone: '+1-800-555-0111' },
  { name: 'Precision Millwrights LLC', type: 'CONTRACTOR', email: 'dispatch@precisionmillwrights.example', phone: '+1-800-555-0100' },
];
