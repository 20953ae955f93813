import { Field } from '../ui/Field';

/** The second sign-in step: a 6-digit code from the authenticator app. */
export function MfaStep({ value, onChange, error }: { value: string; onChange: (v: string) => void; error?: string | undefined }) {
  return (
    <div className="space-y-2 rounded-md border border-sky-200 bg-sky-50 p-3 dark:border-sky-800 dark:bg-sky-950">
      <p className="text-sm">Two-factor authentication is on for this account. Enter the 6-digit code from your authenticator app.</p>
      <Field
        label="Authentication code"
        name="mfaToken"
        inputMode="numeric"
        autoComplete="one-time-code"
        pattern="[0-9]{6}"
        maxLength={6}
        required
        autoFocus
        value={value}
        error={error}
        onChange={(e) => onChange(e.target.value.replace(/\D/g, '').slice(0, 6))}
      />
    </div>
  );
}
