import type { Document } from 'mongodb';
import {
  ClaimDueTimersArgsSchema,
  type ClaimedTimer,
  FindMessageSubscriptionsArgsSchema,
  type MessageSubscription,
  ReleaseTimerLeaseArgsSchema,
} from '../../contract/queries.js';
import type { ArmedTimer, AwaitedMessage } from '../../contract/records.js';
import type { Store } from '../../contract/store.js';
import { decodeCursor, pageOf } from '../../pagination/cursor.js';
import { assertValid } from '../../validation/assert-valid.js';
import type { MongoContext } from '../context.js';
import { isDuplicateKey } from '../translate-error.js';

type TimerOps = Pick<
  Store,
  'claimDueTimers' | 'releaseTimerLease' | 'nextTimerDueAt' | 'findMessageSubscriptions'
>;

/**
 * Timers stay embedded in their instance; leases live in `timerLeases`, one document per armed timer,
 * keyed by instance, timer and due time. A lease is taken with a conditional upsert on that `_id`, so
 * of two schedulers exactly one gets it (the other hits the unique `_id`), and the instance document
 * is never touched by the scheduler: its version-checked writes cannot clobber a lease. Re-arming a
 * timer at another time changes the key, which ends the old lease.
 */
const SEPARATOR = '\u001f';
const leaseIdOf = (instanceId: string, timer: Pick<ArmedTimer, 'id' | 'dueAt'>) =>
  [instanceId, timer.id, timer.dueAt].join(SEPARATOR);
const DAY_MS = 86_400_000;

export function timerOps(ctx: MongoContext): TimerOps {
  const instances = ctx.collection('instances');
  const leases = ctx.collection('timerLeases');
  return {
    async claimDueTimers(args) {
      assertValid(ClaimDueTimersArgsSchema, args, '定时器领取');
      const leaseUntilMs = Date.parse(args.now) + args.leaseMs;
      const leaseUntil = new Date(leaseUntilMs).toISOString();
      // Due timers without a live lease, earliest first (timers_due index, then a lookup by `_id`).
      const findCandidates = (count: number) =>
        instances
          .aggregate([
            { $match: { 'timers.dueAt': { $lte: args.now } } },
            { $project: { timers: 1 } },
            { $unwind: '$timers' },
            { $match: { 'timers.dueAt': { $lte: args.now } } },
            { $sort: { 'timers.dueAt': 1, _id: 1, 'timers.id': 1 } },
            {
              $lookup: {
                from: 'timerLeases',
                let: { leaseId: { $concat: ['$_id', SEPARATOR, '$timers.id', SEPARATOR, '$timers.dueAt'] } },
                pipeline: [
                  {
                    $match: {
                      $expr: { $and: [{ $eq: ['$_id', '$$leaseId'] }, { $gt: ['$leaseUntil', args.now] }] },
                    },
                  },
                ],
                as: 'liveLease',
              },
            },
            { $match: { liveLease: { $size: 0 } } },
            { $limit: count },
          ])
          .toArray();
      const claimed: ClaimedTimer[] = [];
      // Another scheduler may take candidates between the lookup and the lease; look again for the
      // rest until the batch is full or nothing unleased is due.
      for (let round = 0; round < 10 && claimed.length < args.limit; round++) {
        const candidates = await findCandidates(args.limit - claimed.length);
        if (candidates.length === 0) break;
        for (const candidate of candidates) {
          const instanceId = candidate._id as string;
          const timer = candidate.timers as ArmedTimer;
          try {
            await leases.updateOne(
              { _id: leaseIdOf(instanceId, timer), leaseUntil: { $lte: args.now } },
              {
                $set: {
                  instanceId,
                  timerId: timer.id,
                  dueAt: timer.dueAt,
                  owner: args.owner,
                  leaseUntil,
                  expiresAt: new Date(leaseUntilMs + DAY_MS),
                },
              },
              { upsert: true },
            );
            claimed.push({ instanceId, timer, leaseOwner: args.owner, leaseUntil });
          } catch (error) {
            if (!isDuplicateKey(error)) throw error; // another scheduler holds it
          }
        }
      }
      return claimed;
    },
    async releaseTimerLease(args) {
      assertValid(ReleaseTimerLeaseArgsSchema, args, '定时器释放');
      const result = await leases.deleteMany({
        instanceId: args.instanceId,
        timerId: args.timerId,
        owner: args.owner,
      });
      return result.deletedCount > 0;
    },
    async nextTimerDueAt() {
      // Ascending on a multikey field orders documents by their earliest timer.
      const doc = await instances
        .find({ 'timers.dueAt': { $gte: '' } }, { projection: { timers: 1 } })
        .sort({ 'timers.dueAt': 1 })
        .limit(1)
        .next();
      if (!doc) return null;
      return (doc.timers as ArmedTimer[]).map((timer) => timer.dueAt).sort()[0] ?? null;
    },
    async findMessageSubscriptions(args) {
      assertValid(FindMessageSubscriptionsArgsSchema, args, '消息订阅查询');
      const after = decodeCursor(args.cursor, 2);
      const message: Document = { name: args.name, correlationKey: args.correlationKey };
      const perMessage: Document = {
        'messages.name': args.name,
        'messages.correlationKey': args.correlationKey,
      };
      if (after) {
        perMessage.$or = [
          { _id: { $gt: after[0] } },
          { _id: after[0], 'messages.executionId': { $gt: after[1] } },
        ];
      }
      const docs = await instances
        .aggregate([
          { $match: { messages: { $elemMatch: message }, ...(after ? { _id: { $gte: after[0] } } : {}) } },
          { $project: { version: 1, messages: 1 } },
          { $unwind: '$messages' },
          { $match: perMessage },
          { $sort: { _id: 1, 'messages.executionId': 1 } },
          { $limit: args.limit + 1 },
        ])
        .toArray();
      const subscriptions = docs.map(
        (doc): MessageSubscription => ({
          instanceId: doc._id as string,
          instanceVersion: doc.version as number,
          message: doc.messages as AwaitedMessage,
        }),
      );
      return pageOf(subscriptions, args.limit, (s) => [s.instanceId, s.message.executionId]);
    },
  };
}
