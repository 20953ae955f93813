const BASE_MS = 1_000;
const MAX_MS = 30_000;

/** Exponential back-off with jitter: about 1 s, 2 s, 4 s … capped at 30 s. */
export function backoffDelay(attempt: number): number {
  const ceiling = Math.min(MAX_MS, BASE_MS * 2 ** Math.min(attempt, 10));
  return Math.round(ceiling / 2 + Math.random() * (ceiling / 2));
}

/** When to renew the access token before it expires: a minute early, spread so tabs do not collide. */
export function renewDelay(expiresAt: number, now = Date.now()): number {
  const early = 60_000 + Math.random() * 30_000;
  return Math.max(5_000, expiresAt - now - early);
}
