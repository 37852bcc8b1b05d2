import { AuditEventSchema } from '../../contract/records.js';
import type { Store } from '../../contract/store.js';
import { assertValid } from '../../validation/assert-valid.js';
import type { SqliteContext } from '../context.js';

type AuditOps = Pick<Store, 'appendAudit'>;

export function auditOps(ctx: SqliteContext): AuditOps {
  return {
    async appendAudit(event) {
      assertValid(AuditEventSchema, event, '审计事件');
      ctx
        .statement(
          'INSERT INTO audit_events (id, at, actor_id, action, target, doc) VALUES (?, ?, ?, ?, ?, ?)',
        )
        .run(event.id, event.at, event.actorId, event.action, event.target, JSON.stringify(event));
    },
  };
}
