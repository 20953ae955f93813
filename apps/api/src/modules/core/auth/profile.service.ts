import { permissionsOf, preferencesSchema, type Preferences } from '@plantops/contracts';
import type { Ctx } from '../../../platform/db/unit-of-work.js';
import { notFound } from '../../../platform/http/errors.js';
import { toIso } from '../../../platform/http/envelope.js';
import { audit } from '../audit/audit.writer.js';

interface ProfileRow {
  id: string;
  email: string;
  first_name: string;
  last_name: string;
  phone: string | null;
  role: import('@plantops/contracts').Role;
  warehouse_id: string;
  preferences: unknown;
  last_login_at: Date | null;
  created_at: Date;
}

const COLUMNS = 'id, email, first_name, last_name, phone, role, warehouse_id, preferences, last_login_at, created_at';

/** Stored preferences merged over defaults, so old rows gain new preference keys. */
const preferencesOf = (stored: unknown): Preferences => {
  const parsed = preferencesSchema.safeParse(stored ?? {});
  return parsed.success ? parsed.data : preferencesSchema.parse({});
};

function toProfile(row: ProfileRow) {
  return {
    id: row.id,
    email: row.email,
    firstName: row.first_name,
    lastName: row.last_name,
    phone: row.phone,
    role: row.role,
    warehouseId: row.warehouse_id,
    permissions: [...permissionsOf(row.role)],
    preferences: preferencesOf(row.preferences),
    lastLogin: toIso(row.last_login_at),
    createdAt: toIso(row.created_at) ?? '',
  };
}
export type Profile = ReturnType<typeof toProfile>;

async function loadRow(ctx: Ctx): Promise<ProfileRow> {
  const { rows } = await ctx.tx.query<ProfileRow>(`SELECT ${COLUMNS} FROM profiles WHERE id = $1`, [ctx.actor.userId]);
  if (!rows[0]) throw notFound('Profile');
  return rows[0];
}

export async function getProfile(ctx: Ctx): Promise<Profile> {
  return toProfile(await loadRow(ctx));
}

export interface ProfileUpdate {
  firstName?: string;
  lastName?: string;
  phone?: string | null;
  preferences?: Partial<Omit<Preferences, 'notifications'>> & { notifications?: Partial<Preferences['notifications']> };
}

export async function updateProfile(ctx: Ctx, input: ProfileUpdate): Promise<Profile> {
  const before = await loadRow(ctx);
  const current = preferencesOf(before.preferences);
  const preferences = preferencesSchema.parse({
    ...current,
    ...input.preferences,
    notifications: { ...current.notifications, ...input.preferences?.notifications },
  });
  const { rows } = await ctx.tx.query<ProfileRow>(
    `UPDATE profiles SET first_name = coalesce($2, first_name), last_name = coalesce($3, last_name),
       phone = CASE WHEN $4 THEN $5 ELSE phone END, preferences = $6::jsonb, updated_at = now()
     WHERE id = $1 RETURNING ${COLUMNS}`,
    [ctx.actor.userId, input.firstName ?? null, input.lastName ?? null, input.phone !== undefined, input.phone ?? null, JSON.stringify(preferences)],
  );
  const after = rows[0]!;
  await audit(ctx, {
    action: 'UPDATE',
    tableName: 'profiles',
    recordId: after.id,
    warehouseId: after.warehouse_id,
    before: { firstName: before.first_name, lastName: before.last_name, phone: before.phone, preferences: current },
    after: { firstName: after.first_name, lastName: after.last_name, phone: after.phone, preferences },
  });
  return toProfile(after);
}
