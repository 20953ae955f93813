import type { StoredFile } from '../../api/files';
import { useAuthorizedObjectUrl } from './useAuthorizedObjectUrl';
import { useFileUntilProcessed } from './useFileUntilProcessed';

interface Props {
  /** The stored file, once the server has it. */
  file?: StoredFile | undefined;
  /** A local preview (object URL of the picked file) until the server's thumbnail is there. */
  localUrl?: string | undefined;
  name: string;
}

/** A square preview: the local image first, then the server's thumbnail; a label for other files. */
export function FileThumbnail({ file, localUrl, name }: Props) {
  const current = useFileUntilProcessed(file);
  const serverUrl = useAuthorizedObjectUrl(current?.status === 'PROCESSED' ? current.thumbnailUrl : null);
  const src = serverUrl ?? localUrl;
  const box = 'size-16 shrink-0 overflow-hidden rounded-md border border-slate-200 bg-slate-100 dark:border-slate-700 dark:bg-slate-800';
  if (!src) {
    const ext = name.includes('.') ? name.split('.').pop()!.slice(0, 4).toUpperCase() : 'FILE';
    return (
      <span aria-hidden="true" className={`${box} inline-flex items-center justify-center text-xs font-bold text-slate-600 dark:text-slate-300`}>
        {ext}
      </span>
    );
  }
  return (
    <img
      src={src}
      alt={`Preview of ${name}`}
      data-thumbnail={serverUrl ? 'server' : 'local'}
      className={`${box} object-cover`}
    />
  );
}
