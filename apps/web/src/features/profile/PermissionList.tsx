import type { PermissionGroup } from '../../auth/authApi';

function humanize(s: string): string {
  return s.replace(/[_:]/g, ' ');
}

/** What the user can do, grouped by resource. */
export function PermissionList({ groups }: { groups: PermissionGroup[] }) {
  return (
    <ul className="grid gap-3 sm:grid-cols-2 lg:grid-cols-3" data-testid="permission-list">
      {groups.map((g) => (
        <li key={g.resource} className="rounded-md border border-slate-200 p-3 dark:border-slate-700">
          <h3 className="font-medium capitalize">{humanize(g.resource)}</h3>
          <ul className="mt-1 flex flex-wrap gap-1">
            {g.actions.map((a) => (
              <li key={a} className="rounded bg-slate-100 px-2 py-0.5 text-xs dark:bg-slate-800">
                {a ? humanize(a) : 'all'}
              </li>
            ))}
          </ul>
        </li>
      ))}
    </ul>
  );
}
