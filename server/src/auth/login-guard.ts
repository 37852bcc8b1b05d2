import type { Store } from '@ddt/store';

/** Consecutive failed logins of one username that lock it. */
export const MAX_FAILED_LOGINS = 5;
/** Failures older than this no longer count; a lock lasts this long after the last failure. */
export const LOCK_WINDOW_MS = 15 * 60 * 1000;

/**
 * Lock-out after repeated failed logins, read from the audit log: every attempt appends an event for
 * `login:<username>` (`auth.login-failed`, `auth.login`, or an admin's `auth.unlocked`), so the count is
 * persisted, shared by every server process and survives a restart. It is kept per username, whether
 * or not the account exists, so a lock says nothing about which usernames exist.
 */
export class LoginGuard {
  constructor(private readonly store: Store) {}

  /** Seconds until the username may try again; 0 when it is not locked. */
  async lockedFor(username: string, now: Date): Promise<number> {
    const page = await this.store.findAudit({
      target: loginTarget(username),
      from: new Date(now.getTime() - LOCK_WINDOW_MS).toISOString(),
      limit: 50,
    });
    let failures = 0;
    let lastFailure: string | null = null;
    for (const event of page.items) {
      if (event.action === 'auth.login' || event.action === 'auth.unlocked') break;
      if (event.action !== 'auth.login-failed') continue;
      failures += 1;
      lastFailure ??= event.at;
    }
    if (failures < MAX_FAILED_LOGINS || !lastFailure) return 0;
    const until = new Date(lastFailure).getTime() + LOCK_WINDOW_MS;
    return Math.max(0, Math.ceil((until - now.getTime()) / 1000));
  }
}

export function loginTarget(username: string): string {
  return `login:${username}`;
}
