import type { Pagination } from '@plantops/contracts';
import { api } from '../../api/client';
import { toQuery } from '../../api/types';

export const VENDOR_TYPES = ['SUPPLIER', 'CONTRACTOR'] as const;
export type VendorType = (typeof VENDOR_TYPES)[number];

export interface VendorContact {
  name: string;
  email?: string;
  phone?: string;
  role?: string;
}

export interface Vendor {
  id: string;
  name: string;
  type: VendorType;
  email: string | null;
  phone: string | null;
  address: string | null;
  website: string | null;
  notes: string | null;
  contacts: VendorContact[];
  active: boolean;
  archivedAt: string | null;
  warehouseId: string;
  createdAt: string;
  updatedAt: string;
}

export interface VendorDetail extends Vendor {
  documents: { id: string; fileName: string; contentType: string; size: number; url: string }[];
}

export interface VendorFilters {
  page: number;
  limit: number;
  search: string;
  type: VendorType | '';
  active: '' | 'true' | 'false';
  /** One site's vendors (receiving offers only the receiving site's); empty = every site the user sees. */
  warehouseId?: string;
}

export interface VendorInput {
  name: string;
  type: VendorType;
  email: string | null;
  phone: string | null;
  address: string | null;
  website: string | null;
  notes: string | null;
  contacts: VendorContact[];
}

const base = '/api/v1/vendors';
const id = (s: string) => encodeURIComponent(s);

export const vendorKeys = {
  all: ['vendors'] as const,
  list: (f: VendorFilters) => ['vendors', 'list', f] as const,
  detail: (vendorId: string) => ['vendors', 'detail', vendorId] as const,
};

export const vendorsApi = {
  list: (f: VendorFilters) => api.get<{ vendors: Vendor[]; pagination: Pagination }>(`${base}${toQuery({ ...f, search: f.search.trim() })}`),
  get: (vendorId: string) => api.get<VendorDetail>(`${base}/${id(vendorId)}`),
  create: (body: VendorInput) => api.post<Vendor>(base, body),
  update: (vendorId: string, body: Partial<VendorInput>) => api.put<Vendor>(`${base}/${id(vendorId)}`, body),
  archive: (vendorId: string) => api.delete<Vendor>(`${base}/${id(vendorId)}`),
  restore: (vendorId: string) => api.post<Vendor>(`${base}/${id(vendorId)}/restore`),
};
