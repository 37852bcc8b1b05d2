import { randomUUID } from 'node:crypto';
import type { AuditEvent, FindAuditArgs, Page, Store, User } from '@ddt/store';

/** Who does something, and through which request: what every audit event records besides the change. */
export interface Actor {
  user: User | null;
  requestId: string | null;
  ip: string | null;
}

/** A system actor for work no request started (start-up recovery, the scheduler). */
export const systemActor: Actor = { user: null, requestId: null, ip: null };

export interface AuditEntry {
  /** Dot-namespaced verb: `school.updated`, `task.completed`, `submission.read`. */
  action: string;
  /** What it concerns, as `<kind>:<id>` (`school:s-01`, `task:<id>`, `login:<username>`). */
  target: string;
  /**
   * The office path the event belongs to; an office admin's audit query shows the events of its subtree.
   * Null for events of no office (a failed login with an unknown username): only a root office sees them.
   */
  officePath: string | null;
  detail?: Record<string, unknown>;
}

/**
 * The append-only audit log. The store has no operation that changes or deletes an event, and the API
 * has no route that could; recording is the only write.
 */
export class AuditLog {
  constructor(
    private readonly store: Store,
    private readonly now: () => Date,
  ) {}

  async record(actor: Actor, entry: AuditEntry): Promise<AuditEvent> {
    const event: AuditEvent = {
      id: `ae_${randomUUID()}`,
      at: this.now().toISOString(),
      actorId: actor.user?.id ?? null,
      action: entry.action,
      target: entry.target.slice(0, 300),
      requestId: actor.requestId,
      ip: actor.ip,
      detail: { ...(entry.detail ?? {}), officePath: entry.officePath },
    };
    await this.store.appendAudit(event);
    return event;
  }

  find(args: FindAuditArgs): Promise<Page<AuditEvent>> {
    return this.store.findAudit(args);
  }
}

export function officePathOf(event: AuditEvent): string | null {
  const path = event.detail.officePath;
  return typeof path === 'string' ? path : null;
}
