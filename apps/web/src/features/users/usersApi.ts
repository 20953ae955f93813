import type { Pagination, Role, UserSummary } from '@plantops/contracts';
import { api } from '../../api/client';
import { toQuery } from '../../api/types';

export interface UserFilters {
  page: number;
  limit: number;
  search: string;
  role: Role | '';
  warehouseId: string;
  active: '' | 'true' | 'false';
  sortBy?: UserSortField;
  sortOrder?: 'asc' | 'desc';
}

export type UserSortField = 'createdAt' | 'email' | 'lastName' | 'role';

export interface NewUser {
  email: string;
  firstName: string;
  lastName: string;
  role: Role;
  warehouseId: string;
  phone?: string;
  password: string;
}

export interface UserChanges {
  firstName?: string;
  lastName?: string;
  phone?: string | null;
  role?: Role;
  warehouseId?: string;
  active?: boolean;
}

export const usersApi = {
  list: (f: UserFilters) =>
    api.get<{ users: UserSummary[]; pagination: Pagination }>(`/api/v1/users${toQuery({ ...f })}`),
  create: (body: NewUser) => api.post<UserSummary>('/api/v1/users', body),
  update: (id: string, body: UserChanges) => api.put<UserSummary>(`/api/v1/users/${encodeURIComponent(id)}`, body),
};
