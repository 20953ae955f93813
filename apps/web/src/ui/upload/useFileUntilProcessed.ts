import { useQuery } from '@tanstack/react-query';
import { fileKeys, filesApi, type StoredFile } from '../../api/files';

const POLL_MS = 1_500;

/** The file, re-read while the server is still processing it (the thumbnail appears afterwards). */
export function useFileUntilProcessed(file: StoredFile | undefined): StoredFile | undefined {
  const q = useQuery({
    queryKey: fileKeys.one(file?.id ?? ''),
    queryFn: () => filesApi.get(file!.id),
    enabled: Boolean(file && file.status === 'PENDING'),
    initialData: file,
    initialDataUpdatedAt: 0,
    refetchInterval: (query) => (query.state.data?.status === 'PENDING' ? POLL_MS : false),
  });
  return file && file.status !== 'PENDING' ? file : (q.data ?? file);
}
