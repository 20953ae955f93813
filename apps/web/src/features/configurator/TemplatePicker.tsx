import { useQuery } from '@tanstack/react-query';
import { SelectField } from '../../ui/Field';
import { configuratorApi, configuratorKeys } from './configuratorApi';

/**
 * "Start from a template": the family's saved configurations (GET /configurations/templates);
 * choosing one hands a copy of its configuration to `onPick`. Nothing shows when there are none.
 */
export function TemplatePicker({ familyId, onPick, className }: { familyId: string; onPick: (configuration: Record<string, unknown>) => void; className?: string }) {
  const templates = useQuery({ queryKey: configuratorKeys.templates(familyId), queryFn: () => configuratorApi.templates(familyId) });
  const list = templates.data?.templates ?? [];
  if (!list.length) return null;
  return (
    <div className={className}>
      <SelectField
        label="Start from a template"
        value=""
        onChange={(e) => {
          const t = list.find((x) => x.id === e.target.value);
          if (t) onPick(structuredClone(t.configuration));
        }}
      >
        <option value="">Choose a template…</option>
        {list.map((t) => (
          <option key={t.id} value={t.id}>
            {t.name}
          </option>
        ))}
      </SelectField>
    </div>
  );
}
