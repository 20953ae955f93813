import { useState } from 'react';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { Link } from '@tanstack/react-router';
import { Card, PageTitle } from '../../../ui/Card';
import { textLink } from '../../../ui/linkStyles';
import { InventoryTabs } from '../InventoryTabs';
import { inventoryKeys } from '../inventoryApi';
import { receiptKeys, receiptsApi, type NewReceipt, type ReceiptDetail } from './receiptsApi';
import { ReceiveForm } from './ReceiveForm';

/** Goods in: each line becomes an inbound movement in the user's warehouse. */
export function ReceivePage() {
  const qc = useQueryClient();
  const [done, setDone] = useState<ReceiptDetail | null>(null);
  const [formKey, setFormKey] = useState(0);
  const receive = useMutation({
    mutationFn: (body: NewReceipt) => receiptsApi.create(body),
    onSuccess: async (r) => {
      setDone(r);
      setFormKey((k) => k + 1);
      await Promise.all([qc.invalidateQueries({ queryKey: inventoryKeys.all }), qc.invalidateQueries({ queryKey: receiptKeys.all })]);
    },
  });

  return (
    <div className="space-y-4">
      <PageTitle>Receive goods</PageTitle>
      <InventoryTabs />
      {done ? (
        <div role="status" className="rounded-md border border-green-300 bg-green-50 p-3 text-sm text-green-800 dark:border-green-800 dark:bg-green-950 dark:text-green-200">
          <p className="font-semibold">
            Received {done.totalQuantity} units on {done.lineCount} {done.lineCount === 1 ? 'line' : 'lines'}
            {done.vendor ? ` from ${done.vendor.name}` : ''}.
          </p>
          <ul className="mt-1 space-y-1">
            {done.lines.map((l) => (
              <li key={l.id}>
                {l.quantity} ×{' '}
                <Link to="/inventory/parts/$partId" params={{ partId: l.partId }} className={textLink}>
                  {l.partNumber}
                </Link>{' '}
                {l.partName}
                {l.bin ? ` into ${l.bin}` : ''}
              </li>
            ))}
          </ul>
        </div>
      ) : null}
      <Card>
        <ReceiveForm key={formKey} busy={receive.isPending} error={receive.error} onSubmit={(b) => { setDone(null); receive.mutate(b); }} />
      </Card>
    </div>
  );
}
