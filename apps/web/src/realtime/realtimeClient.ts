import { refreshTokens } from '../api/client';
import { session } from '../auth/session';
import { backoffDelay, renewDelay } from './backoff';
import { CLOSE_AUTH, parseServerMessage, type ClientMessage, type RealtimeEvent } from './messages';

export type RealtimeStatus = 'offline' | 'connecting' | 'live';

export interface ChannelListener {
  channel: string;
  onEvent: (event: RealtimeEvent) => void;
  /** The server confirmed the subscription (first time or after a reconnect): catch up here. */
  onSubscribed?: () => void;
}

const PING_MS = 25_000;
/** Listeners may come and go within a render (StrictMode); wait before hanging up. */
const IDLE_CLOSE_MS = 1_000;

/**
 * The tab's one WebSocket to /api/v1/realtime, shared by every feature. It connects while some
 * feature listens and a session exists, resubscribes with the last event id after a reconnect
 * (with back-off), renews the access token in place before it expires, and hangs up on sign-out.
 */
class RealtimeClient {
  private ws: WebSocket | null = null;
  /** The token the open socket is authenticated with. */
  private token: string | undefined;
  private readonly listeners = new Set<ChannelListener>();
  private readonly statusListeners = new Set<() => void>();
  private status: RealtimeStatus = 'offline';
  private lastEventId: number | undefined;
  private attempt = 0;
  private reconnectTimer: ReturnType<typeof setTimeout> | undefined;
  private renewTimer: ReturnType<typeof setTimeout> | undefined;
  private pingTimer: ReturnType<typeof setInterval> | undefined;
  private idleTimer: ReturnType<typeof setTimeout> | undefined;
  private started = false;

  /** Listens on a channel; returns the function that stops listening. */
  listen(listener: ChannelListener): () => void {
    this.start();
    const isNew = !this.channels().includes(listener.channel);
    this.listeners.add(listener);
    clearTimeout(this.idleTimer);
    if (isNew && this.status === 'live') this.send({ type: 'subscribe', channels: [listener.channel] });
    else if (!this.ws && this.reconnectTimer === undefined) this.connectSoon(0);
    return () => {
      this.listeners.delete(listener);
      if (!this.channels().includes(listener.channel) && this.status === 'live') {
        this.send({ type: 'unsubscribe', channels: [listener.channel] });
      }
      if (this.listeners.size === 0) this.idleTimer = setTimeout(() => this.disconnect(), IDLE_CLOSE_MS);
    };
  }

  getStatus = (): RealtimeStatus => this.status;

  onStatus = (l: () => void): (() => void) => {
    this.statusListeners.add(l);
    return () => this.statusListeners.delete(l);
  };

  /** Closes the socket and forgets the position (sign-out, or nobody listening). */
  disconnect(forget = false): void {
    clearTimeout(this.reconnectTimer);
    this.reconnectTimer = undefined;
    clearTimeout(this.renewTimer);
    clearInterval(this.pingTimer);
    const ws = this.ws;
    this.ws = null;
    this.token = undefined;
    if (ws) {
      ws.onclose = null;
      ws.onmessage = null;
      ws.onerror = null;
      ws.close(1000, 'Client closed');
    }
    if (forget) this.lastEventId = undefined;
    this.setStatus('offline');
  }

  private start(): void {
    if (this.started) return;
    this.started = true;
    session.subscribe(() => this.onSessionChange());
    window.addEventListener('online', () => {
      if (!this.ws && this.listeners.size > 0) this.connectSoon(0);
    });
  }

  private channels(): string[] {
    return [...new Set([...this.listeners].map((l) => l.channel))];
  }

  private setStatus(s: RealtimeStatus): void {
    if (s === this.status) return;
    this.status = s;
    for (const l of this.statusListeners) l();
  }

  private send(m: ClientMessage): void {
    if (this.ws?.readyState === WebSocket.OPEN) this.ws.send(JSON.stringify(m));
  }

  private onSessionChange(): void {
    const s = session.get();
    if (!s) {
      this.disconnect(true);
      return;
    }
    if (this.ws?.readyState === WebSocket.OPEN && this.token && s.accessToken !== this.token) {
      // The client (this tab or another) rotated the tokens: hand the new one to the open socket.
      // (A socket still connecting keeps its token; at expiry it is closed with 4001 and reconnects.)
      this.token = s.accessToken;
      this.send({ type: 'auth', token: s.accessToken });
      this.scheduleRenew();
    } else if (!this.ws && this.listeners.size > 0 && this.reconnectTimer === undefined) {
      this.connectSoon(0);
    }
  }

  private connectSoon(delay: number): void {
    clearTimeout(this.reconnectTimer);
    this.reconnectTimer = setTimeout(() => {
      this.reconnectTimer = undefined;
      void this.connect();
    }, delay);
  }

  private scheduleReconnect(): void {
    if (this.listeners.size === 0 || !session.get()) return;
    this.connectSoon(backoffDelay(this.attempt));
    this.attempt += 1;
  }

  private async connect(): Promise<void> {
    if (this.ws || this.listeners.size === 0) return;
    let s = session.get();
    if (!s) return;
    if (s.expiresAt - Date.now() < 5_000) {
      // An expired token would be refused at the upgrade, which the browser reports only as a close.
      if (!(await refreshTokens())) return this.scheduleReconnect();
      s = session.get();
      if (!s || this.ws) return;
    }
    this.setStatus('connecting');
    const url = `${location.origin.replace(/^http/, 'ws')}/api/v1/realtime?token=${encodeURIComponent(s.accessToken)}`;
    const ws = new WebSocket(url);
    this.ws = ws;
    this.token = s.accessToken;
    ws.onopen = () => {
      const lastEventId = this.lastEventId;
      this.send({ type: 'subscribe', channels: this.channels(), ...(lastEventId !== undefined ? { lastEventId } : {}) });
      this.pingTimer = setInterval(() => this.send({ type: 'ping' }), PING_MS);
      this.scheduleRenew();
    };
    ws.onmessage = (e) => this.onMessage(e.data);
    ws.onclose = (e) => void this.onClose(e.code);
  }

  private onMessage(raw: unknown): void {
    const m = parseServerMessage(raw);
    if (!m) return;
    switch (m.type) {
      case 'welcome':
        this.attempt = 0;
        return;
      case 'subscribed':
        this.setStatus('live');
        for (const l of this.listeners) if (m.channels.includes(l.channel)) l.onSubscribed?.();
        return;
      case 'event':
        // Replays after a reconnect may repeat what this tab already saw.
        if (this.lastEventId !== undefined && m.id <= this.lastEventId) return;
        this.lastEventId = m.id;
        for (const l of this.listeners) if (l.channel === m.channel) l.onEvent(m);
        return;
      case 'error':
        console.warn(`Realtime: ${m.code}${m.channel ? ` (${m.channel})` : ''}: ${m.message}`);
        return;
      default:
        return;
    }
  }

  private async onClose(code: number): Promise<void> {
    clearInterval(this.pingTimer);
    clearTimeout(this.renewTimer);
    const usedToken = this.token;
    this.ws = null;
    this.token = undefined;
    this.setStatus(this.listeners.size > 0 ? 'connecting' : 'offline');
    if (code === CLOSE_AUTH) {
      // Expired: refresh unless someone already did, then come straight back with the new token.
      const s = session.get();
      if (s && s.accessToken === usedToken && !(await refreshTokens())) return this.scheduleReconnect();
      if (session.get()) this.connectSoon(0);
      return;
    }
    this.scheduleReconnect();
  }

  /** Renews the token shortly before it expires; the session change then re-authenticates the socket. */
  private scheduleRenew(): void {
    clearTimeout(this.renewTimer);
    const s = session.get();
    if (!s) return;
    const tokenNow = s.accessToken;
    this.renewTimer = setTimeout(() => {
      // Another tab or request may have rotated it meanwhile; then there is nothing to do.
      if (this.ws && session.get()?.accessToken === tokenNow) void refreshTokens();
    }, renewDelay(s.expiresAt));
  }
}

export const realtime = new RealtimeClient();
