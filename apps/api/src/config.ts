import path from 'node:path';
import { z } from 'zod';

const envSchema = z.object({
  PORT: z.coerce.number().int().min(0).max(65535).default(3000),
  HOST: z.string().default('0.0.0.0'),
  DATA_DIR: z.string().default('./data'),
  // The built web app to serve (default apps/web/dist); the browser tests point it at their own build.
  WEB_DIST: z.string().min(1).optional(),
  DATABASE_URL: z.string().url().optional(),
  // Connections per server process (default: one per core, decision 0022); raise it when PostgreSQL has more cores than this host.
  DATABASE_POOL_SIZE: z.coerce.number().int().min(1).max(500).optional(),
  JWT_SECRET: z.string().min(32).optional(),
  ACCESS_TOKEN_TTL_SECONDS: z.coerce.number().int().min(60).max(86_400).default(900),
  CORS_ORIGINS: z.string().default(''),
  LOG_LEVEL: z.enum(['fatal', 'error', 'warn', 'info', 'debug', 'trace', 'silent']).default('info'),
  SEED_DEMO: z.enum(['auto', 'never']).default('auto'),
  /** Demo customer orders, made through the API at first start (the browser suite turns them off: each test server would spend seconds on them). */
  DEMO_ORDERS: z.enum(['auto', 'never']).default('auto'),
  SMTP_URL: z.string().optional(),
  MAIL_FROM: z.string().default('PlantOps <no-reply@plantops.local>'),
  PUBLIC_URL: z.string().default('http://localhost:3000'),
  ORDER_NUMBER_PREFIX: z.string().default('TOR'),
  // Scales every rate limit (load tests on one machine run far above a person's request rate).
  RATE_LIMIT_MULTIPLIER: z.coerce.number().min(0.01).max(1_000_000).default(1),
  // Adds GET /bench/baseline/:id (a bare primary-key SELECT, no auth) for `npm run bench`.
  BENCH_BASELINE_ROUTE: z.enum(['on', 'off']).default('off'),
  // Uploaded files: local disk under DATA_DIR/uploads, or an S3-compatible object store.
  STORAGE_DRIVER: z.enum(['local', 's3']).default('local'),
  S3_ENDPOINT: z.string().url().optional(),
  S3_BUCKET: z.string().min(3).max(63).optional(),
  S3_REGION: z.string().default('us-east-1'),
  S3_ACCESS_KEY_ID: z.string().optional(),
  S3_SECRET_ACCESS_KEY: z.string().optional(),
}).refine((e) => e.STORAGE_DRIVER !== 's3' || (e.S3_ENDPOINT && e.S3_BUCKET && e.S3_ACCESS_KEY_ID && e.S3_SECRET_ACCESS_KEY), {
  message: 'STORAGE_DRIVER=s3 needs S3_ENDPOINT, S3_BUCKET, S3_ACCESS_KEY_ID and S3_SECRET_ACCESS_KEY',
  path: ['STORAGE_DRIVER'],
});

export type Config = z.infer<typeof envSchema> & { dataDir: string; webDist: string | undefined };

/** Parses the environment once; an invalid value stops the process with a clear message. */
export function loadConfig(env: NodeJS.ProcessEnv = process.env): Config {
  const parsed = envSchema.safeParse(env);
  if (!parsed.success) {
    const problems = parsed.error.issues.map((i) => `${i.path.join('.')}: ${i.message}`).join('; ');
    throw new Error(`Invalid configuration: ${problems}`);
  }
  // npm runs workspace scripts inside apps/api; relative paths mean the directory npm was run from.
  const base = env.INIT_CWD ?? process.cwd();
  return {
    ...parsed.data,
    dataDir: path.resolve(base, parsed.data.DATA_DIR),
    webDist: parsed.data.WEB_DIST === undefined ? undefined : path.resolve(base, parsed.data.WEB_DIST),
  };
}
