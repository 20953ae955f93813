import { roleLabel } from '../../app/roleLabel';
import { useUser } from '../../auth/useSession';
import { useWarehouses, warehouseName } from '../../api/warehouses';
import { PageTitle } from '../../ui/Card';
import { homeTiles, TILES } from './homes';

/** Every role's home: who you are and where, then the role's tiles (see homes.tsx). */
export function DashboardPage() {
  const user = useUser();
  const warehouses = useWarehouses(user.permissions.includes('warehouse:read'));
  const tiles = homeTiles(user.role, user.permissions);
  // While the sites load, a short placeholder rather than the site's id: the id wraps to a second
  // line on a phone and the tiles below jumped up when the name arrived (layout shift, 0014).
  const site = warehouses.isLoading ? '…' : warehouseName(warehouses.data, user.warehouseId);

  return (
    <div className="space-y-6">
      <div>
        <PageTitle>Dashboard</PageTitle>
        <section aria-labelledby="welcome" className="-mt-2" data-testid="welcome-card">
          <h2 id="welcome" className="text-lg font-semibold">
            Welcome, {user.firstName} {user.lastName}
          </h2>
          <p className="text-sm text-slate-700 [overflow-wrap:anywhere] dark:text-slate-300">
            {roleLabel(user.role)} · {site} · {user.email}
          </p>
        </section>
      </div>
      <div className="grid gap-4 lg:grid-cols-2" data-testid="home-tiles" data-role={user.role}>
        {tiles.map((key) => {
          const Tile = TILES[key].component;
          return (
            <div key={key} className={key === 'equipmentPhotos' ? 'lg:col-span-2' : ''}>
              <Tile />
            </div>
          );
        })}
      </div>
    </div>
  );
}
