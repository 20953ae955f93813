import { useMutation, useQuery } from '@tanstack/react-query';
import { useState } from 'react';
import { Button } from '../../../ui/Button';
import { Card } from '../../../ui/Card';
import { DataTable } from '../../../ui/DataTable';
import { ErrorBanner } from '../../../ui/ErrorBanner';
import { Checkbox } from '../../../ui/Field';
import { BomTree } from '../../configurator/BomTree';
import { formatMoney } from '../../inventory/money';
import { PriorityBadge } from '../OrderBadges';
import { ordersApi, type OrderDetail, type SubmittedOrder } from '../ordersApi';
import { ProblemBanner } from '../ProblemBanner';
import type { WizardBuild } from './wizardBuilds';

const accessoryCost = (o: OrderDetail, buildNumber: string) => o.builds.find((b) => b.buildNumber === buildNumber)?.accessories.reduce((s, a) => s + (a.totalCost ?? 0), 0) ?? 0;

/**
 * Step 5: everything once more, the price so far (tax and shipping are added by the server from
 * the plant's settings on submit), the BOM the builds will need with stock per line, and submit
 * once the order is reviewed and the customer has approved it.
 */
export function ReviewStep({ order, builds, onSubmitted, onStep }: { order: OrderDetail; builds: WizardBuild[]; onSubmitted: (s: SubmittedOrder) => void; onStep: (n: number) => void }) {
  const [reviewed, setReviewed] = useState(false);
  const [approved, setApproved] = useState(false);
  const unconfigured = builds.filter((b) => !b.configuration);
  const configs = builds.filter((b) => b.configuration && b.family).map((b) => ({ sinkFamilyId: b.family!.id, configuration: b.configuration, accessories: b.accessories }));
  const preview = useQuery({
    queryKey: ['orders', 'bom-preview', order.id, configs],
    queryFn: () => ordersApi.previewBom(configs, []),
    enabled: configs.length > 0 && unconfigured.length === 0,
  });
  const submit = useMutation({ mutationFn: () => ordersApi.submit(order.id), onSuccess: onSubmitted });
  const sinksTotal = builds.reduce((s, b) => s + (b.configuredPrice ?? 0), 0);
  const accessoriesTotal = builds.reduce((s, b) => s + accessoryCost(order, b.buildNumber), 0) + order.accessories.reduce((s, a) => s + (a.totalCost ?? 0), 0);
  return (
    <div className="space-y-4">
      <div className="grid gap-4 md:grid-cols-2">
        <Card title="Customer">
          <p className="font-semibold">{order.customer.companyName}</p>
          <p>{`${order.customer.contactName}, ${order.customer.email}${order.customer.phone ? `, ${order.customer.phone}` : ''}`}</p>
          <p className="mt-2 text-sm">{`${order.shippingAddress.street}, ${order.shippingAddress.city}, ${order.shippingAddress.state} ${order.shippingAddress.zipCode}, ${order.shippingAddress.country}`}</p>
          <p className="mt-2 flex flex-wrap items-center gap-2 text-sm">
            <PriorityBadge priority={order.priority} />
            {order.requestedDelivery ? `Requested by ${order.requestedDelivery.slice(0, 10)}` : null}
          </p>
          {order.specialInstructions ? <p className="mt-2 text-sm">{order.specialInstructions}</p> : null}
          <Button variant="ghost" className="mt-2" onClick={() => onStep(1)}>
            Change the customer
          </Button>
        </Card>
        <Card title="Totals">
          <dl className="grid grid-cols-2 gap-2 text-sm">
            <dt>Sinks</dt>
            <dd className="text-right">{formatMoney(sinksTotal)}</dd>
            <dt>Accessories</dt>
            <dd className="text-right">{formatMoney(accessoriesTotal)}</dd>
            <dt className="font-semibold">Subtotal</dt>
            <dd data-testid="review-subtotal" className="text-right font-semibold">{formatMoney(sinksTotal + accessoriesTotal)}</dd>
          </dl>
          <p className="mt-2 text-xs text-slate-600 dark:text-slate-400">Tax and shipping are added from the plant's settings when the order is submitted.</p>
        </Card>
      </div>
      <DataTable
        caption="Builds of this order"
        columns={[
          { header: 'Build', primary: true, cell: (b: WizardBuild) => <span className="font-mono font-semibold">{b.buildNumber}</span> },
          { header: 'Family', cell: (b) => b.familyName },
          { header: 'Configured', cell: (b) => (b.configuration ? 'Yes' : 'Not yet') },
          { header: 'Accessories', cell: (b) => (b.accessories.length ? b.accessories.map((a) => `${a.partNumber} × ${a.quantity}`).join(', ') : 'None') },
          { header: 'Price', numeric: true, cell: (b) => formatMoney(b.configuredPrice) },
        ]}
        rows={builds}
        rowKey={(b) => b.buildNumber}
      />
      {unconfigured.length ? (
        <div role="alert" className="rounded-md border border-amber-300 bg-amber-50 p-3 text-sm dark:border-amber-800 dark:bg-amber-950">
          <p>{`Not configured yet: ${unconfigured.map((b) => b.buildNumber).join(', ')}.`}</p>
          <Button variant="secondary" className="mt-2" onClick={() => onStep(3)}>
            Configure them
          </Button>
        </div>
      ) : null}
      <Card title="BOM preview">
        {preview.isFetching ? <p className="text-sm">Building the BOM…</p> : null}
        <ErrorBanner error={preview.error} title="The BOM preview failed. The order can still be submitted; the BOM is generated then." />
        {preview.data ? (
          <>
            <p className="mb-2 text-sm">
              {`${preview.data.summary.totalItems} lines, parts cost ${formatMoney(preview.data.summary.subtotal)}. `}
              {preview.data.availability.allPartsAvailable ? 'Every part is in stock.' : `${preview.data.availability.partsNeedingProcurement} parts to buy (marked).`}
            </p>
            <BomTree items={preview.data.bomItems} />
          </>
        ) : null}
      </Card>
      <Card title="Submit">
        <Checkbox label="I have reviewed the order" checked={reviewed} onChange={(e) => setReviewed(e.target.checked)} />
        <Checkbox label="The customer has approved this order" checked={approved} onChange={(e) => setApproved(e.target.checked)} />
        <div className="mt-3 space-y-3">
          <ProblemBanner error={submit.error} title="The order was not submitted." />
          <Button busy={submit.isPending} disabled={!reviewed || !approved || unconfigured.length > 0} onClick={() => submit.mutate()}>
            Submit order
          </Button>
        </div>
      </Card>
    </div>
  );
}
