import { v7 as uuidv7 } from 'uuid';
import { audit } from '../../core/audit/audit.writer.js';
import { uploadFile } from '../../core/files/index.js';
import { moveStock } from '../../core/inventory/index.js';
import type { Ctx } from '../../../platform/db/unit-of-work.js';
import { AppError, conflict, notFound, validation } from '../../../platform/http/errors.js';
import type { FileStorage } from '../../../platform/storage/file-storage.js';
import * as details from './work-order-details.repo.js';
import { published } from './work-orders.events.js';
import { mayExecute, validateCustomData } from './work-orders.fns.js';
import * as policy from './work-orders.policy.js';
import type { WoRecord } from './work-orders.repo.js';
import * as repo from './work-orders.repo.js';
import type { Attachment, ChecklistInput, ChecklistItem, ChecklistItemChanges, Comment, PartMovement, TimeLog } from './work-orders.schema.js';
import { checklistItemsFrom, createWorkOrder, loadVisible } from './work-orders.service.js';

// A work order's details: checklist, time, parts, attachments, comments. Every change writes an
// audit row on the work order (its history), touches last_updated and publishes the change.

const stateOf = (wo: WoRecord) => ({ status: wo.status, assignees: wo.assignedTo, requestedBy: wo.requestedById, resumeStatus: wo.resumeStatus });

async function recorded(ctx: Ctx, wo: WoRecord, action: string, after: unknown, description?: string) {
  await repo.touch(ctx.tx, wo.id);
  await audit(ctx, { action, tableName: 'work_orders', recordId: wo.id, warehouseId: wo.warehouseId, after, description });
  await published(ctx, wo, action.toLowerCase());
}

// Checklist ---------------------------------------------------------------------------------------

export async function addChecklistItems(ctx: Ctx, woId: string, input: { templateId: string } | { items: ChecklistInput[] } | ChecklistInput): Promise<ChecklistItem[]> {
  const wo = await loadVisible(ctx, woId, true);
  policy.assertMayPlanChecklist(ctx.actor, stateOf(wo));
  let items: details.NewItem[];
  if ('templateId' in input) {
    const t = await details.findTemplate(ctx.tx, input.templateId, wo.warehouseId);
    if (!t) throw validation('The checklist template does not exist in this warehouse', [{ field: 'templateId', message: 'Not found', code: 'INVALID_REFERENCE' }]);
    items = checklistItemsFrom(t.items, t.id);
  } else {
    items = checklistItemsFrom('items' in input ? input.items : [input], null);
  }
  await details.insertItems(ctx.tx, woId, wo.warehouseId, items);
  await recorded(ctx, wo, 'CHECKLIST_ADD', { items: items.map((i) => ({ id: i.id, component: i.component, action: i.action })) });
  const all = await details.checklist(ctx.tx, woId);
  const added = new Set(items.map((i) => i.id));
  return all.filter((i) => added.has(i.id));
}

/**
 * Records an item's result. Values are checked against the item's field types; DONE needs the
 * required fields; ISSUE opens a linked follow-up work order (once per item).
 */
export async function updateChecklistItem(ctx: Ctx, woId: string, itemId: string, c: ChecklistItemChanges): Promise<ChecklistItem> {
  const wo = await loadVisible(ctx, woId, true);
  policy.assertMayRecordWork(ctx.actor, stateOf(wo), 'checklist results');
  const item = await details.findItem(ctx.tx, woId, itemId);
  if (!item) throw notFound('Checklist item');
  const status = c.status ?? item.status;
  const data = { ...item.customFieldData, ...(c.customFieldData ?? {}) };
  const problems = validateCustomData(item.customFields, data, status === 'DONE');
  if (problems.length) throw validation('Checklist values do not match their fields', problems);
  const notes = c.notes === undefined ? item.notes : c.notes;
  let followUpId: string | undefined;
  if (status === 'ISSUE' && !item.followUpWorkOrderId) {
    if (!notes) throw validation('Describe the issue', [{ field: 'notes', message: 'Required when an item is marked ISSUE', code: 'REQUIRED_FIELD' }]);
    const followUp = await createWorkOrder(
      ctx,
      {
        type: 'CORRECTIVE', title: `Follow-up ${wo.foNumber}: ${item.component}`.slice(0, 200), description: `${item.action}\n\nIssue found: ${notes}`.slice(0, 8000),
        priority: wo.priority, equipmentId: wo.equipment?.id, area: wo.area ?? undefined, assetModel: wo.assetModel ?? undefined,
      },
      { parentId: wo.id },
    );
    followUpId = followUp.id;
  }
  const updated = await details.updateItem(ctx.tx, itemId, { status, notes, data, by: ctx.actor.userId, followUpId });
  await recorded(ctx, wo, 'CHECKLIST_UPDATE', { itemId, component: item.component, from: item.status, to: status, ...(followUpId ? { followUpWorkOrderId: followUpId } : {}) });
  return updated;
}

// Time ------------------------------------------------------------------------------------------

async function assertNoRunningTimer(ctx: Ctx) {
  const running = await details.runningTimer(ctx.tx, ctx.actor.userId);
  if (running) {
    throw new AppError(409, 'RESOURCE_CONFLICT', `Gate TIMER_RUNNING: your timer is already running on ${running.fo_number ?? 'another work order'}; stop it first`, [
      { field: 'timer', message: `Running on ${running.work_order_id}`, code: 'TIMER_RUNNING' },
    ]);
  }
}

export async function startTimer(ctx: Ctx, woId: string, description?: string): Promise<TimeLog> {
  const wo = await loadVisible(ctx, woId, true);
  policy.assertMayRecordWork(ctx.actor, stateOf(wo), 'time');
  await details.lockUserTime(ctx.tx, ctx.actor.userId);
  await assertNoRunningTimer(ctx);
  const id = uuidv7();
  // The unique index on running timers backs the check above against any race.
  await details.insertTimeLog(ctx.tx, { id, woId, warehouseId: wo.warehouseId, userId: ctx.actor.userId, start: new Date().toISOString(), end: null, description: description ?? null, source: 'TIMER' });
  await recorded(ctx, wo, 'TIME_START', { timeLogId: id });
  return (await details.findTimeLog(ctx.tx, id))!;
}

export async function stopTimer(ctx: Ctx, woId: string): Promise<TimeLog> {
  const wo = await loadVisible(ctx, woId, true);
  if (!mayExecute(ctx.actor, stateOf(wo))) throw new AppError(403, 'AUTH_INSUFFICIENT_PERMISSIONS', 'Gate ASSIGNEE_ONLY: only an assignee (or a supervisor) records time');
  const [id] = await details.stopTimers(ctx.tx, woId, ctx.actor.userId);
  if (!id) throw conflict('Gate NO_RUNNING_TIMER: you have no timer running on this work order');
  const log = (await details.findTimeLog(ctx.tx, id))!;
  await recorded(ctx, wo, 'TIME_STOP', { timeLogId: id, minutes: log.minutes });
  return log;
}

/** A manual entry: in the past, and not overlapping any other entry of the same person. */
export async function logTime(ctx: Ctx, woId: string, input: { startTime: string; endTime: string; description?: string }): Promise<TimeLog> {
  const wo = await loadVisible(ctx, woId, true);
  policy.assertMayRecordWork(ctx.actor, stateOf(wo), 'time');
  const start = new Date(input.startTime);
  const end = new Date(input.endTime);
  if (end <= start) throw validation('The entry must end after it starts', [{ field: 'endTime', message: 'Must be after startTime', code: 'INVALID_RANGE' }]);
  if (end.getTime() > Date.now() + 60_000) throw validation('Time cannot be logged in the future', [{ field: 'endTime', message: 'In the future', code: 'INVALID_VALUE' }]);
  if (end.getTime() - start.getTime() > 24 * 3_600_000) throw validation('One entry covers at most 24 hours', [{ field: 'endTime', message: 'Longer than 24 hours', code: 'INVALID_RANGE' }]);
  await details.lockUserTime(ctx.tx, ctx.actor.userId);
  const clash = await details.overlapping(ctx.tx, ctx.actor.userId, start.toISOString(), end.toISOString());
  if (clash.length) {
    throw new AppError(409, 'RESOURCE_CONFLICT', 'Gate TIME_OVERLAP: this entry overlaps time you already logged', clash.map((c) => ({
      field: 'startTime', message: `Overlaps ${new Date(c.start_time).toISOString()} - ${c.end_time ? new Date(c.end_time).toISOString() : 'now (running)'}`, code: 'TIME_OVERLAP',
    })));
  }
  const id = uuidv7();
  await details.insertTimeLog(ctx.tx, { id, woId, warehouseId: wo.warehouseId, userId: ctx.actor.userId, start: start.toISOString(), end: end.toISOString(), description: input.description ?? null, source: 'MANUAL' });
  const log = (await details.findTimeLog(ctx.tx, id))!;
  await recorded(ctx, wo, 'TIME_LOG', { timeLogId: id, minutes: log.minutes });
  return log;
}

// Parts -----------------------------------------------------------------------------------------

/**
 * Parts used from (or returned to) the work order's site, through the ledger with the work
 * order as reference: more than on hand is refused there; returns may not exceed what was used.
 */
export async function moveParts(ctx: Ctx, woId: string, input: { partId: string; quantity: number; action: 'USE' | 'RETURN'; notes?: string }): Promise<PartMovement> {
  const wo = await loadVisible(ctx, woId, true);
  if (input.action === 'USE') policy.assertMayRecordWork(ctx.actor, stateOf(wo), 'parts used');
  else {
    policy.assertMayReturnParts(ctx.actor, stateOf(wo));
    const held = await details.netUsed(ctx.tx, woId, input.partId);
    if (input.quantity > held) {
      throw new AppError(409, 'BUSINESS_WORKFLOW_ERROR', `Gate RETURN_EXCEEDS_USED: ${held} of this part were used on ${wo.foNumber}; ${input.quantity} cannot be returned`, [
        { field: 'quantity', message: `At most ${held}`, code: 'RETURN_EXCEEDS_USED' },
      ]);
    }
  }
  const moved = await moveStock(ctx, {
    itemId: input.partId, warehouseId: wo.warehouseId, type: input.action === 'USE' ? 'USED' : 'RETURNED', quantity: input.quantity,
    workOrderId: woId, notes: input.notes ?? `${input.action === 'USE' ? 'Used on' : 'Returned from'} ${wo.foNumber}`,
  });
  await recorded(ctx, wo, input.action === 'USE' ? 'PART_USED' : 'PART_RETURNED', { partId: input.partId, quantity: input.quantity, transactionId: moved.transactionId });
  const movement = (await details.partMovements(ctx.tx, woId)).find((m) => m.transactionId === moved.transactionId);
  return movement!;
}

// Attachments and comments ------------------------------------------------------------------------

export async function attach(
  ctx: Ctx,
  storage: FileStorage,
  woId: string,
  input: { fileId: string; checklistItemId?: string; fileName: string | undefined; mimetype: string | undefined; content: Buffer },
): Promise<Attachment> {
  const wo = await loadVisible(ctx, woId, true);
  policy.assertMayAttach(stateOf(wo));
  if (input.checklistItemId && !(await details.findItem(ctx.tx, woId, input.checklistItemId))) {
    throw validation('The checklist item is not on this work order', [{ field: 'checklistItemId', message: 'Not found', code: 'INVALID_REFERENCE' }]);
  }
  // The files module checks permission, size and the real content type, and stores the bytes last.
  const file = await uploadFile(ctx, storage, { id: input.fileId, bucket: 'wo-attachments', recordType: 'work_order', recordId: woId, fileName: input.fileName, mimetype: input.mimetype, content: input.content });
  const id = uuidv7();
  await details.insertAttachment(ctx.tx, { id, woId, warehouseId: wo.warehouseId, checklistItemId: input.checklistItemId ?? null, fileId: file.id, by: ctx.actor.userId });
  await recorded(ctx, wo, 'ATTACHMENT', { attachmentId: id, fileId: file.id, fileName: file.fileName, checklistItemId: input.checklistItemId ?? null });
  return (await details.attachments(ctx.tx, woId)).find((a) => a.id === id)!;
}

export async function addComment(ctx: Ctx, woId: string, body: string): Promise<Comment> {
  // No row lock: readers who may comment (an inventory clerk) may not update the work order itself.
  const wo = await loadVisible(ctx, woId);
  if (wo.status === 'CLOSED') throw new AppError(409, 'BUSINESS_WORKFLOW_ERROR', 'Gate WORK_ORDER_FINISHED: a CLOSED work order takes no more comments');
  const comment = await details.insertComment(ctx.tx, { id: uuidv7(), woId, warehouseId: wo.warehouseId, userId: ctx.actor.userId, body });
  await recorded(ctx, wo, 'COMMENT', { commentId: comment.id });
  return comment;
}
