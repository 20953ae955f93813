import { z } from 'zod';
import { issueSchema } from './problems.js';

/**
 * Response shapes of the manufacturing spec's section 4.2 (BOMs) and issue 10's BOM documents: the
 * API validates and documents its responses with these, the web app takes its types from them with
 * `import type`.
 */

const nodeItem = z.object({ id: z.string(), partNumber: z.string(), catalogNumber: z.string().nullable(), name: z.string(), type: z.string(), isCustom: z.boolean() });
const nodeBase = z.object({
  id: z.string(), lineNumber: z.string(), level: z.number(), category: z.string(), item: nodeItem, partNumber: z.string(), catalogNumber: z.string().nullable(), name: z.string(),
  quantity: z.number(), quantityPer: z.number(), unitCost: z.number(), totalCost: z.number(), source: z.enum(['CONFIGURED', 'GENERATED', 'SELECTED', 'STRUCTURE']),
  isCustom: z.boolean(), availableStock: z.number(), needsProcurement: z.boolean(), procurementQuantity: z.number(), leadTimeDays: z.number().nullable(),
  estimatedLeadTime: z.string().nullable(), notes: z.array(z.string()), rules: z.array(z.string()), builds: z.array(z.string()),
  specifications: z.record(z.string(), z.unknown()).nullable(), customReason: z.string().nullable(),
});
/** One line of the BOM tree: sub-assemblies and kits open to their own lines. */
export type BomNode = z.infer<typeof nodeBase> & { subItems: BomNode[]; parts: BomNode[] };
// A recursive schema needs its type written out (TypeScript cannot infer a type from itself).
export const bomNodeSchema: z.ZodType<BomNode> = nodeBase.extend({ subItems: z.array(z.lazy(() => bomNodeSchema)), parts: z.array(z.lazy(() => bomNodeSchema)) });

const person = z.object({ id: z.string(), name: z.string() });
const bomMeta = {
  bomId: z.string().nullable(), seriesId: z.string().nullable(), orderId: z.string().nullable(), buildNumber: z.string().nullable(), version: z.number().nullable(),
  status: z.enum(['PREVIEW', 'DRAFT', 'APPROVED', 'SUPERSEDED']), title: z.string(), notes: z.string().nullable(), warehouseId: z.string(), subtotal: z.number(),
  generatedAt: z.string(), generatedBy: person.extend({ role: z.string() }).nullable(), approvedAt: z.string().nullable(), approvedBy: person.nullable(), supersededAt: z.string().nullable(),
};

/** A BOM version without its tree (lists and version histories). */
export const bomSummarySchema = z.object(bomMeta);
export type BomSummary = z.infer<typeof bomSummarySchema>;

/** POST /bom/generate, GET /bom/{id}, regenerate, edit, approve: one BOM version with its tree. */
export const bomDocumentSchema = z.object({
  ...bomMeta,
  bomItems: z.array(bomNodeSchema),
  summary: z.object({
    totalItems: z.number(), totalLines: z.number(), totalStandardParts: z.number(), totalCustomParts: z.number(), totalAccessories: z.number(), subtotal: z.number(),
    customPartsCost: z.number(), standardPartsCost: z.number(), accessoriesCost: z.number(), procurementRequired: z.boolean(), estimatedLeadTime: z.string(),
  }),
  availability: z.object({
    allPartsAvailable: z.boolean(), partsNeedingProcurement: z.number(), customPartsCount: z.number(), estimatedReadyDate: z.string(), leadTimeDays: z.number(),
    shortages: z.array(z.object({ itemId: z.string(), partNumber: z.string(), name: z.string(), required: z.number(), available: z.number(), shortfall: z.number(), leadTimeDays: z.number() })),
  }),
  warnings: z.array(issueSchema),
  sinkConfigurations: z.array(z.object({ index: z.number(), sinkFamily: z.object({ id: z.string(), code: z.string(), name: z.string() }), quantity: z.number(), buildNumber: z.string().nullable(), unitPrice: z.number().nullable() })),
  estimatedPrice: z.number(),
});
export type BomDocument = z.infer<typeof bomDocumentSchema>;

/** GET /bom. */
export const bomListSchema = z.object({ boms: z.array(bomSummarySchema), nextCursor: z.string().nullable() });
export type BomList = z.infer<typeof bomListSchema>;

/** GET /bom/{id}/versions. */
export const bomVersionsSchema = z.object({ seriesId: z.string(), orderId: z.string().nullable(), buildNumber: z.string().nullable(), versions: z.array(bomSummarySchema) });
export type BomVersions = z.infer<typeof bomVersionsSchema>;

const diffSchema = z.object({
  added: z.array(z.object({ partNumber: z.string(), name: z.string(), quantity: z.number() })),
  removed: z.array(z.object({ partNumber: z.string(), name: z.string(), quantity: z.number() })),
  changed: z.array(z.object({ partNumber: z.string(), name: z.string(), from: z.number(), to: z.number(), difference: z.number() })),
  unchanged: z.number(),
});
const versionMeta = z.object({ bomId: z.string(), version: z.number(), status: z.string(), generatedAt: z.string(), subtotal: z.number() });

/** GET /bom/{id}/compare/{otherId}. */
export const bomComparisonSchema = z.object({ from: versionMeta, to: versionMeta, sameSeries: z.boolean(), lines: diffSchema, allParts: diffSchema, subtotalChange: z.number() });
export type BomComparison = z.infer<typeof bomComparisonSchema>;
