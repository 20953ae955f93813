import type { BenchRequest, BenchTarget } from './types.js';

/** Cycles through a list, each call the next entry (each connection sees a different one). */
export function cycle<T>(list: readonly T[]): () => T {
  if (list.length === 0) throw new Error('cycle() needs at least one entry');
  let i = 0;
  return () => list[i++ % list.length]!;
}

/** A seeded pseudo-random number generator (mulberry32), so every run sends the same mix. */
export function seededRandom(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

/**
 * Draws entries with Zipf-like frequencies (rank r has weight 1/r^s): a few popular entries
 * repeat often and most are rare, as in real search logs. s = 0 draws uniformly.
 */
export function zipf<T>(list: readonly T[], s = 1, seed = 42): () => T {
  if (list.length === 0) throw new Error('zipf() needs at least one entry');
  const cumulative: number[] = [];
  let sum = 0;
  for (let r = 1; r <= list.length; r++) cumulative.push((sum += 1 / r ** s));
  const random = seededRandom(seed);
  return () => {
    const x = random() * sum;
    let lo = 0;
    let hi = cumulative.length - 1;
    while (lo < hi) {
      const mid = (lo + hi) >> 1;
      if (cumulative[mid]! < x) lo = mid + 1;
      else hi = mid;
    }
    return list[lo]!;
  };
}

/** The same request with `Cache-Control: no-cache`: the server runs its queries (decision 0006). */
export function cold(req: BenchRequest): BenchRequest {
  return { ...req, headers: { ...req.headers, 'cache-control': 'no-cache' } };
}

/** A JSON request with the given headers. */
export function jsonRequest(method: BenchRequest['method'], path: string, headers: Record<string, string>, body: unknown): BenchRequest {
  return { method, path, headers: { ...headers, 'content-type': 'application/json' }, body: JSON.stringify(body) };
}

export const percentile = (sorted: number[], p: number) => sorted[Math.min(sorted.length - 1, Math.floor((p / 100) * sorted.length))] ?? NaN;

/** "p95 < 50 ms, DB CPU < 5 ms/req" */
export function describeTarget(t: BenchTarget | undefined): string {
  if (!t) return '';
  const parts: string[] = [];
  if (t.p95Ms !== undefined) parts.push(`p95 < ${t.p95Ms} ms`);
  if (t.dbCpuMs !== undefined) parts.push(`DB CPU < ${t.dbCpuMs} ms/req`);
  if (t.serverCpuMs !== undefined) parts.push(`API+DB CPU < ${t.serverCpuMs} ms/req`);
  return parts.join(', ');
}

/** Whether a measured result meets every bound of its target. */
export function meetsTarget(t: BenchTarget | undefined, r: { p95: number; apiCpu: number; dbCpu: number }): boolean | undefined {
  if (!t) return undefined;
  if (t.p95Ms !== undefined && !(r.p95 < t.p95Ms)) return false;
  if (t.dbCpuMs !== undefined && !(r.dbCpu < t.dbCpuMs)) return false;
  if (t.serverCpuMs !== undefined && !(r.apiCpu + r.dbCpu <= t.serverCpuMs)) return false;
  return true;
}
