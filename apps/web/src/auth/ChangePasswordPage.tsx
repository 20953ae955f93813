import { useNavigate } from '@tanstack/react-router';
import { ChangePasswordForm } from '../features/profile/ChangePasswordForm';
import { Button } from '../ui/Button';
import { usePageHeading } from '../ui/pageHeading';
import { logout } from './authApi';
import { useUser } from './useSession';
import { useBootHandoff } from '../boot/handoff';

/** Shown before anything else when the account must get a new password. */
export function ChangePasswordPage() {
  const user = useUser();
  const navigate = useNavigate();
  const heading = usePageHeading('Choose a new password');
  useBootHandoff(); // opened directly with a stored session: index.html's blank frame goes
  return (
    <main id="main" className="mx-auto flex min-h-dvh max-w-md flex-col justify-center px-4 py-10">
      <p className="mb-2 text-2xl font-bold">PlantOps</p>
      <h1 {...heading} className="mb-2 text-xl font-semibold">
        Choose a new password
      </h1>
      <p className="mb-4 text-sm text-slate-700 dark:text-slate-300">
        {user.firstName}, your password must be changed before you continue.
      </p>
      <div className="rounded-lg border border-slate-200 bg-white p-5 shadow-sm dark:border-slate-700 dark:bg-slate-900">
        <ChangePasswordForm onDone={() => void navigate({ to: '/' })} />
      </div>
      <Button
        variant="ghost"
        className="mt-4 self-start"
        onClick={async () => {
          await logout();
          await navigate({ to: '/login' });
        }}
      >
        Sign out
      </Button>
    </main>
  );
}
