import type { UserSummary } from '@plantops/contracts';
import { SearchPicker } from '../../ui/SearchPicker';
import { usersApi } from '../users/usersApi';

export interface PickedUser {
  id: string;
  name: string;
  email: string;
}

/** Picks a user by name or e-mail (the users API's search), instead of typing an id. */
export function UserPicker({ label, value, onChange }: { label: string; value: PickedUser | null; onChange: (u: PickedUser | null) => void }) {
  return (
    <SearchPicker<PickedUser>
      label={label}
      value={value}
      onChange={onChange}
      search={async (q) => (await usersApi.list({ page: 1, limit: 8, search: q, role: '', warehouseId: '', active: '' })).users.map(toPicked)}
      queryKey={['users', 'picker']}
      optionKey={(u) => u.id}
      noun="users"
      placeholder="Name or e-mail"
      pickedTestId="picked-user"
      renderValue={(u) => u.name}
      renderOption={(u) => (
        <>
          {u.name}
          <span className="block text-xs text-slate-600 dark:text-slate-400">{u.email}</span>
        </>
      )}
    />
  );
}

const toPicked = (u: UserSummary): PickedUser => ({ id: u.id, name: `${u.firstName} ${u.lastName}`, email: u.email });
