import { PageTitle } from '../../../ui/Card';
import { InventoryTabs } from '../InventoryTabs';
import { AssemblyList } from './AssemblyList';
import { CatalogBreadcrumbs } from './CatalogBreadcrumbs';
import type { CatalogSearch } from './catalogSearch';
import { CategoryTree } from './CategoryTree';
import { PartList } from './PartList';
import { SubAssemblyList } from './SubAssemblyList';

/** Category → assemblies → sub-assemblies → parts; the level is in the URL. */
export function CatalogPage({ at }: { at: CatalogSearch }) {
  let level;
  if (at.subAssembly) level = <PartList subAssemblyId={at.subAssembly} />;
  else if (at.category && at.assembly) level = <SubAssemblyList categoryId={at.category} assemblyId={at.assembly} />;
  else if (at.category) level = <AssemblyList key={at.category} categoryId={at.category} />;
  else level = <CategoryTree />;

  return (
    <div className="space-y-4">
      <PageTitle>Inventory catalog</PageTitle>
      <InventoryTabs />
      <CatalogBreadcrumbs at={at} />
      {level}
    </div>
  );
}
