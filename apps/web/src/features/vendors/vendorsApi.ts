import type { Vendor, VendorContact, VendorDetail, VendorList, VendorType } from '@plantops/contracts/responses/vendors';
import { api } from '../../api/client';
import { toQuery } from '../../api/types';

/* Response shapes come from the API's own schemas (packages/contracts/src/responses/vendors.ts). */
export type { Vendor, VendorContact, VendorDetail, VendorType } from '@plantops/contracts/responses/vendors';
/** The type filter's and form's choices (checked against the contract by the compiler). */
export const VENDOR_TYPES = ['SUPPLIER', 'CONTRACTOR'] as const satisfies readonly VendorType[];

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
  list: (f: VendorFilters) => api.get<VendorList>(`${base}${toQuery({ ...f, search: f.search.trim() })}`),
  get: (vendorId: string) => api.get<VendorDetail>(`${base}/${id(vendorId)}`),
  create: (body: VendorInput) => api.post<Vendor>(base, body),
  update: (vendorId: string, body: Partial<VendorInput>) => api.put<Vendor>(`${base}/${id(vendorId)}`, body),
  archive: (vendorId: string) => api.delete<Vendor>(`${base}/${id(vendorId)}`),
  restore: (vendorId: string) => api.post<Vendor>(`${base}/${id(vendorId)}/restore`),
};
