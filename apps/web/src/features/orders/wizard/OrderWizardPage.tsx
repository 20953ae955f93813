import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { Link, useNavigate } from '@tanstack/react-router';
import { WIZARD_STEPS } from '@plantops/contracts';
import { PageTitle } from '../../../ui/Card';
import { ErrorBanner } from '../../../ui/ErrorBanner';
import { textLink } from '../../../ui/linkStyles';
import { toastStore } from '../../../ui/toastStore';
import { configuratorApi, configuratorKeys } from '../../configurator/configuratorApi';
import type { SinkFamily } from '../../configurator/configuratorTypes';
import { StatusBadge } from '../OrderBadges';
import { orderKeys, ordersApi, type OrderDetail } from '../ordersApi';
import { useOrdersLive } from '../useOrdersLive';
import { AccessoriesStep } from './AccessoriesStep';
import { ConfigurationStep } from './ConfigurationStep';
import { CustomerStep } from './CustomerStep';
import { EMPTY_CUSTOMER, fromOrder, toDraft, toUpdate, type CustomerFormValues } from './customerForm';
import { ReviewStep } from './ReviewStep';
import { SinksStep, toSelection, type SinkLine } from './SinksStep';
import { WizardStepper } from './WizardStepper';
import { findFamily, resumeStep, wizardBuilds } from './wizardBuilds';

/**
 * The new-order wizard (spec 2.1, journeys.md): five steps on a DRAFT order, each saved on the
 * server as it is left, so a draft can be closed at any step and resumed from the order list.
 * The step is in the address (`?step=`); without it a draft opens after its furthest saved step.
 */
export function OrderWizardPage({ orderId, step }: { orderId?: string; step?: number }) {
  return orderId ? <DraftWizard orderId={orderId} step={step} /> : <NewOrder />;
}

function NewOrder() {
  const navigate = useNavigate();
  const qc = useQueryClient();
  const create = useMutation({
    mutationFn: (v: CustomerFormValues) => ordersApi.createDraft(toDraft(v)),
    onSuccess: (d) => {
      void qc.invalidateQueries({ queryKey: orderKeys.all });
      void navigate({ to: '/orders/$orderId/edit', params: { orderId: d.orderId }, search: { step: 2 } });
    },
  });
  return (
    <div className="space-y-4">
      <PageTitle>New order</PageTitle>
      <WizardStepper current={1} reachable={1} onStep={() => {}} />
      <CustomerStep initial={EMPTY_CUSTOMER} saved={false} busy={create.isPending} error={create.error} onSave={(v) => create.mutate(v)} />
    </div>
  );
}

function DraftWizard({ orderId, step }: { orderId: string; step: number | undefined }) {
  // A colleague working on the same draft (or submitting it) shows here without a reload.
  useOrdersLive(orderId);
  const detail = useQuery({ queryKey: orderKeys.detail(orderId), queryFn: () => ordersApi.detail(orderId) });
  const families = useQuery({ queryKey: configuratorKeys.families, queryFn: configuratorApi.families });
  const order = detail.data;
  const title = order ? `Order ${order.orderNumber}` : 'Order draft';
  return (
    <div className="space-y-4">
      <PageTitle>{title}</PageTitle>
      <ErrorBanner error={detail.error} title="The draft could not be loaded. Go back to the order list and open it again." />
      <ErrorBanner error={families.error} title="The sink families could not be loaded. Reload the page to try again." />
      {detail.isPending || families.isPending ? <p>Loading the draft…</p> : null}
      {order && order.status !== 'DRAFT' ? (
        <p className="flex flex-wrap items-center gap-2">
          This order has been submitted <StatusBadge status={order.status} /> and can no longer be changed here.
          <Link className={textLink} to="/orders/$orderId" params={{ orderId }}>
            Open the order
          </Link>
        </p>
      ) : null}
      {order && order.status === 'DRAFT' && families.data ? <Steps order={order} step={step} families={families.data.sinkFamilies} /> : null}
    </div>
  );
}

function Steps({ order, step, families }: { order: OrderDetail; step: number | undefined; families: SinkFamily[] }) {
  const navigate = useNavigate();
  const qc = useQueryClient();
  const builds = wizardBuilds(order, families);
  const reachable = resumeStep(order.step);
  // A draft left in the middle of step 3 resumes there, at its first build not yet configured.
  const resume = reachable > 3 && builds.some((b) => !b.configuration) ? 3 : reachable;
  const current = Math.min(step ?? resume, reachable);
  const go = (n: number) => void navigate({ to: '/orders/$orderId/edit', params: { orderId: order.id }, search: { step: n } });
  const refresh = () => qc.invalidateQueries({ queryKey: orderKeys.detail(order.id) });

  const saveCustomer = useMutation({
    mutationFn: (v: CustomerFormValues) => ordersApi.update(order.id, toUpdate(v)),
    onSuccess: async () => (await refresh(), go(2)),
  });
  const saveSinks = useMutation({
    mutationFn: (lines: SinkLine[]) => ordersApi.selectSinks(order.id, toSelection(lines)),
    onSuccess: async (r) => {
      toastStore.show({ title: 'Sinks saved', message: `Build numbers: ${r.sinks.flatMap((s) => s.buildNumbers).join(', ')}` });
      await refresh();
      go(3);
    },
  });

  return (
    <div className="space-y-4">
      <p className="flex flex-wrap items-center gap-2 text-sm">
        <StatusBadge status={order.status} />
        {`${order.customer.companyName}: step ${current} of ${WIZARD_STEPS.length}, ${WIZARD_STEPS[current - 1]}. The draft is saved at each step; you can leave and resume it from the order list.`}
      </p>
      <WizardStepper current={current} reachable={reachable} onStep={go} />
      <h2 className="text-xl font-semibold">{`Step ${current}: ${WIZARD_STEPS[current - 1]}`}</h2>
      {current === 1 ? <CustomerStep key={order.updatedAt} initial={fromOrder(order)} saved busy={saveCustomer.isPending} error={saveCustomer.error} onSave={(v) => saveCustomer.mutate(v)} /> : null}
      {current === 2 ? (
        <SinksStep
          families={families}
          initial={order.sinks.map((s) => ({ sinkFamilyId: findFamily(families, s.sinkFamily.id)?.id ?? '', quantity: s.quantity, buildNumbers: s.buildNumbers.join(', ') }))}
          busy={saveSinks.isPending}
          error={saveSinks.error}
          onSave={(l) => saveSinks.mutate(l)}
        />
      ) : null}
      {current === 3 ? <ConfigurationStep orderId={order.id} builds={builds} onSaved={refresh} onDone={() => go(4)} /> : null}
      {current === 4 ? <AccessoriesStep order={order} builds={builds} onSaved={refresh} onDone={() => go(5)} /> : null}
      {current === 5 ? (
        <ReviewStep
          order={order}
          builds={builds}
          onStep={go}
          onSubmitted={(s) => {
            void qc.invalidateQueries({ queryKey: orderKeys.all });
            void navigate({ to: '/orders/$orderId', params: { orderId: s.orderId } });
          }}
        />
      ) : null}
    </div>
  );
}
