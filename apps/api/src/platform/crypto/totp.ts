import { Secret, TOTP } from 'otpauth';

const ISSUER = 'PlantOps';

export const newTotpSecret = () => new Secret({ size: 20 }).base32;

const totpFor = (secret: string, label: string) =>
  new TOTP({ issuer: ISSUER, label, algorithm: 'SHA1', digits: 6, period: 30, secret: Secret.fromBase32(secret) });

export const totpUri = (secret: string, label: string) => totpFor(secret, label).toString();

/** Accepts the current code and one step either side for clock drift. */
export function verifyTotp(secret: string, code: string): boolean {
  if (!/^\d{6}$/.test(code)) return false;
  return totpFor(secret, 'check').validate({ token: code, window: 1 }) !== null;
}

export const currentTotp = (secret: string) => totpFor(secret, 'check').generate();
