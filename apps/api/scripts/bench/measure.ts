import autocannon from 'autocannon';
import { cpuMeter, type PostgresPids } from './cpu.js';
import { describeTarget, meetsTarget, percentile } from './helpers.js';
import type { BenchTarget, PreparedScenario } from './types.js';

export interface Measured {
  name: string;
  target?: BenchTarget;
  rps: number;
  p50: number;
  p95: number;
  p99: number;
  /** Responses whose status was not one of the scenario's success codes. */
  errors: number;
  genCpu: number;
  apiCpu: number;
  dbCpu: number;
}

export interface LoadOptions {
  connections: number;
  durationSeconds: number;
  /** Unmeasured load first, so a row shows a running server, not its first cold second. */
  warmupSeconds: number;
  serverPid: number;
  postgresPids: PostgresPids;
}

/** Drives one prepared scenario with autocannon; every response's latency is kept, so p95 is exact. */
export async function measure(base: string, name: string, target: BenchTarget | undefined, s: PreparedScenario, o: LoadOptions): Promise<Measured> {
  // The warm-up continues the scenario's own stream (its mix, its unique bodies): connections'
  // prepared statements, PostgreSQL's buffers and the read caches reach their running state.
  if (o.warmupSeconds > 0) await drive(base, s, o.connections, o.warmupSeconds, () => {});
  const meter = await cpuMeter(o.serverPid, o.postgresPids);
  const ok = new Set(s.okStatus ?? [200]);
  const times: number[] = [];
  let errors = 0;
  const result = await drive(base, s, o.connections, o.durationSeconds, (status, ms) => {
    if (!ok.has(status)) errors += 1;
    times.push(ms);
  });
  times.sort((a, b) => a - b);
  const ms = (v: number) => Math.round(v * 10) / 10;
  return { name, target, ...(await meter(times.length)), rps: Math.round(result.requests.average), p50: ms(percentile(times, 50)), p95: ms(percentile(times, 95)), p99: ms(percentile(times, 99)), errors };
}

/** Runs autocannon for `seconds` with every request built anew by the scenario. */
function drive(base: string, s: PreparedScenario, connections: number, seconds: number, onResponse: (status: number, ms: number) => void): Promise<autocannon.Result> {
  return new Promise<autocannon.Result>((resolve, reject) => {
    const instance = autocannon(
      {
        url: base,
        connections,
        duration: seconds,
        // One request template whose every send is built anew by the scenario (its mix, unique bodies).
        requests: [{ setupRequest: (req) => {
          const r = s.next();
          return { ...req, method: r.method ?? 'GET', path: r.path, headers: r.headers ?? {}, body: r.body };
        } }],
      },
      (err, res) => (err ? reject(err) : resolve(res)),
    );
    instance.on('response', (_client, status, _bytes, ms) => onResponse(status, ms));
  });
}

/** The results as a Markdown table, each row beside the same run's baseline. */
export function table(results: Measured[], header: string): string {
  const baseline = results[0]!;
  const lines = [
    header,
    '',
    '| scenario | req/s | p50 ms | p95 ms | p99 ms | p95 / baseline p95 | CPU/req / baseline | errors | CPU ms/req: load gen / API / DB | target |',
    '|---|---|---|---|---|---|---|---|---|---|',
  ];
  const serverCpu = (r: Measured) => r.apiCpu + r.dbCpu;
  for (const r of results) {
    const ratio = (r.p95 / Math.max(0.1, baseline.p95)).toFixed(1);
    const cpuRatio = (serverCpu(r) / Math.max(0.01, serverCpu(baseline))).toFixed(1);
    const met = meetsTarget(r.target, r);
    const verdict = met === undefined ? '' : met ? 'met' : 'MISSED';
    lines.push(`| ${r.name} | ${r.rps} | ${r.p50} | ${r.p95} | ${r.p99} | ${ratio}x | ${cpuRatio}x | ${r.errors} | ${r.genCpu} / ${r.apiCpu} / ${r.dbCpu} | ${describeTarget(r.target)} ${verdict} |`);
  }
  return lines.join('\n');
}
