import { useQuery } from '@tanstack/react-query';
import { Link } from '@tanstack/react-router';
import { useWarehouses } from '../../../api/warehouses';
import { auditApi, emptyAuditFilters } from '../../audit/auditApi';
import { jobKeys, jobsApi } from '../../jobs/jobsApi';
import { usersApi } from '../../users/usersApi';
import { Stat, Tile } from './Tile';

const DAY_MS = 24 * 60 * 60 * 1000;
const users = (active: '' | 'false') => ({ page: 1, limit: 1, search: '', role: '' as const, warehouseId: '', active });

/** The admin's desk: people, sites, failing jobs and the last day's security events, each a link. */
export function AdministrationTile() {
  const all = useQuery({ queryKey: ['users', 'count', 'all'], queryFn: () => usersApi.list(users('')) });
  const inactive = useQuery({ queryKey: ['users', 'count', 'inactive'], queryFn: () => usersApi.list(users('false')) });
  const sites = useWarehouses();
  const jobs = useQuery({ queryKey: jobKeys.list, queryFn: jobsApi.list });
  // yyyy-mm-dd of yesterday: the audit filter takes whole days
  const since = new Date(Date.now() - DAY_MS).toISOString().slice(0, 10);
  const failedSignIns = useQuery({
    queryKey: ['audit-logs', 'count', 'SECURITY_LOGIN_FAILED', since],
    queryFn: () => auditApi.list({ ...emptyAuditFilters, action: 'SECURITY_LOGIN_FAILED', dateFrom: since, limit: 1 }),
  });
  const failing = jobs.data?.jobs.filter((j) => j.lastRun?.status === 'FAILED' || j.lastRun?.status === 'DEAD').length;

  return (
    <Tile title="Administration" testId="tile-administration" error={all.error ?? jobs.error ?? failedSignIns.error}>
      <div className="grid grid-cols-2 gap-2 sm:grid-cols-3">
        <Stat label="users" value={all.data?.pagination.totalItems} to="/users" />
        <Stat label="deactivated users" value={inactive.data?.pagination.totalItems} to="/users" />
        <Stat label="sites" value={sites.data?.length} />
        <Stat label="jobs whose last run failed" value={failing} to="/admin/jobs" tone="alert" />
        <Stat label="failed sign-ins since yesterday" value={failedSignIns.data?.pagination.totalItems} to="/audit" tone="alert" />
      </div>
      <nav aria-label="Administration pages">
        <ul className="flex flex-wrap gap-2">
          {(
            [
              ['/users', 'Users and roles'],
              ['/audit', 'Audit log'],
              ['/admin/jobs', 'Jobs'],
              ['/vendors', 'Vendors'],
            ] as const
          ).map(([to, label]) => (
            <li key={to}>
              <Link to={to} className="inline-flex min-h-11 items-center rounded-md border border-slate-300 px-3 font-medium hover:bg-slate-100 dark:border-slate-600 dark:hover:bg-slate-800">
                {label}
              </Link>
            </li>
          ))}
        </ul>
      </nav>
    </Tile>
  );
}
