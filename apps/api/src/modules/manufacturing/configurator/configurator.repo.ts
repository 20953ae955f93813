import type { Queryable } from '../../../platform/db/database.js';

export interface FamilyRow {
  id: string;
  code: string;
  name: string;
  document: unknown;
  is_active: boolean;
  created_at: Date;
}

/** Every family (there are a handful; the configurator keeps them in memory). */
export async function loadFamilies(q: Queryable): Promise<FamilyRow[]> {
  const { rows } = await q.query<FamilyRow>(`SELECT id, code, name, document, is_active, created_at FROM configurator_families ORDER BY name`);
  return rows;
}

export interface TemplateRow {
  id: string;
  family_id: string;
  name: string;
  description: string;
  category: string;
  configuration: Record<string, unknown>;
  popularity: number;
  last_used_at: Date | null;
  created_at: Date;
  total: number;
}

export async function listTemplates(q: Queryable, f: { familyId?: string; category?: string; page: number; limit: number }): Promise<{ rows: TemplateRow[]; total: number }> {
  const { rows } = await q.query<TemplateRow>(
    `SELECT t.*, count(*) OVER ()::int AS total FROM configuration_templates t
      WHERE ($1::uuid IS NULL OR t.family_id = $1) AND ($2::text IS NULL OR t.category = $2)
      ORDER BY t.popularity DESC, t.name, t.id LIMIT $3 OFFSET $4`,
    [f.familyId ?? null, f.category ?? null, f.limit, (f.page - 1) * f.limit],
  );
  return { rows, total: rows[0]?.total ?? 0 };
}
