export type ItemKind = 'PART' | 'SUB_ASSEMBLY' | 'ASSEMBLY' | 'ACCESSORY' | 'SERVICE_PART' | 'KIT';

/** Keys of the category tree in categories.ts. */
export type CategoryKey =
  | 'SINKS' | 'ASSEMBLIES' | 'SUB_ASSEMBLIES' | 'PARTS' | 'ACCESSORIES' | 'SERVICE_PARTS'
  | 'RAW_MATERIALS' | 'FASTENERS' | 'ELECTRICAL' | 'PLUMBING' | 'MAINTENANCE_SPARES' | 'GASKETS_SEALS' | 'DRAIN_COMPONENTS' | 'SERVICE_TOOLS';

export interface ItemSeed {
  pn: string;
  catalog?: string;
  kind: ItemKind;
  name: string;
  cost: number;
  category: CategoryKey;
  description?: string;
  specifications?: Record<string, unknown>;
  supplier?: [name: string, supplierPartNumber: string];
  leadDays?: number;
  listPrice?: number;
  models?: string[];
  /** BOM children: part number and quantity per parent. */
  children?: [string, number][];
  /** Opening stock per warehouse: [MAIN on hand, NORTH on hand, reorder point, bin]. */
  stock?: [number, number, number, string?];
}
