import type { AuditEvent, Page, Store, User } from '@ddt/store';
import type { Actor, AuditLog } from '../audit/audit-log.js';
import { principalKeys } from '../auth/principals.js';
import { errors } from '../errors/app-error.js';

export interface Notification {
  id: string;
  at: string;
  title: string;
  message: string;
  campaignId: string | null;
  senderId: string | null;
}

export interface NotificationInput {
  /** A principal key: `school:<id>` reaches every user of the school, `user:<id>` one user. */
  recipient: string;
  officePath: string | null;
  title: string;
  message: string;
  campaignId?: string | undefined;
}

const ACTION = 'notification.sent';

/**
 * In-app notifications (站内通知). A notification is an audit event addressed to a principal, so
 * sending one is recorded like every other change and reading them is one indexed lookup.
 */
export class NotificationService {
  constructor(
    private readonly store: Store,
    private readonly audit: AuditLog,
  ) {}

  async send(actor: Actor, input: NotificationInput): Promise<void> {
    await this.audit.record(actor, {
      action: ACTION,
      target: input.recipient,
      officePath: input.officePath,
      detail: { title: input.title, message: input.message, campaignId: input.campaignId ?? null },
    });
  }

  /**
   * The user's notifications, newest first: those addressed to the user, to its school and to its
   * office (the same principal keys its task inbox uses). The cursor is the last item's (at, id).
   */
  async listFor(user: User, limit: number, cursor: string | undefined): Promise<Page<Notification>> {
    const after = decodeCursor(cursor);
    const events: AuditEvent[] = [];
    for (const target of principalKeys(user)) {
      const page = await this.store.findAudit({
        target,
        action: ACTION,
        limit: limit + 1,
        ...(after ? { to: new Date(new Date(after.at).getTime() + 1).toISOString() } : {}),
      });
      events.push(...page.items.filter((event) => !after || before(event, after)));
    }
    events.sort((a, b) => (before(a, b) ? 1 : before(b, a) ? -1 : 0));
    const items = events.slice(0, limit);
    const last = items.at(-1);
    return {
      items: items.map((event) => ({
        id: event.id,
        at: event.at,
        title: String(event.detail.title ?? ''),
        message: String(event.detail.message ?? ''),
        campaignId: typeof event.detail.campaignId === 'string' ? event.detail.campaignId : null,
        senderId: event.actorId,
      })),
      nextCursor: events.length > limit && last ? encodeCursor(last) : null,
    };
  }
}

/** Whether `a` comes before `b` in time order (ties by id), i.e. after it in a newest-first list. */
function before(a: Pick<AuditEvent, 'at' | 'id'>, b: Pick<AuditEvent, 'at' | 'id'>): boolean {
  return a.at < b.at || (a.at === b.at && a.id < b.id);
}

function encodeCursor(event: AuditEvent): string {
  return Buffer.from(JSON.stringify({ at: event.at, id: event.id })).toString('base64url');
}

function decodeCursor(cursor: string | undefined): { at: string; id: string } | null {
  if (!cursor) return null;
  try {
    const value = JSON.parse(Buffer.from(cursor, 'base64url').toString('utf8')) as {
      at?: unknown;
      id?: unknown;
    };
    if (typeof value.at === 'string' && typeof value.id === 'string' && !Number.isNaN(Date.parse(value.at)))
      return { at: value.at, id: value.id };
  } catch {}
  throw errors.badCursor();
}
