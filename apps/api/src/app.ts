import { existsSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import cors from '@fastify/cors';
import helmet from '@fastify/helmet';
import fastifyStatic from '@fastify/static';
import swagger from '@fastify/swagger';
import swaggerUi from '@fastify/swagger-ui';
import Fastify, { type FastifyInstance } from 'fastify';
import { jsonSchemaTransform, serializerCompiler, validatorCompiler } from 'fastify-type-provider-zod';
import { v4 as uuidv4 } from 'uuid';
import { makeScoped, type AppDeps } from './app-deps.js';
import type { Config } from './config.js';
import { createJwtSigner } from './platform/crypto/tokens.js';
import type { Database } from './platform/db/database.js';
import { registerAccessControl } from './platform/http/access.js';
import { registerErrorHandling, sendError } from './platform/http/error-handler.js';
import { AppError } from './platform/http/errors.js';
import { RateLimiter } from './platform/http/rate-limiter.js';
import { DEFAULT_RATE_LIMITS, type RateLimitConfig } from './platform/http/rate-limits.js';
import { auditRoutes } from './modules/core/audit/audit.routes.js';
import { authRoutes } from './modules/core/auth/auth.routes.js';
import { loadSessionPrincipal } from './modules/core/auth/auth.service.js';
import { cmmsAuthRoutes } from './modules/core/auth/cmms-auth.routes.js';
import { createFileMailDispatcher, type MailDispatcher } from './modules/core/mail/mail.dispatcher.js';
import { settingsRoutes } from './modules/core/settings/settings.routes.js';
import { systemRoutes } from './modules/core/system/system.routes.js';
import { userRoutes } from './modules/core/users/users.routes.js';
import { warehouseRoutes } from './modules/core/warehouses/warehouses.routes.js';

export interface BuildOptions {
  config: Config;
  db: Database;
  jwtSecret: string;
  rateLimits?: RateLimitConfig;
  mail?: MailDispatcher;
  webDist?: string | null;
}

const DEFAULT_WEB_DIST = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../../web/dist');
const REQUEST_ID_RE = /^[A-Za-z0-9._-]{8,64}$/;
const JSON_BODY_LIMIT = 1024 * 1024;

/** Keeps secrets that travel in URLs (the WebSocket token, reset tokens) out of the logs. */
const redactUrl = (url: string) => url.replace(/([?&](?:token|refreshToken|access_token)=)[^&]*/gi, '$1[REDACTED]');

export async function buildApp(opts: BuildOptions): Promise<FastifyInstance> {
  const { config, db } = opts;
  const app = Fastify({
    logger:
      config.LOG_LEVEL === 'silent'
        ? false
        : {
            level: config.LOG_LEVEL,
            redact: ['req.headers.authorization', 'req.headers.cookie', 'body.password', 'body.refreshToken'],
            serializers: {
              req: (req) => ({ method: req.method, url: redactUrl(req.url), remoteAddress: req.ip, requestId: req.id }),
            },
          },
    bodyLimit: JSON_BODY_LIMIT,
    genReqId: (req) => {
      const given = req.headers['x-request-id'];
      return typeof given === 'string' && REQUEST_ID_RE.test(given) ? given : uuidv4();
    },
  });
  app.setValidatorCompiler(validatorCompiler);
  app.setSerializerCompiler(serializerCompiler);
  app.addHook('onSend', async (request, reply) => {
    reply.header('x-request-id', request.id);
  });

  const limiter = new RateLimiter();
  app.addHook('onClose', async () => limiter.close());
  const deps: AppDeps = {
    config,
    db,
    jwt: createJwtSigner(opts.jwtSecret),
    limiter,
    limits: opts.rateLimits ?? DEFAULT_RATE_LIMITS,
    mail: opts.mail ?? createFileMailDispatcher(db, path.join(config.dataDir, 'outbox'), config.MAIL_FROM),
    scoped: makeScoped(db),
  };

  await app.register(helmet, {
    contentSecurityPolicy: {
      directives: {
        defaultSrc: ["'self'"],
        scriptSrc: ["'self'"],
        styleSrc: ["'self'", "'unsafe-inline'"],
        imgSrc: ["'self'", 'data:', 'blob:'],
        connectSrc: ["'self'", 'ws:', 'wss:'],
        workerSrc: ["'self'"],
        manifestSrc: ["'self'"],
      },
    },
  });
  const origins = config.CORS_ORIGINS.split(',').map((o) => o.trim()).filter(Boolean);
  await app.register(cors, { origin: origins.length ? origins : false, credentials: false, exposedHeaders: ['x-request-id', 'x-ratelimit-limit', 'x-ratelimit-remaining', 'x-ratelimit-reset', 'x-ratelimit-window', 'retry-after'] });
  await app.register(swagger, {
    openapi: {
      info: { title: 'PlantOps API', version: '1', description: 'Manufacturing (configure-to-order) and maintenance (CMMS) on one platform.' },
      components: { securitySchemes: { bearer: { type: 'http', scheme: 'bearer', bearerFormat: 'JWT' } } },
      security: [{ bearer: [] }],
    },
    transform: jsonSchemaTransform,
  });
  await app.register(swaggerUi, { routePrefix: '/api/docs', staticCSP: true });
  app.get('/api/openapi.json', { config: { access: 'public' }, schema: { hide: true } }, async () => app.swagger());

  registerErrorHandling(app);
  registerAccessControl(app, { jwt: deps.jwt, limiter, limits: deps.limits, loadSession: (sid, uid) => loadSessionPrincipal(db, sid, uid) });

  for (const routes of [systemRoutes, authRoutes, cmmsAuthRoutes, userRoutes, warehouseRoutes, auditRoutes, settingsRoutes]) {
    await routes(app, deps);
  }

  const webDist = opts.webDist === undefined ? DEFAULT_WEB_DIST : opts.webDist;
  const serveWeb = webDist !== null && existsSync(path.join(webDist, 'index.html'));
  if (serveWeb) await app.register(fastifyStatic, { root: webDist, wildcard: false, index: ['index.html'] });

  app.setNotFoundHandler((request, reply) => {
    const isApi = request.url.startsWith('/api/') || request.url === '/api';
    if (serveWeb && request.method === 'GET' && !isApi) {
      // Client-side routes of the single-page app all load index.html.
      return reply.header('cache-control', 'no-cache').sendFile('index.html');
    }
    return sendError(reply, request, new AppError(404, 'RESOURCE_NOT_FOUND', `Route ${request.method} ${request.url.split('?')[0]} not found`));
  });

  return app;
}
