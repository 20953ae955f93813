import type { EquipmentStatus } from '@plantops/contracts';

/** Pure equipment rules, unit-tested without a database. */

/**
 * Which status changes are allowed. DISPOSED is final; a retired machine may come back into
 * service or be disposed of; the working statuses move freely among themselves.
 */
const NEXT: Record<EquipmentStatus, readonly EquipmentStatus[]> = {
  ACTIVE: ['INACTIVE', 'MAINTENANCE', 'RETIRED'],
  INACTIVE: ['ACTIVE', 'MAINTENANCE', 'RETIRED'],
  MAINTENANCE: ['ACTIVE', 'INACTIVE', 'RETIRED'],
  RETIRED: ['ACTIVE', 'DISPOSED'],
  DISPOSED: [],
};

/** Statuses a technician (equipment:status) may set; the rest need equipment:manage. */
export const OPERATIONAL_STATUSES: readonly EquipmentStatus[] = ['ACTIVE', 'INACTIVE', 'MAINTENANCE'];

export const canMoveTo = (from: EquipmentStatus, to: EquipmentStatus) => NEXT[from].includes(to);
export const nextStatuses = (from: EquipmentStatus) => NEXT[from];

/** What a printed label's QR code says: a link into the app that scanners and phones can open. */
export const qrContent = (publicUrl: string, assetTag: string) =>
  `${publicUrl.replace(/\/+$/, '')}/scan?code=${encodeURIComponent(assetTag)}`;

/**
 * The asset tag a scanned or typed code names: the `code` parameter of one of our QR links, or
 * the text itself (a tag typed by hand or read from an older label).
 */
export function assetTagFromCode(code: string): string {
  const text = code.trim();
  if (/^https?:\/\//i.test(text)) {
    try {
      const tag = new URL(text).searchParams.get('code');
      if (tag) return tag.trim();
    } catch {
      // Not a URL after all: fall through to the text itself.
    }
  }
  return text;
}

/**
 * Moving `id` under `newParentId` makes a cycle when the new parent is the machine itself or one
 * of its descendants; `ancestorsOfParent` lists the new parent's chain up to its root.
 */
export const makesCycle = (id: string, newParentId: string | null, ancestorsOfParent: readonly string[]) =>
  newParentId !== null && (newParentId === id || ancestorsOfParent.includes(id));

export interface DowntimeSpan {
  startedAt: Date;
  endedAt: Date | null;
  planned: boolean;
}

export interface Reliability {
  windowDays: number;
  failures: number;
  downtimeHours: number;
  mtbfHours: number | null;
  mttrHours: number | null;
  availability: number;
  formulas: { mtbf: string; mttr: string; availability: string };
}

const HOUR = 3_600_000;
const round = (n: number) => Math.round(n * 100) / 100;

/**
 * Reliability over a window ending at `now`, from unplanned downtime only (planned stops are
 * not failures): MTBF = uptime / failures, MTTR = repair time / failures,
 * availability = uptime / window. Open downtime counts up to now.
 */
export function reliability(spans: readonly DowntimeSpan[], now: Date, windowDays = 90): Reliability {
  const windowStart = now.getTime() - windowDays * 24 * HOUR;
  const windowHours = windowDays * 24;
  let downMs = 0;
  let failures = 0;
  for (const s of spans) {
    if (s.planned) continue;
    const start = Math.max(s.startedAt.getTime(), windowStart);
    const end = Math.min((s.endedAt ?? now).getTime(), now.getTime());
    if (end <= start) continue;
    downMs += end - start;
    failures += 1;
  }
  const downtimeHours = downMs / HOUR;
  const uptimeHours = windowHours - downtimeHours;
  return {
    windowDays,
    failures,
    downtimeHours: round(downtimeHours),
    mtbfHours: failures ? round(uptimeHours / failures) : null,
    mttrHours: failures ? round(downtimeHours / failures) : null,
    availability: round((uptimeHours / windowHours) * 100) / 100,
    formulas: {
      mtbf: `MTBF = uptime / unplanned failures over the last ${windowDays} days`,
      mttr: `MTTR = unplanned downtime / unplanned failures over the last ${windowDays} days`,
      availability: `Availability = uptime / (${windowDays} days x 24 h)`,
    },
  };
}
