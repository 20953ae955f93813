import { SearchPicker } from '../../../ui/SearchPicker';
import { inventoryApi } from '../inventoryApi';
import type { SearchFilters } from '../inventoryTypes';
import type { PickedPart } from './receiptLines';

interface Props {
  label: string;
  value: PickedPart | null;
  error?: string | undefined;
  onChange: (part: PickedPart | null) => void;
}

const searchFor = (query: string): SearchFilters => ({
  query, type: '', categoryId: '', minCost: '', maxCost: '', inStock: '', isCustom: '', sortBy: 'relevance', sortOrder: 'desc', page: 1, limit: 8,
});

type Option = PickedPart & { quantityOnHand?: number };

/** A combobox over the inventory search: type a part number or name, pick with arrows/Enter or a click. */
export function PartPicker({ label, value, error, onChange }: Props) {
  return (
    <SearchPicker<Option>
      label={label}
      value={value}
      error={error}
      onChange={(p) => onChange(p && { id: p.id, partNumber: p.partNumber, name: p.name })}
      search={async (q) => (await inventoryApi.search(searchFor(q))).results}
      queryKey={['inventory', 'picker']}
      optionKey={(o) => o.id}
      noun="parts"
      placeholder="Part number or name"
      pickedTestId="picked-part"
      renderValue={(p) => (
        <>
          <span className="font-mono">{p.partNumber}</span> {p.name}
        </>
      )}
      renderOption={(o) => (
        <>
          <span className="font-mono">{o.partNumber}</span> {o.name}
          <span className="block text-xs text-slate-600 dark:text-slate-400">On hand {o.quantityOnHand}</span>
        </>
      )}
    />
  );
}
