import type { Role } from './roles.js';

/**
 * The permission table, as data: role -> permission strings `resource:action[:qualifier]`.
 * Route guards, GET /auth/permissions and POST /auth/validate-permission all read this one table.
 * Manufacturing roles follow spec section 12.2; maintenance roles follow domain.md.
 */
const MANUFACTURING_READ = ['inventory:read', 'warehouse:read', 'profile:self'] as const;

export const ALL_PERMISSIONS = [
  'user:manage',
  'user:manage:warehouse',
  'warehouse:read',
  'warehouse:manage',
  'audit:read',
  'jobs:manage',
  'settings:manage',
  'profile:self',
  'order:create',
  'order:read',
  'order:read:assigned',
  'order:update',
  'order:update:status',
  'order:delete',
  'configuration:read',
  'configuration:validate',
  'bom:generate',
  'bom:approve',
  'bom:read',
  'production:task:manage',
  'production:task:assigned',
  'quality:inspect',
  'quality:reports',
  'quality:complete',
  'inventory:read',
  'inventory:update',
  'inventory:create',
  'service:catalog:read',
  'service:cart:update',
  'service:order:create',
  'reports:financial',
  'reports:production',
  'workorder:read',
  'workorder:read:assigned',
  'workorder:read:own',
  'workorder:create',
  'workorder:request',
  'workorder:assign',
  'workorder:update',
  'workorder:verify',
  'workorder:escalate',
  'workorder:execute',
  'workorder:execute:assigned',
  'workorder:close',
  'workorder:delete',
  'equipment:read',
  'equipment:read:assigned',
  'equipment:status',
  'equipment:manage',
  'pm:read',
  'pm:manage',
  'parts:read',
  'parts:usage',
  'parts:manage',
  'parts:receive',
  'parts:adjust',
  'vendor:read',
  'vendor:manage',
  'reports:kpi',
  'reports:kpi:warehouse',
  'reports:kpi:own',
  'reports:inventory',
] as const;
export type Permission = (typeof ALL_PERMISSIONS)[number];

export const ROLE_PERMISSIONS: Record<Role, readonly Permission[]> = {
  ADMIN: ALL_PERMISSIONS,
  MANAGER: [
    'profile:self', 'user:manage:warehouse', 'warehouse:read', 'audit:read', 'inventory:read',
    'workorder:read', 'workorder:create', 'workorder:assign', 'workorder:update', 'workorder:verify',
    'workorder:escalate', 'workorder:execute', 'workorder:close', 'workorder:delete',
    'equipment:read', 'equipment:status', 'equipment:manage', 'pm:read', 'pm:manage',
    'parts:read', 'parts:usage', 'parts:manage', 'parts:receive', 'parts:adjust',
    'vendor:read', 'vendor:manage', 'reports:kpi',
  ],
  SUPERVISOR: [
    'profile:self', 'warehouse:read', 'inventory:read',
    'workorder:read', 'workorder:create', 'workorder:assign', 'workorder:update', 'workorder:verify',
    'workorder:escalate', 'workorder:execute',
    'equipment:read', 'equipment:status', 'equipment:manage', 'pm:read', 'pm:manage',
    'parts:read', 'parts:usage', 'parts:manage', 'parts:receive', 'parts:adjust',
    'vendor:read', 'vendor:manage', 'reports:kpi:warehouse',
  ],
  TECHNICIAN: [
    'profile:self', 'warehouse:read', 'inventory:read',
    'workorder:read:assigned', 'workorder:create', 'workorder:execute:assigned',
    'equipment:read', 'equipment:status', 'pm:read', 'parts:read', 'parts:usage',
    'vendor:read', 'reports:kpi:own',
  ],
  INVENTORY_CLERK: [
    'profile:self', 'warehouse:read', 'inventory:read', 'inventory:update', 'inventory:create',
    'workorder:read', 'equipment:read',
    'parts:read', 'parts:manage', 'parts:receive', 'parts:adjust',
    'vendor:read', 'vendor:manage', 'reports:inventory',
  ],
  // domain.md: a contractor reads only the equipment of work orders assigned to it.
  CONTRACTOR: [
    'profile:self', 'workorder:read:assigned', 'workorder:execute:assigned',
    'equipment:read:assigned', 'parts:read',
  ],
  REQUESTER: ['profile:self', 'workorder:read:own', 'workorder:request', 'equipment:read'],
  PRODUCTION_COORDINATOR: [
    ...MANUFACTURING_READ,
    'order:create', 'order:read', 'order:update', 'order:update:status', 'order:delete',
    'configuration:read',
  'configuration:validate',
  'bom:generate', 'bom:approve', 'bom:read', 'production:task:manage',
    'quality:inspect', 'quality:reports', 'quality:complete', 'inventory:update',
    'service:catalog:read', 'service:cart:update', 'service:order:create', 'reports:production',
  ],
  ASSEMBLER: [
    ...MANUFACTURING_READ,
    'order:read:assigned', 'order:update:status', 'bom:read', 'production:task:assigned',
  ],
  QC_PERSON: [
    ...MANUFACTURING_READ,
    'order:read:assigned', 'order:update:status', 'bom:read',
    'quality:inspect', 'quality:reports', 'quality:complete',
  ],
  // journeys.md: procurement also receives deliveries against its suppliers.
  PROCUREMENT: [...MANUFACTURING_READ, 'inventory:update', 'inventory:create', 'bom:read', 'parts:receive', 'vendor:read'],
  SERVICE_TECH: [
    ...MANUFACTURING_READ,
    'service:catalog:read', 'service:cart:update', 'service:order:create',
  ],
};

export function permissionsOf(role: Role): readonly Permission[] {
  return ROLE_PERMISSIONS[role];
}

export function hasPermission(role: Role, permission: string): boolean {
  return (ROLE_PERMISSIONS[role] as readonly string[]).includes(permission);
}

/** Groups `resource:action[:q]` strings as the spec's GET /auth/permissions shows them. */
export function groupPermissions(perms: readonly string[]): { resource: string; actions: string[] }[] {
  const byResource = new Map<string, string[]>();
  for (const p of perms) {
    const [resource, ...rest] = p.split(':');
    if (!resource) continue;
    const list = byResource.get(resource) ?? [];
    list.push(rest.join(':'));
    byResource.set(resource, list);
  }
  return [...byResource].map(([resource, actions]) => ({ resource, actions }));
}
