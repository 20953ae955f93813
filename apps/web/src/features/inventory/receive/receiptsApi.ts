import type { ReceiptDetail, ReceiptList } from '@plantops/contracts/responses/receipts';
import { api } from '../../../api/client';
import { toQuery } from '../../../api/types';

export interface NewReceipt {
  vendorId?: string;
  asnNumber?: string;
  poNumber?: string;
  notes?: string;
  lines: { partId: string; quantity: number; bin?: string }[];
}

/* Response shapes from the API's own schemas (type-only: nothing reaches the bundle). */
export type { ReceiptDetail };

export const receiptKeys = {
  all: ['receipts'] as const,
  recent: (limit: number) => ['receipts', 'recent', limit] as const,
};

export const receiptsApi = {
  create: (body: NewReceipt) => api.post<ReceiptDetail>('/api/v1/receipts', body),
  /** The newest receipts of the user's site. */
  recent: (limit: number) => api.get<ReceiptList>(`/api/v1/receipts${toQuery({ page: 1, limit })}`),
};
