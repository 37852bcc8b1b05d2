import {
  ClaimDueTimersArgsSchema,
  type ClaimedTimer,
  FindMessageSubscriptionsArgsSchema,
  type MessageSubscription,
  ReleaseTimerLeaseArgsSchema,
} from '../../contract/queries.js';
import type { Store } from '../../contract/store.js';
import { assertValid } from '../../validation/assert-valid.js';
import type { SqliteContext } from '../context.js';
import { selectPage } from '../select-page.js';

type TimerOps = Pick<
  Store,
  'claimDueTimers' | 'releaseTimerLease' | 'nextTimerDueAt' | 'findMessageSubscriptions'
>;

interface TimerRow {
  instance_id: string;
  timer_id: string;
  element_id: string;
  execution_id: string;
  due_at: string;
}

export function timerOps(ctx: SqliteContext): TimerOps {
  // Writes run in an IMMEDIATE transaction (see `group-commit.ts`) that holds SQLite's write lock from
  // the read to the lease update, so two processes claiming at once never lease the same timer.
  const claim = (now: string, leaseUntil: string, owner: string, limit: number) => {
    const rows = ctx
      .statement(
        `SELECT instance_id, timer_id, element_id, execution_id, due_at FROM timers
         WHERE due_at <= ? AND (lease_until IS NULL OR lease_until <= ?) ORDER BY due_at LIMIT ?`,
      )
      .all(now, now, limit) as TimerRow[];
    const lease = ctx.statement(
      'UPDATE timers SET lease_owner = ?, lease_until = ? WHERE instance_id = ? AND timer_id = ?',
    );
    return rows.map((row): ClaimedTimer => {
      lease.run(owner, leaseUntil, row.instance_id, row.timer_id);
      return {
        instanceId: row.instance_id,
        timer: {
          id: row.timer_id,
          elementId: row.element_id,
          executionId: row.execution_id,
          dueAt: row.due_at,
        },
        leaseOwner: owner,
        leaseUntil,
      };
    });
  };

  return {
    async claimDueTimers(args) {
      assertValid(ClaimDueTimersArgsSchema, args, '定时器领取');
      const leaseUntil = new Date(Date.parse(args.now) + args.leaseMs).toISOString();
      return ctx.write(() => claim(args.now, leaseUntil, args.owner, args.limit));
    },
    async releaseTimerLease(args) {
      assertValid(ReleaseTimerLeaseArgsSchema, args, '定时器释放');
      const result = await ctx.write(() =>
        ctx
          .statement(
            `UPDATE timers SET lease_owner = NULL, lease_until = NULL
             WHERE instance_id = ? AND timer_id = ? AND lease_owner = ?`,
          )
          .run(args.instanceId, args.timerId, args.owner),
      );
      return result.changes > 0;
    },
    async nextTimerDueAt() {
      const row = ctx.statement('SELECT min(due_at) AS due FROM timers').get() as { due: string | null };
      return row.due;
    },
    async findMessageSubscriptions(args) {
      assertValid(FindMessageSubscriptionsArgsSchema, args, '消息订阅查询');
      return selectPage(ctx, {
        from: `m.instance_id, m.execution_id, m.element_id, m.name, m.correlation_key, i.version
               FROM awaited_messages m CROSS JOIN instances i ON i.id = m.instance_id`,
        where: [
          ['m.name = ?', args.name],
          ['m.correlation_key IS ?', args.correlationKey],
        ],
        orderBy: ['m.instance_id', 'm.execution_id'],
        limit: args.limit,
        cursor: args.cursor,
        parse: (value): MessageSubscription => {
          const row = value as Record<string, string | number | null>;
          return {
            instanceId: row.instance_id as string,
            instanceVersion: row.version as number,
            message: {
              elementId: row.element_id as string,
              executionId: row.execution_id as string,
              name: row.name as string,
              correlationKey: row.correlation_key as string | null,
            },
          };
        },
        keyOf: (subscription) => [subscription.instanceId, subscription.message.executionId],
      });
    },
  };
}
