import { useId, useState, type DragEvent } from 'react';
import type { Bucket, StoredFile } from '../../api/files';
import { DEFAULT_MAX_BYTES, formatBytes } from './checkFile';
import { UploadRow } from './UploadRow';
import { useUploads } from './useUploads';

export interface FileUploadProps {
  bucket: Bucket;
  /** Attach the files to a record (both or neither). */
  recordType?: string;
  recordId?: string;
  /** As for <input accept>: ".pdf", "image/png", "image/*"; checked before sending too. */
  accept?: string;
  maxBytes?: number;
  /** Offer "Take photo" (rear camera on phones). */
  capture?: boolean;
  multiple?: boolean;
  label?: string;
  onUploaded?: (file: StoredFile) => void;
  onRemoved?: (id: string) => void;
}

const pickButton =
  'inline-flex min-h-11 cursor-pointer items-center justify-center rounded-md border border-slate-300 bg-white px-4 py-2 text-sm font-medium text-slate-800 hover:bg-slate-100 focus-within:outline-2 focus-within:outline-sky-600 dark:border-slate-600 dark:bg-slate-800 dark:text-slate-100 dark:hover:bg-slate-700';

/** Drop zone plus file (and camera) buttons; each file shows its progress, preview and a remove button. */
export function FileUpload({ bucket, recordType, recordId, accept, maxBytes = DEFAULT_MAX_BYTES, capture = false, multiple = true, label = 'Upload files', onUploaded, onRemoved }: FileUploadProps) {
  const { items, add, remove } = useUploads({ bucket, recordType, recordId }, { accept, maxBytes }, { onUploaded, onRemoved });
  const [over, setOver] = useState(false);
  const hintId = useId();

  function onDrop(e: DragEvent) {
    e.preventDefault();
    setOver(false);
    if (e.dataTransfer.files.length) add(multiple ? e.dataTransfer.files : [e.dataTransfer.files[0]!]);
  }

  function onPicked(input: HTMLInputElement) {
    if (input.files?.length) add(input.files);
    input.value = ''; // the same file may be picked again
  }

  return (
    <div className="space-y-3">
      <div
        onDragOver={(e) => {
          e.preventDefault();
          setOver(true);
        }}
        onDragLeave={() => setOver(false)}
        onDrop={onDrop}
        className={`rounded-lg border-2 border-dashed p-4 text-center ${over ? 'border-sky-600 bg-sky-50 dark:bg-sky-950' : 'border-slate-300 dark:border-slate-600'}`}
      >
        <p className="mb-3 text-sm">Drag files here, or</p>
        <div className="flex flex-wrap justify-center gap-2">
          <label className={pickButton}>
            {label}
            <input
              type="file"
              className="sr-only"
              accept={accept}
              multiple={multiple}
              aria-describedby={hintId}
              onChange={(e) => onPicked(e.currentTarget)}
            />
          </label>
          {capture ? (
            <label className={pickButton}>
              Take photo
              <input type="file" className="sr-only" accept={accept ?? 'image/*'} capture="environment" onChange={(e) => onPicked(e.currentTarget)} />
            </label>
          ) : null}
        </div>
        <p id={hintId} className="mt-2 text-xs text-slate-600 dark:text-slate-400">
          {accept ? `Accepted: ${accept}. ` : ''}Up to {formatBytes(maxBytes)} each.
        </p>
      </div>
      {items.length ? (
        <ul aria-label="Uploads" className="divide-y divide-slate-200 dark:divide-slate-700">
          {items.map((item) => (
            <UploadRow key={item.key} item={item} onRemove={(i) => void remove(i)} />
          ))}
        </ul>
      ) : null}
    </div>
  );
}
