import { useState, type FormEvent } from 'react';
import { Button } from '../../../ui/Button';
import { Card } from '../../../ui/Card';
import { Field, SelectField } from '../../../ui/Field';
import type { SinkFamily } from '../../configurator/configuratorTypes';
import type { SinkLineInput } from '../ordersApi';
import { ProblemBanner } from '../ProblemBanner';

export interface SinkLine {
  sinkFamilyId: string;
  quantity: number;
  /** Typed build numbers, comma separated; empty to have them offered. */
  buildNumbers: string;
}

const split = (s: string) => s.split(/[\s,]+/).map((x) => x.trim()).filter(Boolean);

export function toSelection(lines: SinkLine[]): SinkLineInput[] {
  return lines.map((l) => {
    const numbers = split(l.buildNumbers);
    return { sinkFamilyId: l.sinkFamilyId, quantity: l.quantity, ...(numbers.length ? { buildNumbers: numbers } : {}) };
  });
}

/**
 * Step 2: which sinks and how many. Each unit gets a build number, unique across the plant:
 * typed here (one per unit) or, left empty, offered by the server and shown on the next step.
 */
export function SinksStep({ families, initial, busy, error, onSave }: { families: SinkFamily[]; initial: SinkLine[]; busy: boolean; error: unknown; onSave: (lines: SinkLine[]) => void }) {
  const [lines, setLines] = useState<SinkLine[]>(initial.length ? initial : [{ sinkFamilyId: '', quantity: 1, buildNumbers: '' }]);
  const patch = (i: number, p: Partial<SinkLine>) => setLines((ls) => ls.map((l, j) => (j === i ? { ...l, ...p } : l)));
  const complete = lines.every((l) => l.sinkFamilyId && l.quantity >= 1);
  const submit = (e: FormEvent) => {
    e.preventDefault();
    onSave(lines);
  };
  return (
    <form className="space-y-4" onSubmit={submit} noValidate>
      {lines.map((l, i) => {
        const typed = split(l.buildNumbers).length;
        const family = families.find((f) => f.id === l.sinkFamilyId);
        return (
          <Card key={i} title={`Sink line ${i + 1}`}>
            <div className="grid gap-3 sm:grid-cols-[minmax(0,2fr)_minmax(0,1fr)]">
              <SelectField label={`Sink family, line ${i + 1}`} value={l.sinkFamilyId} onChange={(e) => patch(i, { sinkFamilyId: e.target.value })}>
                <option value="">Choose a family…</option>
                {families.map((f) => (
                  <option key={f.id} value={f.id}>
                    {f.name}
                  </option>
                ))}
              </SelectField>
              <Field label={`Quantity, line ${i + 1}`} type="number" inputMode="numeric" min={1} max={100} value={l.quantity} onChange={(e) => patch(i, { quantity: Math.max(1, Math.min(100, Number(e.target.value) || 1)) })} />
              <div className="sm:col-span-2">
                <Field
                  label={`Build numbers, line ${i + 1} (optional)`}
                  value={l.buildNumbers}
                  onChange={(e) => patch(i, { buildNumbers: e.target.value })}
                  hint={typed && typed !== l.quantity ? `${typed} typed for ${l.quantity} units: give one per unit, or none to have them offered.` : 'One per unit, separated by commas; leave empty to have them offered.'}
                />
              </div>
            </div>
            {family ? <p className="mt-2 text-sm text-slate-600 dark:text-slate-400">{family.description}</p> : null}
            {lines.length > 1 ? (
              <div className="mt-2">
                <Button variant="ghost" onClick={() => setLines((ls) => ls.filter((_x, j) => j !== i))}>
                  {`Remove line ${i + 1}`}
                </Button>
              </div>
            ) : null}
          </Card>
        );
      })}
      <Button variant="secondary" onClick={() => setLines((ls) => [...ls, { sinkFamilyId: '', quantity: 1, buildNumbers: '' }])}>
        Add another sink
      </Button>
      <ProblemBanner error={error} title="The sinks were not saved." />
      <div className="flex flex-wrap justify-end gap-2">
        <Button type="submit" busy={busy} disabled={!complete}>
          Save sinks and continue
        </Button>
      </div>
    </form>
  );
}
