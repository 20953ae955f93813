import type { SearchType, SortField } from '../inventoryTypes';
import { formatMoney } from '../money';

export const TYPE_LABELS: Record<SearchType, string> = {
  assembly: 'Assemblies',
  sub_assembly: 'Sub-assemblies',
  part: 'Parts',
  accessory: 'Accessories',
  service_part: 'Service parts',
  kit: 'Kits',
};

export const SORT_LABELS: Record<SortField, string> = {
  relevance: 'Relevance',
  name: 'Name',
  partNumber: 'Part number',
  cost: 'Cost',
  quantityOnHand: 'On hand',
};

export const priceRangeLabel = (r: { min: number; max: number | null }) =>
  r.max === null ? `${formatMoney(r.min)} and up` : `${formatMoney(r.min)} – ${formatMoney(r.max)}`;
