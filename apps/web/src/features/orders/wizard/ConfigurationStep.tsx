import { useMutation } from '@tanstack/react-query';
import { useState } from 'react';
import { Badge } from '../../../ui/Badge';
import { Button } from '../../../ui/Button';
import { Card } from '../../../ui/Card';
import { ErrorBanner } from '../../../ui/ErrorBanner';
import { formatMoney } from '../../inventory/money';
import type { SinkFamily } from '../../configurator/configuratorTypes';
import { OptionsForm } from '../../configurator/OptionsForm';
import { useLiveValidation } from '../../configurator/useLiveValidation';
import { ValidationSummary } from '../../configurator/ValidationSummary';
import { ordersApi } from '../ordersApi';
import { ProblemBanner } from '../ProblemBanner';
import type { WizardBuild } from './wizardBuilds';
import { TemplatePicker } from '../../configurator/TemplatePicker';

const NO_ACCESSORIES: never[] = [];

/**
 * Step 3: each build is configured in turn with the configurator's own form, checked and priced
 * by the server as it is edited; saving asks the orders API, which runs the same engine again.
 */
export function ConfigurationStep({ orderId, builds, onSaved, onDone }: { orderId: string; builds: WizardBuild[]; onSaved: () => Promise<unknown>; onDone: () => void }) {
  const firstOpen = builds.findIndex((b) => !b.configuration);
  const [index, setIndex] = useState(firstOpen === -1 ? 0 : firstOpen);
  const build = builds[index];
  if (!build) return <p>Choose the sinks first (step 2).</p>;
  return (
    <div className="space-y-4">
      <nav aria-label="Builds to configure">
        <ul className="flex flex-wrap gap-2">
          {builds.map((b, i) => (
            <li key={b.buildNumber}>
              <Button variant={i === index ? 'primary' : 'secondary'} aria-current={i === index ? 'step' : undefined} onClick={() => setIndex(i)}>
                <span className="font-mono">{b.buildNumber}</span>
                {b.configuration ? <Badge tone="success">Saved</Badge> : <Badge>To do</Badge>}
              </Button>
            </li>
          ))}
        </ul>
      </nav>
      {build.family ? (
        <BuildConfigurator
          key={build.buildNumber}
          orderId={orderId}
          build={build}
          family={build.family}
          position={`Build ${index + 1} of ${builds.length}`}
          copyFrom={builds.slice(0, index).reverse().find((b) => b.configuration && b.family?.id === build.family?.id)}
          onSaved={async () => {
            await onSaved();
            if (index + 1 < builds.length) setIndex(index + 1);
            else onDone();
          }}
        />
      ) : (
        <ErrorBanner error={`The family of build ${build.buildNumber} (${build.familyName}) is not in the configurator. Go back to step 2 and choose another.`} />
      )}
    </div>
  );
}

function BuildConfigurator({ orderId, build, family, position, copyFrom, onSaved }: { orderId: string; build: WizardBuild; family: SinkFamily; position: string; copyFrom: WizardBuild | undefined; onSaved: () => Promise<void> }) {
  const [config, setConfig] = useState<unknown>(() => structuredClone(build.configuration ?? {}));
  const { validation, valid, ctx } = useLiveValidation(family.id, config, NO_ACCESSORIES, setConfig);
  const save = useMutation({ mutationFn: () => ordersApi.configure(orderId, build.buildNumber, config), onSuccess: onSaved });
  return (
    <div className="grid gap-4 lg:grid-cols-[minmax(0,3fr)_minmax(0,2fr)]">
      <Card title={`${position}: ${build.buildNumber} (${family.name})`}>
        <div className="mb-4 flex flex-wrap items-end gap-2">
          <TemplatePicker familyId={family.id} className="min-w-0 flex-1 basis-64" onPick={(c) => setConfig(c)} />
          {copyFrom ? (
            <Button variant="secondary" onClick={() => setConfig(structuredClone(copyFrom.configuration))}>
              {`Copy ${copyFrom.buildNumber}`}
            </Button>
          ) : null}
        </div>
        <OptionsForm family={family} ctx={ctx} />
      </Card>
      <div className="space-y-4">
        <Card title="Check and price">
          <ValidationSummary validation={validation} />
          {build.configuredPrice !== null ? <p className="mt-2 text-sm text-slate-600 dark:text-slate-400">{`Saved earlier at ${formatMoney(build.configuredPrice)}.`}</p> : null}
        </Card>
        <ProblemBanner error={save.error} title={`The configuration of ${build.buildNumber} was not saved.`} />
        <div className="flex justify-end">
          <Button busy={save.isPending} disabled={!valid} onClick={() => save.mutate()}>
            {`Save ${build.buildNumber} and continue`}
          </Button>
        </div>
        {!valid ? <p className="text-right text-sm text-slate-600 dark:text-slate-400">Saving opens once the configuration checks out.</p> : null}
      </div>
    </div>
  );
}
