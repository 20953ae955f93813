/**
 * Fixed-window request counters kept in process memory. Counters are ephemeral throttling state,
 * not business data; with several server processes each enforces the limit on its own traffic,
 * which a load balancer with sticky sessions turns into the intended per-user limit.
 */
export interface RateLimitRule {
  /** Requests allowed per window. */
  limit: number;
  windowSeconds: number;
  /** Requests allowed within any burst window (a short sub-window). */
  burst?: number;
  burstWindowSeconds?: number;
}

export interface RateLimitDecision {
  allowed: boolean;
  /** The limit this decision reports: the window's, or the burst's when the burst refused. */
  limit: number;
  remaining: number;
  /** Epoch seconds when the window resets. */
  resetAt: number;
  retryAfterSeconds: number;
  windowSeconds: number;
}

interface Counter {
  windowStart: number;
  count: number;
  burstStart: number;
  burstCount: number;
}

export class RateLimiter {
  private counters = new Map<string, Counter>();
  private sweeper: NodeJS.Timeout;

  constructor(private now: () => number = Date.now) {
    this.sweeper = setInterval(() => this.sweep(), 60_000);
    this.sweeper.unref();
  }

  consume(key: string, rule: RateLimitRule): RateLimitDecision {
    const now = this.now();
    const windowMs = rule.windowSeconds * 1000;
    const burstMs = (rule.burstWindowSeconds ?? 10) * 1000;
    let c = this.counters.get(key);
    if (!c || now - c.windowStart >= windowMs) {
      c = { windowStart: now, count: 0, burstStart: now, burstCount: 0 };
      this.counters.set(key, c);
    }
    if (now - c.burstStart >= burstMs) {
      c.burstStart = now;
      c.burstCount = 0;
    }
    const resetAtMs = c.windowStart + windowMs;
    const overWindow = c.count >= rule.limit;
    const overBurst = rule.burst !== undefined && c.burstCount >= rule.burst;
    const allowed = !overWindow && !overBurst;
    if (allowed) {
      c.count += 1;
      c.burstCount += 1;
    }
    if (overBurst && !overWindow) {
      // The burst refused: report the burst limit and its window, not the per-minute budget left.
      const burstResetMs = c.burstStart + burstMs;
      return {
        allowed: false,
        limit: rule.burst!,
        remaining: 0,
        resetAt: Math.ceil(burstResetMs / 1000),
        retryAfterSeconds: Math.max(1, Math.ceil((burstResetMs - now) / 1000)),
        windowSeconds: burstMs / 1000,
      };
    }
    return {
      allowed,
      limit: rule.limit,
      remaining: Math.max(0, rule.limit - c.count),
      resetAt: Math.ceil(resetAtMs / 1000),
      retryAfterSeconds: allowed ? 0 : Math.max(1, Math.ceil((resetAtMs - now) / 1000)),
      windowSeconds: rule.windowSeconds,
    };
  }

  /** Forgets a key, e.g. an account's login counter after a successful login. */
  reset(key: string) {
    this.counters.delete(key);
  }

  private sweep() {
    const cutoff = this.now() - 3_600_000;
    for (const [key, c] of this.counters) if (c.windowStart < cutoff) this.counters.delete(key);
  }

  close() {
    clearInterval(this.sweeper);
  }
}
