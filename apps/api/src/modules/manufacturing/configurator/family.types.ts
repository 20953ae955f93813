/**
 * A product family as data (decision 0012): option groups and allowed values, constraints,
 * pricing and BOM rules. One engine (`*.fns.ts`) validates, prices, explains and expands every
 * family; adding a family is adding one of these documents and its catalog items.
 */

// The option tree (and the expressions its values carry) is typed in the contracts package, so the
// web app's configurator form reads the same shape the engine validates against.
import type { EnumValue, Expr, OptionNode } from '@plantops/contracts/responses/configurator';
export type { EnumValue, Expr, OptionNode };

export interface Constraint {
  code: string;
  severity: 'error' | 'warning';
  /** Evaluate once per element of this list (`$` is the element, `$index` its position). */
  forEach?: string;
  /** Applies only when this holds. */
  when?: Expr;
  /** Must hold; otherwise the constraint reports. */
  assert: Expr;
  /** Field path of the report; `{i}` is replaced by the element's index. */
  field: string;
  /** Message with `{name}` placeholders filled from `params` (and `{n}` = element index + 1). */
  message: string;
  params?: Record<string, Expr>;
  /** What would be valid instead (an expression or literal list). */
  validValues?: Expr;
}

export interface CustomPartSpec {
  /** SEQUENCE: the next 700-series number from core inventory; PATTERN: `partNumber` below. */
  numbering: 'SEQUENCE' | 'PATTERN';
  partNumber?: Expr;
  catalogNumber?: string;
  kind: 'PART' | 'SUB_ASSEMBLY' | 'ASSEMBLY' | 'KIT';
  name: Expr;
  cost: Expr;
  leadTimeDays: number;
  specifications: Record<string, Expr>;
  /** Child parts written to item_components, so the part expands and its components show where it is used. */
  components?: { partNumber: string; quantity: Expr }[];
  supplier?: string;
  /** Why the part is custom, for the coordinator. */
  reason: Expr;
}

export interface BomRule {
  /** Rule code, named on every line it produces. */
  id: string;
  /** The option group the line belongs to (for explanations and customPartsRequired). */
  component: string;
  forEach?: string;
  when?: Expr;
  /** A catalog part number (or an expression giving one); ignored for custom parts. */
  partNumber?: Expr;
  quantity?: Expr;
  /** Recorded on the line (a chosen colour). */
  note?: Expr;
  custom?: CustomPartSpec;
}

export interface PriceRule {
  label: string;
  forEach?: string;
  when?: Expr;
  amount: Expr;
}

export interface AccessoryRule {
  code: string;
  appliesTo: { partNumbers?: string[]; suffixes?: string[] };
  /** The accessory may be chosen only when this holds. */
  requires: Expr;
  message: string;
}

export interface Recommendation {
  component: string;
  when: Expr;
  suggestion: string;
  additionalCost: Expr;
}

export interface TemplateSeed {
  id: string;
  name: string;
  description: string;
  category: 'STANDARD' | 'CUSTOM' | 'POPULAR';
  configuration: Record<string, unknown>;
  popularity: number;
  lastUsed?: string;
  createdAt: string;
}

export interface FamilyDoc {
  id: string;
  code: string;
  name: string;
  description: string;
  baseModel: string;
  isActive: boolean;
  availableSizes: string[];
  basePrice: number;
  /** Days of assembly and test once every part is in the plant. */
  assemblyDays: number;
  /** A chosen option whose part takes longer than this is warned about. */
  longLeadTimeDays: number;
  options: Record<string, OptionNode>;
  constraints: Constraint[];
  pricing: {
    adders: PriceRule[];
    /**
     * Which configured lines are priced (list price, or cost x markup) on top of base price and
     * adders: ALL of them, or only the CUSTOM parts (the base price covers the standard ones).
     */
    priceLines: 'ALL' | 'CUSTOM';
    markup: number;
  };
  bom: BomRule[];
  accessories: { partNumbers: string[]; rules: AccessoryRule[] };
  recommendations?: Recommendation[];
  /** Facts reported per option group in validation results (`loadCapacity` of the chosen legs). */
  groupFacts?: Record<string, Record<string, Expr>>;
  templates?: TemplateSeed[];
  createdAt: string;
}

/** What the engine needs to know of a catalog item. */
export interface CatalogItem {
  id: string;
  partNumber: string;
  catalogNumber: string | null;
  name: string;
  kind: string;
  cost: number;
  listPrice: number | null;
  leadTimeDays: number | null;
  isCustom: boolean;
}

export interface Problem {
  field: string;
  code: string;
  message: string;
  validValues?: unknown[];
  severity: 'error' | 'warning';
}
