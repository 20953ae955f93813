import type { Database } from '../../src/platform/db/database.js';

/** One HTTP request the load generator sends. `body` is sent as JSON text. */
export interface BenchRequest {
  method?: 'GET' | 'POST' | 'PUT' | 'PATCH' | 'DELETE';
  path: string;
  headers?: Record<string, string>;
  body?: string;
}

/** What a scenario must reach; each bound that is set is checked and printed met/MISSED. */
export interface BenchTarget {
  /** 95th percentile latency, milliseconds. */
  p95Ms?: number;
  /** PostgreSQL CPU per request, milliseconds (robust on a shared machine). */
  dbCpuMs?: number;
  /** API + PostgreSQL CPU per request, milliseconds. */
  serverCpuMs?: number;
}

/** Headers for one signed-in user. */
export type AuthHeaders = Record<string, string>;

/** What every scenario's prepare step gets: the running server and helpers. */
export interface BenchContext {
  /** http://127.0.0.1:<port> of the server under test. */
  base: string;
  /** A connection to the bench database (superuser) for picking sample rows; do not write through it during a run. */
  db: Database;
  /** Command-line options (strings), e.g. `options.items`. */
  options: Record<string, string | boolean | undefined>;
  /** Signs in (once per e-mail per run) and returns Bearer headers. Demo users share DEMO_PASSWORD. */
  signIn(email: string): Promise<AuthHeaders>;
  /** The demo admin's headers. */
  admin(): Promise<AuthHeaders>;
}

/** A scenario ready to run: `next()` gives the request to send, called once per request. */
export interface PreparedScenario {
  next(): BenchRequest;
  /** Status codes counted as success (default [200]). */
  okStatus?: number[];
}

/**
 * A benchmark scenario. Files in ./scenarios export `scenarios: ScenarioDefinition[]`; the runner
 * picks up every file there (no central list to edit), in file-name order.
 */
export interface ScenarioDefinition {
  name: string;
  target?: BenchTarget;
  /** Runs after the server is up: sign in, pick sample ids, build the request mix. */
  prepare(ctx: BenchContext): Promise<PreparedScenario>;
}
