import { useState } from 'react';
import { ErrorBanner } from '../../ui/ErrorBanner';
import { workOrdersApi, type WorkOrderDetail } from './maintenanceApi';
import { useWoAction } from './useWoAction';

/** Photos straight from the phone camera (capture=environment), and the files already attached. */
export function PhotosSection({ wo, canAttach }: { wo: WorkOrderDetail; canAttach: boolean }) {
  const [key, setKey] = useState(0);
  const attach = useWoAction(wo.id, (file: File) => workOrdersApi.attach(wo.id, file));
  return (
    <div className="space-y-2">
      {wo.attachments.length ? (
        <ul className="list-disc pl-5 text-sm">{wo.attachments.map((a) => <li key={a.id}>{a.fileName}</li>)}</ul>
      ) : <p className="text-sm text-slate-600 dark:text-slate-400">No photos yet.</p>}
      {canAttach ? (
        <label className="inline-flex min-h-11 cursor-pointer items-center rounded-md border border-slate-300 px-4 text-sm font-medium hover:bg-slate-100 dark:border-slate-600 dark:hover:bg-slate-800">
          {attach.isPending ? 'Uploading…' : 'Take or add a photo'}
          <input
            key={key}
            type="file"
            accept="image/*"
            capture="environment"
            className="sr-only"
            onChange={(e) => {
              const file = e.target.files?.[0];
              if (file) attach.mutate(file, { onSettled: () => setKey((k) => k + 1) });
            }}
          />
        </label>
      ) : null}
      <ErrorBanner error={attach.error} title="The photo was not saved. Photos may be JPEG, PNG or WebP up to 10 MB." />
    </div>
  );
}
