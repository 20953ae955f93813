import { keepPreviousData, useMutation, useQuery } from '@tanstack/react-query';
import { useMemo, useState } from 'react';
import { Badge } from '../../ui/Badge';
import { Button } from '../../ui/Button';
import { Card, PageTitle } from '../../ui/Card';
import { ErrorBanner, SuccessBanner } from '../../ui/ErrorBanner';
import { Field, SelectField } from '../../ui/Field';
import { useDebouncedValue } from '../../ui/useDebouncedValue';
import { formatMoney } from '../inventory/money';
import { BomTree } from './BomTree';
import { setAt } from './configPath';
import { configuratorApi, configuratorKeys } from './configuratorApi';
import type { AccessoryLine, Bom, Issue, SinkFamily } from './configuratorTypes';
import { OptionField, type FormContext } from './OptionForm';

/**
 * The configurator (journeys.md: configuration with live validation and price, BOM preview):
 * pick a family, answer its options (only valid choices are offered), see every problem, the
 * price and the lead time as you go, and the BOM with stock per line; save it to export it.
 */
export function ConfiguratorPage({ family: familyCode, onFamily }: { family?: string; onFamily: (code: string) => void }) {
  const families = useQuery({ queryKey: configuratorKeys.families, queryFn: configuratorApi.families });
  const family = families.data?.sinkFamilies.find((f) => f.code === familyCode);
  return (
    <div className="space-y-4">
      <PageTitle>Configurator</PageTitle>
      <ErrorBanner error={families.error} title="The sink families could not be loaded. Reload the page to try again." />
      <Card title="Sink family">
        <div role="group" aria-label="Sink family" className="flex flex-wrap gap-2">
          {(families.data?.sinkFamilies ?? []).map((f) => (
            <Button key={f.id} variant={f.code === familyCode ? 'primary' : 'secondary'} aria-pressed={f.code === familyCode} onClick={() => onFamily(f.code)}>
              {f.name}
            </Button>
          ))}
        </div>
        {family ? <p className="mt-2 text-sm text-slate-600 dark:text-slate-400">{family.description}</p> : null}
      </Card>
      {family ? <FamilyConfigurator key={family.id} family={family} /> : null}
    </div>
  );
}

function FamilyConfigurator({ family }: { family: SinkFamily }) {
  const [config, setConfig] = useState<unknown>({});
  const [accessories, setAccessories] = useState<AccessoryLine[]>([]);
  const [saved, setSaved] = useState<Bom | null>(null);
  const templates = useQuery({ queryKey: configuratorKeys.templates(family.id), queryFn: () => configuratorApi.templates(family.id) });
  // Ask the server once the user pauses: every answer is checked against the family's rules there.
  const asked = useDebouncedValue(useMemo(() => ({ config, accessories }), [config, accessories]), 350);
  const validation = useQuery({
    queryKey: ['configurator', 'validate', family.id, asked],
    queryFn: () => configuratorApi.validate(family.id, asked.config, asked.accessories),
    placeholderData: keepPreviousData,
  });
  const valid = validation.data?.isValid === true && !validation.isPlaceholderData;
  const preview = useQuery({
    queryKey: ['configurator', 'preview', family.id, asked],
    queryFn: () => configuratorApi.preview(family.id, asked.config, asked.accessories),
    enabled: valid,
    placeholderData: keepPreviousData,
  });
  const save = useMutation({ mutationFn: () => configuratorApi.save(family.id, config, accessories), onSuccess: setSaved });

  const ctx: FormContext = useMemo(() => {
    const errors = new Map<string, string[]>();
    for (const e of validation.data?.errors ?? []) errors.set(e.field, [...(errors.get(e.field) ?? []), e.message]);
    return {
      config,
      set: (path, value) => {
        setSaved(null);
        setConfig((c: unknown) => setAt(c, path, value));
      },
      offered: new Map((validation.data?.availableOptions ?? []).map((o) => [o.field, o.values])),
      errors,
    };
  }, [config, validation.data]);

  const v = validation.data;
  return (
    <div className="grid gap-4 lg:grid-cols-[minmax(0,3fr)_minmax(0,2fr)]">
      <div className="space-y-4">
        <Card title="Options">
          {templates.data?.templates.length ? (
            <div className="mb-4">
              <SelectField
                label="Start from a template"
                value=""
                onChange={(e) => {
                  const t = templates.data?.templates.find((x) => x.id === e.target.value);
                  if (t) {
                    setSaved(null);
                    setConfig(structuredClone(t.configuration));
                  }
                }}
              >
                <option value="">Choose a template…</option>
                {templates.data.templates.map((t) => (
                  <option key={t.id} value={t.id}>
                    {t.name}
                  </option>
                ))}
              </SelectField>
            </div>
          ) : null}
          <div className="space-y-4">
            {Object.entries(family.options).map(([key, node]) => (
              <OptionField key={key} node={node} path={key} label={(node.label ?? key).replace(/^./, (c) => c.toUpperCase())} ctx={ctx} />
            ))}
          </div>
        </Card>
        <AccessoryPicker family={family} lines={accessories} errors={v?.errors ?? []} onChange={(l) => (setSaved(null), setAccessories(l))} />
      </div>
      <div className="space-y-4">
        <Card title="Check and price">
          <div aria-live="polite" className="space-y-3">
            {validation.isFetching ? <p className="text-sm text-slate-600 dark:text-slate-400">Checking…</p> : null}
            <ErrorBanner error={validation.error} title="The configuration could not be checked. Try again in a moment." />
            {v && !v.isValid ? <Problems title={`${v.errors.length} to fix before this sink can be built`} issues={v.errors} tone="danger" /> : null}
            {v?.isValid ? (
              <dl className="grid grid-cols-2 gap-2 text-sm">
                <dt className="text-slate-600 dark:text-slate-400">Price</dt>
                <dd data-testid="configured-price" className="text-lg font-semibold">{formatMoney(v.estimatedCost)}</dd>
                <dt className="text-slate-600 dark:text-slate-400">Lead time</dt>
                <dd data-testid="configured-lead-time">{v.estimatedLeadTime}</dd>
              </dl>
            ) : null}
            {v?.warnings.length ? <Problems title="Warnings" issues={v.warnings} tone="warning" /> : null}
            {v?.customPartsRequired.map((c) => (
              <p key={c.reason} className="text-sm">
                <Badge tone="info">Custom part</Badge> {`${c.reason} (${formatMoney(c.estimatedCost)} each${c.partNumber ? `, ${c.partNumber}` : ''})`}
              </p>
            ))}
          </div>
        </Card>
        {valid && preview.data ? (
          <Card title="BOM preview">
            <p className="mb-2 text-sm">
              {`${preview.data.summary.totalItems} lines, parts cost ${formatMoney(preview.data.summary.subtotal)}. `}
              {preview.data.availability.allPartsAvailable
                ? 'Every part is in stock.'
                : `${preview.data.availability.partsNeedingProcurement} parts to buy (marked); ready about ${preview.data.availability.estimatedReadyDate.slice(0, 10)}.`}
            </p>
            <BomTree items={preview.data.bomItems} />
            <div className="mt-4 flex flex-wrap gap-2">
              <Button busy={save.isPending} onClick={() => save.mutate()}>
                Save BOM
              </Button>
              {saved?.bomId ? (['csv', 'xlsx', 'pdf'] as const).map((f) => (
                <Button key={f} variant="secondary" onClick={() => void configuratorApi.exportBom(saved.bomId!, f)}>
                  {`Export ${f.toUpperCase()}`}
                </Button>
              )) : null}
            </div>
            <div className="mt-2">
              <ErrorBanner error={save.error} title="The BOM was not saved. Check the configuration and try again." />
              <SuccessBanner>{saved ? `Saved as BOM version ${saved.version} (${saved.status}). Export it, or approve it from the order.` : null}</SuccessBanner>
            </div>
          </Card>
        ) : null}
        <ErrorBanner error={preview.error} title="The BOM preview failed. Try again in a moment." />
      </div>
    </div>
  );
}

function Problems({ title, issues, tone }: { title: string; issues: Issue[]; tone: 'danger' | 'warning' }) {
  return (
    <div role={tone === 'danger' ? 'alert' : 'status'} className={`rounded-md border p-3 text-sm ${tone === 'danger' ? 'border-red-300 bg-red-50 text-red-900 dark:border-red-800 dark:bg-red-950 dark:text-red-100' : 'border-amber-300 bg-amber-50 text-amber-900 dark:border-amber-800 dark:bg-amber-950 dark:text-amber-100'}`}>
      <p className="font-semibold">{title}</p>
      <ul className="mt-1 list-disc space-y-1 pl-5">
        {issues.map((i) => (
          <li key={`${i.field}-${i.code}-${i.message}`} data-code={i.code}>
            {i.message}
          </li>
        ))}
      </ul>
    </div>
  );
}

function AccessoryPicker({ family, lines, errors, onChange }: { family: SinkFamily; lines: AccessoryLine[]; errors: Issue[]; onChange: (l: AccessoryLine[]) => void }) {
  const [pick, setPick] = useState('');
  if (!family.accessories.length) return null;
  const name = (pn: string) => family.accessories.find((a) => a.partNumber === pn)?.name ?? pn;
  return (
    <Card title="Accessories">
      <div className="flex flex-wrap items-end gap-2">
        <div className="min-w-64 flex-1">
          <SelectField label="Accessory" value={pick} onChange={(e) => setPick(e.target.value)}>
            <option value="">Choose an accessory…</option>
            {family.accessories.map((a) => (
              <option key={a.id} value={a.partNumber}>{`${a.catalogNumber ? `${a.catalogNumber} ` : ''}${a.partNumber}: ${a.name}`}</option>
            ))}
          </SelectField>
        </div>
        <Button variant="secondary" disabled={!pick} onClick={() => (onChange([...lines.filter((l) => l.partNumber !== pick), { partNumber: pick, quantity: 1 }]), setPick(''))}>
          Add accessory
        </Button>
      </div>
      <ul className="mt-3 space-y-2">
        {lines.map((l, i) => (
          <li key={l.partNumber} className="flex flex-wrap items-end gap-2">
            <div className="w-28">
              <Field label={`Quantity of ${l.partNumber}`} type="number" min={1} value={l.quantity} onChange={(e) => onChange(lines.map((x, j) => (j === i ? { ...x, quantity: Math.max(1, Number(e.target.value) || 1) } : x)))} />
            </div>
            <span className="min-h-11 flex-1 py-2 text-sm">{name(l.partNumber)}</span>
            <Button variant="ghost" aria-label={`Remove ${l.partNumber}`} onClick={() => onChange(lines.filter((_x, j) => j !== i))}>
              Remove
            </Button>
            {errors.filter((e) => e.field === `accessories[${i}]`).map((e) => (
              <p key={e.code} className="w-full text-sm text-red-700 dark:text-red-400">{e.message}</p>
            ))}
          </li>
        ))}
      </ul>
    </Card>
  );
}
