import { useMemo, useState, type FormEvent } from 'react';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { receivesNotification, type NotificationPreferences, type NotificationType } from '@plantops/contracts';
import { useUser } from '../../auth/useSession';
import { ApiError } from '../../api/errors';
import { Button } from '../../ui/Button';
import { Card } from '../../ui/Card';
import { ErrorBanner, SuccessBanner } from '../../ui/ErrorBanner';
import { Checkbox, Field } from '../../ui/Field';
import { notificationKeys, notificationsApi } from './notificationsApi';
import { QuietHoursFields, type QuietHoursDraft } from './QuietHoursFields';
import { TypePreferencesTable } from './TypePreferencesTable';

function timeZones(current: string): string[] {
  const intl = Intl as unknown as { supportedValuesOf?: (k: string) => string[] };
  const all = intl.supportedValuesOf?.('timeZone') ?? [];
  return all.includes(current) ? all : [current, ...all];
}

export function PreferencesForm({ initial }: { initial: NotificationPreferences }) {
  const qc = useQueryClient();
  const { role } = useUser();
  // settings kept from an earlier role name types this role no longer receives: dropped, as the API refuses them
  const [prefs, setPrefs] = useState(() => ({
    ...initial,
    types: Object.fromEntries(Object.entries(initial.types).filter(([t]) => receivesNotification(role, t as NotificationType))),
  }));
  const [quiet, setQuiet] = useState<QuietHoursDraft>({ start: initial.quietHours?.start ?? '', end: initial.quietHours?.end ?? '' });
  const [quietError, setQuietError] = useState<string>();
  const [notice, setNotice] = useState<string | null>(null);
  const zones = useMemo(() => timeZones(initial.timezone), [initial.timezone]);
  const browserZone = Intl.DateTimeFormat().resolvedOptions().timeZone;

  const save = useMutation({
    mutationFn: notificationsApi.updatePreferences,
    onSuccess: (saved) => {
      qc.setQueryData(notificationKeys.preferences, saved);
      setNotice('Notification preferences saved.');
    },
  });
  const apiErrors = save.error instanceof ApiError ? save.error.fieldErrors() : {};

  function submit(e: FormEvent) {
    e.preventDefault();
    setNotice(null);
    if (Boolean(quiet.start) !== Boolean(quiet.end)) {
      setQuietError('Give both times, or clear quiet hours.');
      return;
    }
    setQuietError(undefined);
    save.mutate({ ...prefs, quietHours: quiet.start && quiet.end ? { start: quiet.start, end: quiet.end } : null });
  }

  return (
    <form onSubmit={submit} noValidate className="space-y-6">
      <Card title="Delivery">
        <div className="grid gap-2 sm:grid-cols-2">
          <Checkbox label="Show notifications in the app" checked={prefs.inApp} onChange={(e) => setPrefs({ ...prefs, inApp: e.target.checked })} />
          <Checkbox label="Send notifications by e-mail" checked={prefs.email} onChange={(e) => setPrefs({ ...prefs, email: e.target.checked })} />
        </div>
        <p className="mt-2 text-xs text-slate-600 dark:text-slate-400">A type's own setting below wins over these switches.</p>
      </Card>
      <Card title="By type">
        <TypePreferencesTable value={prefs} onChange={setPrefs} />
      </Card>
      <Card title="Quiet hours and time zone">
        <div className="space-y-4">
          <QuietHoursFields value={quiet} error={quietError ?? apiErrors.quietHours ?? apiErrors.start} onChange={setQuiet} />
          <Field
            label="Time zone"
            list="time-zones"
            value={prefs.timezone}
            error={apiErrors.timezone}
            hint={browserZone && browserZone !== prefs.timezone ? `This device uses ${browserZone}.` : undefined}
            onChange={(e) => setPrefs({ ...prefs, timezone: e.target.value })}
          />
          <datalist id="time-zones">
            {zones.map((z) => (
              <option key={z} value={z} />
            ))}
          </datalist>
        </div>
      </Card>
      <ErrorBanner error={save.error} />
      <SuccessBanner>{notice}</SuccessBanner>
      <div className="flex justify-end">
        <Button type="submit" busy={save.isPending}>
          Save preferences
        </Button>
      </div>
    </form>
  );
}
