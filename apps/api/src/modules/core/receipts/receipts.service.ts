import { v7 as uuidv7 } from 'uuid';
import type { Ctx } from '../../../platform/db/unit-of-work.js';
import { readWarehouse } from '../../../platform/db/site-scope.js';
import { notFound, validation, type ErrorDetail } from '../../../platform/http/errors.js';
import { audit } from '../audit/audit.writer.js';
import { moveStock } from '../inventory/index.js';
import * as parts from '../parts/parts.repo.js';
import * as repo from './receipts.repo.js';
import type { CreateReceiptInput, ReceiptDetail } from './receipts.schema.js';

export const listReceipts = (ctx: Ctx, filter: repo.ReceiptFilter) =>
  repo.listReceipts(ctx.tx, { ...filter, warehouseId: readWarehouse(ctx.actor, filter.warehouseId) });

export async function getReceipt(ctx: Ctx, id: string): Promise<ReceiptDetail> {
  const found = await repo.findReceipt(ctx.tx, id, readWarehouse(ctx.actor));
  if (!found) throw notFound('Receipt');
  return found;
}

/** Every line must be a part stocked in the receiving warehouse; all problems are reported at once. */
async function assertReceivable(ctx: Ctx, warehouseId: string, input: CreateReceiptInput) {
  const details: ErrorDetail[] = [];
  if (input.vendorId) {
    const vendor = await parts.vendorInWarehouse(ctx.tx, input.vendorId, warehouseId);
    if (!vendor) details.push({ field: 'vendorId', message: 'Not a vendor of the receiving warehouse: pick one of its vendors', code: 'INVALID_REFERENCE' });
    else if (!vendor.active) details.push({ field: 'vendorId', message: 'Vendor is archived', code: 'INVALID_VALUE' });
  }
  for (const [i, line] of input.lines.entries()) {
    if (!(await parts.findPart(ctx.tx, line.partId, { warehouseId, preferred: warehouseId }))) {
      details.push({ field: `lines.${i}.partId`, message: 'Part not stocked in this warehouse', code: 'INVALID_REFERENCE' });
    }
  }
  if (details.length) throw validation('The receipt has invalid lines; nothing was received', details);
}

/**
 * Receives goods into the acting warehouse: the receipt, one INBOUND movement per line and the
 * lines pointing at their ledger rows, all in the request's one transaction — a failure on any
 * line leaves nothing behind.
 */
export async function createReceipt(ctx: Ctx, input: CreateReceiptInput): Promise<ReceiptDetail> {
  const warehouseId = ctx.actor.warehouseId;
  await assertReceivable(ctx, warehouseId, input);
  const id = uuidv7();
  await repo.insertReceipt(ctx.tx, {
    id,
    warehouseId,
    vendorId: input.vendorId ?? null,
    asnNumber: input.asnNumber ?? null,
    poNumber: input.poNumber ?? null,
    notes: input.notes ?? null,
    receivedBy: ctx.actor.userId,
  });
  const reference = input.poNumber ?? input.asnNumber;
  for (const line of input.lines) {
    const moved = await moveStock(ctx, {
      itemId: line.partId,
      warehouseId,
      type: 'INBOUND',
      quantity: line.quantity,
      reason: reference ? `Receipt ${reference}` : 'Receipt',
      receiptId: id,
      vendorId: input.vendorId,
    });
    if (line.bin) await parts.setDefaultBinIfMissing(ctx.tx, line.partId, warehouseId, line.bin);
    await repo.insertLine(ctx.tx, { id: uuidv7(), receiptId: id, itemId: line.partId, quantity: line.quantity, bin: line.bin ?? null, transactionId: moved.transactionId });
  }
  const receipt = await getReceipt(ctx, id);
  await audit(ctx, { action: 'CREATE', tableName: 'receipts', recordId: id, warehouseId, after: receipt });
  return receipt;
}
