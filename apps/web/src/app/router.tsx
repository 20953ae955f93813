import { createRootRoute, createRoute, createRouter, lazyRouteComponent, Outlet, redirect, useNavigate, useRouter } from '@tanstack/react-router';
import { useCallback } from 'react';
import { LoginPage } from '../auth/LoginPage';
import { session } from '../auth/session';
import { parseCatalogSearch } from '../features/inventory/catalog/catalogSearch';
import { parseSearchUrl, toSearchUrl } from '../features/inventory/search/searchUrl';
import { parseOrderListUrl, toOrderListUrl, type OrderListFilters } from '../features/orders/list/orderListUrl';
import type { SearchFilters } from '../features/inventory/inventoryTypes';
import { focusHeadingAfterNavigation } from '../ui/pageHeading';
import { canVisit, type NavPath } from './navItems';
import { NotFound } from './NotFound';

/*
 * Code splitting (decision 0009): the sign-in page is in the first bundle; every other page and the
 * signed-in frame are chunks of their own, loaded on first visit (or on hover, preload: 'intent').
 * The router loads a route's chunk before it renders the route, so no page flashes a fallback.
 */
const Layout = lazyRouteComponent(() => import('./Layout'), 'Layout');
const ChangePasswordPage = lazyRouteComponent(() => import('../auth/ChangePasswordPage'), 'ChangePasswordPage');
const DashboardPage = lazyRouteComponent(() => import('../features/dashboard/DashboardPage'), 'DashboardPage');
const UsersPage = lazyRouteComponent(() => import('../features/users/UsersPage'), 'UsersPage');
const AuditPage = lazyRouteComponent(() => import('../features/audit/AuditPage'), 'AuditPage');
const ProfilePage = lazyRouteComponent(() => import('../features/profile/ProfilePage'), 'ProfilePage');
const NotificationsPage = lazyRouteComponent(() => import('../features/notifications/NotificationsPage'), 'NotificationsPage');
const NotificationPreferencesPage = lazyRouteComponent(() => import('../features/notifications/NotificationPreferencesPage'), 'NotificationPreferencesPage');
const JobsPage = lazyRouteComponent(() => import('../features/jobs/JobsPage'), 'JobsPage');
const CatalogPage = lazyRouteComponent(() => import('../features/inventory/catalog/CatalogPage'), 'CatalogPage');
const SearchPage = lazyRouteComponent(() => import('../features/inventory/search/SearchPage'), 'SearchPage');
const LowStockPage = lazyRouteComponent(() => import('../features/inventory/lowstock/LowStockPage'), 'LowStockPage');
const ReceivePage = lazyRouteComponent(() => import('../features/inventory/receive/ReceivePage'), 'ReceivePage');
const PartPage = lazyRouteComponent(() => import('../features/inventory/part/PartPage'), 'PartPage');
const VendorsPage = lazyRouteComponent(() => import('../features/vendors/VendorsPage'), 'VendorsPage');
const VendorDetailPage = lazyRouteComponent(() => import('../features/vendors/VendorDetailPage'), 'VendorDetailPage');
const ConfiguratorPage = lazyRouteComponent(() => import('../features/configurator/ConfiguratorPage'), 'ConfiguratorPage');
const OrdersPage = lazyRouteComponent(() => import('../features/orders/list/OrdersPage'), 'OrdersPage');
const OrderWizardPage = lazyRouteComponent(() => import('../features/orders/wizard/OrderWizardPage'), 'OrderWizardPage');
const OrderPage = lazyRouteComponent(() => import('../features/orders/detail/OrderPage'), 'OrderPage');
const BoardPage = lazyRouteComponent(() => import('../features/maintenance/BoardPage'), 'BoardPage');
const MyWorkPage = lazyRouteComponent(() => import('../features/maintenance/MyWorkPage'), 'MyWorkPage');
const RequestPage = lazyRouteComponent(() => import('../features/maintenance/RequestPage'), 'RequestPage');
const WorkOrderPage = lazyRouteComponent(() => import('../features/maintenance/WorkOrderPage'), 'WorkOrderPage');
const EquipmentTreePage = lazyRouteComponent(() => import('../features/maintenance/EquipmentTreePage'), 'EquipmentTreePage');
const EquipmentPage = lazyRouteComponent(() => import('../features/maintenance/EquipmentPage'), 'EquipmentPage');
const ScanPage = lazyRouteComponent(() => import('../features/maintenance/ScanPage'), 'ScanPage');

/** A route component that hands the address to a lazy page: the router preloads the page's chunk through it. */
function rendering<C extends object>(page: { preload?: () => Promise<void> | undefined }, component: C): C & { preload: () => Promise<void> } {
  return Object.assign(component, { preload: async () => page.preload?.() });
}

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

/**
 * A list page writes its settled (debounced) filters into the address. If the user has meanwhile
 * clicked a link away (its page still loading), that write would replace their navigation and pull
 * them back to the list: the latest location already names where they are going, so skip it.
 */
const leaving = (router: ReturnType<typeof useRouter>, path: string) => router.latestLocation.pathname !== path;

const inventoryRoute = createRoute({
  getParentRoute: () => appRoute,
  path: '/inventory',
  beforeLoad: guard('/inventory'),
  validateSearch: parseCatalogSearch,
  component: rendering(CatalogPage, function Catalog() {
    return <CatalogPage at={inventoryRoute.useSearch()} />;
  }),
});
const inventorySearchRoute = createRoute({
  getParentRoute: () => appRoute,
  path: '/inventory/search',
  beforeLoad: guard('/inventory/search'),
  validateSearch: parseSearchUrl,
  component: rendering(SearchPage, function Search() {
    const navigate = useNavigate();
    const router = useRouter();
    // replace: typing a search must not fill the history with one entry per keystroke
    const keepInAddress = useCallback((f: SearchFilters) => {
      if (leaving(router, '/inventory/search')) return;
      void navigate({ to: '/inventory/search', search: toSearchUrl(f), replace: true });
    }, [navigate, router]);
    return <SearchPage initial={inventorySearchRoute.useSearch()} onSettled={keepInAddress} />;
  }),
});
const lowStockRoute = createRoute({ getParentRoute: () => appRoute, path: '/inventory/low-stock', beforeLoad: guard('/inventory/low-stock'), component: LowStockPage });
const receiveRoute = createRoute({ getParentRoute: () => appRoute, path: '/inventory/receive', beforeLoad: guard('/inventory/receive'), component: ReceivePage });
const partRoute = createRoute({
  getParentRoute: () => appRoute,
  path: '/inventory/parts/$partId',
  beforeLoad: guard('/inventory'),
  component: rendering(PartPage, function Part() {
    const { partId } = partRoute.useParams();
    return <PartPage key={partId} partId={partId} />;
  }),
});
const vendorsRoute = createRoute({ getParentRoute: () => appRoute, path: '/vendors', beforeLoad: guard('/vendors'), component: VendorsPage });
const vendorRoute = createRoute({
  getParentRoute: () => appRoute,
  path: '/vendors/$vendorId',
  beforeLoad: guard('/vendors'),
  component: rendering(VendorDetailPage, function Vendor() {
    const { vendorId } = vendorRoute.useParams();
    return <VendorDetailPage key={vendorId} vendorId={vendorId} />;
  }),
});

const configuratorRoute = createRoute({
  getParentRoute: () => appRoute,
  path: '/configurator',
  beforeLoad: guard('/configurator'),
  // The chosen family is in the address, so a reload or a shared link opens the same one.
  validateSearch: (s: Record<string, unknown>): { family?: string } => (typeof s.family === 'string' && /^[A-Z0-9_]{1,40}$/.test(s.family) ? { family: s.family } : {}),
  component: rendering(ConfiguratorPage, function Configurator() {
    const navigate = useNavigate();
    const { family } = configuratorRoute.useSearch();
    return <ConfiguratorPage family={family} onFamily={(code) => void navigate({ to: '/configurator', search: { family: code } })} />;
  }),
});

const ordersRoute = createRoute({
  getParentRoute: () => appRoute,
  path: '/orders',
  beforeLoad: guard('/orders'),
  validateSearch: parseOrderListUrl,
  component: rendering(OrdersPage, function Orders() {
    const navigate = useNavigate();
    const router = useRouter();
    // replace: a filter change is not a page of its own in the history
    const keep = useCallback((f: OrderListFilters) => {
      if (leaving(router, '/orders')) return;
      void navigate({ to: '/orders', search: toOrderListUrl(f), replace: true });
    }, [navigate, router]);
    return <OrdersPage filters={ordersRoute.useSearch()} onFilters={keep} />;
  }),
});
/** The wizard's step is in the address, so a reload or the back button stays on it. */
const wizardStep = (s: Record<string, unknown>): { step?: number } => {
  const n = Number(s.step);
  return Number.isInteger(n) && n >= 1 && n <= 5 ? { step: n } : {};
};
const newOrderRoute = createRoute({ getParentRoute: () => appRoute, path: '/orders/new', beforeLoad: guard('/orders/new'), component: rendering(OrderWizardPage, function NewOrder() {
  return <OrderWizardPage />;
}) });
const orderRoute = createRoute({
  getParentRoute: () => appRoute,
  path: '/orders/$orderId',
  beforeLoad: guard('/orders'),
  component: rendering(OrderPage, function Order() {
    const { orderId } = orderRoute.useParams();
    return <OrderPage key={orderId} orderId={orderId} />;
  }),
});
const editOrderRoute = createRoute({
  getParentRoute: () => appRoute,
  path: '/orders/$orderId/edit',
  beforeLoad: guard('/orders/new'),
  validateSearch: wizardStep,
  component: rendering(OrderWizardPage, function EditOrder() {
    const { orderId } = editOrderRoute.useParams();
    return <OrderWizardPage key={orderId} orderId={orderId} step={editOrderRoute.useSearch().step} />;
  }),
});

const boardRoute = createRoute({ getParentRoute: () => appRoute, path: '/work-orders', beforeLoad: guard('/work-orders'), component: BoardPage });
const myWorkRoute = createRoute({ getParentRoute: () => appRoute, path: '/work-orders/my', beforeLoad: guard('/work-orders/my'), component: MyWorkPage });
const requestRoute = createRoute({
  getParentRoute: () => appRoute,
  path: '/work-orders/new',
  beforeLoad: guard('/work-orders/new'),
  validateSearch: (s: Record<string, unknown>): { equipment?: string } => (typeof s.equipment === 'string' ? { equipment: s.equipment } : {}),
  component: rendering(RequestPage, function Request() {
    return <RequestPage initialTag={requestRoute.useSearch().equipment} />;
  }),
});
const workOrderRoute = createRoute({
  getParentRoute: () => appRoute,
  path: '/work-orders/$workOrderId',
  component: rendering(WorkOrderPage, function WorkOrder() {
    const { workOrderId } = workOrderRoute.useParams();
    return <WorkOrderPage key={workOrderId} workOrderId={workOrderId} />;
  }),
});
const equipmentTreeRoute = createRoute({ getParentRoute: () => appRoute, path: '/equipment', beforeLoad: guard('/equipment'), component: EquipmentTreePage });
const equipmentRoute = createRoute({
  getParentRoute: () => appRoute,
  path: '/equipment/$equipmentId',
  beforeLoad: guard('/scan'),
  component: rendering(EquipmentPage, function EquipmentDetail() {
    const { equipmentId } = equipmentRoute.useParams();
    return <EquipmentPage key={equipmentId} equipmentId={equipmentId} />;
  }),
});
const scanRoute = createRoute({
  getParentRoute: () => appRoute,
  path: '/scan',
  beforeLoad: guard('/scan'),
  validateSearch: (s: Record<string, unknown>): { code?: string } => (typeof s.code === 'string' ? { code: s.code } : {}),
  component: rendering(ScanPage, function Scan() {
    return <ScanPage code={scanRoute.useSearch().code} />;
  }),
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
    configuratorRoute,
    ordersRoute,
    newOrderRoute,
    orderRoute,
    editOrderRoute,
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

// After a move to another page (not a first load, not a filter change), its h1 takes focus.
router.subscribe('onBeforeNavigate', ({ fromLocation, toLocation, pathChanged }) => {
  if (fromLocation && pathChanged) focusHeadingAfterNavigation(toLocation.pathname);
});

declare module '@tanstack/react-router' {
  interface Register {
    router: typeof router;
  }
}
