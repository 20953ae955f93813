import { issueSchema } from '@plantops/contracts/responses/problems';
import { z } from 'zod';

/**
 * The spec's error envelope whose details are validation problems (a 422 from a rule engine): the
 * issue schema lives in the contracts package, since the configurator and BOM answers list the same
 * problems as errors and warnings and the web app reads them.
 */
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
