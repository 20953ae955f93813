import { useState } from 'react';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { fileKeys, filesApi, type FileFilters, type StoredFile } from '../../api/files';
import { useUser } from '../../auth/useSession';
import { Card } from '../../ui/Card';
import { ErrorBanner } from '../../ui/ErrorBanner';
import { FileThumbnail } from '../../ui/upload/FileThumbnail';
import { FileUpload } from '../../ui/upload/FileUpload';

/** Who may upload equipment photos (the API's bucket rule). */
export const EQUIPMENT_PHOTO_UPLOADERS = ['equipment:manage', 'equipment:status', 'workorder:request'];
const FILTERS: FileFilters = { bucket: 'equipment-photos', limit: 12 };

/** Equipment photos: upload (camera on phones) and the latest ones this user can see. */
export function MyUploadsCard() {
  const me = useUser();
  const qc = useQueryClient();
  // Files uploaded here are shown by the upload list; the gallery shows the others.
  const [fresh, setFresh] = useState<Set<string>>(new Set());
  const list = useQuery({ queryKey: fileKeys.list(FILTERS), queryFn: () => filesApi.list(FILTERS) });
  const remove = useMutation({
    mutationFn: (f: StoredFile) => filesApi.remove(f.id),
    onSuccess: () => qc.invalidateQueries({ queryKey: fileKeys.all }),
  });
  const mayDelete = (f: StoredFile) => f.uploadedBy === me.id || me.permissions.includes('equipment:manage');
  const gallery = (list.data?.files ?? []).filter((f) => !fresh.has(f.id));

  return (
    <Card title="My uploads">
      <div className="space-y-4" data-testid="my-uploads">
        <FileUpload
          bucket="equipment-photos"
          accept="image/jpeg,image/png,image/webp"
          capture
          label="Upload equipment photos"
          onUploaded={(f) => {
            setFresh((s) => new Set(s).add(f.id));
            void qc.invalidateQueries({ queryKey: fileKeys.list(FILTERS) });
          }}
          onRemoved={() => void qc.invalidateQueries({ queryKey: fileKeys.list(FILTERS) })}
        />
        <ErrorBanner error={list.error ?? remove.error} />
        {gallery.length ? (
          <ul aria-label="Equipment photos" className="grid grid-cols-2 gap-3 sm:grid-cols-3 lg:grid-cols-4">
            {gallery.map((f) => (
              <li key={f.id} className="flex items-center gap-2 text-sm">
                <FileThumbnail file={f} name={f.fileName} />
                <span className="min-w-0">
                  <span className="block truncate">{f.fileName}</span>
                  <span className="block text-xs text-slate-600 dark:text-slate-400">{new Date(f.createdAt).toLocaleDateString()}</span>
                  {mayDelete(f) ? (
                    <button
                      type="button"
                      className="text-xs text-sky-700 underline dark:text-sky-400"
                      disabled={remove.isPending && remove.variables?.id === f.id}
                      onClick={() => remove.mutate(f)}
                    >
                      Remove<span className="sr-only"> {f.fileName}</span>
                    </button>
                  ) : null}
                </span>
              </li>
            ))}
          </ul>
        ) : list.data && fresh.size === 0 ? (
          <p className="text-sm text-slate-600 dark:text-slate-400">No equipment photos yet.</p>
        ) : null}
      </div>
    </Card>
  );
}
