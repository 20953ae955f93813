/** The configurator's API shapes as the page uses them (the server's zod schemas are the full truth). */

export interface EnumValue {
  value: string;
  label?: string;
}

export type OptionNode =
  | { type: 'enum'; label?: string; values: (string | EnumValue)[]; required?: boolean; default?: string }
  | { type: 'number'; label?: string; min?: number; max?: number; unit?: string; required?: boolean }
  | { type: 'boolean'; label?: string }
  | { type: 'object'; label?: string; fields: Record<string, OptionNode>; nullable?: boolean; required?: boolean }
  | { type: 'array'; label?: string; items: OptionNode; minItems?: number; maxItems?: number }
  | { type: 'oneOf'; label?: string; options: OptionNode[] };

export interface Accessory {
  id: string;
  partNumber: string;
  catalogNumber: string | null;
  name: string;
  listPrice: number | null;
}

export interface SinkFamily {
  id: string;
  code: string;
  name: string;
  description: string;
  basePrice: number;
  options: Record<string, OptionNode>;
  accessories: Accessory[];
}

export interface Template {
  id: string;
  name: string;
  sinkFamily: { id: string; name: string };
  configuration: Record<string, unknown>;
  estimatedCost: number | null;
}

export interface Issue {
  field: string;
  code: string;
  message: string;
  validValues?: unknown[];
}

export interface Validation {
  isValid: boolean;
  errors: Issue[];
  warnings: Issue[];
  estimatedCost: number | null;
  estimatedLeadTime: string | null;
  availableOptions: { field: string; values: { value: string; label: string }[] }[];
  customPartsRequired: { component: string; reason: string; estimatedCost: number; partNumber: string | null }[];
}

export interface BomNode {
  id: string;
  lineNumber: string;
  partNumber: string;
  catalogNumber: string | null;
  name: string;
  quantity: number;
  unitCost: number;
  totalCost: number;
  source: string;
  availableStock: number;
  needsProcurement: boolean;
  procurementQuantity: number;
  notes: string[];
  subItems: BomNode[];
  parts: BomNode[];
}

export interface Bom {
  bomId: string | null;
  version: number | null;
  status: string;
  bomItems: BomNode[];
  summary: { totalItems: number; subtotal: number; procurementRequired: boolean; estimatedLeadTime: string };
  availability: { allPartsAvailable: boolean; partsNeedingProcurement: number; estimatedReadyDate: string };
}

export interface AccessoryLine {
  partNumber: string;
  quantity: number;
}
