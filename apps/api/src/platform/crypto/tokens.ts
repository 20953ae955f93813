import { createHash, randomBytes, timingSafeEqual } from 'node:crypto';
import { SignJWT, jwtVerify, errors as joseErrors } from 'jose';

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

export function createJwtSigner(secret: string): JwtSigner {
  const key = new TextEncoder().encode(secret);
  return {
    sign: (claims, ttlSeconds) =>
      new SignJWT({ role: claims.role, wid: claims.wid, sid: claims.sid })
        .setProtectedHeader({ alg: 'HS256', typ: 'JWT' })
        .setSubject(claims.sub)
        .setIssuer(ISSUER)
        .setAudience(AUDIENCE)
        .setIssuedAt()
        .setExpirationTime(`${ttlSeconds}s`)
        .sign(key),
    async verify(token) {
      try {
        const { payload } = await jwtVerify(token, key, { issuer: ISSUER, audience: AUDIENCE, algorithms: ['HS256'] });
        const { sub, role, wid, sid, exp } = payload as Partial<AccessClaims> & { exp?: number };
        if (!sub || typeof role !== 'string' || typeof wid !== 'string' || typeof sid !== 'string' || !exp) return 'invalid';
        return { sub, role, wid, sid, exp };
      } catch (err) {
        return err instanceof joseErrors.JWTExpired ? 'expired' : 'invalid';
      }
    },
  };
}
