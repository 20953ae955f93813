import { useState, type FormEvent } from 'react';
import { newPasswordSchema, passwordPolicy } from '@plantops/contracts';
import { ApiError } from '../../api/errors';
import { changePassword } from '../../auth/authApi';
import { Button } from '../../ui/Button';
import { Field } from '../../ui/Field';
import { ErrorBanner, SuccessBanner } from '../../ui/ErrorBanner';

/** Checks the policy in the browser first; the server has the last word (history, current password). */
function localErrors(current: string, next: string, confirm: string): Record<string, string> {
  const errors: Record<string, string> = {};
  if (!current) errors.currentPassword = 'Enter your current password';
  const parsed = newPasswordSchema.safeParse(next);
  if (!parsed.success) errors.newPassword = parsed.error.issues.map((i) => i.message).join('. ');
  if (next !== confirm) errors.confirmPassword = 'The passwords do not match';
  return errors;
}

export function ChangePasswordForm({ onDone }: { onDone?: () => void }) {
  const [currentPassword, setCurrent] = useState('');
  const [newPassword, setNext] = useState('');
  const [confirmPassword, setConfirm] = useState('');
  const [errors, setErrors] = useState<Record<string, string>>({});
  const [error, setError] = useState<unknown>(null);
  const [done, setDone] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);

  async function submit(e: FormEvent) {
    e.preventDefault();
    setError(null);
    setDone(null);
    const local = localErrors(currentPassword, newPassword, confirmPassword);
    setErrors(local);
    if (Object.keys(local).length) return;
    setBusy(true);
    try {
      await changePassword({ currentPassword, newPassword, confirmPassword });
      setCurrent('');
      setNext('');
      setConfirm('');
      setDone('Your password has been changed.');
      onDone?.();
    } catch (err) {
      if (err instanceof ApiError) setErrors(err.fieldErrors());
      setError(err);
    } finally {
      setBusy(false);
    }
  }

  return (
    <form onSubmit={submit} noValidate className="space-y-4">
      <ErrorBanner error={error} />
      <SuccessBanner>{done}</SuccessBanner>
      <Field label="Current password" type="password" autoComplete="current-password" value={currentPassword} error={errors.currentPassword} onChange={(e) => setCurrent(e.target.value)} />
      <Field
        label="New password"
        type="password"
        autoComplete="new-password"
        value={newPassword}
        error={errors.newPassword}
        hint={`${passwordPolicy.describe} It must differ from your last ${passwordPolicy.historySize} passwords.`}
        onChange={(e) => setNext(e.target.value)}
      />
      <Field label="Confirm new password" type="password" autoComplete="new-password" value={confirmPassword} error={errors.confirmPassword} onChange={(e) => setConfirm(e.target.value)} />
      <Button type="submit" busy={busy}>
        Change password
      </Button>
    </form>
  );
}
