import { groupPermissions } from '@plantops/contracts';
import { usePermissions } from '../../app/usePermissions';
import { useUser } from '../../auth/useSession';
import { Card, PageTitle } from '../../ui/Card';
import { ErrorBanner } from '../../ui/ErrorBanner';
import { ChangePasswordForm } from './ChangePasswordForm';
import { MfaSection } from './MfaSection';
import { PermissionList } from './PermissionList';
import { ProfileForm } from './ProfileForm';
import { useProfile } from './useProfile';

export function ProfilePage() {
  const { data, error, isPending } = useProfile();
  const user = useUser();
  const perms = usePermissions();
  return (
    <div className="max-w-3xl space-y-6">
      <PageTitle>Profile</PageTitle>
      <ErrorBanner error={error} />
      {isPending ? <p>Loading…</p> : null}
      {data ? (
        <>
          <Card title="Your details">
            <p className="mb-4 text-sm text-slate-600 dark:text-slate-400">{data.email}</p>
            <ProfileForm key={data.id} profile={data} />
          </Card>
          <Card title="Change password">
            <ChangePasswordForm />
          </Card>
          <Card title="Two-factor authentication">
            <MfaSection enabled={data.mfaEnabled} />
          </Card>
          <Card title="What your role can do">
            <details>
              <summary className="min-h-11 cursor-pointer py-2 text-sm font-medium">Show the permissions of your role</summary>
              <div className="mt-3">
                <PermissionList groups={perms.data?.permissions ?? groupPermissions(user.permissions)} />
              </div>
            </details>
          </Card>
        </>
      ) : null}
    </div>
  );
}
