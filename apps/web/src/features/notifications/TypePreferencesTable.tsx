import { notificationTypesFor, type NotificationPreferences, type NotificationType } from '@plantops/contracts';
import { useUser } from '../../auth/useSession';
import { DataTable } from '../../ui/DataTable';
import { notificationTypeLabel } from './notificationText';
import { effective, setTypeChannel, type Channel } from './typePreferences';

interface Props {
  value: NotificationPreferences;
  onChange: (next: NotificationPreferences) => void;
}

export function TypePreferencesTable({ value, onChange }: Props) {
  // only the types this role can receive (the API refuses settings for the others)
  const types = notificationTypesFor(useUser().role);
  const box = (type: NotificationType, channel: Channel, label: string) => (
    <input
      type="checkbox"
      className="size-5 accent-sky-600"
      aria-label={`${label}: ${notificationTypeLabel(type)}`}
      checked={effective(value, type, channel)}
      onChange={(e) => onChange(setTypeChannel(value, type, channel, e.target.checked))}
    />
  );
  return (
    <DataTable
      caption="Notification types"
      rows={types}
      rowKey={(t) => t}
      columns={[
        {
          header: 'Type',
          primary: true,
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
