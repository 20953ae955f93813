import { useState } from 'react';
import { useQueryClient } from '@tanstack/react-query';
import { Button } from '../../../ui/Button';
import { ErrorBanner } from '../../../ui/ErrorBanner';
import { FileUpload } from '../../../ui/upload/FileUpload';
import { formatBytes } from '../../../ui/upload/checkFile';
import { orderKeys, ordersApi, type OrderDetail } from '../ordersApi';

const fileName = (d: OrderDetail['documents'][number]) =>
  d.kind === 'UPLOAD' ? d.name : `${d.name.replace(/[^\w.-]+/g, '-')}.${d.format.toLowerCase()}`;

/**
 * The order's documents: generated ones (BOM exports per build, the packing list once ready to
 * ship) and files people attached (drawings, the hospital's purchase order, certificates).
 */
export function DocumentsList({ order }: { order: OrderDetail }) {
  const qc = useQueryClient();
  const [error, setError] = useState<unknown>(null);
  const refresh = () => void qc.invalidateQueries({ queryKey: orderKeys.detail(order.id) });
  return (
    <div className="space-y-3">
      {order.documents.length ? (
        <ul aria-label="Order documents" className="flex flex-wrap gap-2">
          {order.documents.map((d) => (
            <li key={d.url}>
              <Button
                variant="secondary"
                data-kind={d.kind}
                className="text-left whitespace-normal!"
                onClick={() => {
                  setError(null);
                  ordersApi.document(d.url, fileName(d)).catch(setError);
                }}
              >
                {d.kind === 'UPLOAD' ? `${d.name} (${formatBytes(d.size ?? 0)})` : `${d.name} (${d.type})`}
              </Button>
            </li>
          ))}
        </ul>
      ) : (
        <p className="text-sm">No documents yet.</p>
      )}
      <ErrorBanner error={error} title="The document could not be downloaded. Try again in a moment." />
      {order.permissions.attach ? (
        <FileUpload bucket="order-documents" recordType="order" recordId={order.id} accept=".pdf,image/*" label="Attach documents (PDF or photos)" onUploaded={refresh} onRemoved={refresh} />
      ) : null}
    </div>
  );
}
