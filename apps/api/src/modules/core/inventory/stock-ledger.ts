import { rolesNotifiedOf } from '@plantops/contracts';
import { v7 as uuidv7 } from 'uuid';
import type { Ctx } from '../../../platform/db/unit-of-work.js';
import { AppError, notFound, validation } from '../../../platform/http/errors.js';
import { publish } from '../../../platform/realtime/publish.js';
import { insertRow, type SqlWrite } from '../../../platform/db/write-batch.js';
import { eventWrite } from '../../../platform/realtime/publish.js';
import { audit, auditOrigin, auditWrites } from '../audit/audit.writer.js';
import { notify } from '../notifications/notifications.service.js';
import { nextStockState, stockDeltas, stockWorsened, type MovementType, type StockState } from './stock-rules.js';

export interface Movement {
  itemId: string;
  warehouseId: string;
  type: MovementType;
  /** Positive amount; ADJUSTMENT alone is signed (negative takes stock away). */
  quantity: number;
  reason?: string;
  notes?: string;
  /** Only an ADJUSTMENT with a reason may take on-hand below zero (a count found less than the books). */
  allowNegative?: boolean;
  /** SHIPPED/USED of parts that were reserved for this reference consume the reservation too. */
  fromReserved?: boolean;
  workOrderId?: string;
  customerOrderId?: string;
  serviceOrderId?: string;
  receiptId?: string;
  vendorId?: string;
}

export interface MovementResult {
  transactionId: string;
  itemId: string;
  warehouseId: string;
  previousOnHand: number;
  onHand: number;
  reserved: number;
  reorderPoint: number;
  state: StockState;
  createdAt: string;
}

interface StockRow {
  id: string;
  quantity_on_hand: number;
  quantity_reserved: number;
  reorder_point: number;
  stock_state: StockState;
  part_number: string;
  name: string;
}

/**
 * The one way stock changes: a conditional update of the stock row (so two requests racing for
 * the last unit cannot both succeed), a ledger row, an audit row, the part_transactions event
 * and, when the item crosses into LOW or OUT, one notification to the site's stock keepers —
 * all in the caller's transaction.
 */
export async function moveStock(ctx: Ctx, m: Movement): Promise<MovementResult> {
  let deltas;
  try {
    deltas = stockDeltas(m.type, m.quantity, m.fromReserved ?? false);
  } catch (err) {
    throw validation((err as Error).message, [{ field: 'quantity', message: (err as Error).message, code: 'INVALID_VALUE' }]);
  }
  const { onHand: dOnHand, reserved: dReserved } = deltas;
  if (m.allowNegative && (m.type !== 'ADJUSTMENT' || !m.reason?.trim())) {
    throw validation('Only an adjustment with a reason may take stock below zero', [{ field: 'reason', message: 'Required for a negative balance', code: 'REQUIRED_FIELD' }]);
  }
  const item = await ctx.tx.query<{ part_number: string; name: string }>(`SELECT part_number, name FROM items WHERE id = $1`, [m.itemId]);
  if (!item.rows[0]) throw notFound('Part');
  if (dOnHand > 0 || m.type === 'ADJUSTMENT') {
    await ctx.tx.query(`INSERT INTO stock (item_id, warehouse_id) VALUES ($1, $2) ON CONFLICT (item_id, warehouse_id) DO NOTHING`, [m.itemId, m.warehouseId]);
  }
  const { rows } = await ctx.tx.query<StockRow & { previous_on_hand: number }>(
    `UPDATE stock s SET quantity_on_hand = s.quantity_on_hand + $3, quantity_reserved = s.quantity_reserved + $4,
            last_movement_at = now(), updated_at = now()
       FROM items i
      WHERE s.item_id = $1 AND s.warehouse_id = $2 AND i.id = s.item_id
        AND s.quantity_reserved + $4 >= 0
        AND (s.quantity_on_hand + $3 >= s.quantity_reserved + $4 OR $5::boolean)
      RETURNING s.id, s.quantity_on_hand, s.quantity_reserved, s.reorder_point, s.stock_state,
                s.quantity_on_hand - $3 AS previous_on_hand, i.part_number, i.name`,
    [m.itemId, m.warehouseId, dOnHand, dReserved, m.allowNegative ?? false],
  );
  const stock = rows[0];
  if (!stock) {
    const current = await ctx.tx.query<{ quantity_on_hand: number; quantity_reserved: number }>(
      `SELECT quantity_on_hand, quantity_reserved FROM stock WHERE item_id = $1 AND warehouse_id = $2`,
      [m.itemId, m.warehouseId],
    );
    const c = current.rows[0];
    const available = c ? c.quantity_on_hand - c.quantity_reserved : 0;
    throw new AppError(409, 'BUSINESS_INSUFFICIENT_INVENTORY', `Not enough ${item.rows[0].part_number} in stock: ${available} available, ${Math.abs(m.quantity)} requested`, [
      { field: 'quantity', message: `Only ${available} available`, code: 'INSUFFICIENT_INVENTORY' },
    ]);
  }

  const id = uuidv7();
  const createdAt = new Date();
  await ctx.tx.query(
    `INSERT INTO stock_transactions (id, item_id, warehouse_id, type, quantity, on_hand_after, reserved_after, reason, notes,
       work_order_id, customer_order_id, service_order_id, receipt_id, vendor_id, performed_by, created_at)
     VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11, $12, $13, $14, $15, $16)`,
    [id, m.itemId, m.warehouseId, m.type, dOnHand !== 0 ? dOnHand : dReserved, stock.quantity_on_hand, stock.quantity_reserved, m.reason ?? null, m.notes ?? null,
      m.workOrderId ?? null, m.customerOrderId ?? null, m.serviceOrderId ?? null, m.receiptId ?? null, m.vendorId ?? null, ctx.actor.userId, createdAt],
  );
  const state = nextStockState(stock.quantity_on_hand, stock.reorder_point);
  if (state !== stock.stock_state) {
    await ctx.tx.query(`UPDATE stock SET stock_state = $2 WHERE id = $1`, [stock.id, state]);
    if (stockWorsened(stock.stock_state, state)) await alertStockKeepers(ctx, m, stock, state);
  }
  const result: MovementResult = {
    transactionId: id, itemId: m.itemId, warehouseId: m.warehouseId, previousOnHand: stock.previous_on_hand, onHand: stock.quantity_on_hand,
    reserved: stock.quantity_reserved, reorderPoint: stock.reorder_point, state, createdAt: createdAt.toISOString(),
  };
  await audit(ctx, {
    action: `STOCK_${m.type}`, tableName: 'stock', recordId: stock.id, warehouseId: m.warehouseId,
    // the part number lets the audit log say which part ("adjusted stock of GEN-00123")
    before: { partNumber: stock.part_number, onHand: stock.previous_on_hand },
    after: { partNumber: stock.part_number, onHand: stock.quantity_on_hand, reserved: stock.quantity_reserved, transactionId: id },
    description: m.reason,
  });
  await publish(ctx.tx, {
    channel: 'part_transactions', warehouseId: m.warehouseId,
    payload: { transactionId: id, partId: m.itemId, partNumber: stock.part_number, type: m.type, quantity: dOnHand !== 0 ? dOnHand : dReserved, quantityOnHand: stock.quantity_on_hand, reserved: stock.quantity_reserved, workOrderId: m.workOrderId ?? null, createdAt: result.createdAt },
  });
  return result;
}

export interface NewStock {
  itemId: string;
  warehouseId: string;
  partNumber: string;
  name: string;
  reorderPoint: number;
  defaultBin: string | null;
  /** Opening balance: booked as an INBOUND 'Initial stock' ledger entry, as moveStock would. */
  quantity: number;
  at: Date;
}

/**
 * The writes that create a new item's stock row with its opening balance in one statement (for
 * runWrites with the item's own insert): the stock row already holding the balance, and, for a
 * balance above zero, the same INBOUND ledger row, audit row and part_transactions event that
 * moveStock writes. `afterWrite` sends the low-stock alert when the opening balance is already
 * low (rare; a few statements of its own). Only for a stock row that cannot exist yet.
 */
export function newStockWrites(ctx: Ctx, n: NewStock): { writes: SqlWrite[]; stockId: string; state: StockState; afterWrite(): Promise<void> } {
  const stockId = uuidv7();
  const initial: StockState = 'OK';
  const state = n.quantity ? nextStockState(n.quantity, n.reorderPoint) : initial;
  const writes: SqlWrite[] = [
    insertRow('stock', {
      id: stockId, item_id: n.itemId, warehouse_id: n.warehouseId, quantity_on_hand: n.quantity, reorder_point: n.reorderPoint, default_bin: n.defaultBin,
      stock_state: state, last_movement_at: n.quantity ? n.at : null, updated_at: n.at,
    }),
  ];
  if (n.quantity) {
    const transactionId = uuidv7();
    writes.push(
      insertRow('stock_transactions', {
        id: transactionId, item_id: n.itemId, warehouse_id: n.warehouseId, type: 'INBOUND', quantity: n.quantity, on_hand_after: n.quantity, reserved_after: 0,
        reason: 'Initial stock', performed_by: ctx.actor.userId, created_at: n.at,
      }),
      ...auditWrites(auditOrigin(ctx), {
        action: 'STOCK_INBOUND', tableName: 'stock', recordId: stockId, warehouseId: n.warehouseId,
        before: { onHand: 0 }, after: { onHand: n.quantity, reserved: 0, transactionId }, description: 'Initial stock',
      }),
      eventWrite({
        channel: 'part_transactions', warehouseId: n.warehouseId,
        payload: { transactionId, partId: n.itemId, partNumber: n.partNumber, type: 'INBOUND', quantity: n.quantity, quantityOnHand: n.quantity, reserved: 0, workOrderId: null, createdAt: n.at.toISOString() },
      }),
    );
  }
  const afterWrite = async () => {
    if (!stockWorsened(initial, state)) return;
    const stock: StockRow = { id: stockId, quantity_on_hand: n.quantity, quantity_reserved: 0, reorder_point: n.reorderPoint, stock_state: initial, part_number: n.partNumber, name: n.name };
    await alertStockKeepers(ctx, { itemId: n.itemId, warehouseId: n.warehouseId, type: 'INBOUND', quantity: n.quantity }, stock, state);
  };
  return { writes, stockId, state, afterWrite };
}

/** The site's stock keepers: the roles the contracts' recipient table names for the alert. */
async function alertStockKeepers(ctx: Ctx, m: Movement, stock: StockRow, state: StockState) {
  const out = state === 'OUT';
  const { rows } = await ctx.tx.query<{ id: string }>(
    `SELECT id FROM profiles WHERE warehouse_id = $1 AND active AND role = ANY($2::text[])`,
    [m.warehouseId, rolesNotifiedOf(out ? 'PART_OUT_OF_STOCK' : 'PART_LOW_STOCK')],
  );
  await notify(ctx.tx, {
    userIds: rows.map((r) => r.id),
    warehouseId: m.warehouseId,
    type: out ? 'PART_OUT_OF_STOCK' : 'PART_LOW_STOCK',
    title: `${stock.part_number} ${out ? 'is out of stock' : 'is low'}`,
    message: `${stock.name}: ${stock.quantity_on_hand} on hand, reorder point ${stock.reorder_point}.`,
    link: `/inventory/parts/${m.itemId}`,
    partId: m.itemId,
    data: { onHand: stock.quantity_on_hand, reorderPoint: stock.reorder_point },
  });
}
