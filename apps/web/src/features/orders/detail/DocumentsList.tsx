import { useState } from 'react';
import { Button } from '../../../ui/Button';
import { ErrorBanner } from '../../../ui/ErrorBanner';
import { ordersApi, type OrderDetail } from '../ordersApi';

/** The order's files (packing list once shipped, BOM exports per build), fetched with the session. */
export function DocumentsList({ order }: { order: OrderDetail }) {
  const [error, setError] = useState<unknown>(null);
  if (!order.documents.length) return <p className="text-sm">No documents yet.</p>;
  return (
    <div className="space-y-2">
      <ul className="flex flex-wrap gap-2">
        {order.documents.map((d) => (
          <li key={d.href}>
            <Button
              variant="secondary"
              data-kind={d.kind}
              className="text-left whitespace-normal!"
              onClick={() => {
                setError(null);
                ordersApi.document(d.href, `${d.title.replace(/[^\w.-]+/g, '-')}.${d.format.toLowerCase()}`).catch(setError);
              }}
            >
              {`${d.title} (${d.format.toUpperCase()})`}
            </Button>
          </li>
        ))}
      </ul>
      <ErrorBanner error={error} title="The document could not be downloaded. Try again in a moment." />
    </div>
  );
}
