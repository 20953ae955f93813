import { useQuery } from '@tanstack/react-query';
import { Link } from '@tanstack/react-router';
import { PageTitle } from '../../ui/Card';
import { ErrorBanner } from '../../ui/ErrorBanner';
import { notificationKeys, notificationsApi } from './notificationsApi';
import { PreferencesForm } from './PreferencesForm';

export function NotificationPreferencesPage() {
  const prefs = useQuery({ queryKey: notificationKeys.preferences, queryFn: notificationsApi.preferences, staleTime: 0 });
  return (
    <div className="max-w-3xl space-y-4">
      <Link to="/notifications" className="text-sm text-sky-700 underline dark:text-sky-400">
        ← Notifications
      </Link>
      <PageTitle>Notification preferences</PageTitle>
      <ErrorBanner error={prefs.error} title="Your preferences could not be loaded." />
      {prefs.isPending ? <p>Loading…</p> : null}
      {prefs.data ? <PreferencesForm initial={prefs.data} /> : null}
    </div>
  );
}
