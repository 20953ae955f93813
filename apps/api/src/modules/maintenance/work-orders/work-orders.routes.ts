import multipart from '@fastify/multipart';
import { errorBodySchema, type Permission } from '@plantops/contracts';
import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { v7 as uuidv7 } from 'uuid';
import { z } from 'zod';
import type { AppDeps } from '../../../app-deps.js';
import { sendCached } from '../../../platform/cache/cached-read.js';
import { envelope, ok, pageQuery, pagination, uuidParam } from '../../../platform/http/envelope.js';
import { validation } from '../../../platform/http/errors.js';
import { MAX_UPLOAD_BYTES, originalKey, receiveUpload } from '../../core/files/index.js';
import './work-orders.access.js';
import * as workDetails from './work-order-details.service.js';
import {
  addChecklistBody, assignablePeopleSchema, assignBody, attachmentSchema, checklistItemSchema, commentBody, commentSchema, createTemplateBody, createWorkOrderBody,
  listQuery, manualTimeBody, partMovementSchema, partsBody, startTimerBody, statusBody, templateListSchema, templateSchema, timeLogSchema, updateChecklistItemBody,
  updateWorkOrderBody, workOrderDetailSchema, workOrderListSchema, workOrderSchema,
} from './work-orders.schema.js';
import * as workOrders from './work-orders.service.js';
import { workOrderCaches, workOrderListPage, workOrderPage } from './work-orders.read-cache.js';

const tags = ['work-orders'];
const READ: readonly Permission[] = ['workorder:read', 'workorder:read:assigned', 'workorder:read:own'];
const read = { anyOf: READ };
const create = { anyOf: ['workorder:create', 'workorder:request'] as const };
const edit = { anyOf: ['workorder:update'] as const };
const assign = { anyOf: ['workorder:assign'] as const };
const execute = { anyOf: ['workorder:execute', 'workorder:execute:assigned'] as const };
const idParams = z.strictObject({ id: uuidParam });
const errors = (...statuses: number[]) => Object.fromEntries(statuses.map((s) => [s, errorBodySchema]));

/** Work orders at /api/v1/work-orders: the lifecycle of domain.md and everything recorded on the way. */
export async function workOrderRoutes(app: FastifyInstance, deps: AppDeps) {
  const r = app.withTypeProvider<ZodTypeProvider>();
  const { pages, lists } = workOrderCaches(deps.caches);

  r.get('/api/v1/work-orders', {
    config: { access: read },
    schema: {
      tags,
      summary: 'Work orders the caller may see (technicians and contractors: assigned; requesters: own), filtered, sorted, cursor-paginated',
      querystring: listQuery,
      response: { 200: envelope(workOrderListSchema), ...errors(403) },
    },
    handler: async (request, reply) =>
      sendCached(request, reply, lists, JSON.stringify(request.query), () => deps.scoped(request, (ctx) => workOrderListPage(ctx, request.query))),
  });

  r.post('/api/v1/work-orders', {
    config: { access: create },
    schema: {
      tags,
      summary: 'Create a work order (type PM, CORRECTIVE or EMERGENCY; optional assignees and checklist) or, as a REQUESTER, a request in NEW',
      body: createWorkOrderBody,
      response: { 201: envelope(workOrderSchema), ...errors(409) },
    },
    handler: async (request, reply) => reply.status(201).send(ok(await deps.scoped(request, (ctx) => workOrders.createWorkOrder(ctx, request.body)))),
  });

  r.get('/api/v1/work-orders/assignable-people', {
    config: { access: assign },
    schema: {
      tags,
      summary: 'Technicians, contractors, supervisors and managers of the acting warehouse who may be assigned work',
      response: { 200: envelope(assignablePeopleSchema) },
    },
    handler: async (request) => ok({ people: await deps.scoped(request, (ctx) => workOrders.assignablePeople(ctx)) }),
  });

  r.get('/api/v1/work-orders/checklist-templates', {
    config: { access: { anyOf: ['workorder:read', 'workorder:read:assigned', 'workorder:create'] } },
    schema: {
      tags,
      summary: "The site's checklist templates",
      querystring: z.strictObject(pageQuery),
      response: { 200: envelope(templateListSchema) },
    },
    handler: async (request) => {
      const { page, limit } = request.query;
      const { rows, total } = await deps.scoped(request, (ctx) => workOrders.listTemplates(ctx, page, limit));
      return ok({ templates: rows, pagination: pagination(page, limit, total) });
    },
  });

  r.post('/api/v1/work-orders/checklist-templates', {
    config: { access: edit },
    schema: { tags, summary: 'Create a checklist template (items with typed custom fields)', body: createTemplateBody, response: { 201: envelope(templateSchema), ...errors(409) } },
    handler: async (request, reply) => reply.status(201).send(ok(await deps.scoped(request, (ctx) => workOrders.createTemplate(ctx, request.body)))),
  });

  r.get('/api/v1/work-orders/:id', {
    config: { access: read },
    schema: {
      tags,
      summary: 'A work order with equipment, checklist, time logs, parts, attachments, comments, history, follow-ups, the next statuses open to the caller and what still blocks completion',
      params: idParams,
      response: { 200: envelope(workOrderDetailSchema), ...errors(404) },
    },
    handler: async (request, reply) =>
      sendCached(request, reply, pages, request.params.id, () => deps.scoped(request, (ctx) => workOrderPage(ctx, request.params.id))),
  });

  r.put('/api/v1/work-orders/:id', {
    config: { access: edit },
    schema: { tags, summary: 'Edit a work order (supervisors and managers, until the work is done)', params: idParams, body: updateWorkOrderBody, response: { 200: envelope(workOrderSchema), ...errors(404, 409) } },
    handler: async (request) => ok(await deps.scoped(request, (ctx) => workOrders.updateWorkOrder(ctx, request.params.id, request.body))),
  });

  r.put('/api/v1/work-orders/:id/status', {
    config: { access: { anyOf: ['workorder:execute', 'workorder:execute:assigned', 'workorder:assign', 'workorder:verify', 'workorder:close', 'workorder:update', 'workorder:request'] } },
    schema: {
      tags,
      summary: 'Move the work order through its states; a refusal (403 role, 409 state, 422 missing reason) names the gate',
      params: idParams,
      body: statusBody,
      response: { 200: envelope(workOrderSchema), ...errors(404, 409) },
    },
    handler: async (request) => ok(await deps.scoped(request, (ctx) => workOrders.changeStatus(ctx, request.params.id, request.body.status, request.body.reason))),
  });

  r.post('/api/v1/work-orders/:id/assign', {
    config: { access: assign },
    schema: { tags, summary: 'Assign one or more people (replace or add); a NEW work order becomes ASSIGNED', params: idParams, body: assignBody, response: { 200: envelope(workOrderSchema), ...errors(404, 409) } },
    handler: async (request) => ok(await deps.scoped(request, (ctx) => workOrders.assign(ctx, request.params.id, request.body.userIds, request.body.mode))),
  });

  r.post('/api/v1/work-orders/:id/checklist-items', {
    config: { access: { anyOf: ['workorder:update', 'workorder:execute', 'workorder:execute:assigned'] } },
    schema: {
      tags,
      summary: 'Add checklist items: one ad hoc item, several ({items}), or a template\'s ({templateId})',
      params: idParams,
      body: addChecklistBody,
      response: { 201: envelope(z.object({ items: z.array(checklistItemSchema) })), ...errors(404, 409) },
    },
    handler: async (request, reply) => reply.status(201).send(ok({ items: await deps.scoped(request, (ctx) => workDetails.addChecklistItems(ctx, request.params.id, request.body)) })),
  });

  r.put('/api/v1/work-orders/:id/checklist-items/:itemId', {
    config: { access: execute },
    schema: {
      tags,
      summary: 'Record an item: status DONE/SKIPPED/ISSUE/PENDING, notes, custom field values (checked against their types); ISSUE opens a follow-up work order',
      params: z.strictObject({ id: uuidParam, itemId: uuidParam }),
      body: updateChecklistItemBody,
      response: { 200: envelope(checklistItemSchema), ...errors(404, 409) },
    },
    handler: async (request) => ok(await deps.scoped(request, (ctx) => workDetails.updateChecklistItem(ctx, request.params.id, request.params.itemId, request.body))),
  });

  r.post('/api/v1/work-orders/:id/time-logs/start', {
    config: { access: execute },
    schema: { tags, summary: 'Start your timer on this work order (one running timer per person)', params: idParams, body: startTimerBody.optional(), response: { 201: envelope(timeLogSchema), ...errors(404, 409) } },
    handler: async (request, reply) => reply.status(201).send(ok(await deps.scoped(request, (ctx) => workDetails.startTimer(ctx, request.params.id, request.body?.description)))),
  });

  r.post('/api/v1/work-orders/:id/time-logs/stop', {
    config: { access: execute },
    schema: { tags, summary: 'Stop your running timer on this work order', params: idParams, response: { 200: envelope(timeLogSchema), ...errors(404, 409) } },
    handler: async (request) => ok(await deps.scoped(request, (ctx) => workDetails.stopTimer(ctx, request.params.id))),
  });

  r.post('/api/v1/work-orders/:id/time-logs', {
    config: { access: execute },
    schema: { tags, summary: 'Log time by hand (in the past, not overlapping your other entries)', params: idParams, body: manualTimeBody, response: { 201: envelope(timeLogSchema), ...errors(404, 409) } },
    handler: async (request, reply) => reply.status(201).send(ok(await deps.scoped(request, (ctx) => workDetails.logTime(ctx, request.params.id, request.body)))),
  });

  r.post('/api/v1/work-orders/:id/parts', {
    config: { access: execute },
    schema: {
      tags,
      summary: "Parts used (USE) or returned (RETURN) through the ledger with the work order as reference; more than on hand, or returning more than used, is refused",
      params: idParams,
      body: partsBody,
      response: { 201: envelope(partMovementSchema), ...errors(404, 409) },
    },
    handler: async (request, reply) => reply.status(201).send(ok(await deps.scoped(request, (ctx) => workDetails.moveParts(ctx, request.params.id, request.body)))),
  });

  r.post('/api/v1/work-orders/:id/comments', {
    config: { access: read },
    schema: { tags, summary: 'Comment on a work order', params: idParams, body: commentBody, response: { 201: envelope(commentSchema), ...errors(404, 409) } },
    handler: async (request, reply) => reply.status(201).send(ok(await deps.scoped(request, (ctx) => workDetails.addComment(ctx, request.params.id, request.body.body)))),
  });

  // Uploads read their own multipart body; registered in this scope only, so every other route
  // keeps the 1 MB JSON limit.
  await app.register(async (scope) => {
    await scope.register(multipart, { limits: { fileSize: MAX_UPLOAD_BYTES, files: 1 } });
    scope.withTypeProvider<ZodTypeProvider>().post('/api/v1/work-orders/:id/attachments', {
      config: { access: read },
      schema: {
        tags,
        summary: 'Attach a file (multipart field `file`: photos straight from a phone camera, PDFs, text), optionally to one checklist item (?checklistItemId=)',
        consumes: ['multipart/form-data'],
        params: idParams,
        querystring: z.strictObject({ checklistItemId: z.uuid().optional() }),
        response: { 201: envelope(attachmentSchema), ...errors(404, 409, 413, 415) },
      },
      handler: async (request, reply) => {
        const received = await receiveUpload(request);
        if (!received.file) throw validation('No file was sent', [{ field: 'file', message: 'Required', code: 'REQUIRED_FIELD' }]);
        const fileId = uuidv7();
        try {
          const attachment = await deps.scoped(request, (ctx) =>
            workDetails.attach(ctx, deps.storage, request.params.id, { fileId, checklistItemId: request.query.checklistItemId, fileName: received.file!.fileName, mimetype: received.file!.mimetype, content: received.file!.content }),
          );
          deps.jobs.enqueue('file-processor').catch((err) => request.log.error({ err }, 'could not queue file-processor'));
          return reply.status(201).send(ok(attachment));
        } catch (err) {
          // The bytes are written last inside the transaction; a failed commit must not leave them behind.
          await deps.storage.remove(originalKey(fileId)).catch(() => undefined);
          throw err;
        }
      },
    });
  });
}
