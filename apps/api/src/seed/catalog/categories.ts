import type { CategoryKey } from './types.js';

/** The spec's six top-level categories, and sub-categories that group parts for browsing. */
export const CATEGORIES: { key: CategoryKey; name: string; description: string; sortOrder: number; parent?: CategoryKey }[] = [
  { key: 'SINKS', name: 'Sinks', description: 'Complete sink assemblies and families', sortOrder: 1 },
  { key: 'ASSEMBLIES', name: 'Assemblies', description: 'Primary component assemblies', sortOrder: 2 },
  { key: 'SUB_ASSEMBLIES', name: 'Sub-Assemblies', description: 'Secondary component assemblies', sortOrder: 3 },
  { key: 'PARTS', name: 'Parts', description: 'Individual components and parts', sortOrder: 4 },
  { key: 'ACCESSORIES', name: 'Accessories', description: 'Optional accessories and add-ons', sortOrder: 5 },
  { key: 'SERVICE_PARTS', name: 'Service Parts', description: 'Replacement and service parts', sortOrder: 6 },
  { key: 'RAW_MATERIALS', name: 'Raw Materials', description: 'Sheet, bar and weld consumables', sortOrder: 1, parent: 'PARTS' },
  { key: 'FASTENERS', name: 'Fasteners', description: 'Bolts, nuts and hardware kits', sortOrder: 2, parent: 'PARTS' },
  { key: 'ELECTRICAL', name: 'Electrical', description: 'Controls, wiring and lighting components', sortOrder: 3, parent: 'PARTS' },
  { key: 'PLUMBING', name: 'Plumbing', description: 'Drains, valves, hoses and fittings', sortOrder: 4, parent: 'PARTS' },
  { key: 'MAINTENANCE_SPARES', name: 'Maintenance Spares', description: 'Spare parts for plant equipment', sortOrder: 5, parent: 'PARTS' },
  { key: 'GASKETS_SEALS', name: 'Gaskets & Seals', description: 'Service gaskets and seals', sortOrder: 1, parent: 'SERVICE_PARTS' },
  { key: 'DRAIN_COMPONENTS', name: 'Drain Components', description: 'Service drain parts', sortOrder: 2, parent: 'SERVICE_PARTS' },
  { key: 'SERVICE_TOOLS', name: 'Tools & Consumables', description: 'Service tools, lubricants and cleaners', sortOrder: 3, parent: 'SERVICE_PARTS' },
];
