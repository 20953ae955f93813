import { afterEach, describe, expect, it } from 'vitest';
import { RateLimiter } from './rate-limiter.js';

describe('RateLimiter', () => {
  let now = 1_000_000;
  const limiter = new RateLimiter(() => now);
  afterEach(() => limiter.reset('k'));

  it('allows up to the limit per window, then refuses until the window resets', () => {
    const rule = { limit: 2, windowSeconds: 60 };
    expect(limiter.consume('k', rule)).toMatchObject({ allowed: true, remaining: 1 });
    expect(limiter.consume('k', rule)).toMatchObject({ allowed: true, remaining: 0 });
    const refused = limiter.consume('k', rule);
    expect(refused).toMatchObject({ allowed: false, retryAfterSeconds: 60 });
    now += 60_000;
    expect(limiter.consume('k', rule).allowed).toBe(true);
  });

  it('enforces the burst within its short window', () => {
    const rule = { limit: 100, windowSeconds: 60, burst: 2, burstWindowSeconds: 10 };
    limiter.consume('k', rule);
    limiter.consume('k', rule);
    // The refusal reports the limit that refused: 2 per 10 seconds, none left, reset when the burst window ends.
    expect(limiter.consume('k', rule)).toMatchObject({ allowed: false, retryAfterSeconds: 10, limit: 2, remaining: 0, windowSeconds: 10, resetAt: Math.ceil((now + 10_000) / 1000) });
    now += 10_000;
    expect(limiter.consume('k', rule).allowed).toBe(true);
  });
});
