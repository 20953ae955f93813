import type { NotificationType } from '@plantops/contracts';

const ACRONYMS = new Set(['WO', 'PM', 'QC', 'BOM']);

/** WO_STATUS_CHANGED -> "WO status changed". */
export function notificationTypeLabel(t: NotificationType | string): string {
  const words = t.split('_').map((w) => (ACRONYMS.has(w) ? w : w.toLowerCase()));
  const [first = '', ...rest] = words;
  return [first.charAt(0).toUpperCase() + first.slice(1), ...rest].join(' ');
}

/** "5 min ago", or the date for older items. */
export function timeAgo(iso: string, now = Date.now()): string {
  const t = new Date(iso).getTime();
  if (Number.isNaN(t)) return '';
  const s = Math.max(0, Math.round((now - t) / 1000));
  if (s < 60) return 'just now';
  if (s < 3600) return `${Math.floor(s / 60)} min ago`;
  if (s < 86_400) return `${Math.floor(s / 3600)} h ago`;
  return new Date(t).toLocaleString();
}

/** Only links inside this app are followed (never another origin). */
export function inAppPath(link: string | null): string | null {
  return link && link.startsWith('/') && !link.startsWith('//') ? link : null;
}
