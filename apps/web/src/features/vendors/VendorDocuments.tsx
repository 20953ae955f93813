import { useState } from 'react';
import { useQueryClient } from '@tanstack/react-query';
import { downloadFile } from '../../api/download';
import { formatBytes } from '../../ui/upload/checkFile';
import { ErrorBanner } from '../../ui/ErrorBanner';
import { FileUpload } from '../../ui/upload/FileUpload';
import { vendorKeys, type VendorDetail } from './vendorsApi';

/** The vendor's stored documents, plus an upload area for vendor managers. */
export function VendorDocuments({ vendor, canManage }: { vendor: VendorDetail; canManage: boolean }) {
  const qc = useQueryClient();
  const [error, setError] = useState<unknown>(null);
  const refresh = () => void qc.invalidateQueries({ queryKey: vendorKeys.detail(vendor.id) });
  return (
    <div className="space-y-3">
      <ErrorBanner error={error} title="The download failed." />
      {vendor.documents.length ? (
        <ul aria-label="Documents" className="space-y-1 text-sm">
          {vendor.documents.map((d) => (
            <li key={d.id}>
              <button type="button" className="rounded text-sky-700 underline dark:text-sky-400" onClick={() => downloadFile(d.url, d.fileName).catch(setError)}>
                {d.fileName}
              </button>{' '}
              <span className="text-slate-600 dark:text-slate-400">({formatBytes(d.size)})</span>
            </li>
          ))}
        </ul>
      ) : (
        <p className="text-sm text-slate-600 dark:text-slate-400">No documents yet.</p>
      )}
      {canManage ? (
        <FileUpload bucket="vendor-documents" recordType="vendor" recordId={vendor.id} accept=".pdf,image/*" label="Upload documents" onUploaded={refresh} onRemoved={refresh} />
      ) : null}
    </div>
  );
}
