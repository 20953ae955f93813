import { Badge, type Tone } from '../../../ui/Badge';
import type { Urgency } from '../inventoryTypes';

const TONE: Record<Urgency, Tone> = { HIGH: 'danger', MEDIUM: 'warning', LOW: 'info' };

export function UrgencyBadge({ level }: { level: Urgency }) {
  return <Badge tone={TONE[level] ?? 'neutral'}>{level}</Badge>;
}
