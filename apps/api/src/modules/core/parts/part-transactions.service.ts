import type { Permission } from '@plantops/contracts';
import type { Ctx } from '../../../platform/db/unit-of-work.js';
import { readWarehouse } from '../../../platform/db/site-scope.js';
import { forbidden, notFound } from '../../../platform/http/errors.js';
import { moveStock } from '../inventory/index.js';
import * as repo from './part-transactions.repo.js';
import type { PartTransaction, RecordTransactionInput } from './part-transactions.schema.js';
import { loadPart } from './parts.service.js';

/** Who may book what (domain.md: technicians record usage; clerks receive and adjust; managers all). */
const MAY_BOOK: Record<RecordTransactionInput['type'], readonly Permission[]> = {
  INBOUND: ['parts:receive', 'parts:manage'],
  USED: ['parts:usage', 'parts:manage'],
  ADJUSTMENT: ['parts:adjust', 'parts:manage'],
};

export async function listTransactions(ctx: Ctx, filter: repo.TransactionFilter) {
  return repo.listTransactions(ctx.tx, { ...filter, warehouseId: readWarehouse(ctx.actor, filter.warehouseId) });
}

export async function getTransaction(ctx: Ctx, id: string): Promise<PartTransaction> {
  const found = await repo.findTransaction(ctx.tx, id, readWarehouse(ctx.actor));
  if (!found) throw notFound('Part transaction');
  return found;
}

/**
 * Books one movement on the part's stock in the acting warehouse. moveStock does the racing-safe
 * update, ledger, audit, event and low-stock alert; a refusal there rolls everything back.
 */
export async function recordTransaction(ctx: Ctx, input: RecordTransactionInput): Promise<PartTransaction> {
  if (!MAY_BOOK[input.type].some((p) => ctx.actor.permissions.includes(p))) {
    throw forbidden(`You may not record ${input.type} transactions`);
  }
  const part = await loadPart(ctx, input.partId);
  const result = await moveStock(ctx, {
    itemId: part.id,
    warehouseId: part.warehouse_id,
    type: input.type,
    quantity: input.quantity,
    reason: input.reason,
    notes: input.notes,
    allowNegative: input.allowNegative,
    workOrderId: input.workOrderId,
  });
  return getTransaction(ctx, result.transactionId);
}
