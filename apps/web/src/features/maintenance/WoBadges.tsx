import type { WoPriority, WoStatus } from '@plantops/contracts';
import { Badge } from '../../ui/Badge';
import { PRIORITY_TONE, STATUS_LABEL, STATUS_TONE } from './woText';

export const StatusBadge = ({ status }: { status: WoStatus }) => <Badge tone={STATUS_TONE[status]}>{STATUS_LABEL[status]}</Badge>;
export const PriorityBadge = ({ priority }: { priority: WoPriority }) => <Badge tone={PRIORITY_TONE[priority]}>{priority.toLowerCase()} priority</Badge>;
