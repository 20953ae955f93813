import { useCallback, useEffect, useRef, useState } from 'react';
import { filesApi, type StoredFile } from '../../api/files';
import { describeError } from '../../api/errors';
import { uploadFile, type UploadTarget } from '../../api/uploadFile';
import { checkFile } from './checkFile';
import type { UploadItem } from './uploadItem';

export interface UploadRules {
  accept?: string | undefined;
  maxBytes: number;
}

interface Callbacks {
  onUploaded?: ((file: StoredFile) => void) | undefined;
  onRemoved?: ((id: string) => void) | undefined;
}

let seq = 0;

/** The picked files of one upload area: checked, sent in parallel with progress, removable. */
export function useUploads(target: UploadTarget, rules: UploadRules, callbacks: Callbacks) {
  const [items, setItems] = useState<UploadItem[]>([]);
  const latest = useRef({ items, callbacks });
  useEffect(() => {
    latest.current = { items, callbacks };
  });
  // Object URLs and requests die with the component.
  useEffect(
    () => () => {
      for (const i of latest.current.items) {
        i.abort?.abort();
        if (i.previewUrl) URL.revokeObjectURL(i.previewUrl);
      }
    },
    [],
  );

  const patch = useCallback((key: string, p: Partial<UploadItem>) => {
    setItems((list) => list.map((i) => (i.key === key ? { ...i, ...p } : i)));
  }, []);

  const drop = useCallback((item: UploadItem) => {
    if (item.previewUrl) URL.revokeObjectURL(item.previewUrl);
    setItems((list) => list.filter((i) => i.key !== item.key));
  }, []);

  const send = useCallback(
    async (key: string, file: File, abort: AbortController) => {
      try {
        const { bucket, recordType, recordId } = target;
        const stored = await uploadFile(file, { bucket, recordType, recordId, signal: abort.signal, onProgress: (progress) => patch(key, { progress }) });
        patch(key, { state: 'done', progress: 1, stored, abort: undefined });
        latest.current.callbacks.onUploaded?.(stored);
      } catch (e) {
        if (e instanceof DOMException && e.name === 'AbortError') return;
        patch(key, { state: 'error', error: describeError(e), abort: undefined });
      }
    },
    [target.bucket, target.recordType, target.recordId, patch],
  );

  const add = useCallback(
    (files: Iterable<File>) => {
      const added: UploadItem[] = [];
      for (const file of files) {
        const key = `u${++seq}`;
        const problem = checkFile(file, rules);
        const previewUrl = !problem && file.type.startsWith('image/') ? URL.createObjectURL(file) : undefined;
        if (problem) {
          added.push({ key, name: file.name, size: file.size, state: 'error', progress: 0, error: problem });
          continue;
        }
        const abort = new AbortController();
        added.push({ key, name: file.name, size: file.size, previewUrl, state: 'uploading', progress: 0, abort });
        void send(key, file, abort);
      }
      setItems((list) => [...list, ...added]);
    },
    [rules, send],
  );

  const remove = useCallback(
    async (item: UploadItem) => {
      if (item.state === 'uploading') {
        item.abort?.abort();
        return drop(item);
      }
      if (!item.stored) return drop(item);
      patch(item.key, { state: 'removing', error: undefined });
      try {
        await filesApi.remove(item.stored.id);
        drop(item);
        latest.current.callbacks.onRemoved?.(item.stored.id);
      } catch (e) {
        patch(item.key, { state: 'done', error: describeError(e) });
      }
    },
    [drop, patch],
  );

  return { items, add, remove };
}
