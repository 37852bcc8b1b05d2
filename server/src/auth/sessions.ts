import type { Store, User } from '@ddt/store';
import type { Actor, AuditLog } from '../audit/audit-log.js';
import type { SessionClaims, SessionTokens } from './session-token.js';

export interface ActiveSession {
  user: User;
  claims: SessionClaims;
}

/**
 * Sessions are signed tokens in an httpOnly cookie, checked on every request against the store:
 * - the user must still exist and its password must be the one the session was issued for (a password
 *   change or reset ends every older session of that user);
 * - the session must not have been logged out. Logout appends an `auth.logout` audit event for the
 *   session id, which every server process sees (the audit log is indexed by target), so a logged-out
 *   cookie is refused everywhere, also after a restart.
 */
export class Sessions {
  constructor(
    private readonly store: Store,
    private readonly tokens: SessionTokens,
    private readonly audit: AuditLog,
  ) {}

  get ttlMs(): number {
    return this.tokens.ttlMs;
  }

  issue(user: User, now: number): { token: string; claims: SessionClaims } {
    return this.tokens.issue(user.id, user.passwordHash, now);
  }

  async resolve(token: string | undefined, now: number): Promise<ActiveSession | null> {
    const claims = this.tokens.verify(token, now);
    if (!claims) return null;
    const user = await this.store.getUser(claims.userId);
    if (!user || this.tokens.credentialOf(user.passwordHash) !== claims.credential) return null;
    const logout = await this.store.findAudit({
      target: sessionTarget(claims.sid),
      action: 'auth.logout',
      limit: 1,
    });
    return logout.items.length > 0 ? null : { user, claims };
  }

  async revoke(actor: Actor, session: ActiveSession, officePath: string | null): Promise<void> {
    await this.audit.record(actor, {
      action: 'auth.logout',
      target: sessionTarget(session.claims.sid),
      officePath,
      detail: { userId: session.user.id },
    });
  }
}

function sessionTarget(sid: string): string {
  return `session:${sid}`;
}
