import { useState, type FormEvent } from 'react';
import { newPasswordSchema, passwordPolicy, type Role, type UserSummary, type Warehouse } from '@plantops/contracts';
import { ApiError } from '../../api/errors';
import { roleLabel } from '../../app/roleLabel';
import { Button } from '../../ui/Button';
import { Checkbox, Field, SelectField } from '../../ui/Field';
import { ErrorBanner } from '../../ui/ErrorBanner';
import type { NewUser, UserChanges } from './usersApi';

interface Props {
  /** Absent: create a user. */
  user?: UserSummary | undefined;
  roles: Role[];
  warehouses: Warehouse[];
  defaultWarehouseId: string;
  busy: boolean;
  error: unknown;
  onSubmit: (body: NewUser | UserChanges) => void;
  onCancel: () => void;
}

export function UserForm({ user, roles, warehouses, defaultWarehouseId, busy, error, onSubmit, onCancel }: Props) {
  const creating = !user;
  const [email, setEmail] = useState(user?.email ?? '');
  const [firstName, setFirstName] = useState(user?.firstName ?? '');
  const [lastName, setLastName] = useState(user?.lastName ?? '');
  const [phone, setPhone] = useState(user?.phone ?? '');
  const [role, setRole] = useState<Role>(user?.role ?? roles[roles.length - 1] ?? 'REQUESTER');
  const [warehouseId, setWarehouseId] = useState(user?.warehouseId ?? defaultWarehouseId);
  const [active, setActive] = useState(user?.active ?? true);
  const [password, setPassword] = useState('');
  const [localErrors, setLocalErrors] = useState<Record<string, string>>({});

  const roleOptions = user && !roles.includes(user.role) ? [user.role, ...roles] : roles;
  const apiErrors = error instanceof ApiError ? error.fieldErrors() : {};
  const errors = { ...apiErrors, ...localErrors };

  function submit(e: FormEvent) {
    e.preventDefault();
    if (creating) {
      const p = newPasswordSchema.safeParse(password);
      const le: Record<string, string> = p.success ? {} : { password: p.error.issues.map((i) => i.message).join('. ') };
      setLocalErrors(le);
      if (!p.success) return;
      onSubmit({ email, firstName, lastName, role, warehouseId, password, ...(phone ? { phone } : {}) });
    } else {
      setLocalErrors({});
      onSubmit({ firstName, lastName, phone: phone || null, role, warehouseId, active });
    }
  }

  return (
    <form onSubmit={submit} noValidate className="space-y-4">
      <ErrorBanner error={error} />
      <div className="grid gap-4 sm:grid-cols-2">
        {creating ? (
          <div className="sm:col-span-2">
            <Field label="E-mail" type="email" required value={email} error={errors.email} onChange={(e) => setEmail(e.target.value)} />
          </div>
        ) : null}
        <Field label="First name" required value={firstName} error={errors.firstName} onChange={(e) => setFirstName(e.target.value)} />
        <Field label="Last name" required value={lastName} error={errors.lastName} onChange={(e) => setLastName(e.target.value)} />
        <Field label="Phone" type="tel" value={phone} error={errors.phone} onChange={(e) => setPhone(e.target.value)} />
        <SelectField label="Role" value={role} error={errors.role} onChange={(e) => setRole(e.target.value as Role)}>
          {roleOptions.map((r) => (
            <option key={r} value={r} disabled={!roles.includes(r)}>
              {roleLabel(r)}
            </option>
          ))}
        </SelectField>
        <SelectField label="Warehouse" value={warehouseId} error={errors.warehouseId} onChange={(e) => setWarehouseId(e.target.value)}>
          {warehouses.length === 0 ? <option value={warehouseId}>{warehouseId}</option> : null}
          {warehouses.map((w) => (
            <option key={w.id} value={w.id}>
              {w.name} ({w.code})
            </option>
          ))}
        </SelectField>
        {creating ? (
          <Field
            label="Initial password"
            type="password"
            autoComplete="new-password"
            required
            value={password}
            error={errors.password}
            hint={`${passwordPolicy.describe} The user must change it at first sign-in.`}
            onChange={(e) => setPassword(e.target.value)}
          />
        ) : (
          <Checkbox label="Active (may sign in)" checked={active} onChange={(e) => setActive(e.target.checked)} />
        )}
      </div>
      <div className="flex justify-end gap-2">
        <Button variant="secondary" onClick={onCancel}>
          Cancel
        </Button>
        <Button type="submit" busy={busy}>
          {creating ? 'Create user' : 'Save changes'}
        </Button>
      </div>
    </form>
  );
}
