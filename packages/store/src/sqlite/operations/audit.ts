import { FindAuditArgsSchema } from '../../contract/queries.js';
import { type AuditEvent, AuditEventSchema } from '../../contract/records.js';
import type { Store } from '../../contract/store.js';
import { assertValid } from '../../validation/assert-valid.js';
import { docOf, type SqliteContext } from '../context.js';
import { type Condition, selectPage } from '../select-page.js';

type AuditOps = Pick<Store, 'appendAudit' | 'findAudit'>;

export function auditOps(ctx: SqliteContext): AuditOps {
  return {
    async appendAudit(event) {
      assertValid(AuditEventSchema, event, '审计事件');
      await ctx.write(() =>
        ctx
          .statement(
            'INSERT INTO audit_events (id, at, actor_id, action, target, doc) VALUES (?, ?, ?, ?, ?, ?)',
          )
          .run(event.id, event.at, event.actorId, event.action, event.target, JSON.stringify(event)),
      );
    },
    async findAudit(args) {
      assertValid(FindAuditArgsSchema, args, '审计查询');
      const where: Condition[] = [];
      if (args.actorId !== undefined) where.push(['actor_id = ?', args.actorId]);
      if (args.target !== undefined) where.push(['target = ?', args.target]);
      if (args.action !== undefined) where.push(['action = ?', args.action]);
      if (args.from !== undefined) where.push(['at >= ?', args.from]);
      if (args.to !== undefined) where.push(['at < ?', args.to]);
      return selectPage(ctx, {
        from: 'doc FROM audit_events',
        where,
        orderBy: ['at', 'id'],
        descending: true,
        limit: args.limit,
        cursor: args.cursor,
        parse: (row) => docOf<AuditEvent>(row)!,
        keyOf: (event) => [event.at, event.id],
      });
    },
  };
}
