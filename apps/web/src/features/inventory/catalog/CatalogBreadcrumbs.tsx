import { Link } from '@tanstack/react-router';
import { Breadcrumbs, type Crumb } from '../../../ui/Breadcrumbs';
import { textLink } from '../../../ui/linkStyles';
import type { CatalogSearch } from './catalogSearch';
import { useCategoryName, useChildParts, useSubAssemblies } from './useCatalogQueries';

/** Catalog › category › assembly › sub-assembly, each a link back to its level. */
export function CatalogBreadcrumbs({ at }: { at: CatalogSearch }) {
  const categoryName = useCategoryName(at.category);
  const assemblyName = useSubAssemblies(at.assembly).data?.assemblyName;
  const subName = useChildParts(at.subAssembly).data?.subAssemblyName;

  const crumbs: Crumb[] = [{ key: 'root', label: 'Catalog', link: (l) => <Link to="/inventory" search={{}} className={textLink}>{l}</Link> }];
  if (at.category) {
    const search = { category: at.category };
    crumbs.push({ key: 'c', label: categoryName ?? 'Category', link: (l) => <Link to="/inventory" search={search} className={textLink}>{l}</Link> });
  }
  if (at.category && at.assembly) {
    const search = { category: at.category, assembly: at.assembly };
    crumbs.push({ key: 'a', label: assemblyName ?? 'Assembly', link: (l) => <Link to="/inventory" search={search} className={textLink}>{l}</Link> });
  }
  if (at.subAssembly) crumbs.push({ key: 's', label: subName ?? 'Sub-assembly' });
  return <Breadcrumbs items={crumbs} label="Catalog location" />;
}
