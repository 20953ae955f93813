import { Badge, type Tone } from '../../../ui/Badge';
import type { StockState } from '../inventoryTypes';

const LOOK: Record<StockState, { tone: Tone; label: string }> = {
  OK: { tone: 'success', label: 'In stock' },
  LOW: { tone: 'warning', label: 'Low' },
  OUT: { tone: 'danger', label: 'Out of stock' },
};

export function StockStateBadge({ state }: { state: StockState }) {
  const look = LOOK[state] ?? { tone: 'neutral' as const, label: state };
  return <Badge tone={look.tone}>{look.label}</Badge>;
}
