import { ROLES, roleEmailLocalPart, type Role } from '@plantops/contracts';
import { v7 as uuidv7 } from 'uuid';
import { hashPassword } from '../platform/crypto/passwords.js';
import type { Database, Queryable } from '../platform/db/database.js';
import { seedConfiguratorFamilies } from './configurator/families.js';
import { seedDemoCatalog } from './inventory.js';
import { seedDemoMaintenance } from './maintenance.js';

export const DEMO_PASSWORD = 'PlantOps-demo-2026';

const DEMO_NAMES: Record<Role, [string, string]> = {
  ADMIN: ['Ada', 'Admin'],
  MANAGER: ['Morgan', 'Manager'],
  SUPERVISOR: ['Sam', 'Supervisor'],
  TECHNICIAN: ['Toni', 'Technician'],
  INVENTORY_CLERK: ['Ines', 'Clerk'],
  CONTRACTOR: ['Casey', 'Contractor'],
  REQUESTER: ['Riley', 'Requester'],
  PRODUCTION_COORDINATOR: ['Paula', 'Coordinator'],
  ASSEMBLER: ['Alex', 'Assembler'],
  QC_PERSON: ['Quinn', 'Inspector'],
  PROCUREMENT: ['Pat', 'Buyer'],
  SERVICE_TECH: ['Sasha', 'Service'],
};

export interface DemoUser {
  email: string;
  role: Role;
  warehouse: 'MAIN' | 'NORTH';
  firstName: string;
  lastName: string;
}

export const DEMO_USERS: DemoUser[] = [
  ...ROLES.map((role) => ({
    email: `${roleEmailLocalPart(role)}@plantops.local`,
    role,
    warehouse: 'MAIN' as const,
    firstName: DEMO_NAMES[role][0],
    lastName: DEMO_NAMES[role][1],
  })),
  { email: 'technician-north@plantops.local', role: 'TECHNICIAN', warehouse: 'NORTH', firstName: 'Nils', lastName: 'North' },
];

async function insertWarehouse(tx: Queryable, code: string, name: string, address: string, timezone: string) {
  const id = uuidv7();
  await tx.query(`INSERT INTO warehouses (id, code, name, address, timezone) VALUES ($1, $2, $3, $4, $5)`, [id, code, name, address, timezone]);
  return id;
}

/** Seeds the demo warehouses, one user per role and the demo catalog with stock, once, when the database has no users yet. */
export async function seedDemoData(db: Database): Promise<boolean> {
  const hashes = await Promise.all(DEMO_USERS.map(() => hashPassword(DEMO_PASSWORD)));
  return db.transaction(async (tx) => {
    await tx.query('SELECT pg_advisory_xact_lock(7355609)');
    const { rows } = await tx.query<{ n: number }>('SELECT count(*)::int AS n FROM profiles');
    if ((rows[0]?.n ?? 0) > 0) return false;
    const warehouses = {
      MAIN: await insertWarehouse(tx, 'MAIN', 'Main Plant', '100 Foundry Road, Springfield', 'America/Chicago'),
      NORTH: await insertWarehouse(tx, 'NORTH', 'North Plant', '8 Harbour Lane, Duluth', 'America/Chicago'),
    };
    let adminId = '';
    // Demo users by their e-mail's local part (technician, technician-north, ...).
    const userIds: Record<string, string> = {};
    for (const [i, u] of DEMO_USERS.entries()) {
      const id = uuidv7();
      if (u.role === 'ADMIN') adminId = id;
      userIds[u.email.split('@')[0]!] = id;
      await tx.query(
        `INSERT INTO profiles (id, email, first_name, last_name, role, warehouse_id, email_verified) VALUES ($1, $2, $3, $4, $5, $6, true)`,
        [id, u.email, u.firstName, u.lastName, u.role, warehouses[u.warehouse]],
      );
      await tx.query(`INSERT INTO user_credentials (user_id, password_hash) VALUES ($1, $2)`, [id, hashes[i]]);
    }
    await seedDemoCatalog(tx, warehouses, adminId);
    await seedDemoMaintenance(tx, warehouses, userIds, process.env.PUBLIC_URL);
    await seedConfiguratorFamilies(tx);
    return true;
  });
}
