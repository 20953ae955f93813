import { z } from 'zod';

/**
 * A validation problem as rule-driven features report it: the spec's error detail (field, code,
 * message) plus the values that would be valid and where in a request it sits. A loose object, so
 * a response serialized against it keeps every key a problem carries. The configurator and BOM
 * answers list these as errors and warnings; the API's 422 bodies carry them as details.
 */
export const issueSchema = z.looseObject({
  field: z.string(),
  code: z.string(),
  message: z.string(),
  validValues: z.array(z.unknown()).optional(),
});
export type Issue = z.infer<typeof issueSchema>;
