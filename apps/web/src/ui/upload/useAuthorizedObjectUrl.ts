import { useEffect, useState } from 'react';
import { useQuery } from '@tanstack/react-query';
import { requestBlob } from '../../api/client';

/**
 * An object URL for an API resource that needs the Authorization header (thumbnails, downloads),
 * which a plain <img src> cannot send. The blob is cached by path; the URL is revoked on change.
 */
export function useAuthorizedObjectUrl(path: string | null | undefined): string | undefined {
  const blob = useQuery({
    queryKey: ['blob', path],
    queryFn: () => requestBlob(path!),
    enabled: Boolean(path),
    staleTime: Infinity,
    gcTime: 5 * 60_000,
  });
  const [url, setUrl] = useState<string>();
  useEffect(() => {
    if (!blob.data) return;
    const u = URL.createObjectURL(blob.data);
    setUrl(u);
    return () => {
      URL.revokeObjectURL(u);
      setUrl(undefined);
    };
  }, [blob.data]);
  return url;
}
