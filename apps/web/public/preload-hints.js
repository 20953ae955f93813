/*
 * Starts fetching the code of the page being opened while the first bundle still downloads
 * (decision 0014). Pages are route chunks (decision 0009) that the router asks for only once the
 * first bundle has run: on a phone that is one more round trip, after 90 KiB, before the page shows.
 * Loaded `async`: it never holds the page up, and a path it does not know only loses the head start.
 */
// The build replaces this line with each page chunk and the chunks it imports (apps/web/build/preloadHints.ts).
const CHUNKS = {};
(function () {
  // The pages people land on (app/router.tsx has the full table); the signed-in frame goes with each.
  var PAGES = {
    '/': 'DashboardPage',
    '/inventory': 'CatalogPage',
    '/inventory/search': 'SearchPage',
    '/inventory/low-stock': 'LowStockPage',
    '/inventory/receive': 'ReceivePage',
    '/work-orders': 'BoardPage',
    '/work-orders/my': 'MyWorkPage',
    '/equipment': 'EquipmentTreePage',
    '/notifications': 'NotificationsPage',
    '/configurator': 'ConfiguratorPage',
    '/orders': 'OrdersPage',
    '/orders/new': 'OrderWizardPage',
    '/vendors': 'VendorsPage',
    '/users': 'UsersPage',
    '/audit': 'AuditPage',
    '/profile': 'ProfilePage',
  };
  try {
    // Signed out, the router shows the sign-in page, which the first bundle holds.
    if (!localStorage.getItem('plantops.session') && !sessionStorage.getItem('plantops.session')) return;
  } catch {
    return;
  }
  var path = location.pathname.replace(/(.)\/$/, '$1');
  var files = (CHUNKS.Layout || []).concat(CHUNKS[PAGES[path]] || []);
  var seen = {};
  for (var i = 0; i < files.length; i++) {
    if (seen[files[i]]) continue;
    seen[files[i]] = true;
    var link = document.createElement('link');
    link.rel = 'modulepreload';
    link.href = files[i];
    document.head.appendChild(link);
  }
})();
