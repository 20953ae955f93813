import type { FastifyInstance, FastifyRequest } from 'fastify';
import websocket from '@fastify/websocket';
import { z } from 'zod';
import type { AppDeps } from '../../../app-deps.js';
import { bearerToken } from '../../../platform/http/access.js';
import { sendError } from '../../../platform/http/error-handler.js';
import { AppError } from '../../../platform/http/errors.js';
import { CHANNELS, mayJoin, type Subscriber } from '../../../platform/realtime/channels.js';
import type { Connection } from '../../../platform/realtime/hub.js';
import { loadSessionPrincipal } from '../auth/auth.service.js';

const clientMessage = z.discriminatedUnion('type', [
  z.strictObject({ type: z.literal('subscribe'), channels: z.array(z.string().max(64)).min(1).max(20), lastEventId: z.number().int().min(0).optional() }),
  z.strictObject({ type: z.literal('unsubscribe'), channels: z.array(z.string().max(64)).min(1).max(20) }),
  z.strictObject({ type: z.literal('auth'), token: z.string().min(1).max(4096) }),
  z.strictObject({ type: z.literal('ping') }),
]);

const CLOSE_AUTH = 4001;

interface Authenticated {
  subscriber: Subscriber;
  expiresAt: number;
}

async function authenticateToken(deps: AppDeps, token: string | undefined): Promise<Authenticated | AppError> {
  if (!token) return new AppError(401, 'AUTH_REQUIRED', 'Pass the access token as ?token= or an Authorization header');
  const claims = await deps.jwt.verify(token);
  if (claims === 'expired') return new AppError(401, 'AUTH_INVALID_TOKEN', 'Access token has expired');
  if (claims === 'invalid') return new AppError(401, 'AUTH_INVALID_TOKEN', 'Access token is invalid');
  const principal = await loadSessionPrincipal(deps.db, claims.sid, claims.sub);
  if (!principal) return new AppError(401, 'AUTH_INVALID_TOKEN', 'Session has ended');
  return {
    subscriber: { userId: principal.userId, role: principal.role, warehouseId: principal.warehouseId, permissions: principal.permissions },
    expiresAt: claims.exp * 1000,
  };
}

const tokenOf = (request: FastifyRequest) => bearerToken(request) ?? (request.query as { token?: string }).token;

/** `/api/v1/realtime`: authenticated WebSocket; clients subscribe to channels the server filters. */
export async function realtimeRoutes(app: FastifyInstance, deps: AppDeps) {
  await app.register(websocket, { options: { maxPayload: 64 * 1024 } });
  const authByRequest = new WeakMap<FastifyRequest, Authenticated>();

  app.route({
    method: 'GET',
    url: '/api/v1/realtime',
    config: { access: 'public' },
    schema: { tags: ['realtime'], summary: 'WebSocket: subscribe to notifications, system_logs (ADMIN), and domain channels', hide: true },
    // Refuse before the upgrade so that a bad token gets a normal HTTP error in the spec's format.
    preValidation: async (request, reply) => {
      const result = await authenticateToken(deps, tokenOf(request));
      if (result instanceof AppError) return sendError(reply, request, result);
      authByRequest.set(request, result);
    },
    // A plain GET without the WebSocket upgrade is told what to do, in the API's error format.
    handler: (request, reply) => sendError(reply, request, new AppError(426, 'VALIDATION_ERROR', 'Connect with a WebSocket (Upgrade: websocket)')),
    wsHandler: (socket, request) => {
      let auth = authByRequest.get(request)!;
      const send = (m: object) => {
        if (socket.readyState === socket.OPEN) socket.send(JSON.stringify(m));
      };
      const conn: Connection = { subscriber: auth.subscriber, channels: new Set(), send };
      let expiryTimer: NodeJS.Timeout;
      const armExpiry = () => {
        clearTimeout(expiryTimer);
        // Re-checked when the token expires: the client must send {type:'auth', token} with a fresh one.
        expiryTimer = setTimeout(() => socket.close(CLOSE_AUTH, 'Access token expired'), Math.max(0, auth.expiresAt - Date.now()));
      };
      armExpiry();
      deps.realtime.add(conn);
      socket.on('close', () => {
        clearTimeout(expiryTimer);
        deps.realtime.remove(conn);
      });
      send({ type: 'welcome', channels: Object.keys(CHANNELS).filter((c) => mayJoin(conn.subscriber, c)) });

      socket.on('message', async (raw) => {
        let parsed;
        try {
          parsed = clientMessage.safeParse(JSON.parse(String(raw)));
        } catch {
          return send({ type: 'error', code: 'VALIDATION_INVALID_FORMAT', message: 'Messages must be JSON' });
        }
        if (!parsed.success) return send({ type: 'error', code: 'VALIDATION_ERROR', message: parsed.error.issues[0]?.message ?? 'Invalid message' });
        const msg = parsed.data;
        try {
          switch (msg.type) {
            case 'ping':
              return send({ type: 'pong' });
            case 'auth': {
              const next = await authenticateToken(deps, msg.token);
              if (next instanceof AppError || next.subscriber.userId !== auth.subscriber.userId) return socket.close(CLOSE_AUTH, 'Invalid token');
              auth = next;
              conn.subscriber = next.subscriber;
              armExpiry();
              return send({ type: 'authenticated', expiresAt: new Date(auth.expiresAt).toISOString() });
            }
            case 'unsubscribe':
              msg.channels.forEach((c) => conn.channels.delete(c));
              return send({ type: 'unsubscribed', channels: msg.channels });
            case 'subscribe': {
              const refused = msg.channels.filter((c) => !mayJoin(conn.subscriber, c));
              for (const channel of refused) {
                const known = Object.hasOwn(CHANNELS, channel);
                send({ type: 'error', code: known ? 'AUTH_INSUFFICIENT_PERMISSIONS' : 'RESOURCE_NOT_FOUND', channel, message: known ? `You may not subscribe to ${channel}` : `Unknown channel ${channel}` });
              }
              const joined = msg.channels.filter((c) => !refused.includes(c));
              joined.forEach((c) => conn.channels.add(c));
              send({ type: 'subscribed', channels: joined });
              if (msg.lastEventId !== undefined && joined.length) await deps.realtime.replay(conn, msg.lastEventId, joined);
              return;
            }
          }
        } catch (err) {
          request.log.error({ err }, 'realtime message failed');
          send({ type: 'error', code: 'SYSTEM_ERROR', message: 'Could not process the message' });
        }
      });
    },
  });
}
