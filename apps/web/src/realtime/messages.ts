/** What the server sends on /api/v1/realtime. */
export interface RealtimeEvent<P = unknown> {
  type: 'event';
  id: number;
  channel: string;
  payload: P;
  createdAt?: string;
}

export type ServerMessage =
  | { type: 'welcome'; channels: string[] }
  | { type: 'subscribed'; channels: string[] }
  | { type: 'unsubscribed'; channels: string[] }
  | { type: 'error'; code: string; channel?: string; message: string }
  | { type: 'authenticated'; expiresAt?: string }
  | { type: 'pong' }
  | RealtimeEvent;

/** What the client sends. */
export type ClientMessage =
  | { type: 'subscribe'; channels: string[]; lastEventId?: number }
  | { type: 'unsubscribe'; channels: string[] }
  | { type: 'auth'; token: string }
  | { type: 'ping' };

/** Code the server closes with when the access token expired or a renewed one was refused. */
export const CLOSE_AUTH = 4001;

export function parseServerMessage(raw: unknown): ServerMessage | null {
  if (typeof raw !== 'string') return null;
  try {
    const m = JSON.parse(raw) as { type?: unknown };
    return m && typeof m.type === 'string' ? (m as ServerMessage) : null;
  } catch {
    return null;
  }
}
