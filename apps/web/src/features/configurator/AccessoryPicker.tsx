import { useState } from 'react';
import { Button } from '../../ui/Button';
import { Card } from '../../ui/Card';
import { Field, SelectField } from '../../ui/Field';
import type { Accessory, AccessoryLine, Issue } from './configuratorTypes';

/**
 * Accessories of a sink: pick from the family's list, set quantities, remove. `name` tells one
 * picker from another when a page holds several (the order wizard has one per build).
 */
export function AccessoryPicker({ accessories, lines, errors, onChange, title = 'Accessories', name }: { accessories: Accessory[]; lines: AccessoryLine[]; errors: Issue[]; onChange: (l: AccessoryLine[]) => void; title?: string; name?: string }) {
  const [pick, setPick] = useState('');
  if (!accessories.length) return null;
  const nameOf = (pn: string) => accessories.find((a) => a.partNumber === pn)?.name ?? pn;
  const suffix = name ? ` for ${name}` : '';
  return (
    <Card title={title}>
      <div className="flex flex-wrap items-end gap-2">
        <div className="min-w-0 flex-1 basis-64">
          <SelectField label={`Accessory${suffix}`} value={pick} onChange={(e) => setPick(e.target.value)}>
            <option value="">Choose an accessory…</option>
            {accessories.map((a) => (
              <option key={a.id} value={a.partNumber}>{`${a.catalogNumber ? `${a.catalogNumber} ` : ''}${a.partNumber}: ${a.name}`}</option>
            ))}
          </SelectField>
        </div>
        <Button variant="secondary" disabled={!pick} onClick={() => (onChange([...lines.filter((l) => l.partNumber !== pick), { partNumber: pick, quantity: 1 }]), setPick(''))}>
          {`Add accessory${suffix}`}
        </Button>
      </div>
      <ul className="mt-3 space-y-2">
        {lines.map((l, i) => (
          <li key={l.partNumber} className="flex flex-wrap items-end gap-2">
            <div className="w-28">
              <Field label={`Quantity of ${l.partNumber}${suffix}`} type="number" min={1} value={l.quantity} onChange={(e) => onChange(lines.map((x, j) => (j === i ? { ...x, quantity: Math.max(1, Number(e.target.value) || 1) } : x)))} />
            </div>
            <span className="min-h-11 flex-1 py-2 text-sm">{nameOf(l.partNumber)}</span>
            <Button variant="ghost" aria-label={`Remove ${l.partNumber}${suffix}`} onClick={() => onChange(lines.filter((_x, j) => j !== i))}>
              Remove
            </Button>
            {errors.filter((e) => e.field === `accessories[${i}]` || e.field.startsWith(`accessories[${i}].`)).map((e) => (
              <p key={e.code} className="w-full text-sm text-red-700 dark:text-red-400">{e.message}</p>
            ))}
          </li>
        ))}
      </ul>
    </Card>
  );
}
