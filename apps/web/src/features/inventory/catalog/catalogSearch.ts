/** Where the catalog browser is: each level's id, kept in the URL so it can be shared and reloaded. */
export interface CatalogSearch {
  category?: string;
  assembly?: string;
  subAssembly?: string;
}

const str = (v: unknown) => (typeof v === 'string' && v ? v : undefined);

export function parseCatalogSearch(s: Record<string, unknown>): CatalogSearch {
  const out: CatalogSearch = {};
  const category = str(s.category);
  const assembly = str(s.assembly);
  const subAssembly = str(s.subAssembly);
  if (category) out.category = category;
  if (assembly) out.assembly = assembly;
  if (subAssembly) out.subAssembly = subAssembly;
  return out;
}
