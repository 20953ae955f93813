import { useQuery } from '@tanstack/react-query';
import { Link } from '@tanstack/react-router';
import { Card, PageTitle } from '../../../ui/Card';
import { textLink } from '../../../ui/linkStyles';
import { ProblemBanner } from '../ProblemBanner';
import { orderKeys, ordersApi } from '../ordersApi';
import { useOrdersLive } from '../useOrdersLive';
import { AssignSection } from './AssignSection';
import { BuildsSection } from './BuildsSection';
import { CancelSection } from './CancelSection';
import { DocumentsList } from './DocumentsList';
import { EditDetailsForm } from './EditDetailsForm';
import { OrderHeader } from './OrderHeader';
import { ReservationsTable } from './ReservationsTable';
import { StatusActions } from './StatusActions';
import { StatusTimeline } from './StatusTimeline';

/**
 * One order (spec 2.2): its summary, the moves this user may make now (and why the others wait),
 * assignment, the builds with their BOMs, reserved parts, documents, and the status timeline.
 */
export function OrderPage({ orderId }: { orderId: string }) {
  const detail = useQuery({ queryKey: orderKeys.detail(orderId), queryFn: () => ordersApi.detail(orderId) });
  const order = detail.data;
  useOrdersLive(orderId);
  return (
    <div className="space-y-4">
      <PageTitle>{order ? `Order ${order.orderNumber}` : 'Order'}</PageTitle>
      <ProblemBanner error={detail.error} title="The order could not be loaded." />
      {detail.isPending ? <p>Loading the order…</p> : null}
      {order ? (
        <>
          <OrderHeader order={order} />
          {order.status === 'DRAFT' ? (
            <p>
              {'This order is a draft. '}
              <Link className={textLink} to="/orders/$orderId/edit" params={{ orderId }}>
                Continue the draft
              </Link>
            </p>
          ) : null}
          <div className="grid gap-4 lg:grid-cols-[minmax(0,3fr)_minmax(0,2fr)]">
            <div className="space-y-4">
              {order.status !== 'DRAFT' ? (
                <Card title="Next steps">
                  <StatusActions order={order} />
                </Card>
              ) : null}
              {order.permissions.assign ? (
                <Card title="People">
                  <AssignSection order={order} />
                </Card>
              ) : null}
              {order.permissions.edit && order.status !== 'DRAFT' ? (
                <Card title="Details">
                  <EditDetailsForm order={order} />
                </Card>
              ) : null}
              <Card title="Documents">
                <DocumentsList order={order} />
              </Card>
            </div>
            <div className="space-y-4">
              <Card title="Status history">
                <StatusTimeline orderId={orderId} />
              </Card>
              {order.permissions.cancel || order.nextSteps.some((s) => s.status === 'CANCELLED') ? (
                <Card title="Cancel">
                  <CancelSection order={order} />
                </Card>
              ) : null}
            </div>
          </div>
          {/* Builds and parts take the full width: BOM lines and the parts table need the room. */}
          <Card title="Builds">
            <BuildsSection order={order} />
          </Card>
          <Card title="Reserved parts">
            <ReservationsTable order={order} />
          </Card>
        </>
      ) : null}
    </div>
  );
}
