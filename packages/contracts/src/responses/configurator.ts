import { z } from 'zod';
import { paginationSchema } from '../api.js';
import { issueSchema } from './problems.js';

/**
 * Response shapes of the manufacturing spec's section 4.1 (configurations): the API validates and
 * documents its responses with these, the web app takes its types from them with `import type`.
 */

const money = z.number();
const groupResultSchema = z.looseObject({ isValid: z.boolean(), compatibility: z.enum(['COMPATIBLE', 'INCOMPATIBLE']), selectedOptions: z.unknown(), customRequired: z.boolean() });
const offeredSchema = z.object({ field: z.string(), values: z.array(z.object({ value: z.string(), label: z.string() })) });

/** POST /configurations/validate. */
export const validationSchema = z.object({
  isValid: z.boolean(),
  sinkFamily: z.object({ id: z.string(), code: z.string(), name: z.string() }).nullable(),
  errors: z.array(issueSchema),
  warnings: z.array(issueSchema),
  validationResults: z.record(z.string(), groupResultSchema),
  estimatedCost: money.nullable(),
  price: z.object({ basePrice: money, adders: z.array(z.object({ label: z.string(), amount: money })), linesTotal: money, accessoriesTotal: money, total: money }).nullable(),
  estimatedLeadTime: z.string().nullable(),
  leadTimeDays: z.number().nullable(),
  customPartsRequired: z.array(z.object({
    component: z.string(), reason: z.string(), estimatedCost: money, partNumber: z.string().nullable().describe('Null until the BOM generation gives it a 700-series number'),
    catalogNumber: z.string().nullable(), specifications: z.record(z.string(), z.unknown()), leadTime: z.string(),
  })),
  recommendations: z.array(z.object({ component: z.string(), suggestion: z.string(), additionalCost: money })),
  configuredLines: z.array(z.object({
    partNumber: z.string().nullable(), catalogNumber: z.string().nullable(), name: z.string(), quantity: z.number(), source: z.enum(['CONFIGURED', 'GENERATED']),
    component: z.string(), rules: z.array(z.string()), notes: z.array(z.string()),
  })),
  accessories: z.array(z.object({ id: z.string(), partNumber: z.string(), name: z.string(), quantity: z.number() })),
  availableOptions: z.array(offeredSchema).optional()
    .describe('Asked for with `include=availableOptions`: per option field, the values valid with the other choices (what the configurator page offers)'),
});
export type Validation = z.infer<typeof validationSchema>;

export const accessorySchema = z.object({ id: z.string(), partNumber: z.string(), catalogNumber: z.string().nullable(), name: z.string(), listPrice: z.number().nullable() });
export type Accessory = z.infer<typeof accessorySchema>;

export const sinkFamilySchema = z.object({
  id: z.string(), code: z.string(), name: z.string(), description: z.string(), baseModel: z.string(), isActive: z.boolean(), availableSizes: z.array(z.string()),
  configurableOptions: z.record(z.string(), z.record(z.string(), z.array(z.string()))),
  options: z.record(z.string(), z.unknown()).describe('The option tree: groups, types, allowed values, ranges and labels'),
  accessories: z.array(accessorySchema),
  basePrice: money, assemblyDays: z.number(), createdAt: z.string(),
});

/** GET /configurations/sink-families. */
export const sinkFamilyListSchema = z.object({ sinkFamilies: z.array(sinkFamilySchema) });

export const templateSchema = z.object({
  id: z.string(), name: z.string(), description: z.string(), category: z.string(), sinkFamily: z.object({ id: z.string(), name: z.string() }),
  configuration: z.record(z.string(), z.unknown()), estimatedCost: money.nullable(), estimatedLeadTime: z.string().nullable(), isValid: z.boolean(),
  popularity: z.number(), lastUsed: z.string().nullable(), createdAt: z.string(),
});
export type Template = z.infer<typeof templateSchema>;

/** GET /configurations/templates. */
export const templateListSchema = z.object({ templates: z.array(templateSchema), pagination: paginationSchema });
export type TemplateList = z.infer<typeof templateListSchema>;

/*
 * The option tree. The response schema above documents `options` as an open record on purpose: the
 * tree is family data (decision 0012) whose nodes also carry the engine's own keys (`when`
 * conditions, `attrs`, `listAs`), and a family document may grow new keys without a new API
 * version. So its TypeScript shape is written once here, as a type: the API's engine reads family
 * documents with it (family.types.ts) and the web app draws its forms with it.
 */

/** A JSON expression (a small JsonLogic dialect, the API's expression.fns.ts). */
export type Expr = null | boolean | number | string | Expr[] | { [op: string]: Expr };

export interface EnumValue {
  value: string;
  label?: string;
  /** Offered only when this holds (evaluated against the configuration; `$` is the enclosing list element). */
  when?: Expr;
  /** Why it is not offered, for the coordinator: shown when `when` fails. */
  whenMessage?: string;
  /** Facts about the choice that rules read with `prop` (basin count of a model, width of a basin size...). */
  attrs?: Record<string, unknown>;
}

interface NodeBase {
  label?: string;
  /** The key the spec's configurableOptions lists these values under (`materials` for `material`). */
  listAs?: string;
  description?: string;
}

export type OptionNode =
  | (NodeBase & { type: 'enum'; values: (string | EnumValue)[]; required?: boolean; default?: string })
  | (NodeBase & { type: 'number'; min?: number; max?: number; required?: boolean; unit?: string; default?: number })
  | (NodeBase & { type: 'boolean'; default?: boolean })
  | (NodeBase & { type: 'object'; fields: Record<string, OptionNode>; required?: boolean; nullable?: boolean })
  | (NodeBase & { type: 'array'; items: OptionNode; minItems?: number; maxItems?: number; required?: boolean })
  | (NodeBase & { type: 'oneOf'; options: OptionNode[]; required?: boolean });

/** A sink family as GET /configurations/sink-families answers it, with its option tree typed. */
export type SinkFamily = Omit<z.infer<typeof sinkFamilySchema>, 'options'> & { options: Record<string, OptionNode> };
export type SinkFamilyList = { sinkFamilies: SinkFamily[] };
