import { useState, type FormEvent } from 'react';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { session } from '../../auth/session';
import { Button } from '../../ui/Button';
import { Field } from '../../ui/Field';
import { ErrorBanner, SuccessBanner } from '../../ui/ErrorBanner';
import { profileApi } from './profileApi';
import { profileKey } from './useProfile';

/** Two-factor authentication: enroll (secret + URL), confirm with a code, or disable with the password. */
export function MfaSection({ enabled }: { enabled: boolean }) {
  const qc = useQueryClient();
  const [code, setCode] = useState('');
  const [password, setPassword] = useState('');
  const [notice, setNotice] = useState<string | null>(null);

  const done = async (mfaEnabled: boolean, message: string) => {
    session.updateUser({ mfaEnabled });
    setNotice(message);
    setCode('');
    setPassword('');
    await qc.invalidateQueries({ queryKey: profileKey });
  };

  const enroll = useMutation({ mutationFn: profileApi.enrollMfa, onMutate: () => setNotice(null) });
  const confirm = useMutation({
    mutationFn: () => profileApi.confirmMfa(code),
    onSuccess: async () => {
      enroll.reset();
      await done(true, 'Two-factor authentication is on. You will need a code at every sign-in.');
    },
  });
  const disable = useMutation({
    mutationFn: () => profileApi.disableMfa(password),
    onSuccess: () => done(false, 'Two-factor authentication is off.'),
  });

  if (enabled) {
    return (
      <form
        className="space-y-3"
        onSubmit={(e: FormEvent) => {
          e.preventDefault();
          disable.mutate();
        }}
      >
        <SuccessBanner>{notice}</SuccessBanner>
        <p className="text-sm">Two-factor authentication is <strong>on</strong>.</p>
        <ErrorBanner error={disable.error} />
        <Field label="Password (to turn it off)" type="password" autoComplete="current-password" required value={password} onChange={(e) => setPassword(e.target.value)} />
        <Button type="submit" variant="danger" busy={disable.isPending} disabled={!password}>
          Turn off two-factor authentication
        </Button>
      </form>
    );
  }

  return (
    <div className="space-y-3">
      <SuccessBanner>{notice}</SuccessBanner>
      <p className="text-sm">Two-factor authentication is <strong>off</strong>. Turn it on to ask for a code from an authenticator app at sign-in.</p>
      <ErrorBanner error={enroll.error} />
      {!enroll.data ? (
        <Button variant="secondary" busy={enroll.isPending} onClick={() => enroll.mutate()}>
          Set up two-factor authentication
        </Button>
      ) : (
        <form
          className="space-y-3"
          onSubmit={(e: FormEvent) => {
            e.preventDefault();
            confirm.mutate();
          }}
        >
          <p className="text-sm">Add this account to your authenticator app with the secret or the link, then enter the code it shows.</p>
          <dl className="space-y-2 text-sm">
            <dt className="font-medium">Secret</dt>
            <dd>
              <code className="break-all font-mono" data-testid="mfa-secret">{enroll.data.secret}</code>
            </dd>
            <dt className="font-medium">Link</dt>
            <dd>
              <a className="break-all text-sky-700 underline dark:text-sky-400" href={enroll.data.otpauthUrl}>
                {enroll.data.otpauthUrl}
              </a>
            </dd>
          </dl>
          <ErrorBanner error={confirm.error} />
          <Field
            label="6-digit code"
            inputMode="numeric"
            autoComplete="one-time-code"
            maxLength={6}
            value={code}
            onChange={(e) => setCode(e.target.value.replace(/\D/g, '').slice(0, 6))}
          />
          <Button type="submit" busy={confirm.isPending} disabled={code.length !== 6}>
            Confirm and turn on
          </Button>
        </form>
      )}
    </div>
  );
}
