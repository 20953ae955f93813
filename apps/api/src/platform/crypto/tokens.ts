import { createHash, randomBytes, timingSafeEqual } from 'node:crypto';
import { createSigner, createVerifier, TokenError } from 'fast-jwt';

/** 256-bit random token, URL-safe; used for refresh, reset and session ids. */
export const randomToken = (bytes = 32) => randomBytes(bytes).toString('base64url');

/** Tokens are stored only as their SHA-256: a database leak does not hand out sessions. */
export const sha256 = (value: string) => createHash('sha256').update(value).digest('hex');

export function safeEqual(a: string, b: string): boolean {
  const ab = Buffer.from(a);
  const bb = Buffer.from(b);
  return ab.length === bb.length && timingSafeEqual(ab, bb);
}

export interface AccessClaims {
  sub: string;
  role: string;
  wid: string;
  sid: string;
}

export interface JwtSigner {
  sign(claims: AccessClaims, ttlSeconds: number): Promise<string>;
  /** Returns the claims, or 'expired' / 'invalid'. Never throws for a bad token. */
  verify(token: string): Promise<(AccessClaims & { exp: number }) | 'expired' | 'invalid'>;
}

const ISSUER = 'plantops';
const AUDIENCE = 'plantops-api';

/**
 * HS256 access tokens. fast-jwt verifies synchronously with node:crypto: this runs on every
 * request, and WebCrypto's async verify (jose) cost ~15x more CPU per call here.
 */
export function createJwtSigner(secret: string): JwtSigner {
  const signers = new Map<number, (payload: Record<string, unknown>) => string>();
  const signerFor = (ttlSeconds: number) => {
    let signer = signers.get(ttlSeconds);
    if (!signer) {
      signer = createSigner({ key: secret, algorithm: 'HS256', iss: ISSUER, aud: AUDIENCE, expiresIn: ttlSeconds * 1000, header: { alg: 'HS256', typ: 'JWT' } });
      signers.set(ttlSeconds, signer);
    }
    return signer;
  };
  // A verified token is remembered until its expiry (at most 10 minutes): a session's requests
  // carry the same token, and its check was 5% of a request's CPU. Revocation does not rest on
  // this: the session itself is checked on every request (decision 0003).
  const verifier = createVerifier({
    key: secret, algorithms: ['HS256'], allowedIss: ISSUER, allowedAud: AUDIENCE, requiredClaims: ['exp', 'sub'],
    cache: 10_000, cacheTTL: 10 * 60_000,
  });
  return {
    sign: async (claims, ttlSeconds) => signerFor(ttlSeconds)({ sub: claims.sub, role: claims.role, wid: claims.wid, sid: claims.sid }),
    async verify(token) {
      try {
        const payload = verifier(token) as Partial<AccessClaims> & { exp?: number };
        const { sub, role, wid, sid, exp } = payload;
        if (!sub || typeof role !== 'string' || typeof wid !== 'string' || typeof sid !== 'string' || !exp) return 'invalid';
        return { sub, role, wid, sid, exp };
      } catch (err) {
        return err instanceof TokenError && err.code === TokenError.codes.expired ? 'expired' : 'invalid';
      }
    },
  };
}
