import { useQuery } from '@tanstack/react-query';
import { useState } from 'react';
import { useCan } from '../../../auth/useSession';
import { Badge } from '../../../ui/Badge';
import { Button } from '../../../ui/Button';
import { Card } from '../../../ui/Card';
import { ErrorBanner } from '../../../ui/ErrorBanner';
import { BomTree } from '../../configurator/BomTree';
import { formatMoney } from '../../inventory/money';
import { orderKeys, ordersApi, type Build, type OrderDetail } from '../ordersApi';
import { ProblemBanner } from '../ProblemBanner';
import { configLines } from './configSummary';
import { useOrderMutation } from './useOrderMutation';

/** Every build of the order: what it is, its accessories, and its BOM with stock per line. */
export function BuildsSection({ order }: { order: OrderDetail }) {
  return (
    <div className="space-y-4">
      {order.builds.map((b) => (
        <BuildCard key={b.id} order={order} build={b} />
      ))}
    </div>
  );
}

function BuildCard({ order, build }: { order: OrderDetail; build: Build }) {
  const family = order.sinks.find((s) => s.buildNumbers.includes(build.buildNumber))?.sinkFamily.name;
  const lines = configLines(build.configuration);
  return (
    <Card title={`Build ${build.buildNumber}${family ? ` (${family})` : ''}`} headingLevel={3}>
      <div className="grid gap-4 lg:grid-cols-2">
        <div className="space-y-3">
          {build.configuredPrice !== null ? <p className="text-sm">{`Configured price: ${formatMoney(build.configuredPrice)}`}</p> : null}
          <details>
            <summary className="min-h-11 cursor-pointer py-2 text-sm font-medium">{`Configuration (${lines.length} options)`}</summary>
            <dl className="grid grid-cols-[minmax(0,1fr)_minmax(0,1fr)] gap-x-3 gap-y-1 text-sm">
              {lines.map((l) => (
                <div key={l.label} className="contents">
                  <dt className="text-slate-600 dark:text-slate-400">{l.label}</dt>
                  <dd className="[overflow-wrap:anywhere]">{l.value}</dd>
                </div>
              ))}
            </dl>
          </details>
          {build.customParts.length ? (
            <ul className="text-sm">
              {build.customParts.map((c) => (
                <li key={c.partNumber}>
                  <Badge tone="info">Custom part</Badge> {`${c.partNumber}: ${c.description}${c.cost !== null ? ` (${formatMoney(c.cost)})` : ''}`}
                </li>
              ))}
            </ul>
          ) : null}
          <div className="text-sm">
            <p className="font-medium">Accessories</p>
            {build.accessories.length ? (
              <ul className="list-disc pl-5">
                {build.accessories.map((a) => (
                  <li key={a.id}>{`${a.partNumber} ${a.name} × ${a.quantity}${a.totalCost !== null ? ` (${formatMoney(a.totalCost)})` : ''}`}</li>
                ))}
              </ul>
            ) : (
              <p>None</p>
            )}
          </div>
        </div>
        <div>{build.bom ? <BuildBom order={order} build={build} bom={build.bom} /> : <p className="text-sm">No BOM yet: it is generated when the order is submitted.</p>}</div>
      </div>
    </Card>
  );
}

function BuildBom({ order, build, bom }: { order: OrderDetail; build: Build; bom: NonNullable<Build['bom']> }) {
  const can = useCan();
  const tree = useQuery({ queryKey: orderKeys.bom(bom.id), queryFn: () => ordersApi.bom(bom.id) });
  const approve = useOrderMutation(order.id, () => ordersApi.approveBom(bom.id));
  const [exportError, setExportError] = useState<unknown>(null);
  const canApprove = can('bom:approve') && bom.status === 'DRAFT' && !['CANCELLED', 'SHIPPED'].includes(order.status);
  const download = (f: 'csv' | 'xlsx' | 'pdf') => {
    setExportError(null);
    ordersApi.exportBom(bom.id, build.buildNumber, f).catch(setExportError);
  };
  return (
    <section aria-label={`BOM of ${build.buildNumber}`} data-testid={`bom-${build.buildNumber}`} data-bom-status={bom.status} className="space-y-2">
      <p className="flex flex-wrap items-center gap-2 text-sm font-medium">
        {`BOM version ${bom.version}`}
        <Badge tone={bom.status === 'APPROVED' ? 'success' : bom.status === 'DRAFT' ? 'warning' : 'neutral'}>{bom.status}</Badge>
      </p>
      {canApprove ? (
        <Button busy={approve.isPending} onClick={() => approve.mutate(undefined)}>
          Approve BOM
        </Button>
      ) : null}
      <ProblemBanner error={approve.error} title={`The BOM of ${build.buildNumber} was not approved.`} />
      <div className="flex flex-wrap gap-2">
        {(['csv', 'xlsx', 'pdf'] as const).map((f) => (
          <Button key={f} variant="secondary" onClick={() => download(f)}>
            {`Export ${f.toUpperCase()}`}
          </Button>
        ))}
      </div>
      <ErrorBanner error={exportError} title="The export failed. Try again in a moment." />
      <ErrorBanner error={tree.error} title="The BOM could not be loaded." />
      {tree.data ? (
        <>
          <p className="text-sm">{tree.data.availability.allPartsAvailable ? 'Every part is in stock.' : `${tree.data.availability.partsNeedingProcurement} parts to buy (marked).`}</p>
          <details>
            <summary className="min-h-11 cursor-pointer py-2 text-sm font-medium">{`BOM lines of ${build.buildNumber} (${tree.data.summary.totalItems}, with stock)`}</summary>
            <BomTree items={tree.data.bomItems} label={`BOM tree of ${build.buildNumber}`} />
          </details>
        </>
      ) : null}
    </section>
  );
}
