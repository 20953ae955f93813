import { existsSync } from 'node:fs';
import path from 'node:path';
import { API_ROOT } from './paths.js';
import cors from '@fastify/cors';
import fastifyStatic from '@fastify/static';
import swagger from '@fastify/swagger';
import swaggerUi from '@fastify/swagger-ui';
import Fastify, { type FastifyInstance } from 'fastify';
import { validatorCompiler } from 'fastify-type-provider-zod';
import { v4 as uuidv4 } from 'uuid';
import { makeScoped, type AppDeps } from './app-deps.js';
import type { Config } from './config.js';
import { createJwtSigner } from './platform/crypto/tokens.js';
import type { Database } from './platform/db/database.js';
import { registerAccessControl } from './platform/http/access.js';
import { clientErrorHandler } from './platform/http/client-errors.js';
import { registerErrorHandling, sendError } from './platform/http/error-handler.js';
import { registerInputGuard } from './platform/http/input-guard.js';
import { openapiTransform, registerResponseDocs } from './platform/http/openapi.js';
import { registerSecurityHeaders } from './platform/http/security-headers.js';
import { inlineScriptHashes, webCacheControl, webStaticOptions } from './platform/http/web-static.js';
import { responseSerializerCompiler } from './platform/http/response-serializer.js';
import { AppError } from './platform/http/errors.js';
import { RateLimiter } from './platform/http/rate-limiter.js';
import { DEFAULT_RATE_LIMITS, scaleRateLimits, type RateLimitConfig } from './platform/http/rate-limits.js';
import { auditRoutes } from './modules/core/audit/audit.routes.js';
import { authRoutes } from './modules/core/auth/auth.routes.js';
import { cachedSessionLoader } from './modules/core/auth/session-cache.js';
import { CacheInvalidation } from './platform/cache/cache-invalidation.js';
import { cmmsAuthRoutes } from './modules/core/auth/cmms-auth.routes.js';
import { auditProcessorJob } from './modules/core/audit/audit-processor.js';
import { jobRoutes } from './modules/core/jobs/jobs.routes.js';
import { exportBuilderJob } from './modules/core/exports/export-builder.job.js';
import { exportRoutes } from './modules/core/exports/exports.routes.js';
import { inventoryRoutes } from './modules/core/inventory/inventory.routes.js';
import { inventoryExportRoutes } from './modules/core/inventory/inventory.export.routes.js';
import { createMailDispatcher, fileTransport, smtpTransport, type MailDispatcher } from './modules/core/mail/mail.dispatcher.js';
import { notificationSenderJob } from './modules/core/notifications/notification-sender.js';
import { notificationRoutes } from './modules/core/notifications/notifications.routes.js';
import { realtimeRoutes } from './modules/core/realtime/realtime.routes.js';
import { metricsAggregatorJob } from './modules/core/system/metrics-aggregator.js';
import { JobRunner, type JobRunnerOptions } from './platform/jobs/job-runner.js';
import { RealtimeHub } from './platform/realtime/hub.js';
import { settingsRoutes } from './modules/core/settings/settings.routes.js';
import { systemRoutes } from './modules/core/system/system.routes.js';
import { userRoutes } from './modules/core/users/users.routes.js';
import { userExportRoutes } from './modules/core/users/users.export.routes.js';
import { auditExportRoutes } from './modules/core/audit/audit.export.routes.js';
import { fileProcessorJob, fileRoutes, qrRoutes } from './modules/core/files/index.js';
import { openStorage } from './platform/storage/open-storage.js';
import type { FileStorage } from './platform/storage/file-storage.js';
import { warehouseRoutes } from './modules/core/warehouses/warehouses.routes.js';
import { partRoutes } from './modules/core/parts/parts.routes.js';
import { partTransactionRoutes } from './modules/core/parts/part-transactions.routes.js';
import { receiptRoutes } from './modules/core/receipts/receipts.routes.js';
import { vendorRoutes } from './modules/core/vendors/vendors.routes.js';
import { equipmentRoutes } from './modules/maintenance/equipment/index.js';
import { workOrderRoutes } from './modules/maintenance/work-orders/index.js';
import { createConfigurator } from './modules/manufacturing/configurator/index.js';
import { bomRoutes } from './modules/manufacturing/bom/index.js';
import { orderRoutes } from './modules/manufacturing/orders/index.js';

export interface BuildOptions {
  config: Config;
  db: Database;
  jwtSecret: string;
  rateLimits?: RateLimitConfig;
  mail?: MailDispatcher;
  webDist?: string | null;
  /** Where uploads go; defaults to local disk under dataDir/uploads. */
  storage?: FileStorage;
  /** Start the background job runner with the server (main does; most tests drive jobs by hand). */
  startJobs?: boolean;
  jobOptions?: JobRunnerOptions;
}

const DEFAULT_WEB_DIST = path.join(API_ROOT, '../web/dist');
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
    clientErrorHandler,
    // URLs Fastify refuses before routing (bad percent-encoding, over-long ids) answer in the API's format too.
    frameworkErrors: (err, request, reply) => {
      const status = err.statusCode && err.statusCode >= 400 && err.statusCode < 500 ? err.statusCode : 400;
      return sendError(reply, request, new AppError(status, 'VALIDATION_ERROR', status === 414 ? 'A path segment is too long' : 'The request URL is malformed'));
    },
    genReqId: (req) => {
      const given = req.headers['x-request-id'];
      return typeof given === 'string' && REQUEST_ID_RE.test(given) ? given : uuidv4();
    },
  });
  app.setValidatorCompiler(validatorCompiler);
  app.setSerializerCompiler(responseSerializerCompiler);
  registerResponseDocs(app);
  app.addHook('onSend', async (request, reply) => {
    reply.header('x-request-id', request.id);
    // API answers carry tokens and personal data: no browser or proxy keeps them unless a route
    // says otherwise (file downloads and QR codes set their own caching).
    if (request.url.startsWith('/api/') && !reply.hasHeader('cache-control')) reply.header('cache-control', 'no-store');
  });

  const limiter = new RateLimiter();
  const mail =
    opts.mail ??
    createMailDispatcher(db, config.SMTP_URL ? smtpTransport(config.SMTP_URL) : fileTransport(path.join(config.dataDir, 'outbox')), config.MAIL_FROM);
  const jobs = new JobRunner(db, { logger: app.log, ...opts.jobOptions });
  const realtime = new RealtimeHub(db, (err) => app.log.error({ err }, 'realtime dispatch failed'));
  await realtime.start();
  const caches = new CacheInvalidation(db, (err) => app.log.error({ err }, 'cache invalidation feed lost: read caches are off until it reconnects'));
  await caches.start();
  // Close order matters: stop taking jobs and wait for running ones, then stop listening.
  app.addHook('onClose', async () => {
    await jobs.stop();
    await realtime.stop();
    await caches.stop();
    limiter.close();
  });
  const deps: AppDeps = {
    config,
    db,
    jwt: createJwtSigner(opts.jwtSecret),
    limiter,
    limits: opts.rateLimits ?? scaleRateLimits(DEFAULT_RATE_LIMITS, config.RATE_LIMIT_MULTIPLIER),
    mail,
    jobs,
    realtime,
    caches,
    scoped: makeScoped(db),
    storage: opts.storage ?? openStorage(config),
  };

  const webDist = opts.webDist === undefined ? DEFAULT_WEB_DIST : opts.webDist;
  registerSecurityHeaders(app, inlineScriptHashes(webDist));
  const origins = config.CORS_ORIGINS.split(',').map((o) => o.trim()).filter(Boolean);
  await app.register(cors, { origin: origins.length ? origins : false, credentials: false, exposedHeaders: ['x-request-id', 'x-ratelimit-limit', 'x-ratelimit-remaining', 'x-ratelimit-reset', 'x-ratelimit-window', 'retry-after'] });
  await app.register(swagger, {
    openapi: {
      info: { title: 'PlantOps API', version: '1', description: 'Manufacturing (configure-to-order) and maintenance (CMMS) on one platform.' },
      components: { securitySchemes: { bearer: { type: 'http', scheme: 'bearer', bearerFormat: 'JWT' } } },
      security: [{ bearer: [] }],
    },
    transform: openapiTransform,
  });
  await app.register(swaggerUi, {
    routePrefix: '/api/docs',
    // The plugin's own CSP (staticCSP: true) blocks the styles Swagger UI injects and asks plain-HTTP
    // installs to upgrade every request: this one is the app's policy with the docs' needs only.
    staticCSP: "default-src 'self'; base-uri 'self'; frame-ancestors 'self'; object-src 'none'; script-src 'self'; script-src-attr 'none'; style-src 'self' 'unsafe-inline'; img-src 'self' data:; font-src 'self' data:; connect-src 'self'",
    // No badge from the public validator (an outside request the policy would refuse anyway).
    uiConfig: { validatorUrl: null },
  });
  app.get('/api/openapi.json', { config: { access: 'public' }, schema: { hide: true } }, async () => app.swagger());

  // The composed services, for the process entry and for tests that drive jobs directly.
  app.decorate('plantops', deps);
  registerErrorHandling(app);
  registerInputGuard(app);
  registerAccessControl(app, { jwt: deps.jwt, limiter, limits: deps.limits, loadSession: cachedSessionLoader(db, caches) });

  // Domain modules never import each other: the BOM and orders modules get the configurator from here (decision 0012).
  const configurator = createConfigurator(deps);
  for (const routes of [systemRoutes, realtimeRoutes, notificationRoutes, jobRoutes, authRoutes, cmmsAuthRoutes, userRoutes, warehouseRoutes, auditRoutes, settingsRoutes, userExportRoutes, auditExportRoutes, fileRoutes, qrRoutes, exportRoutes, inventoryExportRoutes, inventoryRoutes, partRoutes, partTransactionRoutes, receiptRoutes, vendorRoutes, equipmentRoutes, workOrderRoutes, configurator.routes, bomRoutes(configurator), orderRoutes(configurator)]) {
    await routes(app, deps);
  }

  if (config.BENCH_BASELINE_ROUTE === 'on') {
    // The benchmark's yardstick: the cheapest possible request through this same server.
    app.get('/bench/baseline/:id', async (request) => (await db.query('SELECT id, part_number, name FROM items WHERE id = $1', [(request.params as { id: string }).id])).rows[0] ?? null);
  }

  const serveWeb = webDist !== null && existsSync(path.join(webDist, 'index.html'));
  if (serveWeb) await app.register(fastifyStatic, webStaticOptions(webDist));

  app.setNotFoundHandler((request, reply) => {
    const isApi = request.url.startsWith('/api/') || request.url === '/api';
    // A missing build asset is a 404, not the page: a stale tab must not parse HTML as JavaScript.
    const isAsset = /^\/(assets|icons)\//.test(request.url) || /\.(js|css|png|svg|webp|ico|map|json)(\?|$)/.test(request.url);
    if (serveWeb && request.method === 'GET' && !isApi && !isAsset) {
      // Client-side routes of the single-page app all load index.html.
      return reply.header('cache-control', webCacheControl('index.html')).sendFile('index.html');
    }
    return sendError(reply, request, new AppError(404, 'RESOURCE_NOT_FOUND', `Route ${request.method} ${request.url.split('?')[0]} not found`));
  });

  for (const job of [notificationSenderJob(db, mail, config.PUBLIC_URL), auditProcessorJob(db), metricsAggregatorJob(db), fileProcessorJob(db, deps.storage), exportBuilderJob(db, deps.storage)]) {
    jobs.register(job);
  }
  // Definitions are synced by every process (the jobs admin lists them); only some run them.
  app.addHook('onReady', async () => (opts.startJobs ? jobs.start() : jobs.sync()));

  return app;
}
