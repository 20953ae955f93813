import { groupPermissions } from '@plantops/contracts';
import { roleLabel } from '../../app/roleLabel';
import { usePermissions } from '../../app/usePermissions';
import { useUser } from '../../auth/useSession';
import { useWarehouses, warehouseName } from '../../api/warehouses';
import { Card, PageTitle } from '../../ui/Card';
import { EQUIPMENT_PHOTO_UPLOADERS, MyUploadsCard } from './MyUploadsCard';
import { PermissionList } from './PermissionList';

/** Every role's home: who you are, where, and what you can do. */
export function DashboardPage() {
  const user = useUser();
  const perms = usePermissions();
  const warehouses = useWarehouses(user.permissions.includes('warehouse:read'));
  const groups = perms.data?.permissions ?? groupPermissions(user.permissions);

  return (
    <div className="space-y-6">
      <PageTitle>Dashboard</PageTitle>
      <Card title={`Welcome, ${user.firstName} ${user.lastName}`}>
        <dl className="grid gap-3 text-sm sm:grid-cols-3" data-testid="welcome-card">
          <div>
            <dt className="text-slate-600 dark:text-slate-400">Role</dt>
            <dd className="font-medium">{roleLabel(user.role)}</dd>
          </div>
          <div>
            <dt className="text-slate-600 dark:text-slate-400">Warehouse</dt>
            <dd className="font-medium">{warehouseName(warehouses.data, user.warehouseId)}</dd>
          </div>
          <div>
            <dt className="text-slate-600 dark:text-slate-400">E-mail</dt>
            <dd className="font-medium break-all">{user.email}</dd>
          </div>
        </dl>
      </Card>
      {EQUIPMENT_PHOTO_UPLOADERS.some((p) => user.permissions.includes(p)) ? <MyUploadsCard /> : null}
      <Card title="What you can do">
        <PermissionList groups={groups} />
      </Card>
    </div>
  );
}
