import { keepPreviousData, useMutation, useQuery } from '@tanstack/react-query';
import { useCallback, useState } from 'react';
import { Button } from '../../ui/Button';
import { Card, PageTitle } from '../../ui/Card';
import { ErrorBanner, SuccessBanner } from '../../ui/ErrorBanner';
import { formatMoney } from '../inventory/money';
import { BomTree } from './BomTree';
import { AccessoryPicker } from './AccessoryPicker';
import { configuratorApi, configuratorKeys } from './configuratorApi';
import type { AccessoryLine, Bom, SinkFamily } from './configuratorTypes';
import { OptionsForm } from './OptionsForm';
import { useLiveValidation } from './useLiveValidation';
import { ValidationSummary } from './ValidationSummary';
import { TemplatePicker } from './TemplatePicker';

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
  const edit = useCallback((update: (c: unknown) => unknown) => {
    setSaved(null);
    setConfig(update);
  }, []);
  const { asked, validation, valid, ctx } = useLiveValidation(family.id, config, accessories, edit);
  const preview = useQuery({
    queryKey: ['configurator', 'preview', family.id, asked],
    queryFn: () => configuratorApi.preview(family.id, asked.config, asked.accessories),
    enabled: valid,
    placeholderData: keepPreviousData,
  });
  const save = useMutation({ mutationFn: () => configuratorApi.save(family.id, config, accessories), onSuccess: setSaved });

  return (
    <div className="grid gap-4 lg:grid-cols-[minmax(0,3fr)_minmax(0,2fr)]">
      <div className="space-y-4">
        <Card title="Options">
          <TemplatePicker familyId={family.id} className="mb-4" onPick={(c) => edit(() => c)} />
          <OptionsForm family={family} ctx={ctx} />
        </Card>
        <AccessoryPicker accessories={family.accessories} lines={accessories} errors={validation.data?.errors ?? []} onChange={(l) => (setSaved(null), setAccessories(l))} />
      </div>
      <div className="space-y-4">
        <Card title="Check and price">
          <ValidationSummary validation={validation} />
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
