import type { ChecklistStatus, WoPriority, WoStatus, WoType } from '@plantops/contracts';
import type {
  AssignablePeople,
  ChecklistItem,
  Equipment,
  EquipmentDetail,
  EquipmentTree,
  TimeLog,
  WorkOrder,
  WorkOrderDetail,
  WorkOrderList,
} from '@plantops/contracts/responses/maintenance';
import type { PartList } from '@plantops/contracts/responses/parts';
import { api, errorFromResponse, renewAfter401 } from '../../api/client';
import { session } from '../../auth/session';

/** Data access for the maintenance pages: work orders and equipment. */

/* Response shapes come from the API's own schemas (packages/contracts/src/responses/maintenance.ts). */
export type { ChecklistItem, Equipment, EquipmentDetail, Person, TimeLog, TreeNode, WorkOrder, WorkOrderDetail } from '@plantops/contracts/responses/maintenance';

export interface WoListQuery {
  status?: string;
  assignee?: string;
  priority?: string;
  sort?: 'createdAt' | 'updatedAt' | 'dueDate' | 'priority';
  search?: string;
  limit?: number;
}

const qs = (q: Record<string, string | number | undefined>) => {
  const p = new URLSearchParams();
  for (const [k, v] of Object.entries(q)) if (v !== undefined && v !== '') p.set(k, String(v));
  const s = p.toString();
  return s ? `?${s}` : '';
};

export const woKeys = {
  all: ['work-orders'] as const,
  list: (q: WoListQuery) => ['work-orders', 'list', q] as const,
  detail: (id: string) => ['work-orders', 'detail', id] as const,
};

export const workOrdersApi = {
  list: (q: WoListQuery) => api.get<WorkOrderList>(`/api/v1/work-orders${qs({ limit: 100, ...q })}`),
  get: (id: string) => api.get<WorkOrderDetail>(`/api/v1/work-orders/${id}`),
  create: (body: { title: string; description?: string; priority?: WoPriority; equipmentId?: string; type?: WoType }) => api.post<WorkOrder>('/api/v1/work-orders', body),
  setStatus: (id: string, status: WoStatus, reason?: string) => api.put<WorkOrder>(`/api/v1/work-orders/${id}/status`, { status, ...(reason ? { reason } : {}) }),
  assign: (id: string, userIds: string[]) => api.post<WorkOrder>(`/api/v1/work-orders/${id}/assign`, { userIds }),
  people: () => api.get<AssignablePeople>('/api/v1/work-orders/assignable-people'),
  recordItem: (id: string, itemId: string, body: { status?: ChecklistStatus; notes?: string | null; customFieldData?: Record<string, unknown> }) =>
    api.put<ChecklistItem>(`/api/v1/work-orders/${id}/checklist-items/${itemId}`, body),
  startTimer: (id: string) => api.post<TimeLog>(`/api/v1/work-orders/${id}/time-logs/start`, {}),
  stopTimer: (id: string) => api.post<TimeLog>(`/api/v1/work-orders/${id}/time-logs/stop`),
  useParts: (id: string, partId: string, quantity: number) => api.post(`/api/v1/work-orders/${id}/parts`, { partId, quantity, action: 'USE' }),
  comment: (id: string, body: string) => api.post(`/api/v1/work-orders/${id}/comments`, { body }),
  /** Multipart upload of one photo or file (a camera picture straight from the phone). */
  attach: async (id: string, file: File): Promise<void> => {
    const send = (token: string | undefined) => {
      const form = new FormData();
      form.append('file', file, file.name);
      return fetch(`/api/v1/work-orders/${id}/attachments`, { method: 'POST', body: form, headers: token ? { Authorization: `Bearer ${token}` } : {} });
    };
    const used = session.get()?.accessToken;
    let res = await send(used);
    if (res.status === 401 && used && (await renewAfter401(used))) res = await send(session.get()?.accessToken);
    if (!res.ok) throw errorFromResponse(res.status, await res.text(), res.headers.get('retry-after'));
  },
};

export const equipmentKeys = {
  detail: (id: string) => ['equipment', 'detail', id] as const,
  tree: (parentId: string | null) => ['equipment', 'tree', parentId] as const,
};

export const equipmentApi = {
  lookup: (code: string) => api.get<Equipment>(`/api/v1/equipment/lookup${qs({ code })}`),
  get: (id: string) => api.get<EquipmentDetail>(`/api/v1/equipment/${id}`),
  tree: (parentId: string | null) => api.get<EquipmentTree>(`/api/v1/equipment/tree${qs({ parentId: parentId ?? undefined, limit: 200 })}`),
  qrUrl: (id: string) => `/api/v1/equipment/${id}/qr?format=svg&size=256`,
  labelsUrl: (ids: string[]) => `/api/v1/equipment/labels${qs({ ids: ids.join(',') })}`,
};

export const partsApi = {
  search: (search: string) => api.get<PartList>(`/api/v1/parts${qs({ search, limit: 10 })}`),
};
