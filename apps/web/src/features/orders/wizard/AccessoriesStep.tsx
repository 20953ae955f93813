import { useMutation } from '@tanstack/react-query';
import { useState } from 'react';
import { ApiError } from '../../../api/errors';
import { Button } from '../../../ui/Button';
import { AccessoryPicker } from '../../configurator/AccessoryPicker';
import type { AccessoryLine, Issue } from '../../configurator/configuratorTypes';
import { ordersApi } from '../ordersApi';
import { ProblemBanner } from '../ProblemBanner';
import type { WizardBuild } from './wizardBuilds';

/** The API's details of one build's refusal as the picker's issues (`accessories[0]` names the line). */
const issuesOf = (e: unknown): Issue[] => (e instanceof ApiError ? e.details.map((d) => ({ field: d.field.replace(/^body\./, ''), code: d.code ?? '', message: d.message })) : []);

/**
 * Step 4: accessories per build, from each build's family. Every build is saved in turn; the
 * first refusal stops there and names the build and the line.
 */
export function AccessoriesStep({ orderId, builds, onSaved, onDone }: { orderId: string; builds: WizardBuild[]; onSaved: () => Promise<unknown>; onDone: () => void }) {
  const [lines, setLines] = useState<Record<string, AccessoryLine[]>>(() => Object.fromEntries(builds.map((b) => [b.buildNumber, b.accessories])));
  const [failed, setFailed] = useState<string | null>(null);
  const save = useMutation({
    mutationFn: async () => {
      for (const b of builds) {
        setFailed(b.buildNumber);
        await ordersApi.accessories(orderId, b.buildNumber, lines[b.buildNumber] ?? []);
      }
      setFailed(null);
    },
    onSettled: () => onSaved(),
    onSuccess: onDone,
  });
  return (
    <div className="space-y-4">
      <p className="text-sm text-slate-600 dark:text-slate-400">Accessories are optional; a build without any is fine.</p>
      {builds.map((b) =>
        b.family?.accessories.length ? (
          <AccessoryPicker
            key={b.buildNumber}
            title={`Accessories for ${b.buildNumber} (${b.familyName})`}
            name={b.buildNumber}
            accessories={b.family.accessories}
            lines={lines[b.buildNumber] ?? []}
            errors={failed === b.buildNumber ? issuesOf(save.error) : []}
            onChange={(l) => setLines((x) => ({ ...x, [b.buildNumber]: l }))}
          />
        ) : (
          <p key={b.buildNumber} className="text-sm">{`${b.buildNumber} (${b.familyName}): this family has no accessories.`}</p>
        ),
      )}
      <ProblemBanner error={save.error} title={failed ? `The accessories of ${failed} were not saved.` : 'The accessories were not saved.'} />
      <div className="flex justify-end">
        <Button busy={save.isPending} onClick={() => save.mutate()}>
          Save accessories and continue
        </Button>
      </div>
    </div>
  );
}
