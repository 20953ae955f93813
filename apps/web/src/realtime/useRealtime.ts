import { useEffect, useRef, useSyncExternalStore } from 'react';
import type { RealtimeEvent } from './messages';
import { realtime, type RealtimeStatus } from './realtimeClient';

interface Handlers<P> {
  onEvent: (event: RealtimeEvent<P>) => void;
  onSubscribed?: () => void;
}

/** Listens on a realtime channel while the component is mounted; the handlers may change freely. */
export function useRealtimeChannel<P = unknown>(channel: string, handlers: Handlers<P>, enabled = true): void {
  const ref = useRef(handlers);
  useEffect(() => {
    ref.current = handlers;
  });
  useEffect(() => {
    if (!enabled) return;
    return realtime.listen({
      channel,
      onEvent: (e) => ref.current.onEvent(e as RealtimeEvent<P>),
      onSubscribed: () => ref.current.onSubscribed?.(),
    });
  }, [channel, enabled]);
}

export function useRealtimeStatus(): RealtimeStatus {
  return useSyncExternalStore(realtime.onStatus, realtime.getStatus, realtime.getStatus);
}
