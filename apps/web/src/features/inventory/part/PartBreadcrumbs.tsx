import { Link } from '@tanstack/react-router';
import { Breadcrumbs, type Crumb } from '../../../ui/Breadcrumbs';
import { textLink } from '../../../ui/linkStyles';
import type { CatalogSearch } from '../catalog/catalogSearch';
import type { PartDetail } from '../inventoryTypes';

const LEVEL: Record<string, keyof CatalogSearch> = { category: 'category', assembly: 'assembly', sub_assembly: 'subAssembly' };

/** Catalog › …the part's place in the catalog… › part number; each level opens the catalog browser there. */
export function PartBreadcrumbs({ part }: { part: PartDetail }) {
  const crumbs: Crumb[] = [{ key: 'root', label: 'Catalog', link: (l) => <Link to="/inventory" search={{}} className={textLink}>{l}</Link> }];
  const at: CatalogSearch = {};
  for (const p of part.categoryPath) {
    const level = LEVEL[p.type];
    if (!level) continue;
    at[level] = p.id;
    const search = { ...at };
    crumbs.push({ key: p.id, label: p.name, link: (l) => <Link to="/inventory" search={search} className={textLink}>{l}</Link> });
  }
  crumbs.push({ key: 'part', label: part.partNumber });
  return <Breadcrumbs items={crumbs} label="Catalog location" />;
}
