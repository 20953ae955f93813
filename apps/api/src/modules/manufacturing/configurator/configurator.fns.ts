import { estimateLeadTime, expandConfiguration, groupResults, missingCatalogItems, priceConfiguration, recommendations, type ConfiguredLine, type GroupResult, type Price } from './expand.fns.js';
import type { CatalogItem, FamilyDoc, Problem } from './family.types.js';
import { availableOptions, validateConfiguration, type AccessoryChoice, type OfferedOption } from './validate.fns.js';

/**
 * The whole engine for one configuration: validate, then (when valid) expand into BOM lines,
 * price, estimate the lead time and explain. Pure: the family document and the catalog items it
 * names are passed in.
 */
export interface Evaluation {
  isValid: boolean;
  configuration: unknown;
  errors: Problem[];
  warnings: Problem[];
  lines: ConfiguredLine[];
  accessories: { field: string; item: CatalogItem; quantity: number }[];
  price: Price | null;
  leadTime: { days: number; text: string } | null;
  customPartsRequired: { component: string; reason: string; estimatedCost: number; partNumber: string | null; specifications: Record<string, unknown> }[];
  validationResults: Record<string, GroupResult>;
  recommendations: { component: string; suggestion: string; additionalCost: number }[];
  options: OfferedOption[];
}

/** Validation and rule expansion: everything that needs no catalog. */
export interface Plan {
  configuration: unknown;
  errors: Problem[];
  warnings: Problem[];
  lines: ConfiguredLine[];
  accessories: AccessoryChoice[];
}

export function planConfiguration(doc: FamilyDoc, rawConfig: unknown, accessories: AccessoryChoice[]): Plan {
  const { configuration, errors, warnings } = validateConfiguration(doc, rawConfig, accessories);
  return { configuration, errors, warnings, lines: errors.length ? [] : expandConfiguration(doc, configuration), accessories };
}

/** The catalog items a plan's lines and custom parts name (to load before completing it). */
export function partNumbersOf(plan: Plan): string[] {
  return [...new Set(plan.lines.flatMap((l) => [...(l.partNumber && !l.custom ? [l.partNumber] : []), ...(l.custom?.components.map((c) => c.partNumber) ?? [])]).map((p) => p.toUpperCase()))];
}

/** Prices, lead time and explanations of a plan, given the catalog items it names (keyed by upper-case part number). */
export function completeEvaluation(doc: FamilyDoc, plan: Plan, catalog: ReadonlyMap<string, CatalogItem>, opts: { withOptions?: boolean } = {}): Evaluation {
  const { configuration, errors, warnings, lines } = plan;
  // What each field may offer next: only worked out when the configurator page asks for it.
  const options = opts.withOptions ? availableOptions(doc, configuration) : [];
  const chosen = plan.accessories.filter((a): a is AccessoryChoice & { item: CatalogItem } => a.item !== null).map((a) => ({ field: a.field, item: a.item, quantity: a.quantity }));
  const invalid = (problems: Problem[]): Evaluation => ({
    isValid: false, configuration, errors: problems, warnings, lines: [], accessories: chosen, price: null, leadTime: null, customPartsRequired: [],
    validationResults: groupResults(doc, configuration, problems, []), recommendations: [], options,
  });
  if (errors.length) return invalid(errors);
  const missing = missingCatalogItems(lines, catalog);
  if (missing.length) return invalid(missing);
  const lead = estimateLeadTime(doc, lines, catalog, chosen);
  return {
    isValid: true,
    configuration,
    errors: [],
    warnings: [...warnings, ...lead.warnings],
    lines,
    accessories: chosen,
    price: priceConfiguration(doc, configuration, lines, catalog, chosen),
    leadTime: { days: lead.days, text: lead.text },
    customPartsRequired: lines
      .filter((l) => l.custom)
      .map((l) => ({ component: l.component, reason: l.custom!.reason, estimatedCost: l.custom!.cost, partNumber: l.custom!.partNumber, specifications: l.custom!.specifications })),
    validationResults: groupResults(doc, configuration, [], lines),
    recommendations: recommendations(doc, configuration),
    options,
  };
}

/** The spec's `configurableOptions`: per option group, each enum's values under its listed name. */
export function configurableOptions(doc: FamilyDoc): Record<string, Record<string, string[]>> {
  const out: Record<string, Record<string, string[]>> = {};
  for (const [group, node] of Object.entries(doc.options)) {
    const lists: Record<string, string[]> = {};
    const collect = (n: typeof node, name: string) => {
      if (n.type === 'enum') lists[n.listAs ?? name] = n.values.map((v) => (typeof v === 'string' ? v : v.value));
      else if (n.type === 'object') for (const [k, child] of Object.entries(n.fields)) collect(child, k);
      else if (n.type === 'array') collect(n.items, name);
      else if (n.type === 'oneOf') for (const o of n.options) collect(o, name);
    };
    collect(node, group);
    out[group] = lists;
  }
  return out;
}

