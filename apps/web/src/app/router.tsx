import { createRootRoute, createRoute, createRouter, Outlet, redirect, useNavigate } from '@tanstack/react-router';
import { useCallback } from 'react';
import { ChangePasswordPage } from '../auth/ChangePasswordPage';
import { LoginPage } from '../auth/LoginPage';
import { session } from '../auth/session';
import { AuditPage } from '../features/audit/AuditPage';
import { DashboardPage } from '../features/dashboard/DashboardPage';
import { CatalogPage } from '../features/inventory/catalog/CatalogPage';
import { parseCatalogSearch } from '../features/inventory/catalog/catalogSearch';
import { LowStockPage } from '../features/inventory/lowstock/LowStockPage';
import { PartPage } from '../features/inventory/part/PartPage';
import { ReceivePage } from '../features/inventory/receive/ReceivePage';
import { SearchPage } from '../features/inventory/search/SearchPage';
import { parseSearchUrl, toSearchUrl } from '../features/inventory/search/searchUrl';
import type { SearchFilters } from '../features/inventory/inventoryTypes';
import { JobsPage } from '../features/jobs/JobsPage';
import { NotificationPreferencesPage } from '../features/notifications/NotificationPreferencesPage';
import { NotificationsPage } from '../features/notifications/NotificationsPage';
import { ProfilePage } from '../features/profile/ProfilePage';
import { UsersPage } from '../features/users/UsersPage';
import { VendorDetailPage } from '../features/vendors/VendorDetailPage';
import { VendorsPage } from '../features/vendors/VendorsPage';
import { BoardPage } from '../features/maintenance/BoardPage';
import { EquipmentPage } from '../features/maintenance/EquipmentPage';
import { EquipmentTreePage } from '../features/maintenance/EquipmentTreePage';
import { MyWorkPage } from '../features/maintenance/MyWorkPage';
import { RequestPage } from '../features/maintenance/RequestPage';
import { ScanPage } from '../features/maintenance/ScanPage';
import { WorkOrderPage } from '../features/maintenance/WorkOrderPage';
import { Layout } from './Layout';
import { canVisit, type NavPath } from './navItems';
import { NotFound } from './NotFound';

const rootRoute = createRootRoute({ component: Outlet, notFoundComponent: NotFound });

const loginRoute = createRoute({
  getParentRoute: () => rootRoute,
  path: '/login',
  validateSearch: (s: Record<string, unknown>): { redirect?: string } =>
    typeof s.redirect === 'string' ? { redirect: s.redirect } : {},
  beforeLoad: () => {
    if (session.get()) throw redirect({ to: '/' });
  },
  component: function Login() {
    const { redirect: to } = loginRoute.useSearch();
    return <LoginPage redirect={to} />;
  },
});

const changePasswordRoute = createRoute({
  getParentRoute: () => rootRoute,
  path: '/change-password',
  beforeLoad: () => {
    if (!session.get()) throw redirect({ to: '/login' });
  },
  component: ChangePasswordPage,
});

/** Everything behind sign-in; a pending password change comes before anything else. */
const appRoute = createRoute({
  getParentRoute: () => rootRoute,
  id: 'app',
  beforeLoad: ({ location }) => {
    const s = session.get();
    if (!s) throw redirect({ to: '/login', search: location.href === '/' ? {} : { redirect: location.href } });
    if (s.user.mustChangePassword) throw redirect({ to: '/change-password' });
  },
  component: Layout,
});

function guard(path: NavPath) {
  return () => {
    if (!canVisit(path, session.get()?.user.permissions ?? [])) throw redirect({ to: '/' });
  };
}

const dashboardRoute = createRoute({ getParentRoute: () => appRoute, path: '/', component: DashboardPage });
const usersRoute = createRoute({ getParentRoute: () => appRoute, path: '/users', beforeLoad: guard('/users'), component: UsersPage });
const auditRoute = createRoute({ getParentRoute: () => appRoute, path: '/audit', beforeLoad: guard('/audit'), component: AuditPage });
const profileRoute = createRoute({ getParentRoute: () => appRoute, path: '/profile', component: ProfilePage });
const notificationsRoute = createRoute({ getParentRoute: () => appRoute, path: '/notifications', component: NotificationsPage });
const notificationPreferencesRoute = createRoute({
  getParentRoute: () => appRoute,
  path: '/notifications/preferences',
  component: NotificationPreferencesPage,
});
const jobsRoute = createRoute({ getParentRoute: () => appRoute, path: '/admin/jobs', beforeLoad: guard('/admin/jobs'), component: JobsPage });

const inventoryRoute = createRoute({
  getParentRoute: () => appRoute,
  path: '/inventory',
  beforeLoad: guard('/inventory'),
  validateSearch: parseCatalogSearch,
  component: function Catalog() {
    return <CatalogPage at={inventoryRoute.useSearch()} />;
  },
});
const inventorySearchRoute = createRoute({
  getParentRoute: () => appRoute,
  path: '/inventory/search',
  beforeLoad: guard('/inventory/search'),
  validateSearch: parseSearchUrl,
  component: function Search() {
    const navigate = useNavigate();
    // replace: typing a search must not fill the history with one entry per keystroke
    const keepInAddress = useCallback((f: SearchFilters) => void navigate({ to: '/inventory/search', search: toSearchUrl(f), replace: true }), [navigate]);
    return <SearchPage initial={inventorySearchRoute.useSearch()} onSettled={keepInAddress} />;
  },
});
const lowStockRoute = createRoute({ getParentRoute: () => appRoute, path: '/inventory/low-stock', beforeLoad: guard('/inventory/low-stock'), component: LowStockPage });
const receiveRoute = createRoute({ getParentRoute: () => appRoute, path: '/inventory/receive', beforeLoad: guard('/inventory/receive'), component: ReceivePage });
const partRoute = createRoute({
  getParentRoute: () => appRoute,
  path: '/inventory/parts/$partId',
  beforeLoad: guard('/inventory'),
  component: function Part() {
    const { partId } = partRoute.useParams();
    return <PartPage key={partId} partId={partId} />;
  },
});
const vendorsRoute = createRoute({ getParentRoute: () => appRoute, path: '/vendors', beforeLoad: guard('/vendors'), component: VendorsPage });
const vendorRoute = createRoute({
  getParentRoute: () => appRoute,
  path: '/vendors/$vendorId',
  beforeLoad: guard('/vendors'),
  component: function Vendor() {
    const { vendorId } = vendorRoute.useParams();
    return <VendorDetailPage key={vendorId} vendorId={vendorId} />;
  },
});

const boardRoute = createRoute({ getParentRoute: () => appRoute, path: '/work-orders', beforeLoad: guard('/work-orders'), component: BoardPage });
const myWorkRoute = createRoute({ getParentRoute: () => appRoute, path: '/work-orders/my', beforeLoad: guard('/work-orders/my'), component: MyWorkPage });
const requestRoute = createRoute({
  getParentRoute: () => appRoute,
  path: '/work-orders/new',
  beforeLoad: guard('/work-orders/new'),
  validateSearch: (s: Record<string, unknown>): { equipment?: string } => (typeof s.equipment === 'string' ? { equipment: s.equipment } : {}),
  component: function Request() {
    return <RequestPage initialTag={requestRoute.useSearch().equipment} />;
  },
});
const workOrderRoute = createRoute({
  getParentRoute: () => appRoute,
  path: '/work-orders/$workOrderId',
  component: function WorkOrder() {
    const { workOrderId } = workOrderRoute.useParams();
    return <WorkOrderPage key={workOrderId} workOrderId={workOrderId} />;
  },
});
const equipmentTreeRoute = createRoute({ getParentRoute: () => appRoute, path: '/equipment', beforeLoad: guard('/equipment'), component: EquipmentTreePage });
const equipmentRoute = createRoute({
  getParentRoute: () => appRoute,
  path: '/equipment/$equipmentId',
  beforeLoad: guard('/scan'),
  component: function EquipmentDetail() {
    const { equipmentId } = equipmentRoute.useParams();
    return <EquipmentPage key={equipmentId} equipmentId={equipmentId} />;
  },
});
const scanRoute = createRoute({
  getParentRoute: () => appRoute,
  path: '/scan',
  beforeLoad: guard('/scan'),
  validateSearch: (s: Record<string, unknown>): { code?: string } => (typeof s.code === 'string' ? { code: s.code } : {}),
  component: function Scan() {
    return <ScanPage code={scanRoute.useSearch().code} />;
  },
});

const routeTree = rootRoute.addChildren([
  loginRoute,
  changePasswordRoute,
  appRoute.addChildren([
    dashboardRoute,
    notificationsRoute,
    notificationPreferencesRoute,
    inventoryRoute,
    inventorySearchRoute,
    lowStockRoute,
    receiveRoute,
    partRoute,
    vendorsRoute,
    vendorRoute,
    boardRoute,
    myWorkRoute,
    requestRoute,
    workOrderRoute,
    equipmentTreeRoute,
    equipmentRoute,
    scanRoute,
    usersRoute,
    auditRoute,
    jobsRoute,
    profileRoute,
  ]),
]);

export const router = createRouter({ routeTree, defaultPreload: 'intent', scrollRestoration: true });

declare module '@tanstack/react-router' {
  interface Register {
    router: typeof router;
  }
}
