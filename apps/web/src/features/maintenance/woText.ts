import type { WoPriority, WoStatus } from '@plantops/contracts';
import type { Tone } from '../../ui/Badge';

/** Words and colours for work-order states and priorities (the text carries the meaning). */
export const STATUS_LABEL: Record<WoStatus, string> = {
  NEW: 'New', ASSIGNED: 'Assigned', IN_PROGRESS: 'In progress', ON_HOLD: 'On hold', COMPLETED: 'Completed', VERIFIED: 'Verified', CLOSED: 'Closed', CANCELLED: 'Cancelled',
};
export const STATUS_TONE: Record<WoStatus, Tone> = {
  NEW: 'info', ASSIGNED: 'info', IN_PROGRESS: 'warning', ON_HOLD: 'neutral', COMPLETED: 'success', VERIFIED: 'success', CLOSED: 'neutral', CANCELLED: 'neutral',
};
export const PRIORITY_TONE: Record<WoPriority, Tone> = { LOW: 'neutral', MEDIUM: 'info', HIGH: 'warning', CRITICAL: 'danger' };
export const PRIORITY_RANK: Record<WoPriority, number> = { CRITICAL: 4, HIGH: 3, MEDIUM: 2, LOW: 1 };

/** What the button that moves a work order to a status says. */
export const ACTION_LABEL: Record<WoStatus, string> = {
  NEW: 'Reopen', ASSIGNED: 'Resume', IN_PROGRESS: 'Start work', ON_HOLD: 'Put on hold', COMPLETED: 'Complete', VERIFIED: 'Verify', CLOSED: 'Close', CANCELLED: 'Cancel work order',
};

/** Moves that need a reason typed first. */
export const NEEDS_REASON = (from: WoStatus, to: WoStatus) => to === 'ON_HOLD' || to === 'CANCELLED' || (from === 'COMPLETED' && to === 'IN_PROGRESS');

export const today = () => new Date().toISOString().slice(0, 10);
