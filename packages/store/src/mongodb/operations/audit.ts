import type { Document } from 'mongodb';
import { FindAuditArgsSchema } from '../../contract/queries.js';
import { AuditEventSchema } from '../../contract/records.js';
import type { Store } from '../../contract/store.js';
import { assertValid } from '../../validation/assert-valid.js';
import { CODECS } from '../codecs.js';
import type { MongoContext } from '../context.js';
import { findPage } from '../find-page.js';

type AuditOps = Pick<Store, 'appendAudit' | 'findAudit'>;

export function auditOps(ctx: MongoContext): AuditOps {
  const events = ctx.collection('auditEvents');
  return {
    async appendAudit(event) {
      assertValid(AuditEventSchema, event, '审计事件');
      await events.insertOne(CODECS.auditEvents.toDoc(event));
    },
    async findAudit(args) {
      assertValid(FindAuditArgsSchema, args, '审计查询');
      const filter: Document = {};
      if (args.actorId !== undefined) filter.actorId = args.actorId;
      if (args.target !== undefined) filter.target = args.target;
      if (args.action !== undefined) filter.action = args.action;
      if (args.from !== undefined || args.to !== undefined) {
        filter.at = {
          ...(args.from === undefined ? {} : { $gte: args.from }),
          ...(args.to === undefined ? {} : { $lt: args.to }),
        };
      }
      return findPage(events, {
        filter,
        sort: ['at', '_id'],
        descending: true,
        limit: args.limit,
        cursor: args.cursor,
        decode: (doc) => CODECS.auditEvents.fromDoc(doc),
        keyOf: (event) => [event.at, event.id],
      });
    },
  };
}
