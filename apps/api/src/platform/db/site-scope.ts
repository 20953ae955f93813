import { forbidden } from '../http/errors.js';
import type { Actor } from './unit-of-work.js';

/**
 * The warehouse a list or lookup is limited to: the acting one, or for an ADMIN/MANAGER working
 * across sites the one asked for (undefined = every site). RLS enforces the same; this keeps the
 * application layer honest on its own and gives a clear 403 instead of a silently empty list.
 */
export function readWarehouse(actor: Actor, requested?: string): string | undefined {
  if (actor.allWarehouses) return requested;
  if (requested && requested !== actor.warehouseId) throw forbidden('You may only see your own warehouse');
  return actor.warehouseId;
}
