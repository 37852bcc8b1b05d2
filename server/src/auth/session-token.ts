import { createHmac, randomBytes, timingSafeEqual } from 'node:crypto';

export interface SessionClaims {
  /** Session id: logout revokes exactly this session. */
  sid: string;
  userId: string;
  /** Milliseconds since the epoch. */
  issuedAt: number;
  expiresAt: number;
  /**
   * A keyed digest of the user's password hash at login. Changing or resetting the password changes the
   * hash, so every session issued before no longer matches and ends (the same idea as Django's session
   * auth hash).
   */
  credential: string;
}

/**
 * A signed, self-contained session token (HMAC-SHA256): several server processes can check it with
 * nothing but the secret. Revocation is checked by `Sessions` against the store.
 */
export class SessionTokens {
  constructor(
    private readonly secret: string,
    readonly ttlMs: number,
  ) {}

  issue(userId: string, passwordHash: string, now: number): { token: string; claims: SessionClaims } {
    const claims: SessionClaims = {
      sid: randomBytes(16).toString('base64url'),
      userId,
      issuedAt: now,
      expiresAt: now + this.ttlMs,
      credential: this.credentialOf(passwordHash),
    };
    const payload = Buffer.from(JSON.stringify(claims)).toString('base64url');
    return { token: `${payload}.${this.#sign(payload)}`, claims };
  }

  /** The claims of a well-signed, unexpired token; null for anything else. */
  verify(token: string | undefined, now: number): SessionClaims | null {
    if (!token || token.length > 1000) return null;
    const [payload, signature, extra] = token.split('.');
    if (!payload || !signature || extra !== undefined) return null;
    const expected = Buffer.from(this.#sign(payload));
    const given = Buffer.from(signature);
    if (expected.length !== given.length || !timingSafeEqual(expected, given)) return null;
    try {
      const claims = JSON.parse(Buffer.from(payload, 'base64url').toString('utf8')) as SessionClaims;
      const wellFormed =
        typeof claims.sid === 'string' &&
        typeof claims.userId === 'string' &&
        typeof claims.credential === 'string' &&
        typeof claims.issuedAt === 'number' &&
        typeof claims.expiresAt === 'number';
      return wellFormed && claims.expiresAt > now ? claims : null;
    } catch {
      return null;
    }
  }

  credentialOf(passwordHash: string): string {
    return createHmac('sha256', this.secret)
      .update(`credential:${passwordHash}`)
      .digest('base64url')
      .slice(0, 22);
  }

  #sign(payload: string): string {
    return createHmac('sha256', this.secret).update(payload).digest('base64url');
  }
}
