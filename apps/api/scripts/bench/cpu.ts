import { readFileSync } from 'node:fs';

const CLOCK_TICKS_PER_MS = 100 / 1000; // Linux USER_HZ

/** CPU time (ms) a process has used, from /proc; 0 where it cannot be read. */
export function processCpuMs(pid: number | string): number {
  try {
    const fields = readFileSync(`/proc/${pid}/stat`, 'utf8').split(') ')[1]!.split(' ');
    return (Number(fields[11]) + Number(fields[12])) / CLOCK_TICKS_PER_MS;
  } catch {
    return 0;
  }
}

/**
 * The PostgreSQL processes that work for the bench: backends connected to the bench database plus
 * the shared writers (WAL writer, background writer, checkpointer). The machine's PostgreSQL is
 * shared with other engineers' test databases, whose backends are left out.
 */
export type PostgresPids = () => Promise<string[]>;

function cpuOf(pids: Iterable<string>): Map<string, number> {
  const byPid = new Map<string, number>();
  for (const pid of pids) byPid.set(pid, processCpuMs(pid));
  return byPid;
}

/** Where the CPU went during a scenario, per request: load generator, API server, PostgreSQL. */
export async function cpuMeter(serverPid: number, postgresPids: PostgresPids) {
  const genMs = () => (process.cpuUsage().user + process.cpuUsage().system) / 1000;
  const start = { gen: genMs(), api: processCpuMs(serverPid), db: cpuOf(await postgresPids()) };
  return async (requests: number) => {
    const gen = genMs();
    const api = processCpuMs(serverPid);
    // Backends that started during the run count from zero; ones that ended are not counted.
    let db = 0;
    for (const [pid, ms] of cpuOf(new Set([...start.db.keys(), ...(await postgresPids())]))) if (ms > 0) db += ms - (start.db.get(pid) ?? 0);
    const per = (ms: number) => Math.round((ms / Math.max(1, requests)) * 100) / 100;
    return { genCpu: per(gen - start.gen), apiCpu: per(api - start.api), dbCpu: per(db) };
  };
}
