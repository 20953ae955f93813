import { useEffect, useLayoutEffect, useRef, useState, type FormEvent } from 'react';
import { useNavigate } from '@tanstack/react-router';
import { ApiError, describeError } from '../api/errors';
import { Button } from '../ui/Button';
import { Logo } from '../ui/Logo';
import { usePageHeading } from '../ui/pageHeading';
import { Checkbox, Field } from '../ui/Field';
import { ErrorBanner } from '../ui/ErrorBanner';
import { takeOverBoot, type Carried } from '../boot/handoff';
import { login } from './authApi';
import { DemoAccounts } from './DemoAccounts';
import { MfaStep } from './MfaStep';

function loginMessage(e: unknown, mfaStep: boolean): string {
  if (e instanceof ApiError && (e.code === 'AUTH_MFA_REQUIRED' || (mfaStep && e.code === 'AUTH_INVALID_CREDENTIALS' && /code/i.test(e.message))))
    return 'That code was not accepted. Enter the current code from your authenticator app.';
  if (e instanceof ApiError && e.code === 'AUTH_INVALID_CREDENTIALS') return 'Wrong e-mail or password.';
  return describeError(e);
}

export function LoginPage({ redirect }: { redirect?: string | undefined }) {
  const navigate = useNavigate();
  const [email, setEmail] = useState('');
  const [password, setPassword] = useState('');
  const [rememberMe, setRememberMe] = useState(false);
  const [mfaNeeded, setMfaNeeded] = useState(false);
  const [mfaToken, setMfaToken] = useState('');
  const [error, setError] = useState<unknown>(null);
  const [busy, setBusy] = useState(false);
  const heading = usePageHeading('Sign in');
  const form = useRef<HTMLFormElement>(null);
  const [carried, setCarried] = useState<Carried | null>(null);

  // The static copy in index.html (decision 0014) goes in the frame this page first appears in;
  // what was typed into it comes along.
  useLayoutEffect(() => {
    const c = takeOverBoot();
    if (!c) return;
    if (typeof c.values.email === 'string') setEmail(c.values.email);
    if (typeof c.values.password === 'string') setPassword(c.values.password);
    if (typeof c.values.rememberMe === 'boolean') setRememberMe(c.values.rememberMe);
    setCarried(c);
  }, []);
  // once the carried values are rendered: the focus back where it was, a held submission sent
  useLayoutEffect(() => {
    const at = carried?.focus;
    const field = at ? form.current?.elements[at.index] : undefined;
    if (!at || !(field instanceof HTMLElement)) return;
    field.focus();
    if (field instanceof HTMLInputElement && field.type !== 'checkbox' && at.start !== null) field.setSelectionRange(at.start, at.end);
  }, [carried]);
  useEffect(() => {
    if (carried?.submitted) form.current?.requestSubmit();
  }, [carried]);

  async function submit(e: FormEvent) {
    e.preventDefault();
    setBusy(true);
    setError(null);
    try {
      const result = await login({ email, password, rememberMe, ...(mfaNeeded ? { mfaToken } : {}) });
      if (result.user.mustChangePassword) await navigate({ to: '/change-password' });
      else await navigate({ to: redirect && redirect.startsWith('/') ? redirect : '/' });
    } catch (err) {
      if (err instanceof ApiError && err.code === 'AUTH_MFA_REQUIRED' && !mfaNeeded) {
        setMfaNeeded(true);
      } else {
        setError(err);
        if (mfaNeeded) setMfaToken('');
      }
    } finally {
      setBusy(false);
    }
  }

  const fieldErrors = error instanceof ApiError && error.code === 'VALIDATION_ERROR' ? error.fieldErrors() : {};

  return (
    <main id="main" className="mx-auto flex min-h-dvh max-w-md flex-col justify-center px-4 py-10">
      <div className="mb-6 flex items-center gap-3">
        <Logo className="size-10" />
        <p className="text-2xl font-bold">PlantOps</p>
      </div>
      <h1 {...heading} className="mb-4 text-xl font-semibold">
        Sign in
      </h1>
      <form ref={form} onSubmit={submit} noValidate className="space-y-4 rounded-lg border border-slate-200 bg-white p-5 shadow-sm dark:border-slate-700 dark:bg-slate-900">
        {error ? <ErrorBanner error={loginMessage(error, mfaNeeded)} /> : null}
        <Field
          label="E-mail"
          type="email"
          name="email"
          autoComplete="username"
          required
          value={email}
          error={fieldErrors.email}
          onChange={(e) => setEmail(e.target.value)}
        />
        <Field
          label="Password"
          type="password"
          name="password"
          autoComplete="current-password"
          required
          value={password}
          error={fieldErrors.password}
          onChange={(e) => setPassword(e.target.value)}
        />
        <Checkbox label="Remember me on this device" name="rememberMe" checked={rememberMe} onChange={(e) => setRememberMe(e.target.checked)} />
        {mfaNeeded ? <MfaStep value={mfaToken} onChange={setMfaToken} error={fieldErrors.mfaToken} /> : null}
        <Button type="submit" busy={busy} className="w-full">
          {mfaNeeded ? 'Verify and sign in' : 'Sign in'}
        </Button>
      </form>
      <DemoAccounts />
    </main>
  );
}
