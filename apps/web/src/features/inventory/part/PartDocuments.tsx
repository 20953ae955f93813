import { useState } from 'react';
import { downloadFile } from '../../../api/download';
import { ErrorBanner } from '../../../ui/ErrorBanner';
import type { PartDetail } from '../inventoryTypes';

/** Attached files; downloads carry the session token, so they are fetched rather than linked. */
export function PartDocuments({ docs }: { docs: PartDetail['documents'] }) {
  const [error, setError] = useState<unknown>(null);
  if (!docs.length) return <p className="text-sm text-slate-600 dark:text-slate-400">No documents.</p>;
  return (
    <div className="space-y-2">
      <ErrorBanner error={error} />
      <ul className="space-y-1 text-sm">
        {docs.map((d) => (
          <li key={d.id}>
            <button type="button" className="rounded text-sky-700 underline dark:text-sky-400" onClick={() => downloadFile(d.url, d.name).catch(setError)}>
              {d.name}
            </button>
          </li>
        ))}
      </ul>
    </div>
  );
}
