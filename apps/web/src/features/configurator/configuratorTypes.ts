import type { AccessoryRefInput } from '@plantops/contracts';

/*
 * The configurator's API shapes, from the API's own response schemas (packages/contracts): type
 * imports only, which the compiler erases, so no zod reaches the pages' chunks (decision 0007).
 * The option tree is typed there too (the schema documents it as an open record on purpose).
 */
export type { Accessory, EnumValue, OptionNode, SinkFamily, SinkFamilyList, Template, TemplateList, Validation } from '@plantops/contracts/responses/configurator';
/** A BOM version as generate, get and approve answer it (a preview has no id or version). */
export type { BomDocument as Bom, BomNode } from '@plantops/contracts/responses/bom';
export type { Issue } from '@plantops/contracts/responses/problems';

/** An accessory as the pages ask for it: the request's reference, always by part number. */
export type AccessoryLine = Required<Pick<AccessoryRefInput, 'partNumber' | 'quantity'>>;
