import { createHmac, timingSafeEqual } from 'node:crypto';

export interface SessionClaims {
  userId: string;
  /** Expiry, milliseconds since the epoch. */
  expiresAt: number;
}

/**
 * A signed, self-contained session token (HMAC-SHA256), so sessions survive a restart and several
 * server processes can share them with nothing but the secret.
 */
export class SessionTokens {
  constructor(
    private readonly secret: string,
    private readonly ttlMs: number,
  ) {}

  issue(userId: string, now: number): string {
    const payload = Buffer.from(JSON.stringify({ userId, expiresAt: now + this.ttlMs })).toString(
      'base64url',
    );
    return `${payload}.${this.#sign(payload)}`;
  }

  verify(token: string | undefined, now: number): SessionClaims | null {
    if (!token) return null;
    const [payload, signature] = token.split('.');
    if (!payload || !signature) return null;
    const expected = Buffer.from(this.#sign(payload));
    const given = Buffer.from(signature);
    if (expected.length !== given.length || !timingSafeEqual(expected, given)) return null;
    try {
      const claims = JSON.parse(Buffer.from(payload, 'base64url').toString('utf8')) as SessionClaims;
      return typeof claims.userId === 'string' && claims.expiresAt > now ? claims : null;
    } catch {
      return null;
    }
  }

  #sign(payload: string): string {
    return createHmac('sha256', this.secret).update(payload).digest('base64url');
  }
}
