import { cycle } from '../helpers.js';
import type { ScenarioDefinition } from '../types.js';

export const scenarios: ScenarioDefinition[] = [
  {
    // Diagnostic: what signing in costs on every request (token check, live session), no other query.
    name: 'authenticated no-op',
    async prepare(ctx) {
      const auth = await ctx.admin();
      return { next: cycle([{ path: '/api/v1/auth/permissions', headers: auth }]) };
    },
  },
];
