import { NOTIFICATION_TYPES, type NotificationType } from '@plantops/contracts';
import { Checkbox, SelectField } from '../../ui/Field';
import { notificationTypeLabel } from './notificationText';
import type { NotificationFilters } from './notificationsApi';

interface Props {
  value: NotificationFilters;
  onChange: (patch: Partial<NotificationFilters>) => void;
}

export function NotificationFiltersBar({ value, onChange }: Props) {
  return (
    <form role="search" aria-label="Filter notifications" className="grid items-end gap-3 sm:grid-cols-2 lg:grid-cols-3" onSubmit={(e) => e.preventDefault()}>
      <SelectField label="Type" value={value.type} onChange={(e) => onChange({ type: e.target.value as NotificationType | '', page: 1 })}>
        <option value="">All types</option>
        {NOTIFICATION_TYPES.map((t) => (
          <option key={t} value={t}>
            {notificationTypeLabel(t)}
          </option>
        ))}
      </SelectField>
      <Checkbox label="Unread only" checked={value.unread} onChange={(e) => onChange({ unread: e.target.checked, page: 1 })} />
    </form>
  );
}
