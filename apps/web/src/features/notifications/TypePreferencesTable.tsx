import { NOTIFICATION_TYPES, type NotificationPreferences } from '@plantops/contracts';
import { Table } from '../../ui/Table';
import { notificationTypeLabel } from './notificationText';
import { effective, setTypeChannel, type Channel } from './typePreferences';

interface Props {
  value: NotificationPreferences;
  onChange: (next: NotificationPreferences) => void;
}

export function TypePreferencesTable({ value, onChange }: Props) {
  const box = (type: (typeof NOTIFICATION_TYPES)[number], channel: Channel, label: string) => (
    <input
      type="checkbox"
      className="size-5 accent-sky-600"
      aria-label={`${label}: ${notificationTypeLabel(type)}`}
      checked={effective(value, type, channel)}
      onChange={(e) => onChange(setTypeChannel(value, type, channel, e.target.checked))}
    />
  );
  return (
    <Table
      caption="Notification types"
      rows={[...NOTIFICATION_TYPES]}
      rowKey={(t) => t}
      columns={[
        {
          header: 'Type',
          cell: (t) => (
            <>
              {notificationTypeLabel(t)}
              {value.types[t] ? <span className="ml-2 text-xs text-slate-500 dark:text-slate-400">(own setting)</span> : null}
            </>
          ),
        },
        { header: 'In-app', cell: (t) => box(t, 'inApp', 'In-app') },
        { header: 'E-mail', cell: (t) => box(t, 'email', 'E-mail') },
      ]}
    />
  );
}
