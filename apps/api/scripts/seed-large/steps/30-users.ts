import type { Role } from '@plantops/contracts';
import { hashPassword } from '../../../src/platform/crypto/passwords.js';
import { DEMO_PASSWORD } from '../../../src/seed/demo.js';
import type { LargeSeedStep } from '../types.js';

/** Roles that read the catalog, so a bench user of each can search and open parts. */
const READER_ROLES: Role[] = ['MANAGER', 'SUPERVISOR', 'TECHNICIAN', 'INVENTORY_CLERK', 'PRODUCTION_COORDINATOR', 'ASSEMBLER', 'QC_PERSON', 'PROCUREMENT', 'SERVICE_TECH'];

/** `bench-user-01@plantops.local`...: the bench's many distinct users (read caches are per user). */
export const benchUserEmail = (i: number) => `bench-user-${String(i).padStart(2, '0')}@plantops.local`;

/** Bench users over both sites and the catalog-reading roles, password DEMO_PASSWORD. */
export const step: LargeSeedStep = {
  option: 'users',
  default: 20,
  description: 'bench users bench-user-NN@plantops.local (password as the demo users)',
  async run(db, count, ctx) {
    const hash = await hashPassword(DEMO_PASSWORD);
    for (let i = 1; i <= count; i++) {
      const { rows } = await db.query<{ id: string }>(
        `INSERT INTO profiles (email, first_name, last_name, role, warehouse_id, email_verified)
         SELECT $1, 'Bench', $2, $3, $4, true WHERE NOT EXISTS (SELECT 1 FROM profiles WHERE lower(email) = lower($1)) RETURNING id`,
        [benchUserEmail(i), `User ${i}`, READER_ROLES[i % READER_ROLES.length], i % 2 ? ctx.warehouses.MAIN : ctx.warehouses.NORTH],
      );
      if (rows[0]) await db.query(`INSERT INTO user_credentials (user_id, password_hash) VALUES ($1, $2)`, [rows[0].id, hash]);
    }
    ctx.log(`bench users ${count}`);
  },
};
