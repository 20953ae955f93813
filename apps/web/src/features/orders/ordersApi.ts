import type { OrderPriority, OrderStatus } from '@plantops/contracts';
import type {
  accessoriesSchema,
  cancelledOrderSchema,
  customerListSchema,
  draftOrderSchema,
  orderListSchema,
  orderUpdateSchema,
  sinkConfigurationSchema,
  sinkSelectionSchema,
  statusChangeSchema,
  statusHistorySchema,
  submittedOrderSchema,
  Address,
  OrderDetail,
  Person,
} from '@plantops/contracts/responses/orders';
import type { z } from 'zod';
import { api, request } from '../../api/client';
import { downloadFile } from '../../api/download';
import { toQuery } from '../../api/types';
import type { AccessoryLine, Bom } from '../configurator/configuratorTypes';
import type { OrderListFilters } from './list/orderListUrl';

/** The orders API of spec section 2 (types from the API's own response schemas: nothing reaches the bundle). */
export type DraftOrder = z.infer<typeof draftOrderSchema>;
export type SinkSelection = z.infer<typeof sinkSelectionSchema>;
export type SinkConfigurationResult = z.infer<typeof sinkConfigurationSchema>;
export type AccessoriesResult = z.infer<typeof accessoriesSchema>;
export type SubmittedOrder = z.infer<typeof submittedOrderSchema>;
export type OrderList = z.infer<typeof orderListSchema>;
export type StatusChange = z.infer<typeof statusChangeSchema>;
export type StatusHistory = z.infer<typeof statusHistorySchema>;
export type OrderUpdate = z.infer<typeof orderUpdateSchema>;
export type CancelledOrder = z.infer<typeof cancelledOrderSchema>;
export type CustomerList = z.infer<typeof customerListSchema>;
export type { OrderDetail };
export type { OrderListItem, NextStep, Build, Customer, AccessoryLine as OrderAccessoryLine } from '@plantops/contracts/responses/orders';

export interface CustomerInput {
  id?: string;
  companyName: string;
  contactName: string;
  email: string;
  phone?: string;
  shippingAddress: Address;
}

export interface DraftInput {
  customer: CustomerInput;
  priority?: OrderPriority;
  specialInstructions?: string;
  requestedDelivery?: string;
}

export interface SinkLineInput {
  sinkFamilyId: string;
  quantity: number;
  buildNumbers?: string[];
}

export interface StatusInput {
  status: OrderStatus;
  notes?: string;
  acceptBackorders?: boolean;
  carrier?: string;
  trackingNumber?: string;
  shipDate?: string;
  adminOverride?: boolean;
}

export interface BomSinkConfiguration {
  sinkFamilyId: string;
  configuration: unknown;
  accessories: AccessoryLine[];
}

const order = (id: string) => `/api/v1/orders/${encodeURIComponent(id)}`;

export const orderKeys = {
  all: ['orders'] as const,
  list: (f: OrderListFilters) => ['orders', 'list', f] as const,
  detail: (id: string) => ['orders', 'detail', id] as const,
  history: (id: string) => ['orders', 'history', id] as const,
  customers: ['orders', 'customers'] as const,
  people: ['orders', 'assignable-people'] as const,
  bom: (bomId: string) => ['orders', 'bom', bomId] as const,
};

export const ordersApi = {
  list: (f: OrderListFilters) =>
    api.get<OrderList>(
      `/api/v1/orders${toQuery({ status: f.status, priority: f.priority, search: f.search, dateFrom: f.dateFrom, dateTo: f.dateTo, page: f.page, limit: 20, sortBy: f.sortBy, sortOrder: f.sortOrder })}`,
    ),
  detail: (id: string) => api.get<OrderDetail>(order(id)),
  history: (id: string) => api.get<StatusHistory>(`${order(id)}/status-history`),
  customers: (search: string) => api.get<CustomerList>(`/api/v1/orders/customers${toQuery({ search, limit: 10 })}`),
  createDraft: (body: DraftInput) => api.post<DraftOrder>('/api/v1/orders/draft', body),
  selectSinks: (id: string, sinks: SinkLineInput[]) => api.put<SinkSelection>(`${order(id)}/sink-selection`, { sinks }),
  configure: (id: string, buildNumber: string, configuration: unknown) => api.put<SinkConfigurationResult>(`${order(id)}/sink-configuration`, { buildNumber, configuration }),
  accessories: (id: string, buildNumber: string | null, accessories: AccessoryLine[]) =>
    api.put<AccessoriesResult>(`${order(id)}/accessories`, buildNumber ? { buildNumber, accessories } : { accessories }),
  submit: (id: string) => api.post<SubmittedOrder>(`${order(id)}/submit`, { finalReview: true, customerApproval: true }),
  setStatus: (id: string, body: StatusInput) => api.put<StatusChange>(`${order(id)}/status`, body),
  assign: (id: string, body: { assemblerId?: string | null; qcPersonId?: string | null }) => api.post<unknown>(`${order(id)}/assign`, body),
  people: () => api.get<{ people: Person[] }>('/api/v1/orders/assignable-people'),
  update: (id: string, body: Record<string, unknown>) => api.put<OrderUpdate>(order(id), body),
  cancel: (id: string, reason: string, adminOverride?: boolean) => request<CancelledOrder>('DELETE', order(id), { reason, ...(adminOverride ? { adminOverride } : {}) }),
  /** The BOM of every build of the draft together, not saved (the review step's preview). */
  previewBom: (sinkConfigurations: BomSinkConfiguration[], accessories: AccessoryLine[]) =>
    api.post<Bom>('/api/v1/bom/generate', { preview: true, sinkConfigurations, ...(accessories.length ? { accessories } : {}) }),
  bom: (bomId: string) => api.get<Bom>(`/api/v1/bom/${encodeURIComponent(bomId)}`),
  approveBom: (bomId: string) => api.post<Bom>(`/api/v1/bom/${encodeURIComponent(bomId)}/approve`),
  exportBom: (bomId: string, buildNumber: string, format: 'csv' | 'xlsx' | 'pdf') =>
    downloadFile(`/api/v1/bom/${encodeURIComponent(bomId)}/export?format=${format}`, `bom-${buildNumber}.${format}`),
  /** A document of the order (packing list, BOM exports) by the href the detail gives. */
  document: (href: string, fileName: string) => downloadFile(href, fileName),
};
