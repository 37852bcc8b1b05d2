import type { Store, User } from '@ddt/store';
import type { Actor, AuditLog } from '../audit/audit-log.js';
import { errors } from '../errors/app-error.js';
import { officePathOfUser } from '../scope/office-path-of.js';
import { LoginGuard, loginTarget } from './login-guard.js';
import { hashPassword, verifyDecoy, verifyPassword } from './password.js';
import { passwordProblem } from './password-policy.js';
import type { SessionClaims } from './session-token.js';
import type { ActiveSession, Sessions } from './sessions.js';

export interface IssuedSession {
  user: User;
  token: string;
  claims: SessionClaims;
}

/** Password login with lock-out, logout and password change; every attempt is audited. */
export class LoginService {
  readonly #guard: LoginGuard;

  constructor(
    private readonly store: Store,
    private readonly sessions: Sessions,
    private readonly audit: AuditLog,
    private readonly now: () => Date,
  ) {
    this.#guard = new LoginGuard(store);
  }

  async login(actor: Actor, username: string, password: string): Promise<IssuedSession> {
    const lockedFor = await this.#guard.lockedFor(username, this.now());
    if (lockedFor > 0) throw errors.locked(lockedFor);
    const user = await this.store.getUserByUsername(username);
    let ok = false;
    if (user) ok = await verifyPassword(user.passwordHash, password);
    else await verifyDecoy(password);
    const officePath = await officePathOfUser(this.store, user);
    if (!user || !ok) {
      await this.audit.record(actor, {
        action: 'auth.login-failed',
        target: loginTarget(username),
        officePath,
      });
      throw errors.badCredentials();
    }
    await this.audit.record(
      { ...actor, user },
      { action: 'auth.login', target: loginTarget(username), officePath },
    );
    return { user, ...this.sessions.issue(user, this.now().getTime()) };
  }

  async logout(actor: Actor, session: ActiveSession): Promise<void> {
    await this.sessions.revoke(actor, session, await officePathOfUser(this.store, session.user));
  }

  /** Changes the user's own password; every other session of the user ends, this one is re-issued. */
  async changePassword(actor: Actor, user: User, current: string, next: string): Promise<IssuedSession> {
    const officePath = await officePathOfUser(this.store, user);
    if (!(await verifyPassword(user.passwordHash, current))) {
      await this.audit.record(actor, {
        action: 'auth.password-failed',
        target: `user:${user.id}`,
        officePath,
      });
      throw errors.currentPasswordWrong();
    }
    const problem = passwordProblem(next, user.username);
    if (problem) throw errors.weakPassword(problem);
    const updated: User = { ...user, passwordHash: await hashPassword(next) };
    await this.store.putUser(updated);
    await this.audit.record(actor, {
      action: 'auth.password-changed',
      target: `user:${user.id}`,
      officePath,
    });
    return { user: updated, ...this.sessions.issue(updated, this.now().getTime()) };
  }
}
