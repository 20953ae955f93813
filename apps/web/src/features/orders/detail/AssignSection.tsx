import { useQuery } from '@tanstack/react-query';
import { useState } from 'react';
import { Button } from '../../../ui/Button';
import { ErrorBanner, SuccessBanner } from '../../../ui/ErrorBanner';
import { SelectField } from '../../../ui/Field';
import { orderKeys, ordersApi, type OrderDetail } from '../ordersApi';
import { ProblemBanner } from '../ProblemBanner';
import { useOrderMutation } from './useOrderMutation';

/** Who builds and who inspects the order (the gate of IN_PRODUCTION asks for an assembler). */
export function AssignSection({ order }: { order: OrderDetail }) {
  const people = useQuery({ queryKey: orderKeys.people, queryFn: ordersApi.people, staleTime: 60_000 });
  const [assembler, setAssembler] = useState(order.assembler?.id ?? '');
  const [qc, setQc] = useState(order.qcPerson?.id ?? '');
  const [done, setDone] = useState(false);
  const assign = useOrderMutation(order.id, () => ordersApi.assign(order.id, { assemblerId: assembler || null, qcPersonId: qc || null }), () => setDone(true));
  const of = (role: string) => (people.data?.people ?? []).filter((p) => p.role === role);
  const changed = assembler !== (order.assembler?.id ?? '') || qc !== (order.qcPerson?.id ?? '');
  return (
    <form
      aria-label="Assign people"
      className="space-y-3"
      onSubmit={(e) => {
        e.preventDefault();
        setDone(false);
        assign.mutate(undefined);
      }}
    >
      <ErrorBanner error={people.error} title="The people to assign could not be loaded. Reload the page to try again." />
      <div className="grid gap-3 sm:grid-cols-2">
        <SelectField label="Assembler" value={assembler} onChange={(e) => setAssembler(e.target.value)}>
          <option value="">Nobody yet</option>
          {of('ASSEMBLER').map((p) => (
            <option key={p.id} value={p.id}>
              {p.name}
            </option>
          ))}
        </SelectField>
        <SelectField label="QC person" value={qc} onChange={(e) => setQc(e.target.value)}>
          <option value="">Nobody yet</option>
          {of('QC_PERSON').map((p) => (
            <option key={p.id} value={p.id}>
              {p.name}
            </option>
          ))}
        </SelectField>
      </div>
      <Button type="submit" variant="secondary" busy={assign.isPending} disabled={!changed}>
        Save assignment
      </Button>
      <ProblemBanner error={assign.error} title="The assignment was not saved." />
      <SuccessBanner>{done && !changed ? 'Assignment saved.' : null}</SuccessBanner>
    </form>
  );
}
