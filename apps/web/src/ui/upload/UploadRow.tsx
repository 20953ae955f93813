import { FileThumbnail } from './FileThumbnail';
import { formatBytes } from './checkFile';
import type { UploadItem } from './uploadItem';

interface Props {
  item: UploadItem;
  onRemove: (item: UploadItem) => void;
}

const statusText: Record<UploadItem['state'], string> = {
  uploading: 'Uploading',
  done: 'Uploaded',
  error: 'Not uploaded',
  removing: 'Removing',
};

/** One picked file: preview, name, progress and the server's answer, with remove/cancel. */
export function UploadRow({ item, onRemove }: Props) {
  const pct = Math.round(item.progress * 100);
  return (
    <li className="flex items-center gap-3 py-2" data-testid="upload-item" data-state={item.state}>
      <FileThumbnail file={item.stored} localUrl={item.previewUrl} name={item.name} />
      <div className="min-w-0 flex-1 space-y-1">
        <p className="truncate text-sm font-medium">{item.name}</p>
        <p className="text-xs text-slate-600 dark:text-slate-400">
          {formatBytes(item.size)} · {statusText[item.state]}
          {item.state === 'uploading' ? ` ${pct}%` : ''}
        </p>
        {item.state === 'uploading' || item.state === 'done' ? (
          <progress className="h-1.5 w-full" max={100} value={item.state === 'done' ? 100 : pct} aria-label={`Upload of ${item.name}`} />
        ) : null}
        {item.error ? (
          <p role="alert" className="text-sm text-red-700 dark:text-red-400">
            {item.error}
          </p>
        ) : null}
      </div>
      <button
        type="button"
        className="rounded px-2 py-1 text-sm text-sky-700 underline hover:bg-sky-50 disabled:opacity-50 dark:text-sky-400 dark:hover:bg-slate-800"
        disabled={item.state === 'removing'}
        onClick={() => onRemove(item)}
      >
        {item.state === 'uploading' ? 'Cancel' : item.state === 'error' ? 'Dismiss' : 'Remove'}
        <span className="sr-only"> {item.name}</span>
      </button>
    </li>
  );
}
