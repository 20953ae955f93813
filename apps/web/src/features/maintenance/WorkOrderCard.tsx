import { Link } from '@tanstack/react-router';
import type { WorkOrder } from './maintenanceApi';
import { PriorityBadge, StatusBadge } from './WoBadges';

/** One work order as a big tappable card (phones first). */
export function WorkOrderCard({ wo, children }: { wo: WorkOrder; children?: React.ReactNode }) {
  return (
    <li className="rounded-lg border border-slate-200 bg-white p-4 shadow-sm dark:border-slate-700 dark:bg-slate-900" data-testid="wo-card" data-fo={wo.foNumber}>
      <Link to="/work-orders/$workOrderId" params={{ workOrderId: wo.id }} className="block min-h-11">
        <span className="block text-xs text-slate-600 dark:text-slate-400">{wo.foNumber}{wo.equipment ? ` · ${wo.equipment.assetTag}` : ''}</span>
        <span className="block text-base font-semibold text-sky-800 underline-offset-2 hover:underline dark:text-sky-300">{wo.title}</span>
      </Link>
      <div className="mt-2 flex flex-wrap items-center gap-2 text-sm">
        <StatusBadge status={wo.status} />
        <PriorityBadge priority={wo.priority} />
        {wo.dueDate ? <span className={wo.overdue ? 'font-semibold text-red-700 dark:text-red-400' : ''}>{wo.overdue ? 'Overdue since' : 'Due'} {wo.dueDate}</span> : null}
      </div>
      {children ? <div className="mt-3">{children}</div> : null}
    </li>
  );
}
