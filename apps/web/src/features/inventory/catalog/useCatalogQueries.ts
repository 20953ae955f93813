import { useQuery } from '@tanstack/react-query';
import { inventoryApi, inventoryKeys } from '../inventoryApi';

export function useCategories() {
  return useQuery({ queryKey: inventoryKeys.categories(), queryFn: inventoryApi.categories, staleTime: 5 * 60_000 });
}

export function useSubAssemblies(assemblyId: string | undefined) {
  return useQuery({
    queryKey: inventoryKeys.subAssemblies(assemblyId ?? ''),
    queryFn: () => inventoryApi.subAssemblies(assemblyId!),
    enabled: Boolean(assemblyId),
  });
}

/** The children without children of an item: a sub-assembly's parts, or an assembly's loose parts. */
export function useChildParts(itemId: string | undefined) {
  return useQuery({ queryKey: inventoryKeys.parts(itemId ?? ''), queryFn: () => inventoryApi.parts(itemId!), enabled: Boolean(itemId) });
}

/** A category's name, top-level or sub-category. */
export function useCategoryName(categoryId: string | undefined): string | undefined {
  const { data } = useCategories();
  if (!categoryId || !data) return undefined;
  for (const c of data.categories) {
    if (c.id === categoryId) return c.name;
    const sub = c.subcategories.find((s) => s.id === categoryId);
    if (sub) return sub.name;
  }
  return undefined;
}
