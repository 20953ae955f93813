import type { NotificationPreferences, NotificationType } from '@plantops/contracts';

export type Channel = 'inApp' | 'email';

/** What applies to a type: its own setting, else the global switch (as the server decides). */
export function effective(p: NotificationPreferences, type: NotificationType, channel: Channel): boolean {
  return p.types[type]?.[channel] ?? p[channel];
}

/** Sets one type's channel; a value equal to the global switch drops the override so it follows that switch. */
export function setTypeChannel(p: NotificationPreferences, type: NotificationType, channel: Channel, on: boolean): NotificationPreferences {
  const current = { ...p.types[type] };
  if (on === p[channel]) delete current[channel];
  else current[channel] = on;
  const types = { ...p.types };
  if (Object.keys(current).length) types[type] = current;
  else delete types[type];
  return { ...p, types };
}
