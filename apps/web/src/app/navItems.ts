export interface NavItem {
  to: '/' | '/notifications' | '/users' | '/audit' | '/admin/jobs' | '/profile';
  label: string;
  /** Shown when the user has any of these permissions; empty = everyone. */
  anyOf: string[];
}

/** Only pages that exist are listed here. */
export const NAV_ITEMS: NavItem[] = [
  { to: '/', label: 'Dashboard', anyOf: [] },
  { to: '/notifications', label: 'Notifications', anyOf: [] },
  { to: '/users', label: 'Users', anyOf: ['user:manage', 'user:manage:warehouse'] },
  { to: '/audit', label: 'Audit log', anyOf: ['audit:read'] },
  { to: '/admin/jobs', label: 'Jobs', anyOf: ['jobs:manage'] },
  { to: '/profile', label: 'Profile', anyOf: [] },
];

export function visibleNav(permissions: readonly string[]): NavItem[] {
  return NAV_ITEMS.filter((i) => i.anyOf.length === 0 || i.anyOf.some((p) => permissions.includes(p)));
}

export function canVisit(path: NavItem['to'], permissions: readonly string[]): boolean {
  return visibleNav(permissions).some((i) => i.to === path);
}
