import type { Pagination } from '@plantops/contracts';
import { api } from '../../../api/client';
import { toQuery } from '../../../api/types';

export interface NewReceipt {
  vendorId?: string;
  asnNumber?: string;
  poNumber?: string;
  notes?: string;
  lines: { partId: string; quantity: number; bin?: string }[];
}

export interface ReceiptDetail {
  id: string;
  vendor: { id: string; name: string } | null;
  asnNumber: string | null;
  poNumber: string | null;
  receivedAt: string;
  lineCount: number;
  totalQuantity: number;
  lines: { id: string; partId: string; partNumber: string; partName: string; quantity: number; bin: string | null }[];
}

export type ReceiptSummary = Omit<ReceiptDetail, 'lines'> & { receivedBy: { id: string; name: string } };

export const receiptKeys = {
  all: ['receipts'] as const,
  recent: (limit: number) => ['receipts', 'recent', limit] as const,
};

export const receiptsApi = {
  create: (body: NewReceipt) => api.post<ReceiptDetail>('/api/v1/receipts', body),
  /** The newest receipts of the user's site. */
  recent: (limit: number) => api.get<{ receipts: ReceiptSummary[]; pagination: Pagination }>(`/api/v1/receipts${toQuery({ page: 1, limit })}`),
};
