import { afterEach, describe, expect, it, vi } from 'vitest';
import { createJwtSigner } from './tokens.js';

const claims = { sub: 'u1', role: 'ADMIN', wid: 'w1', sid: 's1' };

describe('access tokens: verified ones are remembered, never past their expiry', () => {
  afterEach(() => vi.useRealTimers());

  it('a remembered token still expires, and a token with a changed signature is refused', async () => {
    vi.useFakeTimers({ toFake: ['Date'] });
    const jwt = createJwtSigner('a-secret-of-at-least-32-characters-long');
    const token = await jwt.sign(claims, 60);
    expect(await jwt.verify(token)).toMatchObject(claims);
    expect(await jwt.verify(token)).toMatchObject(claims);
    const [head, body, sig] = token.split('.');
    // A character inside the signature changed (the last one also holds padding bits).
    const forged = `${head}.${body}.${sig!.slice(0, 10)}${sig![10] === 'A' ? 'B' : 'A'}${sig!.slice(11)}`;
    expect(await jwt.verify(forged)).toBe('invalid');
    vi.setSystemTime(Date.now() + 61_000);
    expect(await jwt.verify(token)).toBe('expired');
  });

  it('a token signed with another secret is refused even when its claims match a remembered one', async () => {
    const jwt = createJwtSigner('a-secret-of-at-least-32-characters-long');
    const other = createJwtSigner('another-secret-of-at-least-32-characters');
    await jwt.verify(await jwt.sign(claims, 60));
    expect(await jwt.verify(await other.sign(claims, 60))).toBe('invalid');
  });
});
