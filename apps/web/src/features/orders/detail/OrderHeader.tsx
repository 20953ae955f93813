import { formatMoney } from '../../inventory/money';
import { PriorityBadge, StatusBadge } from '../OrderBadges';
import type { OrderDetail } from '../ordersApi';
import { day, statusLabel } from '../orderText';

/** Who, what state, how much and who works on it: the top of the order page. */
export function OrderHeader({ order }: { order: OrderDetail }) {
  const facts: [string, string][] = [
    ['Customer', `${order.customer.companyName} (${order.customer.contactName})`],
    ['Builds', order.builds.map((b) => b.buildNumber).join(', ') || '—'],
    // Assemblers and QC people get no prices (spec 12.2): the money lines are left out for them.
    ...(order.totalAmount === null && order.subtotal === null
      ? []
      : ([
          ['Subtotal', formatMoney(order.subtotal)],
          ['Tax', formatMoney(order.tax)],
          ['Shipping', formatMoney(order.shippingCost)],
          ['Total', formatMoney(order.totalAmount)],
        ] as [string, string][])),
    ['Requested delivery', day(order.requestedDelivery)],
    ['Estimated delivery', day(order.estimatedDelivery)],
    ['Assembler', order.assembler?.name ?? 'Not assigned'],
    ['QC person', order.qcPerson?.name ?? 'Not assigned'],
    ['Created by', order.createdBy.name],
  ];
  if (order.status === 'ON_HOLD' && order.resumeStatus) facts.push(['Resumes at', statusLabel(order.resumeStatus)]);
  if (order.production.tasks) facts.push(['Production tasks', `${order.production.tasks.completed} of ${order.production.tasks.total} done`]);
  if (order.production.inspections) facts.push(['Inspections', `${order.production.inspections.passed} passed, ${order.production.inspections.failed} failed of ${order.production.inspections.total}`]);
  if (order.shipment) facts.push(['Shipped', `${order.shipment.shipDate} by ${order.shipment.carrier}, tracking ${order.shipment.trackingNumber}`]);
  if (order.cancellation) facts.push(['Cancelled', `${day(order.cancellation.cancelledAt)}: ${order.cancellation.reason}`]);
  return (
    <section aria-label="Order summary" className="space-y-3 rounded-lg border border-slate-200 bg-white p-5 shadow-sm dark:border-slate-700 dark:bg-slate-900">
      <div className="flex flex-wrap items-center gap-2">
        <StatusBadge status={order.status} />
        <PriorityBadge priority={order.priority} />
      </div>
      <dl className="grid grid-cols-2 gap-x-4 gap-y-2 text-sm lg:grid-cols-3">
        {facts.map(([k, v]) => (
          <div key={k} className="min-w-0">
            <dt className="text-slate-600 dark:text-slate-400">{k}</dt>
            <dd data-fact={k} className={`[overflow-wrap:anywhere] ${k === 'Total' ? 'text-lg font-semibold' : ''}`}>
              {v}
            </dd>
          </div>
        ))}
      </dl>
      {order.specialInstructions ? <p className="text-sm">{`Special instructions: ${order.specialInstructions}`}</p> : null}
      {order.notes ? <p className="text-sm">{`Notes: ${order.notes}`}</p> : null}
    </section>
  );
}
