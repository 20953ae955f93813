import type { WoStatus } from '@plantops/contracts';
import { v7 as uuidv7 } from 'uuid';
import { audit, auditOrigin, auditWrites } from '../../core/audit/audit.writer.js';
import { runWrites } from '../../../platform/db/write-batch.js';
import { readWarehouse } from '../../../platform/db/site-scope.js';
import type { Ctx } from '../../../platform/db/unit-of-work.js';
import { AppError, forbidden, notFound, validation, workflow } from '../../../platform/http/errors.js';
import * as details from './work-order-details.repo.js';
import { published, publishedWrite, notifyAssigned, notifyStatus } from './work-orders.events.js';
import { checkTransition, decodeCursor, encodeCursor, fieldDefinitionProblems, foNumber, mayExecute, nextStatuses, type WoState } from './work-orders.fns.js';
import { findWorkOrderView } from './work-order-view.repo.js';
import * as policy from './work-orders.policy.js';
import * as repo from './work-orders.repo.js';
import type { WoRecord } from './work-orders.repo.js';
import type { ChecklistInput, CreateWorkOrderInput, WoListQuery, WorkOrder, WorkOrderChanges, WorkOrderDetail } from './work-orders.schema.js';

const stateOf = (wo: WoRecord): WoState => ({ status: wo.status, assignees: wo.assignedTo, requestedBy: wo.requestedById, resumeStatus: wo.resumeStatus });

/** Drops the internal fields the response schema does not name. */
export const publicView = ({ assignedTo: _a, requestedById: _r, resumeStatus: _s, ...wo }: WoRecord): WorkOrder => wo;

/**
 * A work order the actor may see, or 404: another site's, or (for technicians, contractors and
 * requesters) one not theirs, is not found. RLS agrees; this keeps the application honest alone.
 */
export async function loadVisible(ctx: Ctx, id: string, forUpdate = false): Promise<WoRecord> {
  const wo = await repo.findWorkOrder(ctx.tx, id, readWarehouse(ctx.actor), forUpdate);
  if (!wo || !policy.withinReach(ctx.actor, stateOf(wo))) throw notFound('Work order');
  return wo;
}

/** Whether the actor may see this work order, and so its files (the files module asks). */
export async function workOrderVisible(ctx: Ctx, id: string): Promise<boolean> {
  try {
    await loadVisible(ctx, id);
    return true;
  } catch {
    return false;
  }
}

export async function listWorkOrders(ctx: Ctx, q: WoListQuery) {
  const reach = policy.reachOf(ctx.actor);
  const warehouseId = readWarehouse(ctx.actor, q.warehouseId);
  // Due dates read soonest first, everything else newest first, unless asked otherwise.
  const descending = (q.order ?? (q.sort === 'dueDate' ? 'asc' : 'desc')) === 'desc';
  const sortKey = `${q.sort}:${descending ? 'd' : 'a'}`;
  const after = q.cursor ? decodeCursor(q.cursor, sortKey, repo.SORT_KEYS[q.sort].length) : null;
  if (q.cursor && !after) throw validation('The cursor does not belong to this list; start again without it', [{ field: 'cursor', message: 'Invalid or for another sort', code: 'INVALID_VALUE' }]);
  const me = (v: string | undefined) => (v === 'me' ? ctx.actor.userId : v);
  const { rows, cursors } = await repo.listWorkOrders(ctx.tx, {
    warehouseId, reach, status: q.status, type: q.type, priority: q.priority, assignee: me(q.assignee), requestedBy: me(q.requestedBy),
    equipmentId: q.equipmentId, area: q.area, dueBefore: q.dueBefore, overdue: q.overdue, escalated: q.escalated, search: q.search,
    sort: q.sort, descending, after, limit: q.limit,
  });
  const hasMore = rows.length > q.limit;
  const page = rows.slice(0, q.limit);
  const last = cursors[page.length - 1];
  return { workOrders: page.map(publicView), page: { limit: q.limit, hasMore, nextCursor: hasMore && last ? encodeCursor(sortKey, last) : null } };
}

async function assertEquipment(ctx: Ctx, equipmentId: string, warehouseId: string) {
  const e = await repo.equipmentFor(ctx.tx, equipmentId, warehouseId);
  if (!e) throw validation('The equipment does not exist in this warehouse', [{ field: 'equipmentId', message: 'Not found', code: 'INVALID_REFERENCE' }]);
  if (e.status === 'RETIRED' || e.status === 'DISPOSED') throw workflow(`Gate EQUIPMENT_RETIRED: ${e.asset_tag} is ${e.status}; no new work on it`);
  return e;
}

/** The people named may be assigned: active maintenance workers of the work order's site. */
async function assertAssignable(ctx: Ctx, userIds: string[], warehouseId: string) {
  const found = await repo.assignablePeople(ctx.tx, userIds, warehouseId);
  const ok = new Set(found.map((f) => f.id));
  const bad = userIds.filter((id) => !ok.has(id));
  if (bad.length) {
    throw validation('Only active technicians, contractors, supervisors and managers of this warehouse can be assigned', bad.map((id) => ({ field: 'userIds', message: `${id} cannot be assigned`, code: 'INVALID_ASSIGNEE' })));
  }
  return found;
}

export function checklistItemsFrom(input: ChecklistInput[], templateId: string | null): details.NewItem[] {
  input.forEach((i, n) => {
    const problems = fieldDefinitionProblems(i.customFields);
    if (problems.length) throw validation('Invalid custom field definitions', problems.map((p) => ({ ...p, field: `checklist.${n}.${p.field}` })));
  });
  return input.map((i) => ({ id: uuidv7(), component: i.component, action: i.action, customFields: i.customFields, templateId }));
}

async function templateItems(ctx: Ctx, templateId: string, warehouseId: string): Promise<details.NewItem[]> {
  const t = await details.findTemplate(ctx.tx, templateId, warehouseId);
  if (!t) throw validation('The checklist template does not exist in this warehouse', [{ field: 'templateId', message: 'Not found', code: 'INVALID_REFERENCE' }]);
  return checklistItemsFrom(t.items, t.id);
}

export interface CreateOptions {
  /** A follow-up from a checklist ISSUE: linked to its parent and marked follow_up. */
  parentId?: string;
}

/**
 * REQUESTER files a CORRECTIVE request in NEW; everybody else with workorder:create picks the
 * type, and a supervisor may assign at once (then it starts ASSIGNED). The fo_number comes from
 * the site's yearly sequence in the same transaction.
 */
export async function createWorkOrder(ctx: Ctx, input: CreateWorkOrderInput, opts: CreateOptions = {}): Promise<WorkOrder> {
  const requestOnly = policy.requestOnly(ctx.actor);
  if (requestOnly) {
    const extra = (['type', 'assigneeIds', 'dueDate', 'checklist', 'checklistTemplateId'] as const).filter((k) => input[k] !== undefined && !(k === 'type' && input.type === 'CORRECTIVE'));
    if (extra.length) throw forbidden(`Gate REQUEST_ONLY: a requester files a request; ${extra.join(', ')} are set by maintenance`);
  } else if (!input.type) {
    throw validation('Choose the type of work', [{ field: 'type', message: 'Required: PM, CORRECTIVE or EMERGENCY', code: 'REQUIRED_FIELD' }]);
  }
  if (input.assigneeIds?.length && !policy.mayAssign(ctx.actor)) throw forbidden('Gate ASSIGN_ROLE: only a supervisor or manager assigns work');
  const warehouseId = ctx.actor.warehouseId;
  const equipment = input.equipmentId ? await assertEquipment(ctx, input.equipmentId, warehouseId) : undefined;
  const assignees = input.assigneeIds?.length ? await assertAssignable(ctx, [...new Set(input.assigneeIds)], warehouseId) : [];
  const items = [
    ...(input.checklistTemplateId ? await templateItems(ctx, input.checklistTemplateId, warehouseId) : []),
    ...checklistItemsFrom(input.checklist ?? [], null),
  ];

  // One read (site code, the next fo_number, the clock, the requester's name), then one write
  // statement for the row, its audit row and events (decision 0010, "The work-order create").
  const year = new Date().getUTCFullYear();
  const facts = await repo.creationFacts(ctx.tx, warehouseId, year, ctx.actor.userId);
  if (!facts) throw notFound('Warehouse');
  const id = uuidv7();
  // assigned_to in setAssignees' order: assigned at the same instant, so by user id.
  const assignedTo = assignees.map((a) => a.id).sort();
  const row: repo.NewWorkOrder = {
    id, warehouseId, foNumber: foNumber(facts.warehouseCode, year, facts.seq), type: input.type ?? 'CORRECTIVE', title: input.title, description: input.description,
    area: input.area ?? equipment?.area ?? null, assetModel: input.assetModel ?? equipment?.model ?? null, equipmentId: equipment?.id ?? null,
    status: assignees.length ? 'ASSIGNED' : 'NEW', priority: input.priority, requestedBy: ctx.actor.userId, dueDate: input.dueDate ?? null,
    followUp: Boolean(opts.parentId), parentId: opts.parentId ?? null, assignedTo, at: facts.now,
  };
  const wo = createdRecord(row, facts, equipment, assignees);
  const view = publicView(wo);
  await runWrites(ctx.tx, [
    repo.workOrderWrite(row),
    ...auditWrites(auditOrigin(ctx), { action: 'CREATE', tableName: 'work_orders', recordId: id, warehouseId, after: { ...view, checklistItems: items.length }, description: opts.parentId ? 'Follow-up from a checklist issue' : undefined }),
    publishedWrite(ctx, wo, 'created'),
  ]);
  if (assignees.length) await repo.insertFirstAssignees(ctx.tx, id, warehouseId, assignedTo, ctx.actor.userId);
  await details.insertItems(ctx.tx, id, warehouseId, items);
  if (assignees.length) await notifyAssigned(ctx, wo, assignedTo);
  return view;
}

/** A new work order as findWorkOrder would read it back, built from what was written (a test compares the two). */
function createdRecord(row: repo.NewWorkOrder, facts: repo.CreationFacts, equipment: Awaited<ReturnType<typeof assertEquipment>> | undefined, assignees: { id: string; name: string; role: string }[]): WoRecord {
  const at = facts.now.toISOString();
  return {
    id: row.id, foNumber: row.foNumber, type: row.type, title: row.title, description: row.description, area: row.area, assetModel: row.assetModel,
    equipment: equipment ? { id: equipment.id, assetTag: equipment.asset_tag, name: equipment.name, status: equipment.status } : null,
    status: row.status, priority: row.priority,
    requestedBy: facts.requester ?? { id: row.requestedBy, name: '', role: '' },
    assignees: assignees.map((a) => ({ id: a.id, name: a.name, role: a.role })),
    dueDate: row.dueDate,
    // Open (NEW or ASSIGNED) and due before today, as SELECT's overdue.
    overdue: row.dueDate !== null && row.dueDate < facts.today,
    startedAt: null, completedAt: null, verifiedBy: null, verifiedAt: null, closedAt: null, onHoldReason: null, cancelReason: null,
    escalated: false, escalationLevel: 0, followUp: row.followUp, parentWorkOrderId: row.parentId, warehouseId: row.warehouseId,
    createdAt: at, lastUpdated: at, assignedTo: row.assignedTo, requestedById: row.requestedBy, resumeStatus: null,
  };
}

/** The work order page: one statement reads the work order and all its lists (work-order-view.repo.ts). */
export async function getWorkOrder(ctx: Ctx, id: string): Promise<WorkOrderDetail> {
  const found = await findWorkOrderView(ctx.tx, id, readWarehouse(ctx.actor));
  if (!found || !policy.withinReach(ctx.actor, stateOf(found.wo))) throw notFound('Work order');
  const { wo, checklist, timeLogs, ...lists } = found;
  const state = stateOf(wo);
  const open = checklist.filter((i) => i.status === 'PENDING');
  const finished = ['COMPLETED', 'VERIFIED', 'CLOSED', 'CANCELLED'].includes(wo.status);
  const blockers: { gate: string; message: string }[] = [];
  if (!finished && wo.status !== 'IN_PROGRESS') blockers.push({ gate: 'STATUS_FLOW', message: `Start the work first: it must be IN_PROGRESS to complete (it is ${wo.status})` });
  for (const i of open) blockers.push({ gate: 'CHECKLIST_COMPLETE', message: `Checklist: ${i.component} - ${i.action} is still open` });
  const { assignedTo: _a, requestedById: _r, resumeStatus: _s, ...view } = wo;
  return {
    ...view,
    checklist,
    timeLogs,
    totalMinutes: timeLogs.reduce((sum, t) => sum + (t.minutes ?? 0), 0),
    ...lists, // parts, partMovements, attachments, comments, history, followUps, parentWorkOrder
    nextStatuses: nextStatuses(ctx.actor, state),
    completionBlockers: finished ? [] : blockers,
    permissions: { execute: mayExecute(ctx.actor, state), edit: policy.mayEdit(ctx.actor), assign: policy.mayAssign(ctx.actor) },
  };
}

export async function updateWorkOrder(ctx: Ctx, id: string, changes: WorkOrderChanges): Promise<WorkOrder> {
  if (!policy.mayEdit(ctx.actor)) throw forbidden('Gate EDIT_ROLE: only a supervisor or manager edits work orders');
  const before = await loadVisible(ctx, id, true);
  policy.assertPlannable(before.status, 'details');
  if (changes.equipmentId) await assertEquipment(ctx, changes.equipmentId, before.warehouseId);
  await repo.updateWorkOrder(ctx.tx, id, changes);
  const after = (await repo.findWorkOrder(ctx.tx, id, before.warehouseId))!;
  await audit(ctx, { action: 'UPDATE', tableName: 'work_orders', recordId: id, warehouseId: before.warehouseId, before: publicView(before), after: publicView(after) });
  await published(ctx, after, 'updated');
  return publicView(after);
}

/** Assigns one or more people; a NEW work order becomes ASSIGNED. Newly named people are notified. */
export async function assign(ctx: Ctx, id: string, userIds: string[], mode: 'replace' | 'add'): Promise<WorkOrder> {
  if (!policy.mayAssign(ctx.actor)) throw forbidden('Gate ASSIGN_ROLE: only a supervisor or manager assigns work');
  const before = await loadVisible(ctx, id, true);
  policy.assertPlannable(before.status, 'assignees');
  const ids = [...new Set(userIds)];
  await assertAssignable(ctx, ids, before.warehouseId);
  await repo.setAssignees(ctx.tx, id, before.warehouseId, ids, ctx.actor.userId, mode);
  if (before.status === 'NEW') await repo.setStatus(ctx.tx, id, { status: 'ASSIGNED' });
  const after = (await repo.findWorkOrder(ctx.tx, id, before.warehouseId))!;
  const added = after.assignedTo.filter((u) => !before.assignedTo.includes(u));
  await audit(ctx, { action: 'ASSIGN', tableName: 'work_orders', recordId: id, warehouseId: before.warehouseId, before: { status: before.status, assignees: before.assignedTo }, after: { status: after.status, assignees: after.assignedTo } });
  await published(ctx, after, 'assigned');
  await notifyAssigned(ctx, after, added);
  if (before.status !== after.status) await notifyStatus(ctx, after, before.status);
  return publicView(after);
}

/** The state machine of domain.md, by role and gate; the refusal names the gate. */
export async function changeStatus(ctx: Ctx, id: string, to: WoStatus, reason?: string): Promise<WorkOrder> {
  const before = await loadVisible(ctx, id, true);
  const openItems = to === 'COMPLETED' ? await details.openChecklistItems(ctx.tx, id) : [];
  const check = checkTransition(ctx.actor, stateOf(before), to, { openChecklistItems: openItems, reason });
  if (!check.ok) {
    const code = check.status === 403 ? 'AUTH_INSUFFICIENT_PERMISSIONS' : check.status === 422 ? 'VALIDATION_ERROR' : 'BUSINESS_WORKFLOW_ERROR';
    throw new AppError(check.status, code, `Gate ${check.gate}: ${check.message}`, [{ field: 'status', message: check.message, code: check.gate }, ...(check.details ?? [])]);
  }
  const from = before.status;
  const fields: repo.StatusFields = { status: to };
  if (to === 'IN_PROGRESS') Object.assign(fields, { startedAt: 'now', onHoldReason: null, resumeStatus: null, ...(from === 'COMPLETED' ? { completedAt: null } : {}) });
  if (to === 'ASSIGNED') Object.assign(fields, { onHoldReason: null, resumeStatus: null });
  if (to === 'ON_HOLD') Object.assign(fields, { onHoldReason: reason, resumeStatus: from });
  if (to === 'COMPLETED') fields.completedAt = 'now';
  if (to === 'VERIFIED') fields.verifiedBy = ctx.actor.userId;
  if (to === 'CLOSED') fields.closedBy = ctx.actor.userId;
  if (to === 'CANCELLED') fields.cancelReason = reason;
  // Finished or parked work stops its running timers.
  const stopped = ['COMPLETED', 'ON_HOLD', 'CANCELLED'].includes(to) ? await details.stopTimers(ctx.tx, id, null) : [];
  await repo.setStatus(ctx.tx, id, fields);
  const after = (await repo.findWorkOrder(ctx.tx, id, before.warehouseId))!;
  await audit(ctx, { action: 'STATUS_CHANGE', tableName: 'work_orders', recordId: id, warehouseId: before.warehouseId, before: { status: from }, after: { status: to, ...(stopped.length ? { stoppedTimers: stopped } : {}) }, description: reason });
  await published(ctx, after, 'status', { from });
  await notifyStatus(ctx, after, from);
  return publicView(after);
}

/** Who may be assigned work in the acting warehouse (for the supervisor's assign control). */
export const assignablePeople = (ctx: Ctx) => repo.assignableList(ctx.tx, ctx.actor.warehouseId);

export async function listTemplates(ctx: Ctx, page: number, limit: number) {
  return details.listTemplates(ctx.tx, readWarehouse(ctx.actor), limit, (page - 1) * limit);
}

export async function createTemplate(ctx: Ctx, input: { name: string; items: ChecklistInput[] }) {
  if (!policy.mayEdit(ctx.actor)) throw forbidden('Gate EDIT_ROLE: only a supervisor or manager keeps checklist templates');
  const warehouseId = ctx.actor.warehouseId;
  checklistItemsFrom(input.items, null);
  if (await details.templateNameTaken(ctx.tx, warehouseId, input.name)) {
    throw new AppError(409, 'RESOURCE_CONFLICT', `A checklist template named ${input.name} already exists`, [{ field: 'name', message: 'Already in use', code: 'DUPLICATE' }]);
  }
  const t = await details.insertTemplate(ctx.tx, { id: uuidv7(), warehouseId, name: input.name, items: input.items, by: ctx.actor.userId });
  await audit(ctx, { action: 'CREATE', tableName: 'wo_checklist_templates', recordId: t.id, warehouseId, after: t });
  return t;
}
