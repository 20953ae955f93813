import type { OrderPriority, OrderStatus } from '@plantops/contracts';
import { Badge } from '../../ui/Badge';
import { PRIORITY_LABEL, PRIORITY_TONE, STATUS_TONE, statusLabel } from './orderText';

export function StatusBadge({ status }: { status: OrderStatus }) {
  return (
    <span data-testid="order-status" data-status={status}>
      <Badge tone={STATUS_TONE[status]}>{statusLabel(status)}</Badge>
    </span>
  );
}

export function PriorityBadge({ priority }: { priority: OrderPriority }) {
  return <Badge tone={PRIORITY_TONE[priority]}>{PRIORITY_LABEL[priority]}</Badge>;
}
