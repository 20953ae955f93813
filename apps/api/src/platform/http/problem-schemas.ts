import { z } from 'zod';

/**
 * A validation problem as rule-driven features report it: the spec's error detail (field, code,
 * message) plus the values that would be valid and where in a request it sits. Loose objects, so
 * a response serialized against these schemas keeps every key a problem carries.
 */
export const issueSchema = z.looseObject({
  field: z.string(),
  code: z.string(),
  message: z.string(),
  validValues: z.array(z.unknown()).optional(),
});

/** The spec's error envelope whose details are such problems (a 422 from a rule engine). */
export const problemErrorBody = z.object({
  success: z.literal(false),
  error: z.object({
    code: z.string(),
    message: z.string(),
    details: z.array(issueSchema).optional(),
    timestamp: z.string(),
    requestId: z.string(),
  }),
});

/** The spec's error envelope, for a route's own error statuses (404, 409). */
export const errorBody = problemErrorBody;
