import { api } from '../../../api/client';

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

export const receiptsApi = {
  create: (body: NewReceipt) => api.post<ReceiptDetail>('/api/v1/receipts', body),
};
