import { useState, type FormEvent } from 'react';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { ApiError } from '../../api/errors';
import { session } from '../../auth/session';
import { Button } from '../../ui/Button';
import { Checkbox, Field, SelectField } from '../../ui/Field';
import { ErrorBanner, SuccessBanner } from '../../ui/ErrorBanner';
import { profileApi, type Profile } from './profileApi';
import { profileKey } from './useProfile';
import type { Theme } from './theme';

function timezones(current: string): string[] {
  const all = typeof Intl.supportedValuesOf === 'function' ? Intl.supportedValuesOf('timeZone') : [];
  return [...new Set(['UTC', current, ...all])];
}

export function ProfileForm({ profile }: { profile: Profile }) {
  const qc = useQueryClient();
  const [firstName, setFirstName] = useState(profile.firstName);
  const [lastName, setLastName] = useState(profile.lastName);
  const [theme, setTheme] = useState<Theme>(profile.preferences?.theme ?? 'system');
  const [timezone, setTimezone] = useState(profile.preferences?.timezone ?? 'UTC');
  const [email, setEmail] = useState(profile.preferences?.notifications?.email ?? true);
  const [push, setPush] = useState(profile.preferences?.notifications?.push ?? false);

  const save = useMutation({
    mutationFn: () =>
      profileApi.update({
        firstName,
        lastName,
        preferences: {
          ...profile.preferences,
          theme,
          timezone,
          notifications: { email, push },
        },
      }),
    onSuccess: async () => {
      session.updateUser({ firstName, lastName });
      await qc.invalidateQueries({ queryKey: profileKey });
    },
  });

  const errors = save.error instanceof ApiError ? save.error.fieldErrors() : {};
  function submit(e: FormEvent) {
    e.preventDefault();
    save.mutate();
  }

  return (
    <form onSubmit={submit} className="space-y-4">
      <ErrorBanner error={save.error} />
      <SuccessBanner>{save.isSuccess ? 'Profile saved.' : null}</SuccessBanner>
      <div className="grid gap-4 sm:grid-cols-2">
        <Field label="First name" value={firstName} required error={errors.firstName} onChange={(e) => setFirstName(e.target.value)} />
        <Field label="Last name" value={lastName} required error={errors.lastName} onChange={(e) => setLastName(e.target.value)} />
        <SelectField label="Theme" value={theme} error={errors.theme} onChange={(e) => setTheme(e.target.value as Theme)}>
          <option value="system">Same as the device</option>
          <option value="light">Light</option>
          <option value="dark">Dark</option>
        </SelectField>
        <SelectField label="Time zone" value={timezone} error={errors.timezone} onChange={(e) => setTimezone(e.target.value)}>
          {timezones(timezone).map((tz) => (
            <option key={tz}>{tz}</option>
          ))}
        </SelectField>
      </div>
      <fieldset>
        <legend className="text-sm font-medium">Notifications</legend>
        <Checkbox label="E-mail notifications" checked={email} onChange={(e) => setEmail(e.target.checked)} />
        <Checkbox label="Push notifications" checked={push} onChange={(e) => setPush(e.target.checked)} />
      </fieldset>
      <Button type="submit" busy={save.isPending}>
        Save profile
      </Button>
    </form>
  );
}
