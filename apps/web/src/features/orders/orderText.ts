import { ORDER_STATUS_LABELS, type OrderPriority, type OrderStatus } from '@plantops/contracts';
import type { Tone } from '../../ui/Badge';

export const statusLabel = (s: OrderStatus) => ORDER_STATUS_LABELS[s];

export const STATUS_TONE: Record<OrderStatus, Tone> = {
  DRAFT: 'neutral',
  PENDING: 'info',
  IN_PRODUCTION: 'info',
  PRE_QC: 'warning',
  PRODUCTION_COMPLETE: 'info',
  END_OF_LINE: 'info',
  FINAL_QC: 'warning',
  READY_TO_SHIP: 'success',
  SHIPPED: 'success',
  ON_HOLD: 'warning',
  CANCELLED: 'danger',
};

export const PRIORITY_LABEL: Record<OrderPriority, string> = { STANDARD: 'Standard', RUSH: 'Rush', EMERGENCY: 'Emergency' };
export const PRIORITY_TONE: Record<OrderPriority, Tone> = { STANDARD: 'neutral', RUSH: 'warning', EMERGENCY: 'danger' };

/** Forward moves named by what the person confirms (the gate of domain.md's table), not by the code. */
const FORWARD: Partial<Record<OrderStatus, string>> = {
  PRE_QC: 'Send to pre-QC',
  PRODUCTION_COMPLETE: 'Pre-QC passed: production complete',
  END_OF_LINE: 'Start end-of-line tests',
  FINAL_QC: 'End-of-line passed: to final QC',
  READY_TO_SHIP: 'Final QC passed: ready to ship',
  SHIPPED: 'Mark shipped',
};

/** The button that makes a move (a move back to production from a QC phase is a rework). */
export function moveLabel(from: OrderStatus, to: OrderStatus): string {
  if (to === 'ON_HOLD') return 'Put on hold';
  if (to === 'CANCELLED') return 'Cancel order';
  if (from === 'ON_HOLD') return `Resume (${statusLabel(to).toLowerCase()})`;
  if (to === 'IN_PRODUCTION') return from === 'PENDING' ? 'Release to production' : 'Send back for rework';
  return FORWARD[to] ?? `Move to ${statusLabel(to).toLowerCase()}`;
}

export const day = (iso: string | null | undefined) => (iso ? iso.slice(0, 10) : '—');
export const when = (iso: string) => new Date(iso).toLocaleString(undefined, { dateStyle: 'medium', timeStyle: 'short' });
