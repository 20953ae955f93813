export type NavPath =
  | '/'
  | '/notifications'
  | '/users'
  | '/audit'
  | '/admin/jobs'
  | '/profile'
  | '/inventory'
  | '/inventory/search'
  | '/inventory/low-stock'
  | '/inventory/receive'
  | '/vendors'
  | '/configurator'
  | '/orders'
  | '/orders/new'
  | '/work-orders'
  | '/work-orders/my'
  | '/work-orders/new'
  | '/equipment'
  | '/scan';

export interface NavItem {
  to: NavPath;
  label: string;
  /** Shown when the user has any of these permissions; empty = everyone. */
  anyOf: readonly string[];
  /** Sub-pages listed under the item (each with its own permissions). */
  children?: NavItem[];
}

export const INVENTORY_READ = ['inventory:read', 'parts:read'] as const;
export const INVENTORY_ADJUST = ['inventory:update', 'parts:adjust'] as const;
export const PARTS_RECEIVE = ['parts:receive', 'parts:manage'] as const;
export const VENDOR_READ = ['vendor:read', 'vendor:manage'] as const;
export const VENDOR_MANAGE = ['vendor:manage'] as const;
export const WO_EXECUTE = ['workorder:execute:assigned'] as const;
export const WO_BOARD = ['workorder:assign'] as const;
export const WO_REQUEST = ['workorder:request', 'workorder:create'] as const;
export const WO_READ = ['workorder:read', 'workorder:read:assigned', 'workorder:read:own'] as const;
export const ORDER_READ = ['order:read', 'order:read:assigned'] as const;
export const EQUIPMENT_READ = ['equipment:read', 'equipment:read:assigned'] as const;

/** Only pages that exist are listed here. */
export const NAV_ITEMS: NavItem[] = [
  { to: '/', label: 'Dashboard', anyOf: [] },
  { to: '/notifications', label: 'Notifications', anyOf: [] },
  { to: '/work-orders/my', label: 'My work', anyOf: WO_EXECUTE },
  { to: '/work-orders', label: 'Work orders', anyOf: WO_BOARD },
  { to: '/work-orders/new', label: 'Report a problem', anyOf: WO_REQUEST },
  { to: '/equipment', label: 'Equipment', anyOf: ['equipment:read'] },
  { to: '/scan', label: 'Scan', anyOf: EQUIPMENT_READ },
  {
    to: '/inventory',
    label: 'Inventory',
    anyOf: INVENTORY_READ,
    children: [
      { to: '/inventory/search', label: 'Search', anyOf: INVENTORY_READ },
      { to: '/inventory/low-stock', label: 'Low stock', anyOf: INVENTORY_READ },
      { to: '/inventory/receive', label: 'Receive', anyOf: PARTS_RECEIVE },
    ],
  },
  { to: '/orders', label: 'Orders', anyOf: ORDER_READ, children: [{ to: '/orders/new', label: 'New order', anyOf: ['order:create'] }] },
  { to: '/configurator', label: 'Configurator', anyOf: ['configuration:read'] },
  { to: '/vendors', label: 'Vendors', anyOf: VENDOR_READ },
  { to: '/users', label: 'Users', anyOf: ['user:manage', 'user:manage:warehouse'] },
  { to: '/audit', label: 'Audit log', anyOf: ['audit:read'] },
  { to: '/admin/jobs', label: 'Jobs', anyOf: ['jobs:manage'] },
  { to: '/profile', label: 'Profile', anyOf: [] },
];

export function hasAny(permissions: readonly string[], anyOf: readonly string[]): boolean {
  return anyOf.length === 0 || anyOf.some((p) => permissions.includes(p));
}

/** The items (and their sub-pages) the permissions open; a sub-page shows only under a visible parent. */
export function visibleNav(permissions: readonly string[]): NavItem[] {
  return NAV_ITEMS.filter((i) => hasAny(permissions, i.anyOf)).map((i) =>
    i.children ? { ...i, children: i.children.filter((c) => hasAny(permissions, c.anyOf)) } : i,
  );
}

export function canVisit(path: NavPath, permissions: readonly string[]): boolean {
  return visibleNav(permissions).some((i) => i.to === path || Boolean(i.children?.some((c) => c.to === path)));
}
