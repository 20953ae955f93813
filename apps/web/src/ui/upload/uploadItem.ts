import type { StoredFile } from '../../api/files';

export interface UploadItem {
  key: string;
  name: string;
  size: number;
  /** Object URL of the picked image, revoked when the item goes. */
  previewUrl?: string | undefined;
  state: 'uploading' | 'done' | 'error' | 'removing';
  /** 0…1 */
  progress: number;
  stored?: StoredFile;
  error?: string;
  abort?: AbortController;
}
